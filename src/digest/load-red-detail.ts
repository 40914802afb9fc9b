/**
 * Why each Red workstream and project is Red, and the latest update on it: two queries for any
 * number of red items, fetching exactly the rows needed (the latest update of each is found by
 * its (workstream, project, instant) from the grouped latest-update query).
 */
import type { Db } from '../db/client.js';
import { type PlanRows, redItems } from './load-plan.js';
import type { DigestProgramme } from './types.js';

export interface RedDetail {
  /** Changes to Red of red items, newest first. */
  reasons: {
    workstreamId: number;
    projectId: number | null;
    reason: string;
    authorId: number;
    createdAt: Date;
  }[];
  updates: {
    workstreamId: number;
    projectId: number | null;
    text: string;
    authorId: number;
    createdAt: Date;
  }[];
}

/** Why each red item is Red, and the latest update on it: two queries for any number of items. */
export async function loadRedDetail(
  db: Db,
  programme: DigestProgramme,
  plan: PlanRows,
  asOf: Date,
): Promise<RedDetail> {
  const scope = { workspaceId: programme.workspaceId, programmeId: programme.id };
  const red = redItems(plan);
  const wanted = latestUpdateKeys(plan, red);
  const [reasons, updates] = await Promise.all([
    db.ragChange.findMany({
      where: {
        ...scope,
        toRag: 'red',
        createdAt: { lte: asOf },
        OR: [
          { workstreamId: { in: red.workstreamIds }, projectId: null },
          { projectId: { in: red.projectIds } },
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
    db.update.findMany({
      where: {
        ...scope,
        withdrawnAt: null,
        OR: wanted.map((k) => ({ workstreamId: k.workstreamId, projectId: k.projectId, createdAt: k.at })),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  ]);
  return { reasons, updates };
}

// The (workstream, project, instant) of the latest update of each red workstream and project, so
// one query can fetch exactly those rows.
function latestUpdateKeys(plan: PlanRows, red: { workstreamIds: number[]; projectIds: number[] }) {
  const keys: PlanRows['latestUpdates'] = [];
  for (const id of red.workstreamIds) {
    const newest = plan.latestUpdates
      .filter((u) => u.workstreamId === id)
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    if (newest) keys.push(newest);
  }
  for (const id of red.projectIds) {
    const found = plan.latestUpdates.find((u) => u.projectId === id);
    if (found) keys.push(found);
  }
  return keys;
}
