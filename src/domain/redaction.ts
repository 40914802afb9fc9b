/**
 * Redaction: a stored text that should never have been kept (a child's personal data that got
 * past the guard) is replaced by a marker saying who removed it and when. Pure rules here; the
 * service finds every copy and writes the marker over each.
 */
import { formatUkDate, todayIn } from './dates.js';

/** 'removed by Jo Bloggs on 02/12/2026: personal data', the date in the programme's timezone. */
export function redactionMarker(name: string, now: Date, timezone: string): string {
  return `removed by ${name} on ${formatUkDate(todayIn(now, timezone))}: personal data`;
}

/** The parsed document, or null when `json` is not JSON (a corrupt or hand-edited row). */
export function parseJson(json: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(json) };
  } catch {
    return null;
  }
}

/** A parsed document and whether any of the texts was found in it (redactValue). */
export interface Redacted {
  value: unknown;
  found: boolean;
}

/**
 * A parsed JSON document (an audit row's before/after, a notice's payload, a pack) copied with
 * every string value that is one of `texts` replaced by the marker. Whole values only: a short
 * text ('ok') must not eat into other fields that happen to contain it.
 */
export function redactValue(
  value: unknown,
  texts: ReadonlySet<string>,
  marker: string,
  /** Only values under these keys (a pack's free-text fields), not a status or a code that happens to match. */
  keys?: ReadonlySet<string>,
): Redacted {
  let found = false;
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string' && texts.has(v) && (!keys || (key !== undefined && keys.has(key)))) {
      found = true;
      return marker;
    }
    if (Array.isArray(v)) return v.map((item) => walk(item, key));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const redacted = walk(value);
  return { value: redacted, found };
}

/** What to look for in a stored document that is not JSON (redactUnreadable). */
export interface UnreadableSearch {
  /** Texts replaced where they are a whole string value, as redactValue replaces them. */
  values: Iterable<string>;
  /** Only under these keys, as redactValue's `keys` (the packs' typed fields). */
  keys?: ReadonlySet<string>;
  /** Texts replaced where they end a board pack audit row's words, after its first ': '. */
  tails?: Iterable<string>;
}

/**
 * A stored document that is not JSON (corrupt, or edited by hand), searched as text since it
 * cannot be walked: the same whole values redactValue would replace (a quoted string that is a
 * value, under `keys` when given), each text as JSON escapes it and as typed (a hand edit may have
 * put a raw line break in, the very thing that breaks JSON), longest first. Nothing else is
 * touched, so a removed note reading "done" leaves every "status":"done" alone; a copy cut short
 * or changed inside the text is not found, and the caller says so. Null when nothing was replaced.
 */
export function redactUnreadable(json: string, search: UnreadableSearch, marker: string): string | null {
  const asJson = (t: string) => JSON.stringify(t).slice(1, -1);
  const forms = (texts: Iterable<string>) =>
    [...new Set([...texts].flatMap((t) => [asJson(t), t]))]
      .filter((f) => f !== '')
      .sort((a, b) => b.length - a.length);
  const mark = asJson(marker);
  const keys = search.keys ? `"(?:${[...search.keys].map(literal).join('|')})"\\s*:\\s*` : null;
  let text = json;
  for (const form of forms(search.values)) {
    const value = keys
      ? new RegExp(`(${keys})"${literal(form)}"`, 'g')
      : new RegExp(`([:\\[,]\\s*)"${literal(form)}"(?!\\s*:)`, 'g');
    text = text.replace(value, (_, before: string) => `${before}"${mark}"`);
  }
  for (const form of forms(search.tails ?? [])) {
    const tail = new RegExp(`("what"\\s*:\\s*"[^"\\\\]*?: )${literal(form)}"`, 'g');
    text = text.replace(tail, (_, before: string) => `${before}${mark}"`);
  }
  return text === json ? null : text;
}

/** `text` as a regular expression that matches just it. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The texts worth looking for: non-empty, and not already a marker. */
export function textsToRemove(values: (string | null | undefined)[]): Set<string> {
  return new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && !isMarker(v)));
}

export const isMarker = (text: string): boolean =>
  /^removed by .* on \d\d\/\d\d\/\d{4}: personal data$/.test(text);
