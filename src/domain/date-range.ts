/**
 * Reads a day or a range of days from the start of a message, as people write a two-day visit:
 * '12/03/2027-13/03/2027', '12/03-13/03', '12 Mar - 13 Mar', '12–13 March 2027', '12 Mar to 13 Mar'.
 */
import { type Day, dayParts, formatUkDate, makeDay } from './dates.js';
import { type ParseDateFailure, parseDateAtStart } from './parse-date.js';

export type ParseDateRangeResult = { ok: true; start: Day; end: Day | null; used: number } | ParseDateFailure;

/** A piece of a token, remembering which token it came from, so `used` counts whole tokens. */
interface Piece {
  text: string;
  from: number;
}

const DASHES = new Set(['-', '–', '—']);
const WORD_SEPARATORS = new Set(['to', 'until', 'till']);
const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[.,]?$/i;
const SINGLE_NUMERIC_DATE = /^(\d{1,2}([/.-])\d{1,2}(\2\d{2,4})?|\d{4}-\d{1,2}-\d{1,2})$/;

/**
 * The start day and, for a range, the end day (null for a single day, or when both are the same).
 * A year-less end date is read from the start date, so '30/12-02/01' spans the new year. A dash
 * always means a range, so a bad end date is an error; 'to' may instead begin the theme
 * ('31/03/2027 to submit the plan').
 */
export function parseDateRangeAtStart(tokens: readonly string[], today: Day): ParseDateRangeResult {
  const pieces = tokens.flatMap((token, i) =>
    splitToken(token, tokens[i + 1]).map((text) => ({ text, from: i })),
  );
  const texts = pieces.map((p) => p.text);
  const bareDay = /^\d{1,2}$/.exec(texts[0] ?? '');
  if (bareDay && isSeparator(texts[1])) return dayThenDate(Number(bareDay[0]), texts, pieces, today);
  const first = parseDateAtStart(texts, today);
  if (!first.ok) return first;
  const separator = texts[first.used];
  if (!isSeparator(separator)) return finish(first.day, null, first.used, pieces);
  const second = parseDateAtStart(texts.slice(first.used + 1), first.day);
  if (second.ok) return finish(first.day, second.day, first.used + 1 + second.used, pieces);
  if (DASHES.has(separator!)) return second;
  return finish(first.day, null, first.used, pieces);
}

/** '12-13 March 2027' or '12 - 13 Mar': the start takes the end's month and year. */
function dayThenDate(day: number, texts: string[], pieces: Piece[], today: Day): ParseDateRangeResult {
  const end = parseDateAtStart(texts.slice(2), today);
  if (!end.ok) return end;
  const { year, month } = dayParts(end.day);
  const start = makeDay(year, month, day);
  if (!start)
    return {
      ok: false,
      message: `${day} is not a day of the month of ${texts.slice(2, 2 + end.used).join(' ')}.`,
    };
  return finish(start, end.day, 2 + end.used, pieces);
}

function finish(start: Day, end: Day | null, usedPieces: number, pieces: Piece[]): ParseDateRangeResult {
  const last = pieces[usedPieces - 1]!;
  // The range ended inside a token ('13/03-ish'): that token is not a date after all.
  if (pieces[usedPieces]?.from === last.from) {
    return {
      ok: false,
      message: `I could not read "${pieces
        .filter((p) => p.from === last.from)
        .map((p) => p.text)
        .join('')}" as a date or a range of dates.`,
    };
  }
  if (end !== null && end < start) {
    return {
      ok: false,
      message: `The end date (${formatUkDate(end)}) is before the start date (${formatUkDate(start)}). Give the first day, then the last.`,
    };
  }
  return { ok: true, start, end: end === start ? null : end, used: last.from + 1 };
}

/** Splits '12/03-13/03' into '12/03', '-', '13/03', but leaves dates written with dashes whole. */
function splitToken(token: string, next: string | undefined): string[] {
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})-(\d{4}-\d{1,2}-\d{1,2})$/.exec(token);
  if (iso) return [iso[1]!, '-', iso[2]!];
  // '12-13 Mar' is a range of days; '12-03' alone is the 12th of March.
  const days = /^(\d{1,2})[-–—](\d{1,2})$/.exec(token);
  if (days && MONTH_WORD.test(next ?? '')) return [days[1]!, '-', days[2]!];
  if (SINGLE_NUMERIC_DATE.test(token) || token.length < 2) return [token];
  return token.split(/([-–—])/).filter((part) => part !== '');
}

function isSeparator(word: string | undefined): boolean {
  return word !== undefined && (DASHES.has(word) || WORD_SEPARATORS.has(word.toLowerCase()));
}
