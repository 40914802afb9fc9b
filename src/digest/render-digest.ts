/**
 * A digest as a platform-neutral message: the main message is the headline alone (what a board
 * member reads in the first screen, render-headline.ts) and the sections follow in its thread,
 * in as many replies as the platform's limits need. A plain-text fallback goes with each.
 */
import type { Block, Message, MessageLimits } from '../chat/message.js';
import { formatLongDate } from '../domain/dates.js';
import { RAG_VALUES, ragLabel } from '../domain/rag.js';
import { toSafeText } from '../domain/text.js';
import { layout, linesToSections } from './layout.js';
import { headlineLines } from './render-headline.js';
import { digestSections } from './render-sections.js';
import type { Digest } from './types.js';
import { plural } from './words.js';

export interface RenderOptions {
  /** Context lines shown under the header: 'Posted late…', 'Sent on request by…', 'Preview…'. */
  notes?: string[];
  /** The platform's message sizes (Chat.limits); without them the thread is one reply. */
  limits?: MessageLimits;
}

function head(d: Digest, options: RenderOptions): Block[] {
  const notes: Block[] = (options.notes ?? []).map((text) => ({ type: 'context', text }));
  const title = d.programme.exceptionsOnly ? 'Weekly digest (exceptions only)' : 'Weekly digest';
  return [
    { type: 'header', text: `${title}: week of ${formatLongDate(d.weekStart)}` },
    ...notes,
    ...linesToSections(headlineLines(d), options.limits),
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
    { headAlone: true },
  );
}
