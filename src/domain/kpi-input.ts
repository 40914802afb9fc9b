/**
 * How people type KPI values, units, directions and reporting periods: '86%', '1,250', '£1,250',
 * 'lower', 'higher-is-better', 'for October', 'for 30/11', 'for last month'.
 */
import { addMonths, type Day, dayParts, endOfMonth, makeDay } from './dates.js';
import type { KpiDirection } from './kpi.js';
import { type ParseDateAtStartResult, parseDateAtStart } from './parse-date.js';

const NUMBER = /^[-−]?£?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?$/;

/** A reading or target value: '23', '23.5', '86%', '1,250', '£1,250', '-3'. Null when not a number. */
export function parseKpiNumber(word: string): number | null {
  const text = word.trim();
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  const value = Number(text.replace(/[£%,]/g, '').replace('−', '-'));
  return Number.isFinite(value) ? value : null;
}

const DIRECTIONS: Readonly<Record<string, KpiDirection>> = {
  higher: 'higher',
  high: 'higher',
  up: 'higher',
  increase: 'higher',
  more: 'higher',
  '↑': 'higher',
  lower: 'lower',
  low: 'lower',
  down: 'lower',
  decrease: 'lower',
  less: 'lower',
  fewer: 'lower',
  '↓': 'lower',
};

/** 'higher', 'lower', 'higher-is-better', 'lower_better', 'up', 'down'. Null otherwise. */
export function parseKpiDirection(word: string): KpiDirection | null {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[-_ ]?(is[-_ ]?)?better$/, '');
  return Object.hasOwn(DIRECTIONS, key) ? DIRECTIONS[key]! : null;
}

/** Units as the scorecard shows them: 'percent' becomes '%', 'pounds' becomes '£'. */
export function normaliseKpiUnit(word: string): string {
  const key = word.trim().toLowerCase();
  if (['percent', 'percentage', 'pc', 'per-cent'].includes(key)) return '%';
  if (['pounds', 'gbp', '£s'].includes(key)) return '£';
  return word.trim();
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

function monthNumber(word: string | undefined): number | null {
  const key = (word ?? '').toLowerCase().replace(/[.,]$/, '');
  const index = MONTHS.indexOf(key.slice(0, 3));
  const full = 'january february march april may june july august september october november december'.split(
    ' ',
  );
  return index >= 0 && (key.length === 3 || key === 'sept' || full[index] === key) ? index + 1 : null;
}

/**
 * The day a reading is for (its period's end). A month ('October', 'Oct 2026', 'last month')
 * means its last day; a month or day given without a year is its latest occurrence, since
 * readings look back ('for 30/11' said in January is last November).
 */
export function parsePeriodAtStart(tokens: readonly string[], today: Day): ParseDateAtStartResult {
  const [first, second] = tokens.map((t) => t.toLowerCase());
  if ((first === 'last' || first === 'this') && second === 'month') {
    return { ok: true, day: endOfMonth(addMonths(today, first === 'last' ? -1 : 0)), used: 2 };
  }
  const month = monthNumber(first);
  if (month !== null && !/^\d{1,2}(st|nd|rd|th)?$/.test(second ?? ''))
    return monthPeriod(month, second, today);
  const parsed = parseDateAtStart(tokens, today);
  if (!parsed.ok || parsed.day <= endOfMonth(today) || !yearless(tokens.slice(0, parsed.used))) return parsed;
  return { ...parsed, day: addMonths(parsed.day, -12) };
}

function monthPeriod(month: number, yearWord: string | undefined, today: Day): ParseDateAtStartResult {
  const now = dayParts(today);
  const explicit = /^[12]\d{3}$/.test(yearWord ?? '') ? Number(yearWord) : null;
  const year = explicit ?? (month <= now.month ? now.year : now.year - 1);
  return { ok: true, day: endOfMonth(makeDay(year, month, 1)!), used: explicit === null ? 1 : 2 };
}

// Only day-and-month forms are moved back a year; 'next friday' or '30/11/2027' mean what they say.
function yearless(words: readonly string[]): boolean {
  const text = words.join(' ');
  return (
    /^\d{1,2}[/.-]\d{1,2}$/.test(text) ||
    /^\d{1,2}(st|nd|rd|th)?\s+[a-z]+\.?$/i.test(text) ||
    /^[a-z]+\s+\d{1,2}(st|nd|rd|th)?$/i.test(text)
  );
}
