/**
 * The rest of a digest's rows: actions, KPIs with their latest two readings, and dated events.
 * Each is a fixed number of queries, however many workstreams, actions or readings there are
 * (lists of ids go 500 at a time, so past 500 red items or people a list costs one more query).
 */
import { chunked } from '../db/chunked.js';
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
  const open = { ...scope, status: 'open' };
  // Soon-due ones and open board requests in one query; those of red items by red id, chunked (a plan may have hundreds).
  const [soon, ofRedWorkstreams, ofRedProjects, completedCount] = await Promise.all([
    db.action.findMany({
      where: {
        ...open,
        OR: [{ kind: 'board_request' }, { dueDate: { lte: addDays(window.today, DUE_SOON_DAYS) } }],
      },
    }),
    chunked(red.workstreamIds, (ids) =>
      db.action.findMany({ where: { ...open, workstreamId: { in: ids } } }),
    ),
    chunked(red.projectIds, (ids) => db.action.findMany({ where: { ...open, projectId: { in: ids } } })),
    db.action.count({
      where: {
        ...scope,
        status: { in: ['done', 'verified'] },
        completedAt: { gt: window.since, lte: window.asOf },
      },
    }),
  ]);
  const unique = new Map([...soon, ...ofRedWorkstreams, ...ofRedProjects].map((a) => [a.id, a]));
  const sorted = [...unique.values()].sort((a, b) =>
    a.dueDate === b.dueDate ? a.number - b.number : a.dueDate < b.dueDate ? -1 : 1,
  );
  return { open: sorted, completedCount };
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
  // Every reading up to today: the verdict needs the recent trend and the reading on each past
  // target's date, not only the latest two. A join on the programme, not a list of KPI ids.
  const readings = await db.kpiReading.findMany({
    where: { workspaceId, kpi: scopeOf(programme), period: { lte: today } },
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

/** Slack user ids of the people a digest mentions, by person id: one query per 500 people. */
export async function loadPeople(
  db: Db,
  workspaceId: string,
  ids: Iterable<number>,
): Promise<Map<number, string>> {
  const people = await chunked([...new Set(ids)], (chunk) =>
    db.person.findMany({
      where: { workspaceId, id: { in: chunk } },
      select: { id: true, platformUserId: true },
    }),
  );
  return new Map(people.map((p) => [p.id, p.platformUserId]));
}
