/**
 * A digest as a platform-neutral message (header, sections, context, dividers) with a plain-text
 * fallback for notifications, continued in its thread when it does not fit in one message.
 */
import type { Block, Message, MessageLimits } from '../chat/message.js';
import { formatLongDate } from '../domain/dates.js';
import { RAG_VALUES, ragLabel } from '../domain/rag.js';
import { coverageSummary } from '../domain/recommendation.js';
import { toSafeText } from '../domain/text.js';
import { layout } from './layout.js';
import { digestSections } from './render-sections.js';
import type { Digest } from './types.js';
import { eventCountdown, eventPhrase, plural } from './words.js';

export interface RenderOptions {
  /** Context lines shown under the header: 'Posted late…', 'Sent on request by…', 'Preview…'. */
  notes?: string[];
  /** The platform's message sizes (Chat.limits); without them the digest is one message. */
  limits?: MessageLimits;
}

/** The countdown to the next Ofsted/DfE event and the next deadline. */
function countdownLines(d: Digest): string[] {
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

function head(d: Digest, options: RenderOptions): Block[] {
  const notes: Block[] = (options.notes ?? []).map((text) => ({ type: 'context', text }));
  return [
    { type: 'header', text: `Weekly digest: week of ${formatLongDate(d.weekStart)}` },
    ...notes,
    { type: 'section', text: [`*${toSafeText(d.programme.name)}*`, ...countdownLines(d)].join('\n') },
    { type: 'divider' },
  ];
}

/** 'Weekly digest for X, week of Monday 23 November 2026: 2 Red, 3 Amber, …'. */
function fallback(d: Digest, part: number, parts: number): string {
  const name = `Weekly digest for ${toSafeText(d.programme.name)}, week of ${formatLongDate(d.weekStart)}`;
  if (part > 1) return `${name}, continued (part ${part} of ${parts})`;
  const counts = RAG_VALUES.map((r) => `${d.ragCounts.workstreams[r]} ${ragLabel(r)}`).join(', ');
  const overdue = d.overdue.reduce((n, o) => n + o.actions.length, 0);
  const more = parts > 1 ? ` Continues in the thread (${plural(parts - 1, 'reply', 'replies')}).` : '';
  return `${name}: ${counts}. ${plural(d.changes.length, 'RAG change')}, ${plural(overdue, 'overdue action')}.${more}`;
}

export function renderDigest(d: Digest, options: RenderOptions = {}): Message {
  return layout(
    head(d, options),
    digestSections(d),
    {
      fallback: (part, parts) => fallback(d, part, parts),
      continued: (part, parts) =>
        `Weekly digest for ${toSafeText(d.programme.name)}, week of ${formatLongDate(d.weekStart)}: part ${part} of ${parts}.`,
      more: (replies) => `<icon:thread> Continues in the thread: ${plural(replies, 'more message')}.`,
    },
    options.limits,
  );
}
