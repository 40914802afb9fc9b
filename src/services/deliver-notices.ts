/**
 * Delivers queued notices (reminder-log.ts queueNotice): leads told that an owner says an action
 * is not theirs or asks for a new due date, owners told the lead's answer to that, admins told
 * that a person cannot be reached. Runs every tick, whatever the reminder time, but only inside
 * the recipient's hours on a working day; a failed send is retried with back-off like any
 * reminder, and a retry looks for an earlier attempt's message first (reminder-posted.ts).
 */

import type { Message } from '../chat/message.js';
import { stampMessage } from '../chat/programme-stamp.js';
import type { ReminderLog } from '../db/generated/sqlite/client.js';
import { todayIn } from '../domain/dates.js';
import { bankHolidays, isWorkingDay } from '../domain/working-days.js';
import type { ChatDeps } from './deps.js';
import { renderExtensionNotice } from './extensions/extension-notices.js';
import { EXTENSION_ANSWER_NOTICE, EXTENSION_REQUEST_NOTICE } from './extensions/extension-request.js';
import { notMineMessage, unreachableMessage } from './notice-messages.js';
import { claimExisting, markFailed, markSent, markSkipped, postpone } from './reminder-log.js';
import { findPostedReminder, reminderMetadata } from './reminder-posted.js';
import type { RecipientCheck } from './reminder-recipients.js';

export const NOTICE_KINDS = ['not_mine', 'unreachable', EXTENSION_REQUEST_NOTICE, EXTENSION_ANSWER_NOTICE];
const BATCH = 100;
const LATER_MS = 15 * 60_000;

/** Each workspace's deps and recipient check (workspace-chat.ts); undefined: it has no installation. */
export type InWorkspace = (
  workspaceId: string,
) => Promise<{ deps: ChatDeps; check: RecipientCheck } | undefined>;

export async function deliverNotices(deps: ChatDeps, inWorkspace: InWorkspace, now: Date): Promise<number> {
  const due = await deps.db.reminderLog.findMany({
    where: {
      kind: { in: NOTICE_KINDS },
      status: { in: ['pending', 'failed', 'claimed'] },
      leaseUntil: { lte: now },
    },
    orderBy: { id: 'asc' },
    take: BATCH,
  });
  let sent = 0;
  for (const notice of due) {
    try {
      const scoped = await inWorkspace(notice.workspaceId);
      if (!scoped) {
        await markSkipped(deps.sql, notice, 'the workspace has no installation');
        continue;
      }
      if (await deliverNotice(scoped.deps, scoped.check, notice, now)) sent += 1;
    } catch (error) {
      deps.logger.warn({ err: error, notice: notice.id }, 'notice not sent; it will be retried');
      await markFailed(deps.sql, notice, String((error as Error).message ?? error), now);
    }
  }
  return sent;
}

async function deliverNotice(
  deps: ChatDeps,
  check: RecipientCheck,
  notice: ReminderLog,
  now: Date,
): Promise<boolean> {
  const { workspaceId } = notice;
  const programme = await deps.db.programme.findFirst({ where: { id: notice.programmeId, workspaceId } });
  const person = await deps.db.person.findUnique({
    where: { workspaceId_platformUserId: { workspaceId, platformUserId: notice.recipient } },
  });
  if (!programme || !person) {
    await markSkipped(deps.sql, notice, 'recipient or programme gone');
    return false;
  }
  const overrides = await deps.db.bankHolidayOverride.findMany({ where: { workspaceId } });
  const today = todayIn(now, programme.timezone);
  const status = isWorkingDay(today, bankHolidays(overrides))
    ? await check.status(person, programme, today)
    : { kind: 'later' as const };
  if (status.kind === 'unreachable') await markSkipped(deps.sql, notice, 'recipient unreachable');
  if (status.kind !== 'ok') {
    if (status.kind === 'later') await postpone(deps.sql, notice, new Date(now.getTime() + LATER_MS), now);
    return false;
  }
  const claim = await claimExisting(deps.db, notice, now, deps.instanceId);
  if (!claim) return false;
  const message = stampMessage(await renderNotice(deps, claim, today), claim.programmeId);
  const send = async () =>
    (await findPostedReminder(deps, claim, { userId: notice.recipient })) ??
    deps.chat.dm(notice.recipient, message, { metadata: reminderMetadata(claim) });
  const posted = await send().catch(async (error: unknown) => {
    await markFailed(deps.sql, claim, String((error as Error).message ?? error), now);
    return null;
  });
  if (posted) await markSent(deps.sql, claim, posted, JSON.parse(notice.payload), now);
  return posted !== null;
}

/** A notice's message, from its payload and the current state of what it is about. */
export async function renderNotice(
  deps: Pick<ChatDeps, 'db'>,
  notice: ReminderLog,
  today: string,
): Promise<Message> {
  const payload = JSON.parse(notice.payload) as Record<string, unknown>;
  if (notice.kind === 'unreachable') return unreachableMessage(String(payload.platformUserId));
  if (notice.kind !== 'not_mine') return renderExtensionNotice(deps.db, notice, today);
  const action = await deps.db.action.findFirstOrThrow({
    where: { id: Number(payload.actionId), workspaceId: notice.workspaceId },
    include: { workstream: true },
  });
  const owner = await deps.db.person.findFirstOrThrow({
    where: { id: action.ownerId, workspaceId: notice.workspaceId },
  });
  const [fromUserId, suggestedUserId] = [String(payload.fromUserId), String(payload.suggestedUserId)];
  const settled =
    owner.platformUserId === suggestedUserId
      ? `Reassigned to <person:${suggestedUserId}>.`
      : action.status !== 'open'
        ? 'Nothing to do: it is no longer open.'
        : owner.platformUserId !== fromUserId
          ? `Now with <person:${owner.platformUserId}>.`
          : undefined;
  return notMineMessage({
    reminderId: notice.id,
    action: {
      number: action.number,
      text: action.text,
      dueDate: action.dueDate,
      status: action.status,
      ownerPlatformUserId: owner.platformUserId,
      workstreamCode: action.workstream.code,
    },
    fromUserId,
    suggestedUserId,
    note: (payload.note as string | null) ?? null,
    today,
    settled,
  });
}
