/** Reading the plan: anyone in the workspace may. On hand-written SQL: `/improve status` waits on it. */

import type { Programme, Workstream } from '../db/generated/sqlite/client.js';
import { concat, jsonRows, parsed, reviveDates, text } from '../db/json-rows.js';
import { asDate, type Query, type Sql, sql } from '../db/sql.js';
import type { Deps } from './deps.js';
import {
  chooseProgramme,
  chosenProgrammeId,
  type ProgrammeChoice,
  type ProgrammeScope,
  programmeChoices,
  programmeIfAny,
} from './programme.js';

export interface WorkstreamSummary extends Workstream {
  leadUserIds: string[];
  lastUpdateAt: Date | null;
}

/** A Workstream's columns, for reading workstreams as JSON (db/json-rows.ts). */
export const WORKSTREAM_COLUMNS = [
  'id',
  'workspaceId',
  'programmeId',
  'code',
  'name',
  'theme',
  'criticalFriendId',
  'rag',
  'ragChangedAt',
  'closedAt',
  'closedReason',
  'createdAt',
] as const;
export const WORKSTREAM_DATES = ['ragChangedAt', 'closedAt', 'createdAt'] as const;

/**
 * The programme's workstreams with their leads and latest update, in code order: 1 query, or 2
 * when the caller has not already loaded the programme.
 */
export async function listWorkstreams(
  deps: Deps,
  actor: ProgrammeScope,
  loaded?: Pick<Programme, 'id'>,
): Promise<WorkstreamSummary[]> {
  const programme = loaded ?? (await programmeIfAny(deps.sql, actor));
  if (!programme) return [];
  const rows = await deps.sql.all<Workstream & { lastUpdateAt: unknown; leadUserIds: unknown }>(
    concat(
      workstreamsOf(deps.sql.provider, sql`${programme.id}`, actor.workspaceId),
      text(' ORDER BY w."code"'),
    ),
  );
  return rows.map((w) => ({
    ...w,
    lastUpdateAt: asDate(w.lastUpdateAt),
    leadUserIds: leadIds(w.leadUserIds),
  }));
}

/**
 * The programme the scope chooses (chooseProgramme, with its refusals) and its workstreams as
 * listWorkstreams gives them, in one statement: the workspace's programmes, and the workstreams of
 * the programme chosen in SQL by the same rule. Only a programme named by name (`--programme`)
 * takes a second statement.
 */
export async function programmeWithWorkstreams(
  deps: Deps,
  scope: ProgrammeScope,
): Promise<{ programme: ProgrammeChoice; workstreams: WorkstreamSummary[] }> {
  const { provider } = deps.sql;
  const columns = [...WORKSTREAM_COLUMNS, 'lastUpdateAt', 'leadUserIds'];
  const row = await deps.sql.one<{ _programmes: unknown; _chosen: number | null; _workstreams: unknown }>(
    concat(
      text('WITH chosen AS (SELECT '),
      chosenProgrammeId(scope),
      text(' AS "id") SELECT '),
      programmeChoices(provider, scope.workspaceId),
      text(' AS "_programmes", (SELECT "id" FROM chosen) AS "_chosen", '),
      jsonRows(
        provider,
        columns,
        concat(
          text('FROM ('),
          workstreamsOf(provider, text('(SELECT "id" FROM chosen)'), scope.workspaceId),
          text(') t'),
        ),
        'code',
      ),
      text(' AS "_workstreams"'),
    ),
  );
  const programme = chooseProgramme(parsed<ProgrammeChoice>(row?._programmes), scope);
  if (row?._chosen !== programme.id)
    return { programme, workstreams: await listWorkstreams(deps, scope, programme) };
  const workstreams = parsed<Record<string, unknown>>(row._workstreams).map((w) => {
    const summary = reviveDates<WorkstreamSummary>(w, [...WORKSTREAM_DATES, 'lastUpdateAt']);
    summary.leadUserIds = leadIds(summary.leadUserIds);
    return summary;
  });
  return { programme, workstreams };
}

/**
 * Each open workstream of `programme` (an id, or a subquery giving one) with its latest update (a
 * walk down the (workstreamId, createdAt) index, so the cost does not grow with the number of
 * updates) and its leads' platform ids in person order, as a JSON array. The providers differ
 * only in the aggregate's name.
 */
function workstreamsOf(provider: Sql['provider'], programme: Query, workspaceId: string): Query {
  const agg = provider === 'postgresql' ? 'json_agg' : 'json_group_array';
  return concat(
    text(`SELECT w.*, (SELECT u."createdAt" FROM "Update" u WHERE u."workstreamId" = w."id" AND u."withdrawnAt" IS NULL
                       ORDER BY u."createdAt" DESC LIMIT 1) AS "lastUpdateAt",
                 (SELECT ${agg}(p."platformUserId" ORDER BY l."personId") FROM "WorkstreamLead" l
                  JOIN "Person" p ON p."id" = l."personId"
                  WHERE l."workstreamId" = w."id" AND l."workspaceId" = `),
    sql`${workspaceId}) AS "leadUserIds"
          FROM "Workstream" w WHERE w."programmeId" = `,
    programme,
    sql` AND w."workspaceId" = ${workspaceId} AND w."closedAt" IS NULL`,
  );
}

/** json_agg arrives parsed (null for none), json_group_array as text; inside JSON, as either. */
function leadIds(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as string[];
}
