/**
 * Posts a claimed week's digest to the board channel, exactly once: if an earlier attempt may
 * have posted (a crash, a timeout), look in the channel first; record the message's ts as soon as
 * it is up; complete the thread; mark the week posted. A permanent Slack error leaves the week
 * unsent and tells the admins; anything else keeps the claim and retries with backoff.
 */
import { ChatError, type Posted } from '../chat/chat.js';
import type { Programme } from '../db/generated/sqlite/client.js';
import { type Claim, renewLease } from '../digest/claim.js';
import { CHECK_PREFIX, tellAdminsDigestFailed } from '../digest/notify-admins.js';
import {
  DIGEST_EVENT,
  DIGEST_PART_EVENT,
  type DigestRef,
  findPostedDigest,
  postMain,
  postMissingParts,
} from '../digest/post-parts.js';
import { renderDigest } from '../digest/render-digest.js';
import { isFirstDigest, markFailed, markPosted, markRetry, recordMessage } from '../digest/runs.js';
import { type DigestSlot, type LatenessContext, wasLate, weekBegins } from '../digest/schedule.js';
import { formatDateTimeUk } from '../domain/dates.js';
import { buildDigest } from './build-digest.js';
import type { ChatDeps } from './deps.js';

/** Points a test can stop at (a child process is killed there to prove crash safety). */
export type DigestCheckpoint = 'due' | 'claimed' | 'posted';
export type DigestHooks = { checkpoint?(point: DigestCheckpoint, ref: DigestRef): Promise<void> };

export type DigestOutcome =
  | { kind: 'posted'; channelId: string; messageId: string; late: boolean }
  | { kind: 'failed'; code: string; permanent: boolean };

export interface ClaimedDigest {
  programme: Programme;
  slot: DigestSlot;
  claim: Claim;
  /** Context lines under the header, e.g. 'Sent on request by…'. */
  notes?: string[];
}

/** Another replica took the run over while we were posting (our lease ran out): leave it to them. */
class ClaimLost extends Error {}

export async function postWeeklyDigest(
  target: ClaimedDigest,
  deps: ChatDeps,
  hooks: DigestHooks = {},
): Promise<DigestOutcome> {
  const { programme, slot, claim } = target;
  const channelId = programme.boardChannelId ?? '';
  const ref: DigestRef = { programmeId: programme.id, weekStart: slot.weekStart };
  const holdClaim = async () => {
    if (!(await renewLease(deps.db, claim.run, deps.clock.now()))) throw new ClaimLost();
  };
  try {
    const lateness = await latenessOf(target, deps);
    const earlier = await alreadyPosted(target, deps, ref, lateness);
    let main: Posted | null = earlier;
    const late = earlier ? earlier.late : wasLate(deps.clock.now(), slot.dueAt, lateness);
    const notes = [...(late ? [lateNote(programme, slot)] : []), ...(target.notes ?? [])];
    const digest = await buildDigest({ workspaceId: programme.workspaceId, programmeId: programme.id }, deps);
    const message = renderDigest(digest, { notes, limits: deps.chat.limits });
    const threadMayExist = main !== null;
    if (!main) {
      await hooks.checkpoint?.('claimed', ref);
      await holdClaim();
      main = await postMain(deps.chat, channelId, message, { eventType: DIGEST_EVENT, payload: { ...ref } });
      await hooks.checkpoint?.('posted', ref);
      await recordMessage(deps.db, claim.run, main, late);
    }
    await postMissingParts(deps.chat, main, message, ref, threadMayExist, DIGEST_PART_EVENT, holdClaim);
    await markPosted(deps.db, claim.run, deps.clock.now());
    deps.logger.info(
      {
        programmeId: programme.id,
        weekStart: slot.weekStart,
        messageId: main.messageId,
        late,
        attempts: claim.run.attempts,
      },
      'weekly digest posted',
    );
    deps.metrics?.digest(late ? 'late' : 'posted');
    return { kind: 'posted', channelId, messageId: main.messageId, late };
  } catch (error) {
    deps.metrics?.digest('failed');
    return failed(error, target, deps);
  }
}

/**
 * The week's main message if it is known to be up: recorded by an earlier attempt, or, when an
 * earlier attempt may have posted without recording (a crash, a timeout), found in the channel.
 */
async function alreadyPosted(
  target: ClaimedDigest,
  deps: ChatDeps,
  ref: DigestRef,
  lateness: LatenessContext,
): Promise<(Posted & { late: boolean }) | null> {
  const { programme, slot, claim } = target;
  const channelId = programme.boardChannelId ?? '';
  if (claim.run.messageId && claim.run.channelId === channelId)
    return { channelId, messageId: claim.run.messageId, late: claim.run.late };
  if (!claim.resumed) return null;
  const found = await findPostedDigest(
    deps.chat,
    channelId,
    ref,
    weekBegins(programme, slot.weekStart),
  ).catch((error: unknown) => {
    if (error instanceof ChatError && error.permanent)
      throw new ChatError(`${CHECK_PREFIX}${error.code}`, true);
    throw error;
  });
  if (!found) return null;
  const late = wasLate(found.postedAt, slot.dueAt, lateness);
  await recordMessage(deps.db, claim.run, { channelId, messageId: found.messageId }, late);
  return { channelId, messageId: found.messageId, late };
}

async function latenessOf(target: ClaimedDigest, deps: ChatDeps): Promise<LatenessContext> {
  const { programme, slot } = target;
  return {
    channelSetAt: programme.boardChannelSetAt ?? programme.createdAt,
    firstDigest: await isFirstDigest(deps.db, programme, slot.weekStart),
  };
}

function lateNote(programme: Programme, slot: DigestSlot): string {
  return `<icon:hourglass> Posted late: this digest was due at ${formatDateTimeUk(slot.dueAt, programme.timezone)}, when the bot could not post it.`;
}

async function failed(error: unknown, target: ClaimedDigest, deps: ChatDeps): Promise<DigestOutcome> {
  const { programme, slot, claim } = target;
  const log = { programmeId: programme.id, weekStart: slot.weekStart, attempts: claim.run.attempts };
  const now = deps.clock.now();
  if (error instanceof ClaimLost) {
    deps.logger.warn(log, 'another replica took over the weekly digest while this one was posting');
    return { kind: 'failed', code: 'claim_lost', permanent: false };
  }
  if (error instanceof ChatError && error.permanent) {
    const channelId = programme.boardChannelId ?? '';
    const news = await markFailed(deps.db, claim.run, channelId, error.code, now);
    deps.logger.error(
      { ...log, error: error.code, channelId },
      'weekly digest could not be posted; the week stays unsent and is retried hourly',
    );
    if (news) {
      await tellAdminsDigestFailed(deps, {
        workspaceId: programme.workspaceId,
        programmeName: programme.name,
        weekStart: slot.weekStart,
        channelId,
        code: error.code,
      });
    }
    return { kind: 'failed', code: error.code, permanent: true };
  }
  const code = error instanceof ChatError ? error.code : 'internal_error';
  const retryAt = await markRetry(deps.db, claim.run, code, now);
  deps.logger.warn({ ...log, err: error, retryAt }, 'weekly digest not posted yet; it will be retried');
  return { kind: 'failed', code, permanent: false };
}
