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
    concat(workstreamsOf(deps.sql.provider, programme.id, actor.workspaceId), text(' ORDER BY w."code"')),
  );
  return rows.map((w) => ({
    ...w,
    lastUpdateAt: asDate(w.lastUpdateAt),
    leadUserIds: leadIds(w.leadUserIds),
  }));
}

/** A workstream as the RAG summary sheet shows it. */
export type WorkstreamRag = Pick<Workstream, 'id' | 'code' | 'name' | 'rag'> & { lastUpdateAt: Date | null };

/**
 * The programme the scope chooses (chooseProgramme, with its refusals) and its open workstreams'
 * RAG and latest update, in code order, in one statement: the workspace's programmes beside the
 * workstreams of the programme chosen in SQL by the same rule. Only a programme named by name
 * (`--programme`) takes a second statement. Only the columns the sheet shows are read: a
 * workstream's other columns and its leads were most of the cost of each one.
 */
export async function programmeWithWorkstreams(
  deps: Deps,
  scope: ProgrammeScope,
): Promise<{ programme: ProgrammeChoice; workstreams: WorkstreamRag[] }> {
  const { provider } = deps.sql;
  const row = await deps.sql.one<{ _programmes: unknown; _chosen: number | null; _workstreams: unknown }>(
    concat(
      text('WITH chosen AS (SELECT '),
      chosenProgrammeId(scope),
      text(' AS "id") SELECT '),
      programmeChoices(provider, scope.workspaceId),
      text(' AS "_programmes", (SELECT "id" FROM chosen) AS "_chosen", '),
      jsonRows(
        provider,
        ['id', 'code', 'name', 'rag', 'lastUpdateAt'],
        concat(
          text('FROM (SELECT w."id", w."code", w."name", w."rag", '),
          LATEST_UPDATE,
          sql` AS "lastUpdateAt" FROM "Workstream" w WHERE w."programmeId" = (SELECT "id" FROM chosen)
            AND w."workspaceId" = ${scope.workspaceId} AND w."closedAt" IS NULL) t`,
        ),
        'code',
      ),
      text(' AS "_workstreams"'),
    ),
  );
  const programme = chooseProgramme(parsed<ProgrammeChoice>(row?._programmes), scope);
  if (row?._chosen !== programme.id)
    return { programme, workstreams: await listWorkstreams(deps, scope, programme) };
  const workstreams = parsed<Record<string, unknown>>(row._workstreams).map((w) =>
    reviveDates<WorkstreamRag>(w, ['lastUpdateAt']),
  );
  return { programme, workstreams };
}

/** The time of a workstream `w`'s latest update, a walk down the (workstreamId, createdAt) index. */
const LATEST_UPDATE = text(
  `(SELECT u."createdAt" FROM "Update" u WHERE u."workstreamId" = w."id" AND u."withdrawnAt" IS NULL ORDER BY u."createdAt" DESC LIMIT 1)`,
);

/**
 * Each open workstream of the programme with its latest update (LATEST_UPDATE: the cost does not
 * grow with the number of updates) and its leads' platform ids in person order, as a JSON array.
 * The providers differ only in the aggregate's name.
 */
function workstreamsOf(provider: Sql['provider'], programmeId: number, workspaceId: string): Query {
  const agg = provider === 'postgresql' ? 'json_agg' : 'json_group_array';
  return concat(
    text('SELECT w.*, '),
    LATEST_UPDATE,
    text(` AS "lastUpdateAt", (SELECT ${agg}(p."platformUserId" ORDER BY l."personId") FROM "WorkstreamLead" l
                  JOIN "Person" p ON p."id" = l."personId"
                  WHERE l."workstreamId" = w."id" AND l."workspaceId" = `),
    sql`${workspaceId}) AS "leadUserIds"
          FROM "Workstream" w WHERE w."programmeId" = ${programmeId} AND w."workspaceId" = ${workspaceId} AND w."closedAt" IS NULL`,
  );
}

/** json_agg arrives parsed (null for none), json_group_array as text; inside JSON, as either. */
function leadIds(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as string[];
}
