/**
 * The neutral markup (src/chat/markup.ts) as the Markdown subset Adaptive Card TextBlocks show,
 * with each mention as Teams wants it: `<at>name</at>` in the text and an entity beside it.
 */
import { type Icon, mapTokens } from '../markup.js';

/** A mention entity, sent in the activity's `entities` so Teams notifies the person. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** What the renderer knows about the ids in a text: names of people and channels, when known. */
export interface Names {
  people?: Record<string, string>;
  channels?: Record<string, string>;
}

export const RAG_MARKS = { red: '🔴', amber: '🟠', green: '🟢', complete: '🔵', not_started: '⚪' } as const;

/** One Unicode pictogram per ICONS name: Teams has no shortcodes, and cards render emoji as text. */
export const ICON_EMOJI: Record<Icon, string> = {
  done: '✅',
  warning: '⚠️',
  calendar: '📅',
  celebrate: '🎉',
  medal: '🏅',
  dropped: '✖️',
  bell: '🔔',
  bell_off: '🔕',
  snooze: '💤',
  failed: '❌',
  returned: '↩️',
  info: 'ℹ️',
  waiting: '⏳',
  hourglass: '⌛',
  thread: '🧵',
  alarm: '🚨',
  memo: '📝',
  question: '❔',
  eyes: '👀',
  reassigned: '🔄',
  next: '➡️',
};

/**
 * Markdown for a card, and the mentions it makes. Single-asterisk bold becomes double (a single
 * one is italic in Markdown); underscores and backticks mean the same in both.
 */
export function toTeamsMarkdown(
  text: string,
  names: Names = {},
): { text: string; mentions: MentionEntity[] } {
  const mentions: MentionEntity[] = [];
  const withTokens = mapTokens(text, (token) => {
    switch (token.kind) {
      case 'person': {
        const name = names.people?.[token.id] ?? token.label ?? 'someone';
        const at = `<at>${name}</at>`;
        if (!mentions.some((m) => m.mentioned.id === token.id))
          mentions.push({ type: 'mention', text: at, mentioned: { id: token.id, name } });
        return at;
      }
      case 'channel':
        return names.channels?.[token.id] ?? token.label ?? 'the channel';
      case 'rag':
        return RAG_MARKS[token.rag];
      case 'icon':
        return ICON_EMOJI[token.name];
    }
  });
  return { text: decodeEntities(boldOutsideCode(withTokens)), mentions };
}

/** `*bold*` → `**bold**`, leaving code spans and fences as they are. */
function boldOutsideCode(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) =>
      i % 2 === 1 ? asTypedInTeams(part) : part.replace(/(^|[^*\w])\*([^*\n]+)\*(?![*\w])/g, '$1**$2**'),
    )
    .join('');
}

/**
 * The core quotes commands as Slack's slash command, `/improve snooze off`; in Teams they are typed
 * to the bot without the slash (`improve snooze off`), so a code span or fence that starts with one
 * (or holds one on a line of its own) is written as Teams users type it.
 */
function asTypedInTeams(code: string): string {
  return code.replace(/(^`{1,3}\n?|\n)\/improve\b/g, '$1improve');
}

/** The markup's escapes, last: decoding earlier would let a typed '&lt;person:…&gt;' become a mention. */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
