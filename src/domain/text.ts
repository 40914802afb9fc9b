/**
 * Invisible character put after '@' so '@channel' still reads as '@channel' but Slack no longer
 * treats it as a broadcast. A zero-width joiner survives copy and paste better than a space.
 */
export const ZERO_WIDTH_JOINER = '\u200D';

const defused = (word: string): string => `@${ZERO_WIDTH_JOINER}${word}`;

// <!channel>, <!here|@here>, <!everyone>: Slack's encoded broadcasts, with an optional label.
const SPECIAL_BROADCAST = /<!(channel|here|everyone)(?:\|[^<>]*)?>/gi;
// <!subteam^S123|@team> pings a whole user group; without a label we cannot show its name.
const USER_GROUP = /<!subteam\^[^|<>]*(?:\|@?([^<>]*))?>/gi;
// Bare words ping too when a message is posted with link_names. The lookbehind leaves e-mail
// addresses such as 'ops@here.example' alone.
const BARE_BROADCAST = /(?<![\w.@])@(channel|here|everyone)\b/gi;

/**
 * Makes broadcasts and user-group mentions read the same but ping nobody. User mentions
 * (<@U123>) and channel links (<#C123|name>) are kept: they notify one person, by design.
 */
export function neutraliseBroadcasts(text: string): string {
  return text
    .replace(SPECIAL_BROADCAST, (_all, word: string) => defused(word.toLowerCase()))
    .replace(USER_GROUP, (_all, label: string | undefined) => defused(label?.trim() || 'group'))
    .replace(BARE_BROADCAST, (_all, word: string) => defused(word));
}

/**
 * Escapes '&', '<' and '>' as Slack's mrkdwn requires. Existing '&amp;', '&lt;' and '&gt;'
 * are left alone because Slack delivers message text already escaped, and escaping twice
 * would show users '&amp;lt;'.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

// The only angle-bracket forms worth keeping from user text: mentions of one person or one
// channel. Labels cannot contain '<', '>' or '|', so a mention cannot smuggle a link inside.
const SAFE_MENTION = /(<@[UW][A-Z0-9]+(?:\|[^<>|]*)?>|<#[CG][A-Z0-9]+(?:\|[^<>|]*)?>)/;

/**
 * Text from a user made safe to echo into Slack mrkdwn: broadcasts neutralised, user and
 * channel mentions kept, and every other '<', '>' and '&' escaped, so an injected link such as
 * '<https://evil.example|click>' shows literally instead of as a link.
 */
export function toSafeMrkdwn(text: string): string {
  // split() with a capturing group puts the mentions at the odd indexes.
  return neutraliseBroadcasts(text)
    .split(SAFE_MENTION)
    .map((part, index) => (index % 2 === 1 ? part : escapeMrkdwn(part)))
    .join('');
}

const LABELLED_MENTION = /<(@)[UW][A-Z0-9]+\|([^<>|]+)>|<(#)[CG][A-Z0-9]+\|([^<>|]+)>/g;

/**
 * Labelled mentions written back as the person typed them: Slack sends '@olly' in a command as
 * '<@U123|olly>' and '#general' as '<#C123|general>'. For echoing text in a code block, where
 * Slack shows the escape literally; a mention without a label is left for Slack to show.
 */
export function mentionsAsTyped(text: string): string {
  return text.replace(
    LABELLED_MENTION,
    (_all, at?: string, person?: string, hash?: string, channel?: string) =>
      at ? `@${person}` : `${hash}${channel}`,
  );
}

const ELLIPSIS = '…';

function dropBrokenTail(text: string): string {
  // A cut can split a surrogate pair, an '&amp;' entity or a '<@U123|Jane Smith>' mention; a
  // half token would render as junk (or as an unclosed link), so drop it.
  return text.replace(/[\uD800-\uDBFF]$/, '').replace(/(?:&[a-z]*|<(?:[@#!]|[a-z]+:)[^<>]*)$/i, '');
}

/**
 * Shortens text to at most `max` characters (ellipsis included), cutting at the last word
 * boundary that fits and adding '…'. Text that already fits is returned unchanged.
 */
export function truncateForSlack(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  const room = text.slice(0, max - 1);
  const endsOnBoundary = /\s/.test(text.charAt(max - 1));
  const lastSpace = room.search(/\s\S*$/);
  const cut = dropBrokenTail(endsOnBoundary || lastSpace <= 0 ? room : room.slice(0, lastSpace));
  // Trailing commas or full stops before '…' look like a typo.
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}${ELLIPSIS}`;
}

/** Turns curly quotes and apostrophes (‘ ’ ‚ ‛ “ ” „ ‟) into straight ones. */
export function normaliseQuotes(text: string): string {
  return text.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text that every store accepts: lone surrogate halves (a paste cut mid-emoji) become '�', which
 * Prisma would otherwise fail to encode, and NUL characters, which PostgreSQL refuses in text, go.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '');
}
