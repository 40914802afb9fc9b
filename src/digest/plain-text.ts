/**
 * A neutral message (and its thread) as readable terminal text: what `npm run digest -- --dry-run`
 * prints for the programme manager. Emphasis marks go, RAG marks and icons become short symbols, mentions become
 * @names when the names are known.
 */
import { mapTokens } from '../chat/markup.js';
import type { Block, Message } from '../chat/message.js';

const RAG: Record<string, string> = {
  red: '[R]',
  amber: '[A]',
  green: '[G]',
  complete: '[C]',
  not_started: '[-]',
};

const ICONS: Record<string, string> = {
  // The verdict word ('met', 'on track', 'missed') follows each of these, so they stay short.
  done: '[ok]',
  warning: '[!]',
  failed: '[x]',
  question: '[?]',
  medal: '[verified]',
  dropped: '[dropped]',
};

/** Neutral markup → plain text: formatting removed, mentions and entities resolved. */
export function markupToPlain(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  return mapTokens(text, (token) => {
    if (token.kind === 'person') return `@${names.get(token.id) || token.label || token.id}`;
    if (token.kind === 'channel') return `#${token.label || token.id}`;
    return token.kind === 'rag' ? (RAG[token.rag] ?? '') : (ICONS[token.name] ?? '');
  })
    .replace(/(^|[\s(])[*_]+(?=\S)|(?<=\S)[*_]+(?=$|[\s).,:;])/gm, '$1')
    .replace(/^ +/gm, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Stored text as a pack prints it, on one line: mentions and marks resolved, runs of white space
 * one space. The board and pre-visit packs keep their texts in this form, so a redaction looks for
 * it too (services/redaction-copies.ts).
 */
export const printedText = (text: string): string => markupToPlain(text).replace(/\s+/g, ' ').trim();

function blockText(block: Block, names: ReadonlyMap<string, string>): string {
  switch (block.type) {
    case 'header':
      return `${block.text}\n${'='.repeat(Math.min(block.text.length, 72))}`;
    case 'section':
      return [block.text, ...(block.fields ?? [])].map((t) => markupToPlain(t, names)).join('\n');
    case 'context':
      return markupToPlain(block.text, names);
    case 'divider':
      return '-'.repeat(40);
    case 'actions':
      return block.buttons.map((b) => `[${b.text}]`).join(' ');
  }
}

function messageText(message: Message, names: ReadonlyMap<string, string>): string {
  const blocks = message.blocks;
  if (!blocks) return markupToPlain(message.text, names);
  // Consecutive sections are one section split to fit Slack's limits: no gap between them.
  const gap = (i: number) =>
    i === 0 ? '' : blocks[i]!.type === 'section' && blocks[i - 1]!.type === 'section' ? '\n' : '\n\n';
  return blocks.map((b, i) => `${gap(i)}${blockText(b, names)}`).join('');
}

/** The message then each reply in its thread, marked as such. */
export function toPlainText(message: Message, names: ReadonlyMap<string, string> = new Map()): string {
  const parts = [messageText(message, names)];
  for (const [i, reply] of (message.thread ?? []).entries()) {
    parts.push(`>>> Reply ${i + 1} in the thread\n\n${messageText(reply, names)}`);
  }
  return `${parts.join('\n\n')}\n`;
}
