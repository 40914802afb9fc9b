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

/**
 * A JSON document (an audit row's before/after, a notice's payload) with every string value that
 * is one of `texts` replaced by the marker, or null when it holds none. Whole values only: a
 * short text ('ok') must not eat into other fields that happen to contain it.
 */
export function redactJson(
  json: string | null,
  texts: ReadonlySet<string>,
  marker: string,
  /** Only values under these keys (a pack's free-text fields), not a status or a code that happens to match. */
  keys?: ReadonlySet<string>,
): string | null {
  if (json === null || texts.size === 0) return null;
  let found = false;
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string' && texts.has(value) && (!keys || (key !== undefined && keys.has(key)))) {
      found = true;
      return marker;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const redacted = walk(parsed);
  return found ? JSON.stringify(redacted) : null;
}

/** The texts worth looking for: non-empty, and not already a marker. */
export function textsToRemove(values: (string | null | undefined)[]): Set<string> {
  return new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && !isMarker(v)));
}

export const isMarker = (text: string): boolean =>
  /^removed by .* on \d\d\/\d\d\/\d{4}: personal data$/.test(text);
