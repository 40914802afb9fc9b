/**
 * Claiming a week's DigestRun: the row is how a week's digest happens exactly once across
 * restarts and replicas. It is claimed (with a lease) before anything is posted, and taken over
 * only with a compare-and-set on `attempts`, so two replicas can never both hold it.
 */
import type { Db } from '../db/client.js';
import type { DigestRun } from '../db/generated/sqlite/client.js';
import type { Day } from '../domain/dates.js';

/** How long a claim protects a run; a crashed replica's run is taken over after this. */
export const LEASE_MS = 5 * 60_000;
/** A permanent failure (bot not in the channel) is retried hourly, or at once when the channel changes. */
export const FAILED_RETRY_MS = 60 * 60_000;

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
