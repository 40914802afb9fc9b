/**
 * A lead's answer to an owner's request for a new due date (extension-request.ts), from the
 * Approve / Refuse buttons. Only a lead of the workstream or an admin may answer. Approving moves
 * the date through the same history as `action extend` (an 'extended' event with both dates);
 * refusing leaves the date and records the refusal. Either way the request is cleared and the
 * owner is told in a notice queued in the same transaction. An answer to a request that was
 * already answered or replaced changes nothing and says so.
 */
import type { ActionEvent } from '../../db/generated/sqlite/client.js';
import { formatActionRef } from '../../domain/actions.js';
import { AppError } from '../../domain/errors.js';
import { programmeToday } from '../action-checks.js';
import { recordActionEvent } from '../action-events.js';
import { requireLeadOrAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { type ActionInContext, loadAction, requireStatus } from '../find-action.js';
import { queueNotice } from '../reminder-log.js';
import { inTransaction } from '../transaction.js';
import { EXTENSION_ANSWER_NOTICE, NO_REQUEST } from './extension-request.js';

export interface AnswerExtensionInput {
  ref: number;
  /** The request's 'extension_requested' event, from the button. */
  eventId: number;
  approve: boolean;
}

export interface AnswerExtensionResult extends ActionInContext {
  event: ActionEvent;
  fromDue: string;
  toDue: string;
}

/** The owner's notice of the answer (deliver-notices.ts renders it). */
export interface ExtensionAnswerPayload {
  actionId: number;
  approved: boolean;
  byUserId: string;
  fromDue: string;
  toDue: string;
}

export async function answerExtension(
  input: AnswerExtensionInput,
  deps: Deps,
  actor: Actor,
): Promise<AnswerExtensionResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, workstream, programme, owner } = found;
    const ref = formatActionRef(action.number);
    await requireLeadOrAdmin(tx, me, workstream, `approve or refuse a new due date for ${ref}`);
    requireStatus(action, ['open'], programme.timezone);
    if (action.requestEventId !== input.eventId || !action.requestedDue) {
      const why = action.requestEventId ? 'replaced by a newer request' : 'already answered';
      throw new AppError('stale', `This request for a new date for ${ref} was ${why}; nothing was changed.`);
    }
    const [fromDue, toDue] = [action.dueDate, action.requestedDue];
    const { count } = await tx.action.updateMany({
      where: { id: action.id, status: 'open', dueDate: fromDue, requestEventId: input.eventId },
      data: input.approve ? { dueDate: toDue, ...NO_REQUEST } : NO_REQUEST,
    });
    if (count === 0)
      throw new AppError('stale', `${ref} was changed by someone else a moment ago; nothing was changed.`);
    const updated = await tx.action.findUniqueOrThrow({ where: { id: action.id } });
    const now = deps.clock.now();
    const event = await recordActionEvent(tx, me, action, updated, {
      kind: input.approve ? 'extended' : 'extension_refused',
      at: now,
      note: action.requestedReason,
      fromDue,
      toDue,
    });
    if (owner.id !== me.id) {
      const payload: ExtensionAnswerPayload = {
        actionId: action.id,
        approved: input.approve,
        byUserId: me.platformUserId,
        fromDue,
        toDue,
      };
      const key = {
        workspaceId: action.workspaceId,
        kind: EXTENSION_ANSWER_NOTICE,
        subjectKey: `action-event:${event.id}`,
        recipient: owner.platformUserId,
        day: programmeToday(deps, programme),
      };
      await queueNotice(tx, key, programme.id, payload, now);
    }
    return { ...found, action: updated, event, fromDue, toDue };
  });
}
