/**
 * The weekly digest job. Every tick (each minute, and once at start-up) it reads every
 * programme's schedule from the database, so a changed day or time takes effect without a
 * restart, and posts this week's digest of each programme whose time has come and whose week is
 * not posted yet. The DigestRun claim makes that exactly once across ticks, restarts and replicas.
 */

import { perWorkspace } from '../chat/workspace-chat.js';
import type { DigestRun, Programme } from '../db/generated/sqlite/client.js';
import { claimRun } from '../digest/claim.js';
import { type DigestSlot, digestSlot } from '../digest/schedule.js';
import type { ChatDeps } from '../services/deps.js';
import { type DigestHooks, postWeeklyDigest } from '../services/post-weekly-digest.js';
import type { Job } from './index.js';

export const DIGEST_JOB_ID = 'weekly-digest';

export function digestJob(deps: ChatDeps, hooks: DigestHooks = {}): Job {
  // Weeks this process has tried since it started. A claim under our own name (a stable
  // INSTANCE_ID) for a week not in here was left by an earlier life of this instance, so it can be
  // finished at once instead of waiting for its lease; one in here is honoured like anyone's.
  const triedHere = new Set<string>();
  return {
    id: DIGEST_JOB_ID,
    async run(now) {
      const inWorkspace = perWorkspace(deps, (scoped) => scoped);
      for (const { programme, slot, run } of await dueProgrammes(deps, now)) {
        const key = `${programme.id}:${slot.weekStart}`;
        const ours = triedHere.has(key);
        if (run && !mayTakeOver(run, programme, now, deps.instanceId, ours)) continue;
        triedHere.add(key);
        try {
          await hooks.checkpoint?.('due', { programmeId: programme.id, weekStart: slot.weekStart });
          const runKey = {
            workspaceId: programme.workspaceId,
            programmeId: programme.id,
            weekStart: slot.weekStart,
          };
          // Posted with the workspace's own token; a workspace that removed the app is left alone.
          const scoped = await inWorkspace(programme.workspaceId);
          if (!scoped) continue;
          const claim = await claimRun(deps.db, runKey, deps.instanceId, now, (r) =>
            mayTakeOver(r, programme, now, deps.instanceId, ours),
          );
          if (claim) await postWeeklyDigest({ programme, slot, claim }, scoped, hooks);
        } catch (error) {
          deps.logger.error(
            { err: error, programmeId: programme.id },
            'weekly digest run failed; it will be retried',
          );
        }
      }
    },
  };
}

/**
 * A run someone holds may be taken over when its lease has run out (a crashed replica, or the
 * backoff after a failure is over), when a failed run's board channel has since been changed,
 * or when it is our own claim from before a restart (`triedHere` false).
 */
export function mayTakeOver(
  run: DigestRun,
  programme: Programme,
  now: Date,
  me: string,
  triedHere: boolean,
): boolean {
  if (run.status === 'posted') return false;
  if (run.leaseUntil <= now) return true;
  if (run.status === 'failed' && run.channelId !== programme.boardChannelId) return true;
  return run.status === 'claimed' && run.claimedBy === me && !triedHere;
}

/** Programmes whose digest time this week has come, with this week's run if there is one: two queries. */
async function dueProgrammes(
  deps: ChatDeps,
  now: Date,
): Promise<{ programme: Programme; slot: DigestSlot; run: DigestRun | undefined }[]> {
  const programmes = await deps.db.programme.findMany({
    where: { boardChannelId: { not: null } },
    orderBy: { id: 'asc' },
  });
  const due: { programme: Programme; slot: DigestSlot }[] = [];
  for (const programme of programmes) {
    let slot: DigestSlot;
    try {
      slot = digestSlot(programme, now);
    } catch (error) {
      deps.logger.error(
        { err: error, programmeId: programme.id },
        'the programme has a malformed digest schedule',
      );
      continue;
    }
    // A programme set up after this week's digest time starts with next week's digest.
    if (now >= slot.dueAt && programme.createdAt <= slot.dueAt) due.push({ programme, slot });
  }
  if (due.length === 0) return [];
  const runs = await deps.db.digestRun.findMany({
    where: {
      OR: due.map(({ programme, slot }) => ({
        workspaceId: programme.workspaceId,
        programmeId: programme.id,
        weekStart: slot.weekStart,
      })),
    },
  });
  return due.map((d) => ({
    ...d,
    run: runs.find((r) => r.programmeId === d.programme.id && r.weekStart === d.slot.weekStart),
  }));
}
