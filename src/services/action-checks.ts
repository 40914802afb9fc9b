/** Checks the action services share: a due date that exists and is not past, and a real reason. */

import type { Programme } from '../db/generated/sqlite/client.js';
import { type Day, formatUkDate, isValidDay, todayIn } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import type { Deps } from './deps.js';

/** Today in the programme's timezone, from the injected clock. */
export const programmeToday = (deps: Deps, programme: Pick<Programme, 'timezone'>): Day =>
  todayIn(deps.clock.now(), programme.timezone);

/** A due date must be a real day, today or later: a past due date would be overdue on arrival. */
export function requireDueDate(dueDate: string, today: Day, example: string): Day {
  if (!isValidDay(dueDate))
    throw new AppError('bad_input', `“${dueDate}” is not a date I can use as a due date.`, { example });
  if (dueDate < today) {
    throw new AppError(
      'bad_input',
      `${formatUkDate(dueDate)} is in the past: the due date must be today (${formatUkDate(today)}) or later.`,
      { example },
    );
  }
  return dueDate;
}

/** A reason of a few characters at least: the history has to say why. */
export function requireReason(reason: string | undefined, message: string, example: string): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length < 3) throw new AppError('bad_input', message, { example });
  return trimmed;
}
