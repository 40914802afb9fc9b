/**
 * The neutral markup of every text the core writes (Message blocks, modal intros, AppError
 * messages). It is small on purpose, and each platform's renderer translates it
 * (src/chat/slack/mrkdwn.ts for Slack; a Teams renderer the same way):
 *
 * - Literal text escapes '&', '<' and '>' as '&amp;', '&lt;' and '&gt;' (escapeText).
 * - A token is `<kind:value>` or `<kind:value|label>`:
 *   - `<person:ID>`: a mention of one person by their platform user id;
 *   - `<channel:ID>`: a link to a channel or conversation;
 *   - `<rag:red>`: the RAG mark beside a RAG word (`ragMark(rag)` in src/domain/rag.ts);
 *   - `<icon:done>`: a small pictogram from ICONS.
 *   A '<…>' that is none of these is left as it is.
 * - Emphasis: `*bold*`, `_italic_`, `` `code` `` and ``` fenced code ``` blocks.
 *
 * Text typed by users arrives in the same markup: each platform's inbound side turns its own
 * mentions into `<person:…>` and `<channel:…>` tokens before a command sees the text.
 */
import type { Rag } from '../domain/rag.js';

/** The pictograms the core uses, by what they mean. */
export const ICONS = [
  'done',
  'warning',
  'calendar',
  'celebrate',
  'medal',
  'dropped',
  'bell',
  'bell_off',
  'snooze',
  'failed',
  'returned',
  'info',
  'waiting',
  'hourglass',
  'thread',
  'alarm',
  'memo',
  'question',
  'eyes',
  'reassigned',
  'next',
] as const;

export type Icon = (typeof ICONS)[number];

/** One token of the markup, as found in text. */
export type Token =
  | { kind: 'person'; id: string; label?: string }
  | { kind: 'channel'; id: string; label?: string }
  | { kind: 'rag'; rag: Rag }
  | { kind: 'icon'; name: Icon };

const RAGS = new Set(['red', 'amber', 'green', 'complete', 'not_started']);
const ICON_SET: ReadonlySet<string> = new Set(ICONS);

/** Every token in text; ids cannot hold '<', '>', '|' or spaces, labels cannot hold '<' or '>'. */
const TOKEN = /<(person|channel|rag|icon):([^<>|\s]+)(?:\|([^<>|]*))?>/g;

/** Reads one matched token; null when its value is not one the markup knows. */
function readToken(kind: string, value: string, label: string | undefined): Token | null {
  if (kind === 'person' || kind === 'channel')
    return { kind, id: value, ...(label ? { label } : {}) } as Token;
  if (kind === 'rag' && RAGS.has(value)) return { kind, rag: value as Rag };
  if (kind === 'icon' && ICON_SET.has(value)) return { kind, name: value as Icon };
  return null;
}

/**
 * Text with each known token replaced by what `render` gives for it; unknown '<…>' stay. Every
 * renderer translates through this, so the set of tokens is defined once.
 */
export function mapTokens(text: string, render: (token: Token, raw: string) => string): string {
  return text.replace(TOKEN, (raw, kind: string, value: string, label?: string) => {
    const token = readToken(kind, value, label);
    return token ? render(token, raw) : raw;
  });
}
