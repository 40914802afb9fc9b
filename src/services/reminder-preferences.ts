/**
 * A person's own reminder settings: snooze until a date (inclusive), or switch reminders off and
 * on again. Anyone may change their own; the audit log keeps the change.
 */

import type { Person } from '../db/generated/sqlite/client.js';
import { addDays, type Day, formatLongDate, todayIn } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { bankHolidays, nextWorkingDay } from '../domain/working-days.js';
import { audit } from './audit.js';
import type { Actor, Deps } from './deps.js';
import { scopedProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

const LONGEST_SNOOZE_DAYS = 366;

export interface ReminderSettings {
  person: Person;
  /** The first working day a reminder can come again, when snoozed. */
  resumesOn: Day | null;
}

/** `until` null ends a snooze. */
export async function snoozeReminders(
  input: { until: Day | null },
  deps: Deps,
  actor: Actor,
): Promise<ReminderSettings> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await scopedProgramme(tx, actor);
    const today = todayIn(deps.clock.now(), programme?.timezone ?? 'Europe/London');
    if (input.until !== null && input.until < today) {
      throw new AppError(
        'bad_input',
        `${formatLongDate(input.until)} is in the past: give the last day you want no reminders, today or later.`,
      );
    }
    if (input.until !== null && input.until > addDays(today, LONGEST_SNOOZE_DAYS)) {
      throw new AppError(
        'bad_input',
        `A snooze can last up to a year. To stop reminders for longer, use \`/improve reminders off\`.`,
      );
    }
    const person = await tx.person.update({ where: { id: me.id }, data: { snoozedUntil: input.until } });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'reminders.snooze',
      entity: 'person',
      entityId: me.id,
      before: { snoozedUntil: me.snoozedUntil },
      after: { snoozedUntil: input.until },
    });
    const overrides = await tx.bankHolidayOverride.findMany({ where: { workspaceId: actor.workspaceId } });
    return { person, resumesOn: input.until ? nextWorkingDay(input.until, bankHolidays(overrides)) : null };
  });
}

/** Off stops every reminder to the person; on starts them again and ends any snooze. */
export async function setReminders(
  input: { on: boolean },
  deps: Deps,
  actor: Actor,
): Promise<ReminderSettings> {
  return inTransaction(deps, actor, async (tx, me) => {
    const data = input.on ? { remindersOff: false, snoozedUntil: null } : { remindersOff: true };
    const person = await tx.person.update({ where: { id: me.id }, data });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: input.on ? 'reminders.on' : 'reminders.off',
      entity: 'person',
      entityId: me.id,
      before: { remindersOff: me.remindersOff, snoozedUntil: me.snoozedUntil },
      after: data,
    });
    return { person, resumesOn: null };
  });
}
