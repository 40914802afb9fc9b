/**
 * Why each Red workstream and project is Red, and the latest update on it: three queries for up to
 * 150 red items (one more per further 150 or 500, see chunked.ts), fetching exactly the rows needed (the latest update of each is found by
 * its (workstream, project, instant) from the grouped latest-update query).
 */
import { chunked } from '../db/chunked.js';
import type { Db } from '../db/client.js';
import { type PlanRows, redItems } from './load-plan.js';
import type { DigestProgramme } from './types.js';

/** Each key binds three values (workstream, project, instant). */
const UPDATE_KEYS_PER_QUERY = 150;

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

/** Why each red item is Red, and the latest update on it, newest first. */
export async function loadRedDetail(
  db: Db,
  programme: DigestProgramme,
  plan: PlanRows,
  asOf: Date,
): Promise<RedDetail> {
  const scope = { workspaceId: programme.workspaceId, programmeId: programme.id };
  const red = redItems(plan);
  const wanted = latestUpdateKeys(plan, red);
  const newestFirst = <T extends { createdAt: Date; id: number }>(rows: T[]) =>
    rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  const changedToRed = { ...scope, toRag: 'red', createdAt: { lte: asOf } };
  // Red workstreams' reasons by a join on the workstream's RAG; red projects' by id (a RagChange
  // has no relation to filter on), and the latest updates by key, both a chunk at a time.
  const [ofWorkstreams, ofProjects, updates] = await Promise.all([
    db.ragChange.findMany({ where: { ...changedToRed, projectId: null, workstream: { rag: 'red' } } }),
    chunked(red.projectIds, (ids) =>
      db.ragChange.findMany({ where: { ...changedToRed, projectId: { in: ids } } }),
    ),
    chunked(
      wanted,
      (keys) =>
        db.update.findMany({
          where: {
            ...scope,
            withdrawnAt: null,
            OR: keys.map((k) => ({ workstreamId: k.workstreamId, projectId: k.projectId, createdAt: k.at })),
          },
        }),
      UPDATE_KEYS_PER_QUERY,
    ),
  ]);
  const reasons = newestFirst([...ofWorkstreams, ...ofProjects]);
  return { reasons, updates: newestFirst(updates) };
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
