/**
 * The rest of a digest's rows: actions, KPIs with their latest two readings, and dated events.
 * Each is a fixed number of queries, however many workstreams, actions or readings there are.
 */
import type { Db } from '../db/client.js';
import { addDays, type Day } from '../domain/dates.js';
import type { DigestProgramme } from './types.js';
import { DUE_SOON_DAYS } from './types.js';

type Scope = { workspaceId: string; programmeId: number };
const scopeOf = (p: DigestProgramme): Scope => ({ workspaceId: p.workspaceId, programmeId: p.id });

export interface ActionRows {
  open: {
    number: number;
    text: string;
    dueDate: Day;
    status: string;
    ownerId: number;
    workstreamId: number;
    projectId: number | null;
    /** 'board_request' for what the board asked for (listed whatever its due date), else 'action'. */
    kind: string;
  }[];
  completedCount: number;
}

/**
 * Open actions that are overdue, due soon, belong to a red item (exception reporting lists
 * them) or are board requests (listed until done), and how many were completed since the last digest.
 */
export async function loadActions(
  db: Db,
  programme: DigestProgramme,
  red: { workstreamIds: number[]; projectIds: number[] },
  window: { today: Day; since: Date; asOf: Date },
): Promise<ActionRows> {
  const scope = scopeOf(programme);
  const [open, completedCount] = await Promise.all([
    db.action.findMany({
      where: {
        ...scope,
        status: 'open',
        OR: [
          { kind: 'board_request' },
          { dueDate: { lte: addDays(window.today, DUE_SOON_DAYS) } },
          { workstreamId: { in: red.workstreamIds } },
          { projectId: { in: red.projectIds } },
        ],
      },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
    }),
    db.action.count({
      where: {
        ...scope,
        status: { in: ['done', 'verified'] },
        completedAt: { gt: window.since, lte: window.asOf },
      },
    }),
  ]);
  return { open, completedCount };
}

export interface KpiRows {
  kpis: {
    id: number;
    name: string;
    unit: string;
    direction: string;
    frequency: string;
    targets: { value: number; byDate: Day }[];
  }[];
  /** Every reading of each KPI up to today, oldest first. */
  readings: { kpiId: number; value: number; period: Day; id: number }[];
}

/** KPIs with targets, and their readings up to `today`: two queries in all. */
export async function loadKpis(db: Db, programme: DigestProgramme, today: Day): Promise<KpiRows> {
  const { workspaceId } = programme;
  const kpis = await db.kpi.findMany({
    where: scopeOf(programme),
    include: { targets: { where: { workspaceId } } },
    orderBy: { id: 'asc' },
  });
  const ids = kpis.map((k) => k.id);
  // Every reading up to today: the verdict needs the recent trend and the reading on each past
  // target's date, not only the latest two.
  const readings = await db.kpiReading.findMany({
    where: { workspaceId, kpiId: { in: ids }, period: { lte: today } },
    select: { kpiId: true, value: true, period: true, id: true },
    orderBy: [{ period: 'asc' }, { id: 'asc' }],
  });
  return { kpis, readings };
}

export type EventRow = {
  number: number;
  kind: string;
  startDate: Day;
  endDate: Day | null;
  theme: string | null;
};

/** Planned events that have not ended yet, in date order. */
export async function loadEvents(db: Db, programme: DigestProgramme, today: Day): Promise<EventRow[]> {
  return db.event.findMany({
    where: {
      ...scopeOf(programme),
      status: 'planned',
      OR: [{ startDate: { gte: today } }, { endDate: { gte: today } }],
    },
    select: { number: true, kind: true, startDate: true, endDate: true, theme: true },
    orderBy: [{ startDate: 'asc' }, { number: 'asc' }],
  });
}

/** Slack user ids of the people a digest mentions, by person id: one query. */
export async function loadPeople(
  db: Db,
  workspaceId: string,
  ids: Iterable<number>,
): Promise<Map<number, string>> {
  const people = await db.person.findMany({
    where: { workspaceId, id: { in: [...new Set(ids)] } },
    select: { id: true, platformUserId: true },
  });
  return new Map(people.map((p) => [p.id, p.platformUserId]));
}
