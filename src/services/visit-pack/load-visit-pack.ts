/**
 * Reads everything a pre-visit pack shows: the visit's linked workstreams (every open one when it
 * links none), and for each what happened since the previous visit ended (or since the plan
 * began): RAG changes with their reasons, updates, actions with their evidence, its KPIs and the
 * recommendations it covers. A fixed number of queries whatever the size of the plan.
 */
import type { Db } from '../../db/client.js';
import type { Event, Programme } from '../../db/generated/sqlite/client.js';
import { printedText } from '../../digest/plain-text.js';
import { addDays, type Day, todayIn, zonedInstant } from '../../domain/dates.js';
import { eventRef } from '../../domain/event-kind.js';
import { packKpi } from '../board-pack/load-board-pack.js';
import { loadCoverageRows } from '../evidence/recommendation-coverage.js';
import type { VisitPackSnapshot, VisitRef } from './types.js';
import { toRecommendation, visitWorkstream } from './visit-workstream.js';

/** The kinds of event a pre-visit pack is for, and whose end starts the next pack's period. */
export const VISIT_KINDS = ['monitoring_visit', 'focused_visit', 'inspection'];

export interface LoadVisitPackInput {
  programme: Programme;
  visit: Event;
  now: Date;
  producedBy: string;
}

type Scope = { workspaceId: string; programmeId: number };

export async function loadVisitPack(db: Db, input: LoadVisitPackInput): Promise<VisitPackSnapshot> {
  const { programme, visit, now } = input;
  const scope = { workspaceId: programme.workspaceId, programmeId: programme.id };
  const today = todayIn(now, programme.timezone);
  const previous = await previousVisit(db, scope, visit, today);
  const sinceDay = previous
    ? addDays(previous.endDate ?? previous.startDate, 1)
    : todayIn(programme.createdAt, programme.timezone);
  const links = await db.eventWorkstream.findMany({
    where: { eventId: visit.id, workspaceId: programme.workspaceId },
  });
  const linked = links.map((l) => l.workstreamId);
  const workstreams = await db.workstream.findMany({
    where: linked.length > 0 ? { ...scope, id: { in: linked } } : { ...scope, closedAt: null },
    include: { projects: true, leads: { include: { person: true } } },
    orderBy: { id: 'asc' },
  });
  const since = zonedInstant(sinceDay, '00:00', programme.timezone);
  const ids = workstreams.map((w) => w.id);
  const rows = await readRows(db, scope, { ids, since, now, today, previousId: previous?.id ?? null });
  const names = new Map(rows.people.map((p) => [p.id, p.displayName || p.platformUserId]));
  const seen = {
    today,
    name: (id: number) => names.get(id) ?? 'unknown',
    day: (at: Date) => todayIn(at, programme.timezone),
  };
  const letterIds = new Set(rows.letter.map((r) => r.id));
  return {
    version: 1,
    programme: { id: programme.id, name: programme.name, timezone: programme.timezone },
    visit: visitRef(visit),
    previous: previous ? visitRef(previous) : null,
    sinceDay,
    asOf: today,
    producedAt: now.toISOString(),
    producedBy: input.producedBy,
    allWorkstreams: linked.length === 0,
    workstreams: workstreams.map((w) => visitWorkstream(w, rows, seen)),
    programmeKpis: rows.kpis.filter((k) => k.workstreamId === null).map((k) => packKpi(k, today)),
    previousLetter: rows.coverage.filter((r) => letterIds.has(r.id)).map(toRecommendation),
  };
}

/** The latest visit before this one that is already over: one still to come has no end to count from. */
async function previousVisit(db: Db, scope: Scope, visit: Event, today: Day): Promise<Event | null> {
  const earlier = await db.event.findMany({
    where: {
      ...scope,
      kind: { in: VISIT_KINDS },
      status: { not: 'cancelled' },
      startDate: { lt: visit.startDate },
    },
    orderBy: [{ startDate: 'desc' }, { number: 'desc' }],
  });
  return earlier.find((e) => (e.endDate ?? e.startDate) < today) ?? null;
}

/** What happened on the workstreams in the period, and the programme-wide rows the pack needs. */
async function readRows(
  db: Db,
  scope: Scope,
  p: { ids: number[]; since: Date; now: Date; today: Day; previousId: number | null },
) {
  const inPeriod = { gte: p.since, lte: p.now };
  const [people, changes, updates, actions, kpis, coverage, letter] = await Promise.all([
    db.person.findMany({
      where: { workspaceId: scope.workspaceId },
      select: { id: true, displayName: true, platformUserId: true },
    }),
    db.ragChange.findMany({
      where: { ...scope, workstreamId: { in: p.ids }, createdAt: inPeriod },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.update.findMany({
      where: { ...scope, workstreamId: { in: p.ids }, withdrawnAt: null, createdAt: inPeriod },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.action.findMany({
      where: {
        ...scope,
        workstreamId: { in: p.ids },
        OR: [{ status: 'open' }, { status: { in: ['done', 'verified'] }, completedAt: { gte: p.since } }],
      },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
    }),
    db.kpi.findMany({
      where: { ...scope, OR: [{ workstreamId: { in: p.ids } }, { workstreamId: null }] },
      include: { targets: true, readings: { orderBy: [{ period: 'asc' }, { id: 'asc' }] } },
    }),
    loadCoverageRows(db, scope, p.today),
    p.previousId === null
      ? []
      : db.recommendation.findMany({ where: { ...scope, eventId: p.previousId }, select: { id: true } }),
  ]);
  kpis.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { people, changes, updates, actions, kpis, coverage, letter };
}

export type VisitRows = Awaited<ReturnType<typeof readRows>>;

function visitRef(e: Event): VisitRef {
  return {
    ref: eventRef(e.number),
    kind: e.kind,
    startDate: e.startDate,
    endDate: e.endDate,
    theme: e.theme ? printedText(e.theme) : null,
    outcome: e.outcome ? printedText(e.outcome) : null,
    outcomeDate: e.outcomeDate,
  };
}
