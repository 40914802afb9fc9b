/**
 * Packs a digest's sections into messages of the size the platform declares (Chat.limits; Slack:
 * 50 blocks a message, 3,000 characters a section). What does not fit in the main message
 * continues in replies in its thread, each saying which part it is; a long line is split across
 * blocks, never cut. Splits fall between sections, then between lines, then at spaces.
 */
import { type Block, type Message, type MessageLimits, NO_LIMITS } from '../chat/message.js';
import type { DigestSection } from './render-sections.js';

// Room kept in a section block for the '*Title* (continued)' line a continuation adds.
const TITLE_ROOM = 200;

type Piece = Block & { sectionTitle?: string; first?: boolean };

/** Splits text at a space (outside any <…> mention or link) so every piece has at most `max` characters. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = -1;
    let depth = 0;
    for (let i = 0; i < max; i += 1) {
      const ch = rest[i];
      if (ch === '<') depth += 1;
      else if (ch === '>') depth = Math.max(0, depth - 1);
      else if (depth === 0 && (ch === ' ' || ch === '\n')) cut = i;
    }
    if (cut <= 0) cut = max; // One unbroken run longer than a block: split it where it must be.
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[ \n]/, '');
  }
  return [...pieces, rest];
}

/** Lines as section blocks, as many lines as fit in each (the headline, which has no title). */
export function linesToSections(lines: string[], limits: MessageLimits = NO_LIMITS): Block[] {
  return sectionPieces({ title: '', lines }, limits).map((p) => ({
    type: 'section',
    text: 'text' in p ? p.text : '',
  }));
}

/** One section as section blocks: the title, then as many lines as fit in each block. */
function sectionPieces(section: DigestSection, limits: MessageLimits): Piece[] {
  const max = limits.sectionChars - TITLE_ROOM;
  const titled = section.title ? [`*${section.title}*`, ...section.lines] : section.lines;
  const lines = titled.flatMap((line) => splitText(line, max));
  const pieces: Piece[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > max) {
      pieces.push({
        type: 'section',
        text: current,
        sectionTitle: section.title,
        first: pieces.length === 0,
      });
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  pieces.push({ type: 'section', text: current, sectionTitle: section.title, first: pieces.length === 0 });
  return pieces;
}

const size = (block: Block): number => ('text' in block ? block.text.length : 0);

/**
 * Lays out `head` blocks then the sections (dividers between them) as a main message plus
 * thread replies; with `headAlone`, the sections start in the first reply. `fallback(part, parts)` is each message's plain-text notification text and
 * `continued(part, parts)` the context line that opens each reply.
 */
export function layout(
  head: Block[],
  sections: DigestSection[],
  words: {
    fallback(part: number, parts: number): string;
    continued(part: number, parts: number): string;
    more(replies: number): string;
  },
  limits: MessageLimits = NO_LIMITS,
  options: { headAlone?: boolean } = {},
): Message {
  const pieces: Piece[] = sections.flatMap((s, i) => [
    ...sectionPieces(s, limits),
    ...(i < sections.length - 1 ? [{ type: 'divider' } as Piece] : []),
  ]);
  // Every message keeps one block and some characters for its context line (footer or "part k of n").
  const room = { blocks: limits.blocks - 1, chars: limits.messageChars - 300 };
  // The head alone in the main message: the board reads the headline, the detail waits in the thread.
  const messages: Block[][] = options.headAlone ? [[...head], []] : [[...head]];
  for (const piece of pieces) {
    let current = messages.at(-1)!;
    const chars = current.reduce((n, b) => n + size(b), 0);
    if (current.length + 1 > room.blocks || chars + size(piece) > room.chars) {
      if (piece.type === 'divider') continue; // A divider at the top of a reply separates nothing.
      current = [];
      messages.push(current);
    }
    if (piece.type === 'divider' && current.length === 0) continue;
    const continues = current.length === 0 && piece.type === 'section' && !piece.first;
    current.push(
      piece.type === 'section'
        ? {
            type: 'section',
            text: continues ? `*${piece.sectionTitle}* (continued)\n${piece.text}` : piece.text,
          }
        : piece,
    );
  }
  const parts = messages.length;
  const [main, ...replies] = messages.map((blocks, i) => ({ text: words.fallback(i + 1, parts), blocks }));
  if (replies.length === 0) return main!;
  main!.blocks!.push({ type: 'context', text: words.more(replies.length) });
  for (const [i, reply] of replies.entries())
    reply.blocks!.unshift({ type: 'context', text: words.continued(i + 2, parts) });
  return { ...main!, thread: replies };
}
