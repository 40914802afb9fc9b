/**
 * Replies every subcommand shares: the polite refusal (what was wrong, the usage line, an example,
 * and the user's own text so nothing they typed is lost) and the generic apology for bugs.
 */
import type { Block, Message } from '../src/chat/message.js';
import type { AppError } from '../src/domain/errors.js';
import { escapeText, mentionsAsTyped, toSafeText } from '../src/domain/text.js';
import type { Reply } from './types.js';

// Slack cuts a section's text at 3,000 characters: each quoted part, escaped, stays well inside.
const QUOTE_ROOM = 2700;
// A part cut mid-word when a "word" is longer than a section: 500 characters escape to at most 2,500.
const HARD_CUT = 500;
// Slack shows at most 50 blocks in a message; the rest of a very long text follows in more messages.
const BLOCKS_PER_MESSAGE = 45;

// A mention the user typed is written back as typed ('@olly'): inside a code block Slack would
// show the mention's token ('<person:U…|olly>').
const escapeForQuote = (text: string): string =>
  toSafeText(mentionsAsTyped(text)).replace(/```/g, '`\u200b``');

function cutLongWord(segment: string): string[] {
  if (escapeForQuote(segment).length <= QUOTE_ROOM) return [segment];
  const characters = [...segment];
  const parts: string[] = [];
  for (let i = 0; i < characters.length; i += HARD_CUT)
    parts.push(characters.slice(i, i + HARD_CUT).join(''));
  return parts;
}

/**
 * The user's text in parts that each fit one Slack section once escaped, cut after whitespace
 * where possible, so that joined together they are exactly what was typed.
 */
export function splitForQuoting(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const segment of text.split(/(?<=\s)/).flatMap(cutLongWord)) {
    if (current !== '' && escapeForQuote(current + segment).length > QUOTE_ROOM) {
      parts.push(current);
      current = '';
    }
    current += segment;
  }
  parts.push(current);
  return parts;
}

/** The user's text as code blocks that cannot be broken out of or ping anyone, one per section. */
export function quoteUserText(text: string): string[] {
  return splitForQuoting(text).map((part) => `\`\`\`${escapeForQuote(part)}\`\`\``);
}

/** Explanation lines, then the user's whole text, however long, across as many sections as it needs. */
export function withUserText(lines: string[], typed: string): Reply {
  const quoted = quoteUserText(typed);
  const blocks: Block[] = [
    ...linesAsSections([...lines, 'Your text, so nothing is lost:']),
    ...quoted.map((text): Block => ({ type: 'section', text })),
  ];
  const messages: Message[] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_MESSAGE) {
    const part = blocks.slice(i, i + BLOCKS_PER_MESSAGE);
    messages.push({ text: part.map((b) => (b.type === 'section' ? b.text : '')).join('\n'), blocks: part });
  }
  const [first, ...rest] = messages;
  return { kind: 'ephemeral', message: { ...first!, ...(rest.length > 0 ? { thread: rest } : {}) } };
}

/**
 * `corrected` is the user's command with a guessed fix ("did you mean …?"), shown as a block they
 * can copy and send again.
 */
export function refusal(
  error: AppError,
  options: { usage?: string; typed: string; corrected?: string },
): Reply {
  // Messages and examples often quote what the user typed, so they must not ping or link either;
  // the usage line's <placeholders> would otherwise read as links.
  // A mention the user typed is written back as typed ('@olly'): inside a code span Slack would
  // show the mention's token ('<person:U…|olly>').
  const lines = [`<icon:warning> ${toSafeText(mentionsAsTyped(error.message))}`];
  if (options.usage && (error.code === 'bad_input' || error.code === 'ambiguous'))
    lines.push(`*Usage:* \`${escapeText(options.usage)}\``);
  if (options.corrected)
    lines.push('The corrected command, ready to copy:', ...quoteUserText(options.corrected));
  else if (error.example) lines.push(`*For example:* \`${toSafeText(mentionsAsTyped(error.example))}\``);
  return withUserText(lines, options.typed);
}

export function apology(typed: string): Reply {
  return withUserText(
    [
      '<icon:warning> Sorry, something went wrong on our side and nothing was saved. Please try again in a minute; if it keeps happening, tell your programme manager.',
    ],
    typed,
  );
}

/**
 * The command ran and its changes were committed, but its answer could not be shown: saying
 * "nothing was saved" would be false and invite the same change twice.
 */
export function undelivered(typed: string): Reply {
  return withUserText(
    [
      '<icon:warning> Sorry, I could not show you my answer just now. Whatever your command changed is saved (`/improve status` shows it), so please check there before sending it again.',
    ],
    typed,
  );
}

export function ephemeral(text: string, blocks?: Message['blocks']): Reply {
  return { kind: 'ephemeral', message: { text, blocks: blocks ?? linesAsSections(text.split('\n')) } };
}

// Slack cuts a section's text at 3,000 characters; leave room for escaping.
const SECTION_LIMIT = 2800;

/** Lines grouped into as few sections as fit, so a long help or list is not cut short. */
export function linesAsSections(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: string | null = null;
  for (const line of lines) {
    if (current !== null && current.length + line.length + 1 > SECTION_LIMIT) {
      blocks.push({ type: 'section', text: current });
      current = null;
    }
    current = current === null ? line : `${current}\n${line}`;
  }
  if (current !== null) blocks.push({ type: 'section', text: current });
  return blocks;
}
