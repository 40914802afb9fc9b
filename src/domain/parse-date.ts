import {
  addDays,
  addMonths,
  type Day,
  dayParts,
  daysInMonth,
  endOfMonth,
  formatLongDate,
  isoWeekday,
  makeDay,
  weekStart,
} from './dates.js';

/** Why a date could not be read, in words to show the user. */
export interface ParseDateFailure {
  ok: false;
  message: string;
  /** A corrected form the user probably meant, e.g. '31/03/2026'. */
  suggestion?: string;
}

/** A date read from the start of a message, with how many tokens it took. */
export type ParseDateAtStartResult = { ok: true; day: Day; used: number } | ParseDateFailure;

/** A date read from a whole string. */
export type ParseDateResult = { ok: true; day: Day } | ParseDateFailure;

type Outcome = { ok: true; day: Day } | ParseDateFailure;
interface Match {
  used: number;
  outcome: Outcome;
}
/** Tokens lower-cased for matching (`words`) and as typed for messages (`shown`). */
interface Input {
  words: string[];
  shown: string[];
  today: Day;
}

const EXAMPLES =
  '31/03/2026, 31/3, 31 Mar, 31 March 2026, 2026-03-31, today, tomorrow, friday, ' +
  'this friday, next friday, in 3 days, in 2 weeks, in 1 month, end of week, end of month, ' +
  'end of next month, end of quarter and March 2027 (a month alone is its last day)';

const MONTH_NAMES =
  'January February March April May June July August September October November December'.split(' ');
const WEEKDAY_NAMES = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const MONTHS = nameIndex(MONTH_NAMES, { sept: 9 });
const WEEKDAYS = nameIndex(WEEKDAY_NAMES, { tues: 2, weds: 3, thur: 4, thurs: 4 });
const COUNT_WORDS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const COUNTS = new Map<string, number>([
  ['a', 1],
  ['an', 1],
  ...COUNT_WORDS.map((word, i) => [word, i + 1] as const),
]);

/**
 * Reads the longest date expression at the start of `tokens` (a message already
 * split on whitespace), so the caller can treat the rest as free text:
 * `['next', 'friday', 'Run', 'audit']` gives the Friday of next week, used 2.
 *
 * Dates are always UK order (day before month) and read against `today`, a day in
 * the programme's timezone. The rules for the ambiguous forms:
 * - '31/3' or '31 Mar' with no year: this year if that day is today or later,
 *   otherwise next year. Two-digit years are 20xx.
 * - 'friday' / 'fri': the coming Friday, today excluded (said on a Friday, a week today).
 * - 'this friday': today if today is Friday, otherwise the coming Friday.
 * - 'next friday': the Friday of next week (weeks start on Monday), so said on a
 *   Monday it is 11 days away, and said on a Sunday it is 5.
 * - 'end of week' / 'eow': Friday of this week; at the weekend, the coming Friday.
 * - 'end of month' / 'eom': the last calendar day of this month (a weekend or bank
 *   holiday included: moving to a working day is the caller's choice).
 * - 'in 1 month': the same day next month, held to the month's end (31 Jan → 28/29 Feb).
 * - 'March 2027' or 'March' alone: the month's last day, like 'end of March' (this year's March
 *   until it has ended, then next year's).
 */
export function parseDateAtStart(tokens: readonly string[], today: Day): ParseDateAtStartResult {
  // Commas and full stops after a date ('31 March,') belong to the sentence, not the date.
  const shown = tokens.map((token) => token.replace(/[,;:!?.)\]]+$/, ''));
  const input: Input = { words: shown.map((word) => word.toLowerCase()), shown, today };
  if (input.words.length === 0 || input.words[0] === '')
    return failure(`No date given. I understand dates such as ${EXAMPLES}.`);
  let best: Match | null = null;
  for (const matcher of MATCHERS) {
    const match = matcher(input);
    if (match && (!best || match.used > best.used)) best = match;
  }
  if (!best) return unrecognised(input);
  return best.outcome.ok ? { ok: true, day: best.outcome.day, used: best.used } : best.outcome;
}

/** Reads a whole string as one date; anything left over is an error. */
export function parseDate(text: string, today: Day): ParseDateResult {
  const tokens = text
    .trim()
    .split(/\s+/)
    .filter((token) => token !== '');
  const result = parseDateAtStart(tokens, today);
  if (!result.ok) return result;
  if (result.used < tokens.length) {
    const rest = tokens.slice(result.used).join(' ');
    return failure(
      `I read "${tokens.slice(0, result.used).join(' ')}" as a date but could not make sense of "${rest}".`,
    );
  }
  return { ok: true, day: result.day };
}

type Matcher = (input: Input) => Match | null;

function matchKeyword({ words, today }: Input): Match | null {
  const offsets: Record<string, number> = { today: 0, tomorrow: 1, tmrw: 1 };
  const offset = lookup(offsets, words[0]);
  return offset === undefined ? null : ok(1, addDays(today, offset));
}

function matchWeekday({ words, today }: Input): Match | null {
  const target = WEEKDAYS.get(words[0] ?? '');
  if (target === undefined) return null;
  // 1..7 days ahead: today is excluded, so 'friday' said on a Friday is a week today.
  return ok(1, addDays(today, ((target - isoWeekday(today) + 6) % 7) + 1));
}

function matchThisOrNextWeekday({ words, today }: Input): Match | null {
  const target = WEEKDAYS.get(words[1] ?? '');
  if (target === undefined) return null;
  if (words[0] === 'this') return ok(2, addDays(today, (target - isoWeekday(today) + 7) % 7));
  if (words[0] === 'next') return ok(2, addDays(weekStart(today), 7 + target - 1));
  return null;
}

function matchInPeriod({ words, today }: Input): Match | null {
  if (words[0] !== 'in') return null;
  const countWord = words[1] ?? '';
  const count = /^\d{1,3}$/.test(countWord) ? Number(countWord) : COUNTS.get(countWord);
  const unit = (words[2] ?? '').replace(/s$/, '');
  if (count === undefined) return null;
  if (unit === 'day') return ok(3, addDays(today, count));
  if (unit === 'week') return ok(3, addDays(today, 7 * count));
  if (unit === 'fortnight') return ok(3, addDays(today, 14 * count));
  if (unit === 'month') return ok(3, addMonths(today, count));
  return null;
}

const END_OF: Record<string, (today: Day) => Day> = {
  month: endOfMonth,
  'the month': endOfMonth,
  'this month': endOfMonth,
  'next month': (today) => endOfMonth(addMonths(today, 1)),
  week: endOfWeek,
  'the week': endOfWeek,
  'this week': endOfWeek,
  'next week': (today) => addDays(weekStart(today), 7 + 4),
  quarter: endOfQuarter,
  'the quarter': endOfQuarter,
  'this quarter': endOfQuarter,
};

/** 'end of month', 'eom', 'end of the week', 'end of next month', 'end of quarter', 'end of March'. */
function matchEndOf({ words, today }: Input): Match | null {
  if (words[0] === 'eom') return ok(1, endOfMonth(today));
  if (words[0] === 'eow') return ok(1, endOfWeek(today));
  if (words[0] !== 'end' || words[1] !== 'of') return null;
  // Only with two words there: 'end of month' alone would otherwise match the one-word key and claim 4 words.
  const twoWords = words[3] === undefined ? undefined : lookup(END_OF, words.slice(2, 4).join(' '));
  if (twoWords) return ok(4, twoWords(today));
  const oneWord = lookup(END_OF, words[2]);
  if (oneWord) return ok(3, oneWord(today));
  const month = MONTHS.get(words[2] ?? '');
  if (month === undefined) return null;
  const year = fourDigitYear(words[3]);
  // Day 31 because a month's end has not passed while we are still in that month.
  const first = makeDay(year ?? nextOccurrenceYear(month, 31, today), month, 1);
  return first ? ok(year ? 4 : 3, endOfMonth(first)) : null;
}

/** '31/03/2026', '31/3/26', '31-03-2026', '31.03.2026', '31/3'. */
function matchNumeric({ words, shown, today }: Input): Match | null {
  const match = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|[12]\d{3}))?$/.exec(words[0] ?? '');
  if (!match) return null;
  const said = shown[0] ?? '';
  const [first, second] = [Number(match[1]), Number(match[3])];
  const year = match[4] === undefined ? undefined : Number(match[4]) + (match[4].length === 2 ? 2000 : 0);
  if (second < 1 || second > 12) {
    // 03/31/2026 is almost certainly 31 March typed the American way round.
    if (first <= 12 && makeDay(year ?? 2000, first, second))
      return { used: 1, outcome: usOrder(said, second, first, year) };
    return {
      used: 1,
      outcome: failure(`${said} is not a real date: there is no month ${second}. Dates are day/month/year.`),
    };
  }
  return { used: 1, outcome: resolve(said, year, second, first, today) };
}

function matchIso({ words, shown, today }: Input): Match | null {
  const match = /^([12]\d{3})-(\d{1,2})-(\d{1,2})$/.exec(words[0] ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12)
    return { used: 1, outcome: failure(`${shown[0]} is not a real date: there is no month ${month}.`) };
  return { used: 1, outcome: resolve(shown[0] ?? '', year, month, day, today) };
}

/** '31 Mar', '31st March 2026'. */
function matchDayMonth(input: Input): Match | null {
  const day = ordinal(input.words[0]);
  const month = MONTHS.get(input.words[1] ?? '');
  if (day === undefined || month === undefined) return null;
  return namedMonthDate(input, day, month);
}

/** 'March 31', 'Mar 31st, 2026': unambiguous because the month is a word. */
function matchMonthDay(input: Input): Match | null {
  const month = MONTHS.get(input.words[0] ?? '');
  const day = ordinal(input.words[1]);
  if (day === undefined || month === undefined) return null;
  return namedMonthDate(input, day, month);
}

/** 'March 2027', 'March': a month alone means its last day, as 'end of March' does. */
function matchMonthAlone({ words, today }: Input): Match | null {
  const month = MONTHS.get(words[0] ?? '');
  if (month === undefined) return null;
  const year = fourDigitYear(words[1]);
  const first = makeDay(year ?? nextOccurrenceYear(month, 31, today), month, 1);
  return first ? ok(year ? 2 : 1, endOfMonth(first)) : null;
}

/** 'Tuesday 31 March 2026', as the bot itself writes dates: the weekday must agree. */
function matchWeekdayThenDate(input: Input): Match | null {
  const weekday = WEEKDAYS.get(input.words[0] ?? '');
  if (weekday === undefined) return null;
  const rest: Input = { ...input, words: input.words.slice(1), shown: input.shown.slice(1) };
  const inner = matchDayMonth(rest) ?? matchMonthDay(rest) ?? matchNumeric(rest) ?? matchIso(rest);
  if (!inner) return null;
  const used = inner.used + 1;
  if (!inner.outcome.ok || isoWeekday(inner.outcome.day) === weekday) return { used, outcome: inner.outcome };
  const actual = formatLongDate(inner.outcome.day);
  const said = input.shown.slice(0, used).join(' ');
  return { used, outcome: failure(`${said} does not add up: that date is ${actual}.`, actual) };
}

const MATCHERS: Matcher[] = [
  matchKeyword,
  matchWeekday,
  matchThisOrNextWeekday,
  matchInPeriod,
  matchEndOf,
  matchNumeric,
  matchIso,
  matchDayMonth,
  matchMonthDay,
  matchMonthAlone,
  matchWeekdayThenDate,
];

function namedMonthDate({ words, shown, today }: Input, day: number, month: number): Match {
  const year = fourDigitYear(words[2]);
  const used = year === undefined ? 2 : 3;
  return { used, outcome: resolve(shown.slice(0, used).join(' '), year, month, day, today) };
}

/** Turns day, month and perhaps year into a Day, explaining any impossible date. */
function resolve(said: string, year: number | undefined, month: number, day: number, today: Day): Outcome {
  const name = MONTH_NAMES[month - 1] ?? '';
  if (day < 1) return failure(`${said} is not a real date: days of the month start at 1.`);
  if (year !== undefined) {
    const found = makeDay(year, month, day);
    if (found) return { ok: true, day: found };
    return failure(`${said} is not a real date: ${name} ${year} has ${daysInMonth(year, month)} days.`);
  }
  const most = daysInMonth(2000, month); // 2000 was a leap year, so February's longest
  if (day > most) return failure(`${said} is not a real date: ${name} never has more than ${most} days.`);
  const resolvedYear = nextOccurrenceYear(month, day, today);
  const found = makeDay(resolvedYear, month, day);
  if (found) return { ok: true, day: found };
  const leapYear = [1, 2, 3, 4, 5, 6, 7, 8]
    .map((n) => resolvedYear + n)
    .find((y) => makeDay(y, 2, 29) !== null);
  const suggestion = `29/02/${leapYear}`;
  return failure(
    `${said} would fall in ${resolvedYear}, which is not a leap year. Give the year, e.g. ${suggestion}.`,
    suggestion,
  );
}

function usOrder(said: string, day: number, month: number, year: number | undefined): Outcome {
  const suggestion = [day, month].map((n) => String(n).padStart(2, '0')).join('/') + (year ? `/${year}` : '');
  return failure(
    `${said} looks like US month/day order. Dates here are day/month/year: did you mean ${suggestion}?`,
    suggestion,
  );
}

// A date given without a year means its next occurrence: this year unless it has passed.
function nextOccurrenceYear(month: number, day: number, today: Day): number {
  const now = dayParts(today);
  return month > now.month || (month === now.month && day >= now.day) ? now.year : now.year + 1;
}

function endOfWeek(today: Day): Day {
  const friday = addDays(weekStart(today), 4);
  // At the weekend this week's Friday has gone, so the working week meant is the next one.
  return isoWeekday(today) >= 6 ? addDays(friday, 7) : friday;
}

// Quarters end on 31 March, 30 June, 30 September and 31 December, which suits both
// the calendar year and the councils' April-to-March financial year.
function endOfQuarter(today: Day): Day {
  const { year, month } = dayParts(today);
  const quarterEnd = makeDay(year, Math.ceil(month / 3) * 3, 1);
  return quarterEnd ? endOfMonth(quarterEnd) : endOfMonth(today);
}

// Each name by itself, by its first three letters, and by any other usual abbreviation.
function nameIndex(names: readonly string[], abbreviations: Record<string, number>): Map<string, number> {
  const index = new Map(Object.entries(abbreviations));
  names.forEach((name, i) => {
    index.set(name.toLowerCase(), i + 1);
    index.set(name.slice(0, 3).toLowerCase(), i + 1);
  });
  return index;
}

// Own keys only: a user typing '__proto__' or 'constructor' must not reach Object.prototype.
function lookup<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

function fourDigitYear(word: string | undefined): number | undefined {
  return /^[12]\d{3}$/.test(word ?? '') ? Number(word) : undefined;
}

function ordinal(word: string | undefined): number | undefined {
  const match = /^(\d{1,2})(st|nd|rd|th)?$/.exec(word ?? '');
  return match ? Number(match[1]) : undefined;
}

function ok(used: number, day: Day): Match {
  return { used, outcome: { ok: true, day } };
}

function failure(message: string, suggestion?: string): ParseDateFailure {
  return suggestion === undefined ? { ok: false, message } : { ok: false, message, suggestion };
}

function unrecognised({ shown, words }: Input): ParseDateFailure {
  // Quote the whole phrase when it starts like one of ours ('in 2 sprints'), else the first word.
  const phraseLength = ['in', 'next', 'this', 'end'].includes(words[0] ?? '') ? 3 : 1;
  const said = shown.slice(0, phraseLength).join(' ');
  return failure(`I could not read "${said}" as a date. I understand dates such as ${EXAMPLES}.`);
}
