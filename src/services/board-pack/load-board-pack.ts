/**
 * Reads everything a board pack shows from the database, in a fixed number of queries whatever
 * the size of the plan (the benchmark counts them), and turns it into the snapshot (types.ts).
 */
import type { Db, Tx } from '../../db/client.js';
import type { Action, Programme } from '../../db/generated/sqlite/client.js';
import { printedText } from '../../digest/plain-text.js';
import { addDays, type Day, formatUkDate, todayIn, zonedInstant } from '../../domain/dates.js';
import { verdictForKpi, verdictWords } from '../../domain/kpi.js';
import { isRag, type Rag } from '../../domain/rag.js';
import { exceptionsOf } from './exceptions.js';
import { loadPackEvidence } from './pack-evidence.js';
import type { BoardPackSnapshot, PackAction, PackKpi, RagRow } from './types.js';

/** Boards meet about monthly: without a later board meeting in the calendar, the next is 4 weeks on. */
const BOARD_INTERVAL_DAYS = 28;
/** Readings drawn in a KPI's trend chart. */
const CHART_READINGS = 12;

export interface LoadPackInput {
  programme: Programme;
  boardDate: Day;
  now: Date;
  producedBy: string;
}

type Names = Map<number, string>;

export async function loadBoardPack(db: Db | Tx, input: LoadPackInput): Promise<BoardPackSnapshot> {
  const { programme, boardDate, now } = input;
  const scope = { workspaceId: programme.workspaceId, programmeId: programme.id };
  const today = todayIn(now, programme.timezone);
  const previousPack = await db.boardPack.findFirst({
    where: scope,
    orderBy: [{ producedAt: 'desc' }, { id: 'desc' }],
  });
  const previous = previousPack ? (JSON.parse(previousPack.snapshot) as BoardPackSnapshot) : null;
  const sinceDay = previous
    ? todayIn(previousPack!.producedAt, programme.timezone)
    : addDays(today, -BOARD_INTERVAL_DAYS);
  const [workstreams, people, changes, board, actions, extensions, kpis] = await Promise.all([
    db.workstream.findMany({ where: scope, include: { projects: true }, orderBy: { id: 'asc' } }),
    db.person.findMany({
      where: { workspaceId: programme.workspaceId },
      select: { id: true, displayName: true, platformUserId: true },
    }),
    db.ragChange.findMany({
      where: { ...scope, createdAt: { lte: now } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { workstreamId: true, projectId: true, reason: true, createdAt: true },
    }),
    db.event.findFirst({
      where: { ...scope, kind: 'board_meeting', status: 'planned', startDate: { gt: boardDate } },
      orderBy: { startDate: 'asc' },
    }),
    db.action.findMany({
      where: {
        ...scope,
        OR: [
          { status: 'open' },
          { completedAt: { gte: startOf(sinceDay, programme) } },
          { verifiedAt: { gte: startOf(sinceDay, programme) } },
        ],
      },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
    }),
    db.actionEvent.groupBy({
      by: ['actionId'],
      where: { workspaceId: programme.workspaceId, kind: 'extended', action: { programmeId: programme.id } },
      _count: { _all: true },
    }),
    db.kpi.findMany({
      where: scope,
      include: { targets: true, readings: { orderBy: [{ period: 'asc' }, { id: 'asc' }] } },
    }),
  ]);
  const names: Names = new Map(people.map((p) => [p.id, p.displayName || p.platformUserId]));
  const codes = new Map(workstreams.map((w) => [w.id, w.code]));
  const moves = new Map(extensions.map((e) => [e.actionId, e._count._all]));
  const toAction = (a: Action): PackAction => ({
    number: a.number,
    code: codes.get(a.workstreamId) ?? '',
    text: printedText(a.text),
    owner: names.get(a.ownerId) ?? 'unknown',
    dueDate: a.dueDate,
    status: a.status as PackAction['status'],
    completedOn: a.completedAt ? todayIn(a.completedAt, programme.timezone) : null,
    verifiedOn: a.verifiedAt ? todayIn(a.verifiedAt, programme.timezone) : null,
    dateMoves: moves.get(a.id) ?? 0,
  });
  const open = actions.filter((a) => a.status === 'open');
  const nextBoardDate = board?.startDate ?? addDays(boardDate, BOARD_INTERVAL_DAYS);
  const ragSheet = ragRows(workstreams, changes, previous, programme.timezone);
  const openRows = open.map(toAction);
  const movedOpen = openRows.filter((a) => a.dateMoves > 0);
  const evidence = await loadPackEvidence(db, {
    programme,
    today,
    sinceDay,
    namesByUser: new Map(people.map((p) => [p.platformUserId, p.displayName])),
    toAction,
  });
  return {
    version: 1,
    programme: { id: programme.id, name: programme.name, timezone: programme.timezone },
    boardDate,
    producedAt: now.toISOString(),
    producedBy: input.producedBy,
    asOf: today,
    previous: previous ? { boardDate: previous.boardDate, producedAt: previous.producedAt } : null,
    nextBoardDate,
    sinceDay,
    ragSheet,
    exceptions: exceptionsOf(
      ragSheet,
      workstreams,
      open.map((a) => ({ ...toAction(a), workstreamId: a.workstreamId, projectId: a.projectId })),
      today,
      nextBoardDate,
    ),
    kpis: kpis.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')).map((k) => packKpi(k, today)),
    actions: {
      overdue: openRows.filter((a) => a.dueDate < today),
      dueBeforeNextBoard: openRows.filter((a) => a.dueDate >= today && a.dueDate <= nextBoardDate),
      completedSinceLastBoard: actions
        .filter((a) => a.status === 'done' || a.status === 'verified')
        .map(toAction)
        .sort((a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? '') || a.number - b.number),
      moved: {
        actions: movedOpen.length,
        moves: movedOpen.reduce((n, a) => n + a.dateMoves, 0),
        movedMoreThanTwice: movedOpen.filter((a) => a.dateMoves > 2).length,
      },
    },
    ...evidence,
  };
}

/** Midnight at the start of `day` in the programme's timezone, as an instant. */
const startOf = (day: Day, programme: Programme): Date => zonedInstant(day, '00:00', programme.timezone);

type Changes = { workstreamId: number; projectId: number | null; reason: string; createdAt: Date }[];
type Workstreams = {
  id: number;
  code: string;
  name: string;
  rag: string;
  projects: { id: number; name: string; rag: string }[];
}[];

function ragRows(
  workstreams: Workstreams,
  changes: Changes,
  previous: BoardPackSnapshot | null,
  timezone: string,
): RagRow[] {
  const before = new Map(previous?.ragSheet.map((r) => [`${r.code}|${r.project ?? ''}`, r.rag]) ?? []);
  const latest = new Map<string, Changes[number]>();
  for (const c of changes) {
    const key = `${c.workstreamId}|${c.projectId ?? ''}`;
    if (!latest.has(key)) latest.set(key, c);
  }
  const row = (code: string, name: string, project: string | null, rag: string, key: string): RagRow => {
    const change = latest.get(key);
    return {
      code,
      name,
      project,
      rag: asRag(rag),
      previousRag: before.get(`${code}|${project ?? ''}`) ?? null,
      reason: change ? printedText(change.reason) : null,
      reasonOn: change ? todayIn(change.createdAt, timezone) : null,
    };
  };
  return workstreams.flatMap((w) => [
    row(w.code, w.name, null, w.rag, `${w.id}|`),
    ...[...w.projects]
      .sort((a, b) => a.id - b.id)
      .map((p) => row(w.code, w.name, p.name, p.rag, `${w.id}|${p.id}`)),
  ]);
}

const asRag = (value: string): Rag => (isRag(value) ? value : 'not_started');

type KpiRows = {
  name: string;
  unit: string;
  direction: string;
  frequency: string;
  targets: { value: number; byDate: string }[];
  readings: { value: number; period: string }[];
};

export function packKpi(kpi: KpiRows, today: Day): PackKpi {
  const targets = kpi.targets.map((t) => ({ value: t.value, byDate: t.byDate }));
  const readings = kpi.readings
    .filter((r) => r.period <= today)
    .map((r) => ({ value: r.value, period: r.period }));
  const verdict = verdictForKpi({ ...kpi, targets }, readings, today);
  const sorted = [...targets].sort((a, b) => a.byDate.localeCompare(b.byDate));
  const target = verdict.target;
  const next = target ? (sorted.find((t) => t.byDate > target.byDate) ?? null) : null;
  return {
    name: kpi.name,
    unit: kpi.unit,
    direction: kpi.direction === 'lower' ? 'lower' : 'higher',
    latest: readings.at(-1) ?? null,
    target,
    verdict: verdict.state,
    verdictText: verdictWords(verdict, formatUkDate),
    next,
    history: readings.slice(-CHART_READINGS),
  };
}
