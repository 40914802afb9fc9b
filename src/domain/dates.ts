import { TZDate, tz } from '@date-fns/tz';
import {
  addDays as addDaysToDate,
  addMonths as addMonthsToDate,
  differenceInCalendarDays,
  endOfMonth as endOfMonthOf,
  format,
  getDaysInMonth,
  getISODay,
  startOfISOWeek,
} from 'date-fns';

/** A calendar day in the programme's timezone, written 'YYYY-MM-DD'. */
export type Day = string;

/** ISO weekday number: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The clock the users live by unless a programme says otherwise. */
export const DEFAULT_TIMEZONE = 'Europe/London';

// Years start at 1000 because JavaScript's Date reads years 0-99 as 1900-1999.
const DAY_PATTERN = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Number of days in a month (month is 1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new TZDate(year, month - 1, 1, 'UTC'));
}

/** True when `s` is a real calendar day in 'YYYY-MM-DD' form (so not 2026-02-31). */
export function isValidDay(s: string): boolean {
  const match = DAY_PATTERN.exec(s);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Builds a Day from numbers (month 1-12); null when that day does not exist. */
export function makeDay(year: number, month: number, day: number): Day | null {
  const candidate = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  return isValidDay(candidate) ? candidate : null;
}

/** Splits a Day into its numeric parts (month 1-12). */
export function dayParts(day: Day): { year: number; month: number; day: number } {
  const date = toUtcMidnight(day);
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** True when the IANA timezone name is one this runtime knows (e.g. 'Europe/London'). */
export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

/** Per timezone: one formatter (building one costs far more than using it) and the last minute read. */
const WALL_CLOCKS = new Map<string, { formatter: Intl.DateTimeFormat; minute: number; shows: WallClock }>();

/** What the wall clocks of `timezone` show at instant `now`, as zero-padded numbers. */
function wallClock(now: Date, timezone: string): WallClock {
  let clock = WALL_CLOCKS.get(timezone);
  if (!clock) {
    const formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clock = { formatter, minute: Number.NaN, shows: { year: '', month: '', day: '', hour: '', minute: '' } };
    WALL_CLOCKS.set(timezone, clock);
  }
  // Offsets are whole minutes, so within one minute of UTC the wall clock shows the same.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === clock.minute) return clock.shows;
  const shows = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const { type, value } of clock.formatter.formatToParts(now))
    if (type in shows) shows[type as keyof WallClock] = value;
  clock.minute = minute;
  clock.shows = shows;
  return shows;
}

/** The calendar day it is at instant `now` on the wall clocks of `timezone`. */
export function todayIn(now: Date, timezone: string): Day {
  const { year, month, day } = wallClock(now, timezone);
  return `${year}-${month}-${day}`;
}

/** The wall-clock time ('HH:mm', 24-hour) at instant `now` in `timezone`. */
export function timeOfDayIn(now: Date, timezone: string): string {
  const { hour, minute } = wallClock(now, timezone);
  return `${hour}:${minute}`;
}

/**
 * The instant at which the wall clocks of `timezone` show `time` ('HH:mm') on `day`.
 * 09:00 in London is 09:00 UTC in winter and 08:00 UTC in summer. A time skipped
 * when the clocks go forward lands an hour later (01:30 becomes 02:30 BST); a time
 * repeated when they go back is taken the second time round (in GMT).
 */
export function zonedInstant(day: Day, time: string, timezone: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not a time of day in HH:mm form: ${time}`);
  const { year, month, day: dayOfMonth } = dayParts(day);
  const zoned = new TZDate(year, month - 1, dayOfMonth, Number(match[1]), Number(match[2]), timezone);
  return new Date(zoned.getTime());
}

/**
 * Reads a time of day as people type it: '9:00', '09:00', '0930', '9.30', '9am',
 * '2:30pm', '12pm' (noon), '12am' (midnight). Returns 'HH:mm', or null when it is
 * not a time (e.g. '25:00', '9:60', '13pm').
 */
export function parseTimeOfDay(s: string): string | null {
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm)?$/.exec(s.trim().toLowerCase());
  if (!match) return null;
  const [, hourText = '', minuteText, meridiem] = match;
  // A bare '9' is too likely to be a count or a typo to read as a time.
  if (minuteText === undefined && meridiem === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(minuteText ?? '0');
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  return hour > 23 ? null : `${pad2(hour)}:${pad2(minute)}`;
}

/** The day `n` calendar days after `day` (n may be negative). */
export function addDays(day: Day, n: number): Day {
  return fromUtcMidnight(addDaysToDate(toUtcMidnight(day), n));
}

/**
 * The same day of the month `n` months after `day`, held to the month's last day
 * when that month is shorter (31 Jan + 1 month = 28 or 29 Feb).
 */
export function addMonths(day: Day, n: number): Day {
  return fromUtcMidnight(addMonthsToDate(toUtcMidnight(day), n));
}

/** The last calendar day of the month containing `day`. */
export function endOfMonth(day: Day): Day {
  return fromUtcMidnight(endOfMonthOf(toUtcMidnight(day)));
}

/** Whole calendar days from `from` to `to` (to − from): negative when `to` is earlier. */
export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(toUtcMidnight(to), toUtcMidnight(from));
}

/** Weekday of `day`, Monday = 1 … Sunday = 7. */
export function isoWeekday(day: Day): IsoWeekday {
  return getISODay(toUtcMidnight(day)) as IsoWeekday;
}

/** The Monday of the week containing `day`: our weeks start on Monday. */
export function weekStart(day: Day): Day {
  return fromUtcMidnight(startOfISOWeek(toUtcMidnight(day)));
}

/** UK numeric date: '31/03/2026'. */
export function formatUkDate(day: Day): string {
  return format(toUtcMidnight(day), 'dd/MM/yyyy');
}

/**
 * A typed date echoed back with its weekday, so 'end of January' landing on a Sunday is seen:
 * 'Sunday 31/01/2027'.
 */
export function formatWeekdayUkDate(day: Day): string {
  return format(toUtcMidnight(day), 'EEEE dd/MM/yyyy');
}

/** Short date for lists and digests: '31 Mar'. */
export function formatShortDate(day: Day): string {
  return format(toUtcMidnight(day), 'd MMM');
}

/** Short date with the year, for anything not in the current year: '31 Mar 2026'. */
export function formatShortDateWithYear(day: Day): string {
  return format(toUtcMidnight(day), 'd MMM yyyy');
}

/** Long date as a board paper writes it: 'Tuesday 31 March 2026'. */
export function formatLongDate(day: Day): string {
  return format(toUtcMidnight(day), 'EEEE d MMMM yyyy');
}

/** An instant as UK date and 24-hour time on the clocks of `timezone`: '31/03/2026 14:05'. */
export function formatDateTimeUk(instant: Date, timezone: string): string {
  return format(instant, 'dd/MM/yyyy HH:mm', { in: tz(timezone) });
}

// Day arithmetic happens at midnight UTC, where every day is 24 hours long, so
// neither the machine's timezone nor a DST change can shift a calendar day.
function toUtcMidnight(day: Day): TZDate {
  const match = DAY_PATTERN.exec(day);
  if (!match || !isValidDay(day)) throw new RangeError(`Not a calendar day in YYYY-MM-DD form: ${day}`);
  return new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 'UTC');
}

function fromUtcMidnight(date: Date): Day {
  return format(date, 'yyyy-MM-dd', { in: tz('UTC') });
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
