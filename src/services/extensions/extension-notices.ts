/**
 * The extension notices rendered from their payload and the action as it stands now, so the
 * lead's DM, re-rendered after an answer (or a press on a stale request), shows what was decided.
 */
import type { Message } from '../../chat/message.js';
import type { Db } from '../../db/client.js';
import type { Action, ReminderLog } from '../../db/generated/sqlite/client.js';
import type { ActionView } from '../../domain/actions.js';
import { type Day, formatUkDate } from '../../domain/dates.js';
import type { ExtensionAnswerPayload } from './answer-extension.js';
import { extensionAnswerMessage, extensionRequestMessage } from './extension-messages.js';
import { EXTENSION_REQUEST_NOTICE, type ExtensionRequestPayload } from './extension-request.js';

export async function renderExtensionNotice(db: Db, notice: ReminderLog, today: Day): Promise<Message> {
  const payload = JSON.parse(notice.payload) as ExtensionRequestPayload & ExtensionAnswerPayload;
  const { workspaceId } = notice;
  const action = await db.action.findFirstOrThrow({
    where: { id: Number(payload.actionId), workspaceId },
    include: { workstream: true },
  });
  const owner = await db.person.findFirstOrThrow({ where: { id: action.ownerId, workspaceId } });
  const view: ActionView = {
    number: action.number,
    text: action.text,
    dueDate: action.dueDate,
    status: action.status,
    ownerPlatformUserId: owner.platformUserId,
    workstreamCode: action.workstream.code,
    requestedDue: action.requestedDue,
  };
  if (notice.kind !== EXTENSION_REQUEST_NOTICE)
    return extensionAnswerMessage({ ...payload, action: view, today });
  return extensionRequestMessage({
    noticeId: notice.id,
    eventId: payload.eventId,
    action: view,
    fromUserId: payload.fromUserId,
    fromDue: payload.fromDue,
    toDue: payload.toDue,
    reason: payload.reason,
    today,
    settled: await settled(db, action, payload),
  });
}

/** What became of the request, or undefined while it still waits for a lead. */
async function settled(
  db: Db,
  action: Action,
  payload: ExtensionRequestPayload,
): Promise<string | undefined> {
  if (action.status === 'open' && action.requestEventId === payload.eventId) return undefined;
  const next = await db.actionEvent.findFirst({
    where: {
      workspaceId: action.workspaceId,
      actionId: action.id,
      id: { gt: payload.eventId },
      kind: { in: ['extended', 'extension_refused', 'extension_requested'] },
    },
    orderBy: { id: 'asc' },
  });
  const by = next
    ? (await db.person.findFirst({ where: { id: next.personId, workspaceId: action.workspaceId } }))
        ?.platformUserId
    : undefined;
  const who = by ? `<person:${by}>` : 'someone';
  if (next?.kind === 'extension_refused')
    return `Refused by ${who}: still due ${formatUkDate(action.dueDate)}.`;
  if (next?.kind === 'extension_requested') return `Replaced by a newer request from ${who}.`;
  if (next?.kind === 'extended')
    return next.toDue === payload.toDue
      ? `Approved by ${who}: now due ${formatUkDate(next.toDue)}.`
      : `${who} set a different date: due ${formatUkDate(next.toDue ?? action.dueDate)}.`;
  return action.status !== 'open'
    ? 'Nothing to do: it is no longer open.'
    : 'Nothing to do: it was answered.';
}
