/**
 * A neutral message (and its thread) as readable terminal text: what `npm run digest -- --dry-run`
 * prints for the programme manager. Mrkdwn marks go, emoji become short symbols, mentions become
 * @names when the names are known.
 */
import type { Block, Message } from '../chat/message.js';

const EMOJI: Record<string, string> = {
  red_circle: '[R]',
  large_orange_circle: '[A]',
  large_yellow_circle: '[A]',
  large_green_circle: '[G]',
  large_blue_circle: '[C]',
  white_circle: '[-]',
  white_check_mark: '[met]',
  x: '[not met]',
  grey_question: '[?]',
  medal: '[verified]',
  heavy_multiplication_x: '[dropped]',
};

/** Mrkdwn → plain text: formatting removed, mentions and entities resolved. */
export function mrkdwnToPlain(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  return (
    text
      .replace(
        /<@([UW][A-Z0-9]+)(?:\|([^<>]*))?>/g,
        (_m, id: string, label?: string) => `@${names.get(id) || label || id}`,
      )
      .replace(/<#([CG][A-Z0-9]+)(?:\|([^<>]*))?>/g, (_m, id: string, label?: string) => `#${label || id}`)
      // Shortcodes start with a letter, so times such as 09:00:00 are left alone.
      .replace(/:([a-z][a-z0-9_+-]*):/g, (_m, name: string) => EMOJI[name] ?? '')
      .replace(/(^|[\s(])[*_]+(?=\S)|(?<=\S)[*_]+(?=$|[\s).,:;])/gm, '$1')
      .replace(/^ +/gm, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  );
}

function blockText(block: Block, names: ReadonlyMap<string, string>): string {
  switch (block.type) {
    case 'header':
      return `${block.text}\n${'='.repeat(Math.min(block.text.length, 72))}`;
    case 'section':
      return [block.text, ...(block.fields ?? [])].map((t) => mrkdwnToPlain(t, names)).join('\n');
    case 'context':
      return mrkdwnToPlain(block.text, names);
    case 'divider':
      return '-'.repeat(40);
    case 'actions':
      return block.buttons.map((b) => `[${b.text}]`).join(' ');
  }
}

function messageText(message: Message, names: ReadonlyMap<string, string>): string {
  const blocks = message.blocks;
  if (!blocks) return mrkdwnToPlain(message.text, names);
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
