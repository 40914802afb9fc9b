/**
 * Finding a reminder that is already in Slack. Every reminder message carries metadata naming its
 * ledger row, so when a claim is taken over from an attempt that may have posted and then died
 * before recording it (a crash, a kill, a timeout after Slack accepted), the new attempt looks in
 * the conversation first and records what it finds instead of sending the reminder twice.
 */
import { ChatError, type MessageMetadata, type Posted } from '../chat/chat.js';
import type { ReminderLog } from '../db/generated/sqlite/client.js';
import type { ChatDeps } from './deps.js';

export const REMINDER_EVENT = 'improvement_reminder';

/** Slack's clock and ours may differ a little; the row's id, not the window, picks the message. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The metadata a reminder message is posted with. */
export const reminderMetadata = (log: Pick<ReminderLog, 'id'>): MessageMetadata => ({
  eventType: REMINDER_EVENT,
  payload: { reminderId: log.id },
});

/**
 * Where an earlier attempt posted this reminder, or null. Only a claim taken over (attempts > 1:
 * an earlier claim lapsed or its send failed) can have been posted already, so a first attempt
 * costs no extra call.
 *
 * A look Slack refuses for good (no `im:history` scope; the bot not a member of the board
 * channel, which it can post to with chat:write.public) counts as "not posted": refusing to send
 * would lose the reminder every time, and a reminder sent twice is the lesser harm. So it is
 * sent, with a warning. A look that failed for a passing reason (5xx, network) is thrown, to be
 * recorded as a failed attempt and retried later, looking again.
 */
export async function findPostedReminder(
  deps: ChatDeps,
  log: ReminderLog,
  where: { userId: string } | { channelId: string },
): Promise<Posted | null> {
  if (log.attempts <= 1) return null;
  try {
    const channelId = 'userId' in where ? await deps.chat.dmChannel(where.userId) : where.channelId;
    const since = new Date(log.createdAt.getTime() - CLOCK_SKEW_MS);
    const found = await deps.chat.findPosted(channelId, since, REMINDER_EVENT);
    const messageId = found.find((m) => String(m.payload.reminderId) === String(log.id))?.messageId;
    return messageId ? { channelId, messageId } : null;
  } catch (error) {
    if (!(error instanceof ChatError && error.permanent)) throw error;
    deps.logger.warn(
      { error: error.code, reminderId: log.id, kind: log.kind, recipient: log.recipient },
      'could not look for an earlier attempt at this reminder; sending it, so it may arrive twice',
    );
    return null;
  }
}
