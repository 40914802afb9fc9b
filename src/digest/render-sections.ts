/**
 * The digest's sections as titled lists of mrkdwn lines, in the order the board reads them. All
 * user text goes through toSafeText; nothing is shortened (layout.ts splits, it never cuts).
 */
import { actionLine } from '../domain/actions.js';
import { type Day, formatUkDate } from '../domain/dates.js';
import { describeTarget, formatKpiValue, trendArrow, verdictIcon, verdictWords } from '../domain/kpi.js';
import { RAG_VALUES, ragArrow, ragLabel, ragMark } from '../domain/rag.js';
import { toSafeText } from '../domain/text.js';
import { MAX_TEXT_LENGTH } from '../services/guard-text.js';
import { type Digest, type DigestException, type DigestKpi, DUE_SOON_DAYS, DUE_SOON_SHOWN } from './types.js';
import { eventCountdown, eventPhrase, plural, ragWord, shortDay } from './words.js';

export interface DigestSection {
  title: string;
  lines: string[];
}

const safe = toSafeText;
const full = { maxText: MAX_TEXT_LENGTH };
const counts = (c: Digest['ragCounts']['workstreams']) =>
  RAG_VALUES.map((r) => `${ragMark(r)} ${c[r]} ${ragLabel(r)}`).join(' · ');

export function ragAtAGlance(d: Digest): DigestSection {
  const projects = Object.values(d.ragCounts.projects).some((n) => n > 0)
    ? [`*Projects:* ${counts(d.ragCounts.projects)}`]
    : [];
  const rows = d.workstreams.map((w) => {
    const moved = w.movedFrom ? ` ${ragArrow(w.movedFrom, w.rag)} from ${ragLabel(w.movedFrom)}` : '';
    const updated = w.lastUpdateDay ? `updated ${shortDay(w.lastUpdateDay, d.today)}` : 'no updates yet';
    return `${ragMark(w.rag)} *${safe(w.code)}* ${safe(w.name)}: ${ragLabel(w.rag)}${moved} · ${updated}`;
  });
  const none = d.workstreams.length === 0 ? ['_No workstreams yet._'] : [];
  return {
    title: 'RAG at a glance',
    lines: [`*Workstreams:* ${counts(d.ragCounts.workstreams)}`, ...projects, ...rows, ...none],
  };
}

export function changes(d: Digest): DigestSection {
  const title = d.sinceLastDigest ? 'Changes since the last digest' : 'Changes in the last 7 days';
  // Net moves: a change reverted since the last digest is not listed at all.
  const lines = d.changes.map((c) => {
    const times = c.count > 1 ? ` (net of ${c.count} changes; latest)` : '';
    return `• ${shortDay(c.day, d.today)} · *${safe(c.subject)}* ${safe(c.subjectName)}: ${ragWord(c.from)} → ${ragMark(c.to)} *${ragLabel(c.to)}*${times} (<person:${c.authorUserId}>): ${safe(c.reason)}`;
  });
  return { title, lines: lines.length > 0 ? lines : ['_No RAG changes._'] };
}

function exceptionLines(e: DigestException, today: Day): string[] {
  const subject =
    e.kind === 'project' ? `${safe(e.code)} / ${safe(e.name)}` : `${safe(e.code)} ${safe(e.name)}`;
  const dated = (x: { day: Day; authorUserId: string }) =>
    `(${shortDay(x.day, today)}, <person:${x.authorUserId}>)`;
  const heading = `${ragMark('red')} *${subject}*${e.kind === 'project' ? ' (project)' : ''}`;
  // A Red project with nothing recorded about it still needs the board to see it, in one line.
  if (!e.reason && !e.latestUpdate && e.openActions.length === 0) {
    return [`${heading}: _no reason, update or open action recorded_`];
  }
  return [
    heading,
    e.reason ? `*Why Red* ${dated(e.reason)}: ${safe(e.reason.text)}` : '*Why Red:* _no reason recorded_',
    e.latestUpdate
      ? `*Latest update* ${dated(e.latestUpdate)}: ${safe(e.latestUpdate.text)}`
      : '*Latest update:* _none yet_',
    e.openActions.length > 0 ? `*Open actions (${e.openActions.length}):*` : '*Open actions:* _none_',
    ...e.openActions.map((a) => `• ${actionLine(a, today, full)}`),
  ];
}

export function exceptions(d: Digest): DigestSection {
  const lines = d.exceptions.flatMap((e) => exceptionLines(e, d.today));
  return { title: 'Exceptions: what is Red', lines: lines.length > 0 ? lines : ['_Nothing is Red._'] };
}

export function silence(d: Digest): DigestSection {
  const lines = d.silent.map((s) => {
    const leads =
      s.leadUserIds.length > 0 ? s.leadUserIds.map((id) => `<person:${id}>`).join(' ') : '_no lead named_';
    const since = s.lastUpdateDay
      ? `no update for ${plural(s.days, 'day')} (last ${shortDay(s.lastUpdateDay, d.today)})`
      : `no update since it was added ${plural(s.days, 'day')} ago`;
    return `• *${safe(s.code)}* ${safe(s.name)}: ${since} · ${leads}`;
  });
  const days = d.programme.silenceDays;
  const empty = `_Every workstream has posted an update in the last ${plural(days, 'day')}._`;
  return {
    title: `Silence: no update for ${plural(days, 'day')} or more`,
    lines: lines.length > 0 ? lines : [empty],
  };
}

/** Action numbers already listed under Exceptions: each action appears once in the digest. */
function listedUnderExceptions(d: Digest): Set<number> {
  return new Set(d.exceptions.flatMap((e) => e.openActions.map((a) => a.number)));
}

function overdueLines(d: Digest, listed: Set<number>): string[] {
  const total = d.overdue.reduce((n, o) => n + o.actions.length, 0);
  if (total === 0) return ['*Overdue:* _none_'];
  const elsewhere = d.overdue.reduce((n, o) => n + o.actions.filter((a) => listed.has(a.number)).length, 0);
  const note = elsewhere > 0 ? `, ${elsewhere} of them listed under Exceptions above` : '';
  return [
    `*Overdue (${total}${note}):*`,
    ...d.overdue.flatMap((o) => {
      const rest = o.actions.filter((a) => !listed.has(a.number));
      const under = o.actions.length - rest.length;
      const also = under > 0 ? ` (${under} under Exceptions)` : '';
      return [
        `<person:${o.ownerUserId}>: ${o.actions.length} overdue${also}`,
        ...rest.map((a) => `• ${actionLine(a, d.today, full)}`),
      ];
    }),
  ];
}

function dueSoonLines(d: Digest, listed: Set<number>): string[] {
  const heading = `*Due in the next ${DUE_SOON_DAYS} days`;
  if (d.dueSoon.length === 0) return [`${heading}:* _none_`];
  const rest = d.dueSoon.filter((a) => !listed.has(a.number));
  const under = d.dueSoon.length - rest.length;
  const note = under > 0 ? `, ${under} of them listed under Exceptions above` : '';
  const shown = rest.slice(0, DUE_SOON_SHOWN);
  const more =
    rest.length > shown.length
      ? [`• _and ${rest.length - shown.length} more: \`/improve action list\` lists every open action_`]
      : [];
  return [
    `${heading} (${d.dueSoon.length}${note}):*`,
    ...shown.map((a) => `• ${actionLine(a, d.today, full)}`),
    ...more,
  ];
}

export function actions(d: Digest): DigestSection {
  const listed = listedUnderExceptions(d);
  const period = d.sinceLastDigest ? 'since the last digest' : 'in the last 7 days';
  if (d.programme.exceptionsOnly) return { title: 'Overdue actions', lines: overdueLines(d, listed) };
  return {
    title: 'Actions',
    lines: [
      ...overdueLines(d, listed),
      ...dueSoonLines(d, listed),
      `*Completed ${period}:* ${d.completedCount}`,
    ],
  };
}

function kpiLine(k: DigestKpi, today: Day): string {
  const mark = verdictIcon(k.verdict);
  const verdict = `*${verdictWords(k.verdict, formatUkDate)}*`;
  const value = k.latest
    ? `${formatKpiValue(k.latest.value, k.unit)} (${shortDay(k.latest.period, today)})`
    : '_no readings yet_';
  const target = k.target
    ? `target ${describeTarget(k.direction, k.target, formatUkDate, k.unit)}, ${k.latest ? verdict : 'not judged'}`
    : k.verdict.state === 'stale'
      ? `no target set, ${verdict}`
      : 'no target set';
  const was = k.previous === null ? '' : ` (was ${formatKpiValue(k.previous, k.unit)})`;
  const arrow = k.trend ? trendArrow(k.trend) : '';
  const trend = k.trend ? ` · ${arrow ? `${arrow} ` : ''}${k.trend}${was}` : '';
  const next = k.next ? ` · next ${describeTarget(k.direction, k.next, formatUkDate, k.unit)}` : '';
  return `${mark} *${safe(k.name)}*: ${value} · ${target}${trend}${next}`;
}

const ATTENTION = new Set(['off_track', 'missed', 'stale']);

export function kpis(d: Digest): DigestSection {
  if (d.programme.exceptionsOnly) {
    const shown = d.kpis.filter((k) => ATTENTION.has(k.verdict.state));
    return {
      title: 'KPIs off track, missed or stale',
      lines: shown.length > 0 ? shown.map((k) => kpiLine(k, d.today)) : ['_Every KPI is on track or met._'],
    };
  }
  return {
    title: 'KPI scorecard',
    lines: d.kpis.length > 0 ? d.kpis.map((k) => kpiLine(k, d.today)) : ['_No KPIs yet._'],
  };
}

export function comingUp(d: Digest): DigestSection {
  const lines = d.comingUp.map((e) => `• ${eventPhrase(e, d.today)} · ${eventCountdown(e, d.today)}`);
  return {
    title: 'Coming up in the next 8 weeks',
    lines: lines.length > 0 ? lines : ['_Nothing dated in the next 8 weeks._'],
  };
}

/** What the board asked for and is still open, soonest due first; no section when there is none. */
export function boardRequests(d: Digest): DigestSection[] {
  const open = d.boardRequests ?? [];
  if (open.length === 0) return [];
  return [
    {
      title: `Board requests still open (${open.length})`,
      lines: open.map((a) => `• ${actionLine(a, d.today, full)}`),
    },
  ];
}

/**
 * The sections of the thread, in the order the board reads them; an exceptions-only digest keeps
 * what needs the board (changes, Reds, silence, overdue actions, KPIs not on track).
 */
export function digestSections(d: Digest): DigestSection[] {
  if (d.programme.exceptionsOnly) return [changes(d), exceptions(d), silence(d), actions(d), kpis(d)];
  return [
    ragAtAGlance(d),
    changes(d),
    exceptions(d),
    silence(d),
    actions(d),
    ...boardRequests(d),
    kpis(d),
    comingUp(d),
  ];
}
