/** Reading the plan: anyone in the workspace may. On hand-written SQL: `/improve status` waits on it. */

import type { Programme, Workstream } from '../db/generated/sqlite/client.js';
import { asDate, type Sql, sql } from '../db/sql.js';
import type { Deps } from './deps.js';
import { type ProgrammeScope, programmeIfAny } from './programme.js';

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
    workstreamsQuery(deps.sql.provider, programme.id, actor.workspaceId),
  );
  return rows.map((w) => ({
    ...w,
    lastUpdateAt: asDate(w.lastUpdateAt),
    leadUserIds: leadIds(w.leadUserIds),
  }));
}

/**
 * One statement: each open workstream with its latest update (a walk down the (workstreamId,
 * createdAt) index, so the cost does not grow with the number of updates) and its leads' platform
 * ids in person order, as a JSON array. The providers differ only in the aggregate's name.
 */
function workstreamsQuery(provider: Sql['provider'], programmeId: number, workspaceId: string) {
  return provider === 'postgresql'
    ? sql`SELECT w.*, (SELECT u."createdAt" FROM "Update" u WHERE u."workstreamId" = w."id" AND u."withdrawnAt" IS NULL
                       ORDER BY u."createdAt" DESC LIMIT 1) AS "lastUpdateAt",
                 (SELECT json_agg(p."platformUserId" ORDER BY l."personId") FROM "WorkstreamLead" l
                  JOIN "Person" p ON p."id" = l."personId"
                  WHERE l."workstreamId" = w."id" AND l."workspaceId" = ${workspaceId}) AS "leadUserIds"
          FROM "Workstream" w WHERE w."programmeId" = ${programmeId} AND w."workspaceId" = ${workspaceId} AND w."closedAt" IS NULL ORDER BY w."code"`
    : sql`SELECT w.*, (SELECT u."createdAt" FROM "Update" u WHERE u."workstreamId" = w."id" AND u."withdrawnAt" IS NULL
                       ORDER BY u."createdAt" DESC LIMIT 1) AS "lastUpdateAt",
                 (SELECT json_group_array(p."platformUserId" ORDER BY l."personId") FROM "WorkstreamLead" l
                  JOIN "Person" p ON p."id" = l."personId"
                  WHERE l."workstreamId" = w."id" AND l."workspaceId" = ${workspaceId}) AS "leadUserIds"
          FROM "Workstream" w WHERE w."programmeId" = ${programmeId} AND w."workspaceId" = ${workspaceId} AND w."closedAt" IS NULL ORDER BY w."code"`;
}

/** PostgreSQL's json_agg arrives parsed (null for none), SQLite's json_group_array as text. */
function leadIds(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as string[];
}
