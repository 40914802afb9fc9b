/**
 * What happens to a claimed DigestRun: its message ts recorded as soon as the main message is up,
 * marked posted when its thread is complete, or failed (permanent) or kept for a retry with backoff.
 * Every write is conditional on `attempts`, so a replica whose claim was taken over changes nothing.
 */
import type { Db } from '../db/client.js';
import type { DigestRun } from '../db/generated/sqlite/client.js';
import { audit } from '../services/audit.js';
import { FAILED_RETRY_MS } from './claim.js';
import { CHECK_PREFIX } from './notify-admins.js';

const MAX_BACKOFF_MS = 30 * 60_000;

/** True when the programme has never had a digest posted for a week before `weekStart`. */
export async function isFirstDigest(
  db: Db,
  programme: { workspaceId: string; id: number },
  weekStart: string,
): Promise<boolean> {
  const earlier = await db.digestRun.count({
    where: {
      workspaceId: programme.workspaceId,
      programmeId: programme.id,
      status: 'posted',
      weekStart: { lt: weekStart },
    },
  });
  return earlier === 0;
}

/** The main message is up: remember where, so a retry only completes its thread. */
export async function recordMessage(
  db: Db,
  run: DigestRun,
  where: { channelId: string; messageId: string },
  late: boolean,
): Promise<void> {
  await db.digestRun.updateMany({
    where: { id: run.id, attempts: run.attempts },
    data: { channelId: where.channelId, messageId: where.messageId, late },
  });
}

export async function markPosted(db: Db, run: DigestRun, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const done = await tx.digestRun.updateMany({
      where: { id: run.id, attempts: run.attempts },
      data: { status: 'posted', postedAt: now, lastError: null },
    });
    if (done.count === 0) return;
    const after = await tx.digestRun.findUniqueOrThrow({ where: { id: run.id } });
    await audit(tx, {
      at: now,
      workspaceId: run.workspaceId,
      actor: 'system',
      action: 'digest.post',
      entity: 'digest_run',
      entityId: run.id,
      after: {
        weekStart: after.weekStart,
        channelId: after.channelId,
        messageId: after.messageId,
        late: after.late,
        attempts: after.attempts,
      },
    });
  });
}

/**
 * A permanent failure: the week stays unsent and is retried hourly (or when the board channel
 * changes). Returns true when this is news (first failure, or a different error), so the admins
 * are told once rather than every hour.
 */
export async function markFailed(
  db: Db,
  run: DigestRun,
  channelId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.digestRun.findUniqueOrThrow({ where: { id: run.id } });
    // The same problem found while checking the channel or while posting is still the same problem.
    const problem = (c: string | null) => c?.replace(CHECK_PREFIX, '');
    const news = !(problem(before.lastError) === problem(code) && before.channelId === channelId);
    await tx.digestRun.updateMany({
      where: { id: run.id, attempts: run.attempts },
      data: {
        status: 'failed',
        lastError: code,
        channelId,
        leaseUntil: new Date(now.getTime() + FAILED_RETRY_MS),
      },
    });
    if (news) {
      await audit(tx, {
        at: now,
        workspaceId: run.workspaceId,
        actor: 'system',
        action: 'digest.fail',
        entity: 'digest_run',
        entityId: run.id,
        after: { weekStart: run.weekStart, channelId, error: code },
      });
    }
    return news;
  });
}

/** A transient failure (5xx, rate limit, network): keep the claim and retry with backoff. */
export async function markRetry(db: Db, run: DigestRun, code: string, now: Date): Promise<Date> {
  const backoff = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, run.attempts - 1));
  const leaseUntil = new Date(now.getTime() + backoff);
  await db.digestRun.updateMany({
    where: { id: run.id, attempts: run.attempts },
    data: { lastError: code, leaseUntil },
  });
  return leaseUntil;
}
