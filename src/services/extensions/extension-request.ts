/**
 * A new due date that needs a lead's approval (Programme.extensionApproval): the owner's request
 * is recorded on the action and in its history, and each lead of the workstream (the admins, if
 * it has none) is sent Approve / Refuse in a notice queued in the same transaction. Until a lead
 * approves, the old date stands. A new request while one is pending replaces it: the owner's
 * latest word is the one the lead answers, and the earlier notice's buttons become stale.
 */
import type { Tx } from '../../db/client.js';
import type { Person } from '../../db/generated/sqlite/client.js';
import { programmeToday } from '../action-checks.js';
import { recordActionEvent } from '../action-events.js';
import { whoDecides } from '../decline-action.js';
import type { Deps } from '../deps.js';
import { type ActionInContext, updateActionIfUnchanged } from '../find-action.js';
import { queueNotice } from '../reminder-log.js';

export const EXTENSION_REQUEST_NOTICE = 'extension_request';
export const EXTENSION_ANSWER_NOTICE = 'extension_answer';

/** What clears a pending request from an action. */
export const NO_REQUEST = {
  requestedDue: null,
  requestedReason: null,
  requestedById: null,
  requestedAt: null,
  requestEventId: null,
} as const;

/** The notice's payload, enough to render it again after an answer (deliver-notices.ts). */
export interface ExtensionRequestPayload {
  actionId: number;
  eventId: number;
  fromUserId: string;
  fromDue: string;
  toDue: string;
  reason: string;
}

/** Records the owner's request and queues the notices; returns who was asked. */
export async function requestExtension(
  tx: Tx,
  deps: Deps,
  me: Person,
  found: ActionInContext,
  request: { dueDate: string; reason: string },
): Promise<{ toldUserIds: string[]; replaced: boolean; action: ActionInContext['action'] }> {
  const { action, programme } = found;
  const now = deps.clock.now();
  const requested = await updateActionIfUnchanged(tx, action, {
    requestedDue: request.dueDate,
    requestedReason: request.reason,
    requestedById: me.id,
    requestedAt: now,
  });
  const event = await recordActionEvent(tx, me, action, requested, {
    kind: 'extension_requested',
    at: now,
    note: request.reason,
    fromDue: action.dueDate,
    toDue: request.dueDate,
  });
  // Named after the event exists, so an answer to an older (replaced) request is told apart.
  const updated = await tx.action.update({ where: { id: action.id }, data: { requestEventId: event.id } });
  const told = (await whoDecides(tx, deps, found)).filter((p) => p.id !== me.id);
  const payload: ExtensionRequestPayload = {
    actionId: action.id,
    eventId: event.id,
    fromUserId: me.platformUserId,
    fromDue: action.dueDate,
    toDue: request.dueDate,
    reason: request.reason,
  };
  const key = {
    workspaceId: action.workspaceId,
    kind: EXTENSION_REQUEST_NOTICE,
    subjectKey: `action-event:${event.id}`,
    day: programmeToday(deps, programme),
  };
  for (const person of told)
    await queueNotice(tx, { ...key, recipient: person.platformUserId }, programme.id, payload, now);
  return {
    toldUserIds: told.map((p) => p.platformUserId),
    replaced: action.requestEventId !== null,
    action: updated,
  };
}
