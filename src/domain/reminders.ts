/**
 * When reminders may be sent, and which ones are due on a day. Pure rules: the scheduler and the
 * services bring the clock, the programme's settings and the bank holidays.
 */
import {
  addDays,
  type Day,
  daysBetween,
  isoWeekday,
  timeOfDayIn,
  todayIn,
  weekStart,
  zonedInstant,
} from './dates.js';
import { type Holidays, isWorkingDay, previousWorkingDay } from './working-days.js';

/** Nobody is reminded before 08:00 or from 18:00 on their own clock. */
export const REMINDER_HOURS = { from: '08:00', until: '18:00' } as const;

/** Days before an event that a countdown reminder goes out, when the programme sets none. */
export const DEFAULT_COUNTDOWN_DAYS: readonly number[] = [28, 14, 7, 2, 1, 0];

// Board meetings are the programme's own rhythm, not something to count down to unless asked.
const DEFAULT_COUNTDOWN_KINDS = ['monitoring_visit', 'focused_visit', 'inspection', 'dfe_review', 'deadline'];

/** True when it is a working day on the recipient's clock and between 08:00 and 18:00 there. */
export function withinReminderHours(now: Date, timezone: string): boolean {
  const time = timeOfDayIn(now, timezone);
  return (
    isoWeekday(todayIn(now, timezone)) <= 5 && time >= REMINDER_HOURS.from && time < REMINDER_HOURS.until
  );
}

/**
 * The programme's reminder day, if reminders are due at `now`: a working day (weekends and bank
 * holidays excluded) once the programme's reminder time has passed on its own clock, or at any
 * time of that day when someone asks for them (`anyTime`).
 */
export function reminderDay(
  now: Date,
  programme: { timezone: string; reminderTime: string },
  holidays: Holidays,
  anyTime = false,
): Day | null {
  const today = todayIn(now, programme.timezone);
  if (!isWorkingDay(today, holidays)) return null;
  if (anyTime) return today;
  return now >= zonedInstant(today, programme.reminderTime, programme.timezone) ? today : null;
}

/** Snoozed up to and including `snoozedUntil`, or switched off altogether. */
export function isMuted(person: { remindersOff: boolean; snoozedUntil: string | null }, today: Day): boolean {
  return person.remindersOff || (person.snoozedUntil !== null && person.snoozedUntil >= today);
}

/** Escalations go out once a week: their log is keyed by the week's Monday. */
export const escalationWeek = (today: Day): Day => weekStart(today);

/**
 * Silent leads are nudged on the working day before the digest, so their update makes it in.
 * `digestDay` is the ISO weekday (1 = Monday) of the weekly digest.
 */
export function isDayBeforeDigest(today: Day, digestDay: number, holidays: Holidays): boolean {
  for (let ahead = 1; ahead <= 7; ahead += 1) {
    const candidate = addDays(today, ahead);
    if (isoWeekday(candidate) === digestDay) return previousWorkingDay(candidate, holidays) === today;
  }
  return false;
}

/** Days-before lists per event kind: the defaults, with the programme's JSON overrides on top. */
export function countdownSchedule(overridesJson: string): Map<string, number[]> {
  const schedule = new Map<string, number[]>(
    DEFAULT_COUNTDOWN_KINDS.map((kind) => [kind, [...DEFAULT_COUNTDOWN_DAYS]]),
  );
  let overrides: unknown;
  try {
    overrides = JSON.parse(overridesJson || '{}');
  } catch {
    return schedule;
  }
  if (typeof overrides !== 'object' || overrides === null) return schedule;
  for (const [kind, days] of Object.entries(overrides)) {
    if (!Array.isArray(days)) continue;
    schedule.set(
      kind,
      [...new Set(days.filter((d): d is number => Number.isInteger(d) && d >= 0 && d <= 366))].sort(
        (a, b) => b - a,
      ),
    );
  }
  return schedule;
}

/**
 * The countdown step due today for an event on `startDate`, or null. A step that falls on a
 * weekend or bank holiday moves to the working day before, so a Monday visit's "1 day before"
 * is sent on the Friday; when several steps land on one day only the nearest is sent.
 * Derived from the event's current date each day, so a moved visit is simply counted again.
 */
export function countdownStepDue(
  startDate: Day,
  today: Day,
  steps: readonly number[],
  holidays: Holidays,
): number | null {
  if (startDate < today) return null;
  let due: number | null = null;
  for (const step of steps) {
    let day = addDays(startDate, -step);
    if (!isWorkingDay(day, holidays)) day = previousWorkingDay(day, holidays);
    if (day === today && (due === null || step < due)) due = step;
  }
  return due;
}

/** Days until the event, as the message says it: 'today', 'tomorrow', 'in 7 days'. */
export function countdownWords(startDate: Day, today: Day): string {
  const days = daysBetween(today, startDate);
  if (days <= 0) return 'today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

/** How long a failed send waits before it is tried again: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}
