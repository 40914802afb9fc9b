/** Reading the plan: anyone in the workspace may. */
import type { Programme, Workstream } from '../db/generated/sqlite/client.js';
import type { Actor, Deps } from './deps.js';

export interface WorkstreamSummary extends Workstream {
  leadUserIds: string[];
  lastUpdateAt: Date | null;
}

/**
 * The programme's workstreams with their leads and latest update, in code order: 3 queries, or 2
 * when the caller has already loaded the programme.
 */
export async function listWorkstreams(
  deps: Deps,
  actor: Pick<Actor, 'workspaceId'>,
  loaded?: Pick<Programme, 'id'>,
): Promise<WorkstreamSummary[]> {
  const programme =
    loaded ??
    (await deps.db.programme.findFirst({
      where: { workspaceId: actor.workspaceId },
      orderBy: { id: 'asc' },
    }));
  if (!programme) return [];
  const workstreams = await deps.db.workstream.findMany({
    where: { programmeId: programme.id, workspaceId: actor.workspaceId },
    include: { leads: { include: { person: true } } },
    orderBy: { code: 'asc' },
  });
  const latest = await deps.db.update.groupBy({
    by: ['workstreamId'],
    where: { programmeId: programme.id, workspaceId: actor.workspaceId, withdrawnAt: null },
    _max: { createdAt: true },
  });
  const lastById = new Map(latest.map((l) => [l.workstreamId, l._max.createdAt]));
  return workstreams.map(({ leads, ...w }) => ({
    ...w,
    leadUserIds: leads.map((l) => l.person.slackUserId),
    lastUpdateAt: lastById.get(w.id) ?? null,
  }));
}
