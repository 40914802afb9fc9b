/**
 * Calendar days and instants on wall clocks, for everything the bot prints or schedules.
 *
 * Days are 'YYYY-MM-DD' strings and their arithmetic is done at midnight UTC with the built-in
 * Date, so neither the machine's timezone nor a clock change can shift a day. Wall clocks come
 * from one cached Intl.DateTimeFormat per timezone, read once per UTC day per timezone (a UTC
 * offset is constant over a day without a clock change): a library that asks the timezone database
 * on every call cost `/improve status` a third of its CPU, once per workstream.
 */

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
  // Day 0 of the next month is the last of this one. setUTCFullYear, because Date.UTC reads
  // years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** True when `s` is a real calendar day in 'YYYY-MM-DD' form (so not 2026-02-31). */
export function isValidDay(s: string): boolean {
  return validDay(s) !== null;
}

/** The year, month (1-12) and day of a real calendar day in 'YYYY-MM-DD' form; null otherwise. */
function validDay(s: string): [number, number, number] | null {
  const match = DAY_PATTERN.exec(s);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Every month has 28 days: only a later one needs the month's length.
  const valid = month >= 1 && month <= 12 && day >= 1 && (day <= 28 || day <= daysInMonth(year, month));
  return valid ? [year, month, day] : null;
}

/** Builds a Day from numbers (month 1-12); null when that day does not exist. */
export function makeDay(year: number, month: number, day: number): Day | null {
  const candidate = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  return isValidDay(candidate) ? candidate : null;
}

/** Splits a Day into its numeric parts (month 1-12). */
export function dayParts(day: Day): { year: number; month: number; day: number } {
  const date = toUtcMidnight(day);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** True when the IANA timezone name is one this runtime knows (e.g. 'Europe/London'). */
export function isValidTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** One formatter per timezone: building one costs far more than using it. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    FORMATTERS.set(timezone, formatter);
  }
  return formatter;
}

/** Minutes east of UTC that `timezone`'s clocks show at `instant`, asked of Intl (no cache). */
function offsetFromIntl(instant: number, timezone: string): number {
  const shows = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const { type, value } of formatterFor(timezone).formatToParts(instant))
    if (type in shows) shows[type as keyof typeof shows] = Number(value);
  const wall = new Date(0);
  wall.setUTCFullYear(shows.year, shows.month - 1, shows.day);
  wall.setUTCHours(shows.hour, shows.minute);
  return Math.round((wall.getTime() - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/**
 * Per timezone, the offset of each UTC day whose clocks do not change during it (null when they
 * do). Bounded: a long-running process forgets them all now and then and asks again.
 */
const DAY_OFFSETS = new Map<string, Map<number, number | null>>();
const MAX_DAYS_KEPT = 20_000;

/** Minutes east of UTC that `timezone`'s clocks show at `instant`. */
function offsetAt(instant: number, timezone: string): number {
  let days = DAY_OFFSETS.get(timezone);
  if (!days) {
    days = new Map();
    DAY_OFFSETS.set(timezone, days);
  }
  const utcDay = Math.floor(instant / DAY_MS);
  let offset = days.get(utcDay);
  if (offset === undefined) {
    if (days.size >= MAX_DAYS_KEPT) days.clear();
    const start = offsetFromIntl(utcDay * DAY_MS, timezone);
    offset = start === offsetFromIntl((utcDay + 1) * DAY_MS - MINUTE_MS, timezone) ? start : null;
    days.set(utcDay, offset);
  }
  // The day the clocks change: ask about this very minute.
  return offset ?? offsetFromIntl(instant, timezone);
}

/** The wall clock of `timezone` at `instant`, as a Date whose UTC fields show it. */
function wallClock(now: Date, timezone: string): Date {
  const instant = now.getTime();
  return new Date(instant + offsetAt(instant, timezone) * MINUTE_MS);
}

/** The calendar day it is at instant `now` on the wall clocks of `timezone`. */
export function todayIn(now: Date, timezone: string): Day {
  return fromUtcMidnight(wallClock(now, timezone));
}

/** The wall-clock time ('HH:mm', 24-hour) at instant `now` in `timezone`. */
export function timeOfDayIn(now: Date, timezone: string): string {
  const wall = wallClock(now, timezone);
  return `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
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
  const wall = toUtcMidnight(day).getTime() + (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
  // The offsets a day either side: the same unless the clocks change around then.
  const before = offsetAt(wall - DAY_MS, timezone);
  const after = offsetAt(wall + DAY_MS, timezone);
  const shows = (instant: number) => instant + offsetAt(instant, timezone) * MINUTE_MS === wall;
  const late = wall - after * MINUTE_MS;
  if (before === after || shows(late)) return new Date(late); // repeated: the second time round
  const early = wall - before * MINUTE_MS;
  // Shown by the earlier offset only, or skipped: read with the offset before the change, which
  // for a skipped time lands as far past the change as the time was past it.
  return new Date(early);
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
  return fromUtcMidnight(new Date(toUtcMidnight(day).getTime() + n * DAY_MS));
}

/**
 * The same day of the month `n` months after `day`, held to the month's last day
 * when that month is shorter (31 Jan + 1 month = 28 or 29 Feb).
 */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: dayOfMonth } = dayParts(day);
  const months = year * 12 + (month - 1) + n;
  const [toYear, toMonth] = [Math.floor(months / 12), (months % 12) + 1];
  const date = new Date(0);
  date.setUTCFullYear(toYear, toMonth - 1, Math.min(dayOfMonth, daysInMonth(toYear, toMonth)));
  return fromUtcMidnight(date);
}

/** The last calendar day of the month containing `day`. */
export function endOfMonth(day: Day): Day {
  const { year, month } = dayParts(day);
  return `${day.slice(0, 8)}${pad2(daysInMonth(year, month))}`;
}

/** Whole calendar days from `from` to `to` (to − from): negative when `to` is earlier. */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtcMidnight(to).getTime() - toUtcMidnight(from).getTime()) / DAY_MS);
}

/** Weekday of `day`, Monday = 1 … Sunday = 7. */
export function isoWeekday(day: Day): IsoWeekday {
  return (toUtcMidnight(day).getUTCDay() || 7) as IsoWeekday;
}

/** The Monday of the week containing `day`: our weeks start on Monday. */
export function weekStart(day: Day): Day {
  return addDays(day, 1 - isoWeekday(day));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Day of the month, month (1-12) and year of a valid Day, and its weekday's name. */
function named(day: Day): { dayOfMonth: number; month: string; year: string; weekday: string } {
  const date = toUtcMidnight(day);
  return {
    dayOfMonth: date.getUTCDate(),
    month: MONTHS[date.getUTCMonth()]!,
    year: day.slice(0, 4),
    weekday: WEEKDAYS[date.getUTCDay()]!,
  };
}

/** UK numeric date: '31/03/2026'. */
export function formatUkDate(day: Day): string {
  checkedDay(day);
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/**
 * A typed date echoed back with its weekday, so 'end of January' landing on a Sunday is seen:
 * 'Sunday 31/01/2027'.
 */
export function formatWeekdayUkDate(day: Day): string {
  return `${named(day).weekday} ${formatUkDate(day)}`;
}

/** Short date for lists and digests: '31 Mar'. */
export function formatShortDate(day: Day): string {
  const { dayOfMonth, month } = named(day);
  return `${dayOfMonth} ${month.slice(0, 3)}`;
}

/** Short date with the year, for anything not in the current year: '31 Mar 2026'. */
export function formatShortDateWithYear(day: Day): string {
  return `${formatShortDate(day)} ${day.slice(0, 4)}`;
}

/** Long date as a board paper writes it: 'Tuesday 31 March 2026'. */
export function formatLongDate(day: Day): string {
  const { dayOfMonth, month, year, weekday } = named(day);
  return `${weekday} ${dayOfMonth} ${month} ${year}`;
}

/** An instant as UK date and 24-hour time on the clocks of `timezone`: '31/03/2026 14:05'. */
export function formatDateTimeUk(instant: Date, timezone: string): string {
  return `${formatUkDate(todayIn(instant, timezone))} ${timeOfDayIn(instant, timezone)}`;
}

// Day arithmetic happens at midnight UTC, where every day is 24 hours long, so
// neither the machine's timezone nor a DST change can shift a calendar day.
function toUtcMidnight(day: Day): Date {
  const [year, month, dayOfMonth] = checkedDay(day);
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

function checkedDay(day: Day): [number, number, number] {
  const parts = validDay(day);
  if (!parts) throw new RangeError(`Not a calendar day in YYYY-MM-DD form: ${day}`);
  return parts;
}

function fromUtcMidnight(date: Date): Day {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
