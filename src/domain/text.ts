/** A character the markup gives a meaning to: text without one is safe as it is. */
const MARKUP_CHAR = /[&<>]/;

/**
 * Escapes '&', '<' and '>' as the neutral markup (src/chat/markup.ts) requires. Existing '&amp;',
 * '&lt;' and '&gt;' are left alone because platforms deliver typed text already escaped (Slack
 * does), and escaping twice would show users '&amp;lt;'.
 */
export function escapeText(text: string): string {
  if (!MARKUP_CHAR.test(text)) return text;
  return text
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

// The only tokens worth keeping from user text: mentions of one person or one channel. Labels
// cannot contain '<', '>' or '|', so a mention cannot smuggle a link inside.
const SAFE_MENTION = /(<(?:person|channel):[^<>|\s]+(?:\|[^<>|]*)?>)/;

/**
 * Text from a user made safe to echo in the neutral markup: mentions of a person or a channel
 * kept, and every other '<', '>' and '&' escaped, so an injected link or token shows literally.
 * (Each platform's renderer also defuses its own broadcasts, such as Slack's '@channel'.)
 */
export function toSafeText(text: string): string {
  if (!MARKUP_CHAR.test(text)) return text;
  // split() with a capturing group puts the mentions at the odd indexes.
  return text
    .split(SAFE_MENTION)
    .map((part, index) => (index % 2 === 1 ? part : escapeText(part)))
    .join('');
}

const LABELLED_MENTION = /<(person|channel):[^<>|\s]+\|([^<>|]+)>/g;

/**
 * Labelled mentions written back as the person typed them: Slack sends '@olly' in a command as
 * a mention labelled 'olly', and '#general' as a channel labelled 'general'. For echoing text in
 * a code block, where markup shows literally; a mention without a label is left for the renderer.
 */
export function mentionsAsTyped(text: string): string {
  return text.replace(LABELLED_MENTION, (_all, kind: string, name: string) =>
    kind === 'person' ? `@${name}` : `#${name}`,
  );
}

const ELLIPSIS = '…';

function dropBrokenTail(text: string): string {
  // A cut can split a surrogate pair, an '&amp;' entity or a '<person:U123|Jane Smith>' token; a
  // half token would render as junk, so drop it.
  return text.replace(/[\uD800-\uDBFF]$/, '').replace(/(?:&[a-z]*|<[a-z]+:[^<>]*)$/i, '');
}

/**
 * Shortens text to at most `max` characters (ellipsis included), cutting at the last word
 * boundary that fits and adding '…'. Text that already fits is returned unchanged.
 */
export function truncateText(text: string, max: number): string {
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
