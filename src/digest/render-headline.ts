/**
 * The digest's headline: what a board member reads in the first screen, before anything else.
 * The next visit, the RAG counts with their movement since the last digest, every Red, the KPIs
 * not on track and the actions in one line each. The detail follows in the thread; every list
 * here is capped so the headline stays short whatever the size of the plan.
 */
import { formatUkDate } from '../domain/dates.js';
import { verdictIcon, verdictWords } from '../domain/kpi.js';
import { RAG_VALUES, type Rag, ragArrow, ragLabel, ragMark } from '../domain/rag.js';
import { coverageSummary } from '../domain/recommendation.js';
import { toSafeText } from '../domain/text.js';
import type { Digest } from './types.js';
import { DUE_SOON_DAYS } from './types.js';
import { eventCountdown, eventPhrase, plural } from './words.js';

/** How many Reds, moves and KPIs the headline names before 'and N more'. */
export const HEADLINE_SHOWN = 5;

const safe = toSafeText;

function capped(lines: string[], more: (n: number) => string): string[] {
  if (lines.length <= HEADLINE_SHOWN) return lines;
  return [...lines.slice(0, HEADLINE_SHOWN - 1), more(lines.length - HEADLINE_SHOWN + 1)];
}

/** '<rag:red> 2 Red (+1)': the count now and how it moved since the period began. */
function countsWithMovement(now: Record<Rag, number>, before: Record<Rag, number>): string {
  return RAG_VALUES.map((r) => {
    const delta = now[r] - before[r];
    const moved = delta === 0 ? '' : delta > 0 ? ` (+${delta})` : ` (−${-delta})`;
    return `${ragMark(r)} ${now[r]} ${ragLabel(r)}${moved}`;
  }).join(' · ');
}

function countdowns(d: Digest): string[] {
  const visit = d.nextVisit
    ? `<icon:calendar> *Next Ofsted/DfE event:* ${eventPhrase(d.nextVisit, d.today)} · *${eventCountdown(d.nextVisit, d.today)}*`
    : '<icon:calendar> *Next Ofsted/DfE event:* _none planned_';
  const deadline = d.nextDeadline
    ? `<icon:waiting> *Next deadline:* ${eventPhrase(d.nextDeadline, d.today, { kind: false })} · *${eventCountdown(d.nextDeadline, d.today)}*`
    : '<icon:waiting> *Next deadline:* _none planned_';
  // One line, only once recommendations are recorded: `/improve coverage` has the detail.
  const coverage = d.coverage ? [`<icon:memo> *Recommendations:* ${coverageSummary(d.coverage)}`] : [];
  return [visit, deadline, ...coverage];
}

function ragLines(d: Digest): string[] {
  const period = d.sinceLastDigest ? 'since the last digest' : 'in the last 7 days';
  const projects = Object.values(d.ragCounts.projects).some((n) => n > 0)
    ? [`*Projects:* ${countsWithMovement(d.ragCounts.projects, d.ragCountsBefore.projects)}`]
    : [];
  const moves = d.changes.map(
    (c) =>
      `${ragArrow(c.from, c.to)} ${safe(c.subject)}${c.isProject ? ` / ${safe(c.subjectName)}` : ''} ${ragLabel(c.from)} → ${ragLabel(c.to)}`,
  );
  const moved =
    moves.length === 0
      ? `*Moved ${period}:* _nothing_`
      : `*Moved ${period}:* ${(moves.length > HEADLINE_SHOWN ? [...moves.slice(0, HEADLINE_SHOWN), `and ${moves.length - HEADLINE_SHOWN} more`] : moves).join(' · ')}`;
  return [
    `*Workstreams:* ${countsWithMovement(d.ragCounts.workstreams, d.ragCountsBefore.workstreams)}`,
    ...projects,
    moved,
  ];
}

function redLines(d: Digest): string[] {
  if (d.exceptions.length === 0) return ['*Red:* _nothing is Red_'];
  const today = d.today;
  const items = d.exceptions.map((e) => {
    const subject =
      e.kind === 'project' ? `${safe(e.code)} / ${safe(e.name)}` : `${safe(e.code)} ${safe(e.name)}`;
    const overdue = e.openActions.filter((a) => a.dueDate < today).length;
    const note = overdue > 0 ? `: ${plural(overdue, 'overdue action')}` : '';
    return `• ${ragMark('red')} *${subject}*${e.kind === 'project' ? ' (project)' : ''}${note}`;
  });
  return [
    `*Red (${d.exceptions.length}):*`,
    ...capped(items, (n) => `• and ${n} more: see _Exceptions_ in the thread`),
  ];
}

function kpiLines(d: Digest): string[] {
  const attention = d.kpis.filter((k) => ['off_track', 'missed', 'stale'].includes(k.verdict.state));
  if (d.kpis.length === 0) return [];
  if (attention.length === 0) return [`*KPIs:* <icon:done> all ${d.kpis.length} on track or met`];
  const lines = attention.map(
    (k) => `• ${verdictIcon(k.verdict)} ${safe(k.name)}: ${verdictWords(k.verdict, formatUkDate)}`,
  );
  return [
    `*KPIs off track, missed or stale (${attention.length} of ${d.kpis.length}):*`,
    ...capped(lines, (n) => `• and ${n} more: see the _KPI scorecard_ in the thread`),
  ];
}

function actionLine(d: Digest): string {
  const overdue = d.overdue.reduce((n, o) => n + o.actions.length, 0);
  const period = d.sinceLastDigest ? 'since the last digest' : 'in the last 7 days';
  return `*Actions:* ${overdue} overdue · ${d.dueSoon.length} due in the next ${DUE_SOON_DAYS} days · ${d.completedCount} completed ${period}`;
}

function silenceLine(d: Digest): string[] {
  if (d.silent.length === 0) return [];
  const codes = d.silent.map((s) => safe(s.code));
  const named =
    codes.length > HEADLINE_SHOWN
      ? `${codes.slice(0, HEADLINE_SHOWN).join(', ')} and ${codes.length - HEADLINE_SHOWN} more`
      : codes.join(', ');
  return [`*Silent:* ${named} (no update for ${plural(d.programme.silenceDays, 'day')} or more)`];
}

/** The headline's lines, in the order the board reads them. */
export function headlineLines(d: Digest): string[] {
  return [
    `*${safe(d.programme.name)}*`,
    ...countdowns(d),
    ...ragLines(d),
    ...redLines(d),
    ...kpiLines(d),
    actionLine(d),
    ...silenceLine(d),
  ];
}
