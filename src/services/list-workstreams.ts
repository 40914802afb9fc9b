/** Reading the plan: anyone in the workspace may. On hand-written SQL: `/improve status` waits on it. */

import type { Programme, Workstream } from '../db/generated/sqlite/client.js';
import { asDate, sql } from '../db/sql.js';
import type { Deps } from './deps.js';
import { type ProgrammeScope, programmeIfAny } from './programme.js';

export interface WorkstreamSummary extends Workstream {
  leadUserIds: string[];
  lastUpdateAt: Date | null;
}

/**
 * The programme's workstreams with their leads and latest update, in code order: 2 queries, or 3
 * when the caller has not already loaded the programme.
 */
export async function listWorkstreams(
  deps: Deps,
  actor: ProgrammeScope,
  loaded?: Pick<Programme, 'id'>,
): Promise<WorkstreamSummary[]> {
  const { workspaceId } = actor;
  const programme = loaded ?? (await programmeIfAny(deps.sql, actor));
  if (!programme) return [];
  // The latest update per workstream: a walk down the (workstreamId, createdAt) index for each,
  // so the cost does not grow with the number of updates.
  const workstreams = await deps.sql.all<Workstream & { lastUpdateAt: unknown }>(
    sql`SELECT w.*, (SELECT u."createdAt" FROM "Update" u WHERE u."workstreamId" = w."id" AND u."withdrawnAt" IS NULL
                     ORDER BY u."createdAt" DESC LIMIT 1) AS "lastUpdateAt"
        FROM "Workstream" w WHERE w."programmeId" = ${programme.id} AND w."workspaceId" = ${workspaceId} AND w."closedAt" IS NULL ORDER BY w."code"`,
  );
  const leads = await deps.sql.all<{ workstreamId: number; platformUserId: string }>(
    sql`SELECT l."workstreamId", p."platformUserId" FROM "WorkstreamLead" l
        JOIN "Workstream" w ON w."id" = l."workstreamId" JOIN "Person" p ON p."id" = l."personId"
        WHERE w."programmeId" = ${programme.id} AND l."workspaceId" = ${workspaceId} ORDER BY l."personId"`,
  );
  return workstreams.map((w) => ({
    ...w,
    leadUserIds: leads.filter((l) => l.workstreamId === w.id).map((l) => l.platformUserId),
    lastUpdateAt: asDate(w.lastUpdateAt),
  }));
}
