/**
 * Reads everything a pre-visit pack shows: the visit's linked workstreams (every open one when it
 * links none), and for each what happened since the previous visit ended (or since the plan
 * began): RAG changes with their reasons, updates, actions with their evidence, its KPIs and the
 * recommendations it covers. A fixed number of queries whatever the size of the plan.
 */
import type { Db } from '../../db/client.js';
import type { Event, Programme } from '../../db/generated/sqlite/client.js';
import { addDays, type Day, todayIn, zonedInstant } from '../../domain/dates.js';
import { eventRef } from '../../domain/event-kind.js';
import { isRag, type Rag } from '../../domain/rag.js';
import { packKpi, plain } from '../board-pack/load-board-pack.js';
import { type CoverageRow, loadCoverageRows } from '../evidence/recommendation-coverage.js';
import type {
  VisitAction,
  VisitPackSnapshot,
  VisitRecommendation,
  VisitRef,
  VisitWorkstream,
} from './types.js';

/** The kinds of event a pre-visit pack is for, and whose end starts the next pack's period. */
export const VISIT_KINDS = ['monitoring_visit', 'focused_visit', 'inspection'];
/** A long quarter of updates is more than a visit pack can usefully print. */
const UPDATES_SHOWN = 20;
/** A recommendation covered by a whole workstream names its first few actions, then a count. */
const ACTIONS_NAMED = 6;

export interface LoadVisitPackInput {
  programme: Programme;
  visit: Event;
  now: Date;
  producedBy: string;
}

export async function loadVisitPack(db: Db, input: LoadVisitPackInput): Promise<VisitPackSnapshot> {
  const { programme, visit, now } = input;
  const scope = { workspaceId: programme.workspaceId, programmeId: programme.id };
  const today = todayIn(now, programme.timezone);
  const [earlier, links] = await Promise.all([
    db.event.findMany({
      where: {
        ...scope,
        kind: { in: VISIT_KINDS },
        status: { not: 'cancelled' },
        startDate: { lt: visit.startDate },
      },
      orderBy: [{ startDate: 'desc' }, { number: 'desc' }],
    }),
    db.eventWorkstream.findMany({ where: { eventId: visit.id, workspaceId: programme.workspaceId } }),
  ]);
  // The previous visit is the latest one already over: one still to come has no end to count from.
  const previous = earlier.find((e) => (e.endDate ?? e.startDate) < today) ?? null;
  const sinceDay = previous
    ? addDays(previous.endDate ?? previous.startDate, 1)
    : todayIn(programme.createdAt, programme.timezone);
  const since = zonedInstant(sinceDay, '00:00', programme.timezone);
  const linked = links.map((l) => l.workstreamId);
  const wsWhere = linked.length > 0 ? { ...scope, id: { in: linked } } : { ...scope, closedAt: null };
  const workstreams = await db.workstream.findMany({
    where: wsWhere,
    include: { projects: true, leads: { include: { person: true } } },
    orderBy: { id: 'asc' },
  });
  const ids = workstreams.map((w) => w.id);
  const [people, changes, updates, actions, kpis, coverage, letter] = await Promise.all([
    db.person.findMany({
      where: { workspaceId: programme.workspaceId },
      select: { id: true, displayName: true, platformUserId: true },
    }),
    db.ragChange.findMany({
      where: { ...scope, workstreamId: { in: ids }, createdAt: { gte: since, lte: now } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.update.findMany({
      where: { ...scope, workstreamId: { in: ids }, withdrawnAt: null, createdAt: { gte: since, lte: now } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.action.findMany({
      where: {
        ...scope,
        workstreamId: { in: ids },
        OR: [{ status: 'open' }, { status: { in: ['done', 'verified'] }, completedAt: { gte: since } }],
      },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
    }),
    db.kpi.findMany({
      where: { ...scope, OR: [{ workstreamId: { in: ids } }, { workstreamId: null }] },
      include: { targets: true, readings: { orderBy: [{ period: 'asc' }, { id: 'asc' }] } },
    }),
    loadCoverageRows(db, scope, today),
    previous
      ? db.recommendation.findMany({ where: { ...scope, eventId: previous.id }, select: { id: true } })
      : [],
  ]);
  const names = new Map(people.map((p) => [p.id, p.displayName || p.platformUserId]));
  const name = (id: number) => names.get(id) ?? 'unknown';
  const day = (at: Date) => todayIn(at, programme.timezone);
  const sortedKpis = [...kpis].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const toWorkstream = (w: (typeof workstreams)[number]): VisitWorkstream => {
    const projects = new Map(w.projects.map((p) => [p.id, p.name]));
    const project = (id: number | null) => (id === null ? null : (projects.get(id) ?? null));
    const mine = changes.filter((c) => c.workstreamId === w.id);
    const ownChanges = mine.filter((c) => c.projectId === null);
    const shown = updates.filter((u) => u.workstreamId === w.id);
    return {
      code: w.code,
      name: w.name,
      leads: w.leads.map((l) => l.person.displayName || l.person.platformUserId).sort(),
      rag: asRag(w.rag),
      ragAtStart: asRag(ownChanges[0]?.fromRag ?? w.rag),
      ragChanges: mine.map((c) => ({
        on: day(c.createdAt),
        project: project(c.projectId),
        from: asRag(c.fromRag),
        to: asRag(c.toRag),
        reason: plain(c.reason),
        by: name(c.authorId),
      })),
      updates: shown.slice(-UPDATES_SHOWN).map((u) => ({
        on: day(u.createdAt),
        project: project(u.projectId),
        by: name(u.authorId),
        rag: u.rag && isRag(u.rag) ? u.rag : null,
        text: plain(u.text),
      })),
      updatesLeftOut: Math.max(0, shown.length - UPDATES_SHOWN),
      actions: actions.filter((a) => a.workstreamId === w.id).map((a) => toAction(a, name, day, today)),
      kpis: sortedKpis.filter((k) => k.workstreamId === w.id).map((k) => packKpi(k, today)),
      recommendations: coverage.filter((r) => covers(r, w.code)).map(toRecommendation),
    };
  };
  const letterIds = new Set(letter.map((r) => r.id));
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
    workstreams: workstreams.map(toWorkstream),
    programmeKpis: sortedKpis.filter((k) => k.workstreamId === null).map((k) => packKpi(k, today)),
    previousLetter: coverage.filter((r) => letterIds.has(r.id)).map(toRecommendation),
  };
}

const asRag = (value: string): Rag => (isRag(value) ? value : 'not_started');

function visitRef(e: Event): VisitRef {
  return {
    ref: eventRef(e.number),
    kind: e.kind,
    startDate: e.startDate,
    endDate: e.endDate,
    theme: e.theme ? plain(e.theme) : null,
    outcome: e.outcome ? plain(e.outcome) : null,
    outcomeDate: e.outcomeDate,
  };
}

type ActionRow = {
  number: number;
  text: string;
  ownerId: number;
  dueDate: string;
  status: string;
  completedAt: Date | null;
  evidenceNote: string | null;
  kind: string;
};

function toAction(
  a: ActionRow,
  name: (id: number) => string,
  day: (at: Date) => Day,
  today: Day,
): VisitAction {
  const state =
    a.status === 'verified'
      ? 'verified'
      : a.status === 'done'
        ? 'done'
        : a.dueDate < today
          ? 'overdue'
          : 'open';
  return {
    number: a.number,
    text: plain(a.text),
    owner: name(a.ownerId),
    dueDate: a.dueDate,
    state,
    completedOn: a.completedAt ? day(a.completedAt) : null,
    evidenceNote: a.evidenceNote ? plain(a.evidenceNote) : null,
    boardRequest: a.kind === 'board_request',
  };
}

/** A recommendation is the workstream's when linked to it, or to one of its actions. */
const covers = (r: CoverageRow, code: string): boolean =>
  r.workstreamCodes.includes(code) || r.actions.some((a) => a.workstreamCode === code);

function toRecommendation(r: CoverageRow): VisitRecommendation {
  return {
    ref: r.ref,
    text: plain(r.text),
    source: r.source,
    verdict: r.verdict,
    actions: [
      ...r.actions.slice(0, ACTIONS_NAMED).map((a) => `A-${a.number} (${a.status})`),
      ...(r.actions.length > ACTIONS_NAMED ? [`and ${r.actions.length - ACTIONS_NAMED} more`] : []),
    ],
  };
}
