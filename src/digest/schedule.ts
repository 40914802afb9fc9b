/**
 * When a programme's weekly digest is due. The schedule is a weekday and a wall-clock time in the
 * programme's timezone, so 09:00 on Monday is 09:00 in London in both GMT and BST: the instant is
 * worked out afresh each week with zonedInstant, never by adding 7 × 24 hours.
 */
import { addDays, type Day, weekStart as mondayOf, todayIn, zonedInstant } from '../domain/dates.js';

/** A digest posted more than this long after its time says it is late. */
export const LATE_AFTER_MS = 15 * 60_000;

export interface DigestSchedule {
  timezone: string;
  /** ISO weekday, Monday = 1. */
  digestDay: number;
  /** 'HH:mm'. */
  digestTime: string;
}

export interface DigestSlot {
  /** Monday of the week, the digest's key. */
  weekStart: Day;
  dueAt: Date;
}

/** This week's digest slot at `now`. Throws RangeError for a malformed stored schedule. */
export function digestSlot(schedule: DigestSchedule, now: Date): DigestSlot {
  const weekStart = mondayOf(todayIn(now, schedule.timezone));
  const day = Math.min(7, Math.max(1, Math.trunc(schedule.digestDay)));
  return {
    weekStart,
    dueAt: zonedInstant(addDays(weekStart, day - 1), schedule.digestTime, schedule.timezone),
  };
}

export function isLate(postedAt: Date, dueAt: Date): boolean {
  return postedAt.getTime() - dueAt.getTime() > LATE_AFTER_MS;
}

/** What decides whether the bot, rather than the set-up, made a digest late. */
export interface LatenessContext {
  /** When the board channel was set (the programme's creation when not recorded). */
  channelSetAt: Date;
  /** True when no digest of the programme has been posted for an earlier week. */
  firstDigest: boolean;
}

/**
 * Late only when the bot really was late: posted more than 15 minutes after its time, although
 * the board channel was already set at that time and the board already had a digest to expect.
 * A programme's first digest, or one whose channel was set after its time, is simply its first
 * chance to post, not a failure.
 */
export function wasLate(postedAt: Date, dueAt: Date, context: LatenessContext): boolean {
  if (context.firstDigest || context.channelSetAt.getTime() > dueAt.getTime()) return false;
  return isLate(postedAt, dueAt);
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 'Mondays at 09:00'. */
export function describeSchedule(schedule: DigestSchedule): string {
  return `${DAY_NAMES[Math.min(7, Math.max(1, schedule.digestDay)) - 1]}s at ${schedule.digestTime}`;
}

/** Earliest instant a digest for the week can exist (on-request sends may come before its time). */
export function weekBegins(schedule: DigestSchedule, weekStart: Day): Date {
  return zonedInstant(weekStart, '00:00', schedule.timezone);
}
