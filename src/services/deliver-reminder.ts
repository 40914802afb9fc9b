/**
 * Sends one reminder exactly once: claim its ledger row, render, send, record where it landed. A
 * claim taken over from an earlier attempt first looks for that attempt's message in Slack.
 * Every kind of reminder (actions, escalations, silent leads, countdowns) goes through here, so
 * the exactly-once and retry rules live in one place; notices (deliver-notices.ts) reuse the same
 * ledger and the same look-before-resend.
 */
import { ChatError, type Posted } from '../chat/chat.js';
import type { Message } from '../chat/message.js';
import { stampMessage } from '../chat/programme-stamp.js';
import type { Person, ReminderLog } from '../db/generated/sqlite/client.js';
import type { ChatDeps } from './deps.js';
import {
  claimReminder,
  isFinished,
  markFailed,
  markSent,
  markSkipped,
  type ReminderKey,
} from './reminder-log.js';
import { findPostedReminder, reminderMetadata } from './reminder-posted.js';
import type { RecipientCheck } from './reminder-recipients.js';

/** sent: now; done: sent before or by another replica; later: to be retried; skipped: never. */
export type Outcome = 'sent' | 'done' | 'later' | 'skipped';

/** Slack's answers that mean the person cannot be messaged at all. */

export interface ReminderToSend {
  key: Omit<ReminderKey, 'workspaceId' | 'recipient'>;
  programme: { id: number; workspaceId: string; timezone: string };
  /** A person (a DM) or a channel (the board channel). */
  to: { person: Person } | { channelId: string };
  /** Built after the claim, so buttons can carry the ledger row's id. */
  render(log: ReminderLog): Message;
  /** What the message listed, kept so a button press can re-render it from the database. */
  payload: unknown;
}

/**
 * `prepared` is for a caller that already checked the recipient (and perhaps claimed the row in
 * a batch): the check is not repeated, and a claim it brings is used as is.
 */
export async function deliverReminder(
  deps: ChatDeps,
  check: RecipientCheck,
  reminder: ReminderToSend,
  now: Date,
  prepared?: { claim?: ReminderLog },
): Promise<Outcome> {
  const { programme, to } = reminder;
  const recipient = 'person' in to ? to.person.platformUserId : to.channelId;
  if (!prepared) {
    const ready = await readiness(check, reminder, now);
    if (ready !== 'ok') return ready;
  }
  const key: ReminderKey = { ...reminder.key, workspaceId: programme.workspaceId, recipient };
  // Leases run from the live clock, not the tick's start: a long sweep must not hand out claims
  // that have already lapsed.
  const log =
    prepared?.claim ?? (await claimReminder(deps.sql, key, programme.id, deps.clock.now(), deps.instanceId));
  if (!log) return (await isFinished(deps.sql, key)) ? 'done' : 'later';
  let earlier: Posted | null;
  let posted: Posted;
  try {
    earlier = await findPostedReminder(
      deps,
      log,
      'person' in to ? { userId: recipient } : { channelId: recipient },
    );
    posted = earlier ?? (await send(deps, reminder, log));
  } catch (error) {
    return recordFailure(deps, check, reminder, log, error, deps.clock.now());
  }
  await markSent(deps.sql, log, posted, reminder.payload, deps.clock.now());
  if (!earlier) return 'sent';
  deps.logger.info(
    { reminderId: log.id, kind: log.kind },
    'reminder already sent by an earlier attempt; not sent again',
  );
  return 'done';
}

/** Posts the reminder with metadata naming its ledger row (see reminder-posted.ts). */
async function send(deps: ChatDeps, reminder: ReminderToSend, log: ReminderLog): Promise<Posted> {
  // Its buttons carry the programme, so a press acts on it (chat/programme-stamp.ts).
  const message = stampMessage(reminder.render(log), reminder.programme.id);
  const options = { metadata: reminderMetadata(log) };
  const { to } = reminder;
  return 'person' in to
    ? deps.chat.dm(to.person.platformUserId, message, options)
    : deps.chat.post(to.channelId, message, options);
}

/** Whether the recipient can be sent to now: in their hours, reachable; channels on the programme's clock. */
export async function readiness(
  check: RecipientCheck,
  reminder: ReminderToSend,
  now: Date,
): Promise<'ok' | 'later' | 'skipped'> {
  const { programme, to } = reminder;
  if (!('person' in to)) return check.inHours(now, programme.timezone) ? 'ok' : 'later';
  const status = await check.status(to.person, programme, reminder.key.day);
  return status.kind === 'ok' ? 'ok' : status.kind === 'later' ? 'later' : 'skipped';
}

async function recordFailure(
  deps: ChatDeps,
  check: RecipientCheck,
  reminder: ReminderToSend,
  log: ReminderLog,
  error: unknown,
  now: Date,
): Promise<Outcome> {
  const code = error instanceof ChatError ? error.code : String((error as Error)?.message ?? error);
  if ('person' in reminder.to && error instanceof ChatError && code === 'recipient_unreachable') {
    await markSkipped(deps.db, log, code);
    await check.unreachable(reminder.to.person, reminder.programme.id, reminder.key.day);
    return 'skipped';
  }
  deps.logger.warn(
    { err: error, kind: log.kind, recipient: log.recipient },
    'reminder not sent; it will be retried',
  );
  await markFailed(deps.db, log, code, now);
  return 'later';
}
