/**
 * The neutral markup (src/chat/markup.ts) to and from Slack's mrkdwn. Outbound, tokens become
 * Slack's mentions, channel links and emoji shortcodes; emphasis and escaping are already
 * Slack's. Inbound, Slack's encoded mentions become tokens before a command reads the text, and
 * its encoded broadcasts the words they show.
 */

import type { Rag } from '../../domain/rag.js';
import { type Icon, mapTokens, type Token } from '../markup.js';

export const RAG_SHORTCODES: Readonly<Record<Rag, string>> = {
  red: 'red_circle',
  amber: 'large_orange_circle',
  green: 'large_green_circle',
  complete: 'large_blue_circle',
  not_started: 'white_circle',
};

export const ICON_SHORTCODES: Readonly<Record<Icon, string>> = {
  done: 'white_check_mark',
  warning: 'warning',
  calendar: 'calendar',
  celebrate: 'tada',
  medal: 'medal',
  dropped: 'heavy_multiplication_x',
  bell: 'bell',
  bell_off: 'no_bell',
  snooze: 'zzz',
  failed: 'x',
  returned: 'leftwards_arrow_with_hook',
  info: 'information_source',
  waiting: 'hourglass_flowing_sand',
  hourglass: 'hourglass',
  thread: 'thread',
  alarm: 'rotating_light',
  memo: 'memo',
  question: 'grey_question',
  eyes: 'eyes',
  reassigned: 'arrows_counterclockwise',
  next: 'arrow_right',
};

/** The emoji shortcode of a RAG mark or an icon, colons included. */
function shortcode(token: Extract<Token, { kind: 'rag' | 'icon' }>): string {
  return `:${token.kind === 'rag' ? RAG_SHORTCODES[token.rag] : ICON_SHORTCODES[token.name]}:`;
}

const label = (token: { label?: string }) => (token.label ? `|${token.label}` : '');

/** Neutral markup as Slack mrkdwn. */
export function toMrkdwn(text: string): string {
  return mapTokens(text, (token) => {
    if (token.kind === 'person') return `<@${token.id}${label(token)}>`;
    if (token.kind === 'channel') return `<#${token.id}${label(token)}>`;
    return shortcode(token);
  });
}

/**
 * Neutral markup as Slack plain text (headers, buttons, modal errors), where mentions cannot
 * link: a person becomes their label or the name `names` knows, a channel '#name'.
 */
export function toSlackPlain(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  return mapTokens(text, (token) => {
    if (token.kind === 'person') return token.label?.trim() || names.get(token.id) || token.id;
    if (token.kind === 'channel') return `#${token.label?.trim() || token.id}`;
    return shortcode(token);
  });
}

// Slack's encodings in text it sends: '<@U123|olly>', '<#C123|general>'. Labels cannot contain
// '<', '>' or '|', so a mention cannot smuggle a link inside.
const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^<>|]*))?>/g;
const CHANNEL_MENTION = /<#([CG][A-Z0-9]+)(?:\|([^<>|]*))?>/g;
// <!channel>, <!here|@here>, <!everyone>: Slack's encoded broadcasts, with an optional label.
const SPECIAL_BROADCAST = /<!(channel|here|everyone)(?:\|[^<>]*)?>/gi;
// <!subteam^S123|@team> pings a whole user group; without a label we cannot show its name.
const USER_GROUP = /<!subteam\^[^|<>]*(?:\|@?([^<>]*))?>/gi;
// Bare words ping too when a message is posted with link_names. The lookbehind leaves e-mail
// addresses such as 'ops@here.example' alone.
const BARE_BROADCAST = /(?<![\w.@])@(channel|here|everyone)\b/gi;

/**
 * Invisible character put after '@' so '@channel' still reads as '@channel' but Slack no longer
 * treats it as a broadcast. A zero-width joiner survives copy and paste better than a space.
 */
export const ZERO_WIDTH_JOINER = '\u200D';

const defused = (word: string): string => `@${ZERO_WIDTH_JOINER}${word}`;

/**
 * Makes broadcasts and user-group mentions read the same but ping nobody. User mentions and
 * channel links are kept: they notify one person, by design.
 */
export function neutraliseBroadcasts(text: string): string {
  // Every broadcast starts with '<!' or '@'.
  if (!text.includes('@') && !text.includes('<!')) return text;
  return text
    .replace(SPECIAL_BROADCAST, (_all, word: string) => defused(word.toLowerCase()))
    .replace(USER_GROUP, (_all, group: string | undefined) => defused(group?.trim() || 'group'))
    .replace(BARE_BROADCAST, (_all, word: string) => defused(word));
}

const withLabel = (kind: 'person' | 'channel') => (_all: string, id: string, name?: string) =>
  `<${kind}:${id}${name ? `|${name}` : ''}>`;

/**
 * Text Slack sent (a command, a message) as the person typed it, in the neutral markup: Slack's
 * escaping of '&', '<' and '>' undone, mentions as tokens, and encoded broadcasts as the words
 * they show ('@channel', '@team'), which the renderer defuses whenever they are shown again.
 */
export function fromSlack(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(SPECIAL_BROADCAST, (_all, word: string) => `@${word.toLowerCase()}`)
    .replace(USER_GROUP, (_all, group: string | undefined) => `@${group?.trim() || 'group'}`)
    .replace(USER_MENTION, withLabel('person'))
    .replace(CHANNEL_MENTION, withLabel('channel'));
}
