/**
 * A command longer than anyone types is refused before it is parsed: parsing is linear, but there
 * is no reason to spend it on 40,000 characters, and one such request held the server for a second.
 * The refusal still hands back every character, in as many quoted sections as it takes.
 */
import type { Block } from '../src/chat/message.js';
import { quoteUserText } from './replies.js';
import type { Reply } from './types.js';

/**
 * Far above the longest real command (an update's 2,000 characters, plus its words), so texts
 * just over a field's own limit still get that field's more helpful refusal.
 */
export const MAX_COMMAND_LENGTH = 12_000;
/** Each quoted section stays under Slack's 3,000 characters, counted after escaping. */
const SECTION_BUDGET = 2900;
/** Slack's limit is 50 blocks a message; one is the warning. */
const MAX_CHUNKS = 49;

/** The polite refusal for an over-long command, or null when it is short enough to parse. */
export function refuseIfTooLong(text: string, typed: string, command: string): Reply | null {
  if (text.length <= MAX_COMMAND_LENGTH) return null;
  const chunks = chunksOf(typed);
  const shown = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const warning = `:warning: That command is ${text.length.toLocaleString('en-GB')} characters long; the most I take is ${MAX_COMMAND_LENGTH.toLocaleString('en-GB')}, so I have done nothing. Please shorten it (an update can be up to 2,000 characters), or type \`${command} update\` alone to write it in a form.`;
  const tail =
    shown < typed.length ? `\n(The first ${shown.toLocaleString('en-GB')} characters are shown.)` : '';
  const blocks: Block[] = [
    { type: 'section', text: `${warning}\nYour text, so nothing is lost:${tail}` },
    ...chunks.map((chunk): Block => ({ type: 'section', text: quoteUserText(chunk) })),
  ];
  // The fallback text carries everything too, as every refusal's does.
  const fallback = `${warning}\nYour text, so nothing is lost:\n${quoteUserText(typed)}`;
  return { kind: 'ephemeral', message: { text: fallback, blocks } };
}

/** What a character can become once quoted: &amp; is five, &lt; four, a backtick gains a space. */
const escapedCost = (c: string): number => (c === '&' ? 5 : c === '<' || c === '>' ? 4 : c === '`' ? 2 : 1);

/** Consecutive pieces of `text`, each within SECTION_BUDGET once escaped, at most MAX_CHUNKS. */
function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let cost = 6; // the ``` either side
  for (let i = 0; i < text.length && chunks.length < MAX_CHUNKS; i++) {
    cost += escapedCost(text[i]!);
    if (cost > SECTION_BUDGET) {
      chunks.push(text.slice(start, i));
      start = i;
      cost = 6 + escapedCost(text[i]!);
    }
  }
  if (chunks.length < MAX_CHUNKS && start < text.length) chunks.push(text.slice(start));
  return chunks;
}
