/**
 * `/improve visit done <ref> <headline> [priority actions: …]`: the programme manager records a
 * visit's outcome once the letter arrives: its headline and its date. The letter's new priority
 * actions become recommendations (source: monitoring letter; an inspection's: inspection report),
 * referenced V<n>-PA<k>, so `/improve coverage` asks at once what work addresses each.
 */
import type { Event, Recommendation } from '../../db/generated/sqlite/client.js';
import { type Day, formatUkDate, todayIn } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { type EventKind, eventKindLabel, eventRef, isVisit } from '../../domain/event-kind.js';
import { audit } from '../audit.js';
import { requireAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { findVisit } from '../find-visit.js';
import { guardText } from '../guard-text.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';
import { createRecommendation } from './add-recommendation.js';

export interface RecordVisitOutcomeInput {
  ref: string;
  headline: string;
  /** The letter's date; today when not given. */
  letterDate?: Day | null;
  priorityActions: string[];
}

export interface RecordVisitOutcomeResult {
  event: Event;
  recommendations: Recommendation[];
}

export async function recordVisitOutcome(
  input: RecordVisitOutcomeInput,
  deps: Deps,
  actor: Actor,
): Promise<RecordVisitOutcomeResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'record the outcome of a visit');
    const programme = await loadProgramme(tx, actor);
    const today = todayIn(deps.clock.now(), programme.timezone);
    const event = await findVisit(tx, programme, input.ref);
    const { number } = event;
    const ref = eventRef(number);
    if (!isVisit(event.kind as EventKind))
      throw new AppError(
        'bad_input',
        `${ref} is a ${eventKindLabel(event.kind).toLowerCase()}, not a visit: only a visit has an outcome.`,
      );
    if (event.status === 'cancelled')
      throw new AppError('conflict', `${ref} was cancelled, so it has no outcome.`);
    if (event.outcome)
      throw new AppError(
        'conflict',
        `${ref}'s outcome was already recorded on ${formatUkDate(event.outcomeDate ?? today)}: “${event.outcome}”. Nothing was changed.`,
      );
    if (event.startDate > today)
      throw new AppError(
        'bad_input',
        `${ref} starts on ${formatUkDate(event.startDate)}: its outcome can be recorded once it has taken place.`,
      );
    const letterDate = input.letterDate ?? today;
    if (letterDate > today || letterDate < event.startDate)
      throw new AppError(
        'bad_input',
        `The letter's date must be between the visit (${formatUkDate(event.startDate)}) and today.`,
      );
    if (input.headline.trim().length < 3)
      throw new AppError('bad_input', `Give the letter's headline after ${ref}.`);
    const headline = await guardText(tx, actor.workspaceId, input.headline, 'outcome', deps.clock.now());
    const done = await tx.event.update({
      where: { id: event.id },
      data: { status: 'done', outcome: headline, outcomeDate: letterDate },
    });
    const source = event.kind === 'inspection' ? 'inspection_report' : 'monitoring_letter';
    const recommendations: Recommendation[] = [];
    for (const [i, text] of input.priorityActions.entries())
      recommendations.push(
        await createRecommendation(tx, deps, actor, me, programme, {
          ref: `V${number}-PA${i + 1}`,
          text,
          source,
          sourceDate: letterDate,
          eventId: event.id,
        }),
      );
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'event.done',
      entity: 'event',
      entityId: event.id,
      before: event,
      after: { ...done, priorityActions: recommendations.map((r) => r.ref) },
    });
    return { event: done, recommendations };
  });
}
