/**
 * A reminder message as it stands now, re-rendered from the database after someone answers it,
 * so the DM always shows the current state (chat.update). The ledger row says what it listed
 * (payload) and when it went out; everything else is read fresh.
 */

import type { Message } from '../chat/message.js';
import { stampMessage } from '../chat/programme-stamp.js';
import { chunked } from '../db/chunked.js';
import type { Db } from '../db/client.js';
import type { Action, ActionEvent, ReminderLog } from '../db/generated/sqlite/client.js';
import { todayIn } from '../domain/dates.js';
import { renderNotice } from './deliver-notices.js';
import type { Deps } from './deps.js';
import { actionReminderMessage, type ReminderRow } from './reminder-messages.js';

/** The owner's reminder with each action's current state and what happened since it was sent. */
export async function currentActionReminder(deps: Deps, log: ReminderLog): Promise<Message> {
  const { workspaceId } = log;
  const payload = JSON.parse(log.payload) as { actionIds?: number[]; more?: number };
  const ids = payload.actionIds ?? [];
  const [programme, person, actions, events] = await Promise.all([
    deps.db.programme.findFirstOrThrow({ where: { id: log.programmeId, workspaceId } }),
    deps.db.person.findUniqueOrThrow({
      where: { workspaceId_platformUserId: { workspaceId, platformUserId: log.recipient } },
    }),
    deps.db.action.findMany({
      where: { workspaceId, id: { in: ids } },
      include: { workstream: { select: { code: true } } },
    }),
    deps.db.actionEvent.findMany({
      where: { workspaceId, actionId: { in: ids }, createdAt: { gte: log.sentAt ?? log.createdAt } },
      orderBy: { id: 'asc' },
    }),
  ]);
  const owners = await deps.db.person.findMany({
    where: { workspaceId, id: { in: [...new Set(actions.map((a) => a.ownerId))] } },
  });
  const userIdOf = new Map(owners.map((o) => [o.id, o.platformUserId]));
  const byId = new Map(actions.map((a) => [a.id, a]));
  const declined = await pendingNotMine(deps.db, workspaceId, actions);
  const rows: ReminderRow[] = ids.flatMap((id) => {
    const action = byId.get(id);
    if (!action) return [];
    const since = events.filter((e) => e.actionId === id);
    const claim = declined.get(id);
    if (claim && !since.includes(claim)) since.unshift(claim);
    return [
      {
        action,
        ownerPlatformUserId: userIdOf.get(action.ownerId) ?? 'unknown',
        since,
      },
    ];
  });
  const today = todayIn(deps.clock.now(), programme.timezone);
  return stampMessage(
    actionReminderMessage({
      reminderId: log.id,
      personId: person.id,
      rows,
      more: payload.more ?? 0,
      today,
      dueSoonDays: programme.dueSoonDays,
    }),
    log.programmeId,
  );
}

/**
 * The person's latest reminder DM, if it lists the action: answering from the App Home changes
 * what that message shows, so it is re-rendered too.
 */
export async function reminderListing(
  db: Db,
  workspaceId: string,
  recipient: string,
  actionNumber: number,
): Promise<ReminderLog | null> {
  const [log, action] = await Promise.all([
    db.reminderLog.findFirst({
      where: { workspaceId, kind: 'action', recipient, status: 'sent', messageId: { not: null } },
      orderBy: { id: 'desc' },
    }),
    db.action.findFirst({ where: { workspaceId, number: actionNumber }, select: { id: true } }),
  ]);
  if (!log || !action) return null;
  const payload = JSON.parse(log.payload) as { actionIds?: number[] };
  return payload.actionIds?.includes(action.id) ? log : null;
}

/** A lead's "not mine" notice as it stands: reassigned, moved on, or still waiting. */
export async function currentNotice(deps: Deps, log: ReminderLog): Promise<Message> {
  const programme = await deps.db.programme.findFirstOrThrow({
    where: { id: log.programmeId, workspaceId: log.workspaceId },
  });
  return stampMessage(
    await renderNotice(deps, log, todayIn(deps.clock.now(), programme.timezone)),
    log.programmeId,
  );
}

/**
 * "Not mine" claims still waiting for a lead: the owner's latest not_mine on an action they still
 * own, with no reassignment since. Such an action is shown as told-the-lead, without buttons, in
 * every later reminder too, so the owner is not nagged while the lead decides.
 */
export async function pendingNotMine(
  db: Db,
  workspaceId: string,
  actions: Pick<Action, 'id' | 'ownerId'>[],
): Promise<Map<number, ActionEvent>> {
  if (actions.length === 0) return new Map();
  // A sweep's page may hold thousands of actions: a chunk at a time, then back in id order.
  const events = (
    await chunked(
      actions.map((a) => a.id),
      (ids) =>
        db.actionEvent.findMany({
          where: { workspaceId, actionId: { in: ids }, kind: { in: ['not_mine', 'reassigned'] } },
        }),
    )
  ).sort((a, b) => a.id - b.id);
  return notMinePending(events, actions);
}

/** The pending "not mine"s among `events` (not_mine and reassigned events, in id order) of `actions`. */
export function notMinePending(
  events: ActionEvent[],
  actions: Pick<Action, 'id' | 'ownerId'>[],
): Map<number, ActionEvent> {
  const owner = new Map(actions.map((a) => [a.id, a.ownerId]));
  const pending = new Map<number, ActionEvent>();
  for (const event of events) {
    if (event.kind === 'reassigned') pending.delete(event.actionId);
    else if (event.personId === owner.get(event.actionId)) pending.set(event.actionId, event);
  }
  return pending;
}
