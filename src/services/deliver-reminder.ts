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
import { inParallel } from './in-parallel.js';
import {
  claimMany,
  claimReminder,
  isFinished,
  markFailed,
  markSent,
  markSkipped,
  type ReminderKey,
} from './reminder-log.js';
import { findPostedReminder, reminderMetadata } from './reminder-posted.js';
import type { RecipientCheck } from './reminder-recipients.js';
import type { Sweep } from './sweep.js';

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

/**
 * Claims are taken a batch at a time, so even at Slack's slowest (a Tier 3 method waiting out
 * Retry-After) a batch is sent well within its lease: a claim never lapses while its message is
 * still queued here, which is what would let another replica send it too.
 */
const CLAIM_BATCH = 25;

/**
 * Reminders of a batch in flight at once: each is its own message, and the chat's pacing
 * (paced-chat.ts) keeps the whole workspace inside the platform's per-method limits, so this
 * only hides round trips (and one conversation's wait for its pacing holds up only its own).
 */
export const IN_FLIGHT = 8;

/**
 * A sweep's reminders of one kind and day (a page of owners, a programme's escalations or
 * countdowns): checks each recipient (their hours, whether the platform knows them), claims a
 * batch of new rows in one statement, then sends the batch a few at a time, each recorded as
 * soon as the platform accepts it. `fresh`: the reminder has no ledger row yet as far as the
 * caller knows; the others (and all of a batch whose insert met a row written meanwhile) are
 * claimed one by one, as deliverReminder always did.
 */
export async function deliverAll<R extends ReminderToSend>(
  sweep: Sweep,
  programme: { id: number; workspaceId: string },
  reminders: R[],
  fresh: (reminder: R) => boolean = () => true,
): Promise<void> {
  const ready: R[] = [];
  for (const reminder of reminders) {
    const outcome = await readiness(sweep.check, reminder, sweep.now);
    if (outcome === 'ok') ready.push(reminder);
    else sweep.count(outcome);
  }
  const { deps } = sweep;
  const pair = (r: R) => ({ subjectKey: r.key.subjectKey, recipient: recipientOf(r) });
  for (let i = 0; i < ready.length; i += CLAIM_BATCH) {
    const batch = ready.slice(i, i + CLAIM_BATCH);
    // One claim statement per kind and day (a batch normally has one of each).
    const claims = new Map<string, ReminderLog>();
    for (const { kind, day } of uniqueBy(batch.map((r) => r.key))) {
      const pairs = batch.filter((r) => r.key.kind === kind && r.key.day === day && fresh(r)).map(pair);
      const key = { workspaceId: programme.workspaceId, kind, day };
      for (const [k, log] of await claimMany(
        deps.sql,
        key,
        pairs,
        programme.id,
        deps.clock.now(),
        deps.instanceId,
      ))
        claims.set(`${kind}|${day}|${k}`, log);
    }
    await inParallel(batch, IN_FLIGHT, async (reminder) => {
      const { subjectKey, recipient } = pair(reminder);
      const claim = claims.get(`${reminder.key.kind}|${reminder.key.day}|${subjectKey}|${recipient}`);
      sweep.count(await deliverReminder(deps, sweep.check, reminder, sweep.now, { claim }));
    });
  }
}

const recipientOf = ({ to }: ReminderToSend) => ('person' in to ? to.person.platformUserId : to.channelId);

function uniqueBy(keys: { kind: string; day: string }[]): { kind: string; day: string }[] {
  const seen = new Map<string, { kind: string; day: string }>();
  for (const key of keys) seen.set(`${key.kind}|${key.day}`, { kind: key.kind, day: key.day });
  return [...seen.values()];
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
    await markSkipped(deps.sql, log, code);
    await check.unreachable(reminder.to.person, reminder.programme.id, reminder.key.day);
    return 'skipped';
  }
  deps.logger.warn(
    { err: error, kind: log.kind, recipient: log.recipient },
    'reminder not sent; it will be retried',
  );
  await markFailed(deps.sql, log, code, now);
  return 'later';
}
