/**
 * `/improve visit move <ref> <date>[-<end date>]` (admins): Ofsted or the DfE reschedules. The
 * event keeps its reference, theme and links; countdowns are worked out each day from the stored
 * date (send-countdowns.ts), so they follow the new date. A new date on a weekend or a bank
 * holiday is saved but warned about, since it is usually a slip of the day.
 */
import type { Event } from '../db/generated/sqlite/client.js';
import { type Day, formatUkDate, todayIn } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { eventKindLabel, eventRef } from '../domain/event-kind.js';
import { nonWorkingDayWarnings } from '../domain/visit-day-warnings.js';
import { bankHolidays } from '../domain/working-days.js';
import { checkDates } from './add-visit.js';
import { audit } from './audit.js';
import { requireAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { findVisit } from './find-visit.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export interface MoveVisitInput {
  ref: string;
  startDate: Day;
  endDate?: Day | null;
}

export interface MoveVisitResult {
  event: Event;
  before: Pick<Event, 'startDate' | 'endDate'>;
  /** 'Saturday 13/03/2027 is a weekend day', 'Monday 29/03/2027 is a bank holiday (Easter Monday)'. */
  warnings: string[];
}

export async function moveVisit(input: MoveVisitInput, deps: Deps, actor: Actor): Promise<MoveVisitResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'move visits, deadlines and board meetings');
    const programme = await loadProgramme(tx, actor);
    const event = await findVisit(tx, programme, input.ref);
    const { number } = event;
    if (event.status !== 'planned')
      throw new AppError(
        'conflict',
        `${eventRef(number)} (${eventKindLabel(event.kind)}) is ${event.status === 'cancelled' ? 'cancelled' : 'already past'}, so it cannot be moved. Record the new date with \`/improve visit add\`.`,
      );
    const today = todayIn(deps.clock.now(), programme.timezone);
    const kind = event.kind as Parameters<typeof checkDates>[0]['kind'];
    const endDate = checkDates({ kind, startDate: input.startDate, endDate: input.endDate }, today);
    if (input.startDate < today)
      throw new AppError(
        'bad_input',
        `${formatUkDate(input.startDate)} has passed. Give the new date, from today on.`,
      );
    if (input.startDate === event.startDate && endDate === event.endDate)
      throw new AppError('conflict', `${eventRef(number)} is already on ${formatUkDate(event.startDate)}.`);
    const moved = await tx.event.update({
      where: { id: event.id },
      data: { startDate: input.startDate, endDate },
    });
    const before = { startDate: event.startDate, endDate: event.endDate };
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'event.move',
      entity: 'event',
      entityId: event.id,
      before,
      after: { startDate: moved.startDate, endDate: moved.endDate },
    });
    const overrides = await tx.bankHolidayOverride.findMany({ where: { workspaceId: actor.workspaceId } });
    return {
      event: moved,
      before,
      warnings: nonWorkingDayWarnings(moved.startDate, moved.endDate, bankHolidays(overrides)),
    };
  });
}
