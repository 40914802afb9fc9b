/**
 * Which audit rows belong to one programme. The audit log is per workspace, and a workspace may
 * run two programmes (two boards): a programme's audit trail keeps the rows about its own
 * workstreams, projects, updates, actions, KPIs, visits, recommendations, packs and digests, and
 * the workspace-wide rows (people, the workspace, its installation), and leaves out the other
 * programme's. One query per kind of entity in the rows, and none when the workspace has one
 * programme.
 */
import type { Db, Tx } from '../../db/client.js';

type Row = { entity: string; entityId: string };
type Ids = number[];

/** For each entity that belongs to a programme, the ids among `ids` that belong to this one. */
const OWNED: Record<string, (db: Db | Tx, programmeId: number, ids: Ids) => Promise<{ id: number }[]>> = {
  workstream: (db, programmeId, ids) =>
    db.workstream.findMany({ where: { programmeId, id: { in: ids } }, select: { id: true } }),
  project: (db, programmeId, ids) =>
    db.project.findMany({ where: { workstream: { programmeId }, id: { in: ids } }, select: { id: true } }),
  update: (db, programmeId, ids) =>
    db.update.findMany({ where: { programmeId, id: { in: ids } }, select: { id: true } }),
  action: (db, programmeId, ids) =>
    db.action.findMany({ where: { programmeId, id: { in: ids } }, select: { id: true } }),
  kpi: (db, programmeId, ids) =>
    db.kpi.findMany({ where: { programmeId, id: { in: ids } }, select: { id: true } }),
  kpi_reading: (db, programmeId, ids) =>
    db.kpiReading.findMany({ where: { kpi: { programmeId }, id: { in: ids } }, select: { id: true } }),
  event: (db, programmeId, ids) =>
    db.event.findMany({ where: { programmeId, id: { in: ids } }, select: { id: true } }),
  recommendation: (db, programmeId, ids) =>
    db.recommendation.findMany({ where: { programmeId, id: { in: ids } }, select: { id: true } }),
  BoardPack: (db, programmeId, ids) =>
    db.boardPack.findMany({ where: { programmeId, id: { in: ids } }, select: { id: true } }),
  digest_run: (db, programmeId, ids) =>
    db.digestRun.findMany({ where: { programmeId, id: { in: ids } }, select: { id: true } }),
};

export async function rowsOfProgramme<R extends Row>(
  db: Db | Tx,
  programme: { id: number; workspaceId: string },
  rows: R[],
): Promise<R[]> {
  const programmes = await db.programme.count({ where: { workspaceId: programme.workspaceId } });
  if (programmes <= 1) return rows;
  const wanted = new Map<string, Set<number>>();
  for (const r of rows) {
    if (!OWNED[r.entity]) continue;
    const id = Number(r.entityId);
    if (Number.isInteger(id)) wanted.set(r.entity, (wanted.get(r.entity) ?? new Set()).add(id));
  }
  const mine = new Map<string, Set<string>>();
  await Promise.all(
    [...wanted].map(async ([entity, ids]) => {
      const found = await OWNED[entity]!(db, programme.id, [...ids]);
      mine.set(entity, new Set(found.map((f) => String(f.id))));
    }),
  );
  return rows.filter((r) => {
    if (r.entity === 'programme') return r.entityId === String(programme.id);
    if (!OWNED[r.entity]) return true;
    return mine.get(r.entity)?.has(r.entityId) ?? false;
  });
}
