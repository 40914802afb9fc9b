/**
 * `/improve visit add`: the programme manager records an Ofsted or DfE visit, a deadline or a board
 * meeting. Events are numbered V-1, V-2… within the programme. Workstream codes named in the theme
 * (e.g. 'care leavers WS3') link the event to those workstreams, so their leads can prepare.
 *
 * Past dates: a visit that has already happened may be recorded (back-filling the plan's history,
 * or a visit only confirmed once it began) and is stored as done; a deadline or board meeting in
 * the past is refused, because those exist to be counted down to and a past one is almost always
 * a mistyped year.
 */
import type { Event, Workstream } from '../db/generated/sqlite/client.js';
import { addMonths, type Day, daysBetween, formatUkDate, todayIn } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { type EventKind, eventKindLabel, isVisit } from '../domain/event-kind.js';
import { nonWorkingDayWarnings } from '../domain/visit-day-warnings.js';
import { bankHolidays } from '../domain/working-days.js';
import { audit } from './audit.js';
import { requireAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

/** A visit longer than this is almost certainly a typo (an ILACS inspection is two weeks on site). */
export const MAX_EVENT_DAYS = 31;

export interface AddVisitInput {
  kind: EventKind;
  startDate: Day;
  endDate?: Day | null;
  theme?: string;
}

export interface AddVisitResult {
  event: Event;
  workstreams: Workstream[];
  past: boolean;
  /** Each day of it on a weekend or a bank holiday (the council's calendar included). */
  offDays: string[];
}

export async function addVisit(input: AddVisitInput, deps: Deps, actor: Actor): Promise<AddVisitResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'record visits, deadlines and board meetings');
    const programme = await loadProgramme(tx, actor);
    const today = todayIn(deps.clock.now(), programme.timezone);
    const endDate = checkDates(input, today);
    const theme = input.theme?.trim()
      ? await guardText(tx, actor.workspaceId, input.theme, 'theme', deps.clock.now())
      : null;
    const all = await tx.workstream.findMany({
      where: { programmeId: programme.id, workspaceId: actor.workspaceId, closedAt: null },
      orderBy: { code: 'asc' },
    });
    const named = theme ? workstreamsNamedIn(theme, all) : [];
    // The increment is one statement, so two admins adding at once never get the same number.
    const { nextEventNumber } = await tx.programme.update({
      where: { id: programme.id },
      data: { nextEventNumber: { increment: 1 } },
    });
    const past = (endDate ?? input.startDate) < today;
    const event = await tx.event.create({
      data: {
        workspaceId: actor.workspaceId,
        programmeId: programme.id,
        number: nextEventNumber - 1,
        kind: input.kind,
        startDate: input.startDate,
        endDate,
        theme,
        status: past ? 'done' : 'planned',
        createdById: me.id,
        createdAt: deps.clock.now(),
      },
    });
    for (const w of named)
      await tx.eventWorkstream.create({
        data: { eventId: event.id, workstreamId: w.id, workspaceId: actor.workspaceId },
      });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'event.add',
      entity: 'event',
      entityId: event.id,
      after: { ...event, workstreams: named.map((w) => w.code) },
    });
    const overrides = await tx.bankHolidayOverride.findMany({ where: { workspaceId: actor.workspaceId } });
    const offDays = nonWorkingDayWarnings(event.startDate, event.endDate, bankHolidays(overrides));
    return { event, workstreams: named, past, offDays };
  });
}

/** The end date to store (null for a one-day event), or an AppError saying what is wrong (also for `visit move`). */
export function checkDates(input: AddVisitInput, today: Day): Day | null {
  const end = input.endDate && input.endDate !== input.startDate ? input.endDate : null;
  const label = eventKindLabel(input.kind);
  if (end && end < input.startDate) {
    throw new AppError(
      'bad_input',
      `The end date (${formatUkDate(end)}) is before the start date (${formatUkDate(input.startDate)}).`,
    );
  }
  if (end && input.kind === 'deadline')
    throw new AppError('bad_input', 'A deadline is a single day: give just the date.');
  if (end && daysBetween(input.startDate, end) >= MAX_EVENT_DAYS) {
    throw new AppError(
      'bad_input',
      `${formatUkDate(input.startDate)} to ${formatUkDate(end)} is more than ${MAX_EVENT_DAYS} days. Please check the dates.`,
    );
  }
  if (!isVisit(input.kind) && input.startDate < today) {
    throw new AppError(
      'bad_input',
      `${formatUkDate(input.startDate)} has passed. A ${label.toLowerCase()} is recorded so it can be counted down to: give a date from today on.`,
      {
        example: `/improve visit add ${input.kind === 'deadline' ? 'deadline' : 'board'} ${formatUkDate(addMonths(input.startDate, 12))}`,
      },
    );
  }
  return end;
}

/**
 * Workstreams whose code appears as a word in the theme ('WS3', 'ws3,'). Names are not guessed. A
 * code without digits (SEND, CP) must be in capitals, so "send the letter" links nothing.
 */
function workstreamsNamedIn(theme: string, workstreams: Workstream[]): Workstream[] {
  const words = theme.split(/[^A-Za-z0-9-]+/).filter(Boolean);
  const names = (code: string, word: string) =>
    word.toUpperCase() === code.toUpperCase() && (/\d/.test(code) || word === code.toUpperCase());
  return workstreams.filter((w) => words.some((word) => names(w.code, word)));
}
