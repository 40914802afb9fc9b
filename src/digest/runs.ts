/**
 * The DigestRun row is how a week's digest happens exactly once across restarts and replicas:
 * claimed (with a lease) before anything is posted, its message ts recorded as soon as the main
 * message is up, and marked posted when its thread is complete. A claim is taken over only with
 * a compare-and-set on `attempts`, so two replicas can never both hold it.
 */
import type { Db } from '../db/client.js';
import type { DigestRun } from '../db/generated/sqlite/client.js';
import type { Day } from '../domain/dates.js';
import { audit } from '../services/audit.js';
import { CHECK_PREFIX } from './notify-admins.js';

/** How long a claim protects a run; a crashed replica's run is taken over after this. */
export const LEASE_MS = 5 * 60_000;
/** A permanent failure (bot not in the channel) is retried hourly, or at once when the channel changes. */
export const FAILED_RETRY_MS = 60 * 60_000;
const MAX_BACKOFF_MS = 30 * 60_000;

export interface RunKey {
  workspaceId: string;
  programmeId: number;
  weekStart: Day;
}

export interface Claim {
  run: DigestRun;
  /** True when an earlier attempt may already have posted: look in the channel before posting. */
  resumed: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}

/**
 * Claims the week's run: creates it, or takes over an existing one that `mayTakeOver` allows
 * (an expired lease, a failure to retry). Null when the week is posted or someone else holds it.
 */
export async function claimRun(
  db: Db,
  key: RunKey,
  claimedBy: string,
  now: Date,
  mayTakeOver: (run: DigestRun) => boolean,
): Promise<Claim | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  try {
    const run = await db.digestRun.create({
      data: { ...key, status: 'claimed', claimedBy, claimedAt: now, leaseUntil, attempts: 1 },
    });
    return { run, resumed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await db.digestRun.findFirst({
    where: { workspaceId: key.workspaceId, programmeId: key.programmeId, weekStart: key.weekStart },
  });
  if (!existing || existing.status === 'posted' || !mayTakeOver(existing)) return null;
  const data = { status: 'claimed', claimedBy, claimedAt: now, leaseUntil, attempts: existing.attempts + 1 };
  const taken = await db.digestRun.updateMany({
    where: { id: existing.id, attempts: existing.attempts, status: existing.status },
    data,
  });
  return taken.count === 1 ? { run: { ...existing, ...data }, resumed: true } : null;
}

/**
 * Extends our lease just before each message is posted, so a slow post (Slack asking us to wait
 * out a rate limit) is not mistaken for a crash. False when another replica has taken over.
 */
export async function renewLease(db: Db, run: DigestRun, now: Date): Promise<boolean> {
  const renewed = await db.digestRun.updateMany({
    where: { id: run.id, attempts: run.attempts, status: 'claimed' },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return renewed.count === 1;
}

/** The main message is up: remember where, so a retry only completes its thread. */
export async function recordMessage(
  db: Db,
  run: DigestRun,
  where: { channelId: string; ts: string },
  late: boolean,
): Promise<void> {
  await db.digestRun.updateMany({
    where: { id: run.id, attempts: run.attempts },
    data: { channelId: where.channelId, messageTs: where.ts, late },
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
      workspaceId: run.workspaceId,
      actor: 'system',
      action: 'digest.post',
      entity: 'digest_run',
      entityId: run.id,
      after: {
        weekStart: after.weekStart,
        channelId: after.channelId,
        messageTs: after.messageTs,
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
