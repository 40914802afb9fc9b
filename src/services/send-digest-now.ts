/**
 * `/improve digest send`: an admin posts this week's digest now (local mode's "Send digest now"
 * button does the same through postDigestNow). If the week has not been posted, this becomes the
 * week's digest (claimed like the scheduled one, so the schedule will not post it again), whatever
 * the time and whenever the programme was set up. If it has, an extra copy is posted, marked as
 * sent on request, so the board can see later changes; it never counts as, or replaces, the
 * week's digest.
 */
import type { Posted } from '../chat/chat.js';
import { ChatError } from '../chat/chat.js';
import type { Programme } from '../db/generated/sqlite/client.js';
import { claimRun } from '../digest/claim.js';
import { DIGEST_EXTRA_EVENT, postMain, postMissingParts } from '../digest/post-parts.js';
import { renderDigest } from '../digest/render-digest.js';
import { type DigestSlot, digestSlot } from '../digest/schedule.js';
import { formatDateTimeUk } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { audit } from './audit.js';
import { requireAdmin } from './authorise.js';
import { buildDigest } from './build-digest.js';
import type { Actor, ChatDeps } from './deps.js';
import { type DigestOutcome, postWeeklyDigest } from './post-weekly-digest.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export type SendDigestResult =
  | (DigestOutcome & { extra: false })
  | {
      kind: 'posted';
      channelId: string;
      messageId: string;
      late: false;
      extra: true;
      weekPostedAt: Date | null;
    }
  | { kind: 'busy'; extra: false };

/** Who asked for the digest: their id in claims and the audit log, and how the digest names them. */
export interface DigestRequester {
  id: string;
  /** Completes 'Sent on request …', e.g. 'by <person:U123>' or 'from the local page'. */
  by: string;
}

export async function sendDigestNow(deps: ChatDeps, actor: Actor): Promise<SendDigestResult> {
  const programme = await inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'send the weekly digest');
    // Refused inside the transaction, so a refusal leaves nothing behind (not even the request's claim).
    return requireBoardChannel(await loadProgramme(tx, actor));
  });
  return postDigestNow(deps, programme, { id: actor.userId, by: `by <person:${actor.userId}>` });
}

/**
 * Posts this week's digest of `programme` now, or an extra copy when the week's has gone.
 * Authorises nothing: callers do (an admin's command, or local mode's page on this machine).
 */
export async function postDigestNow(
  deps: ChatDeps,
  programme: Programme,
  requester: DigestRequester,
): Promise<SendDigestResult> {
  requireBoardChannel(programme);
  const now = deps.clock.now();
  const slot = digestSlot(programme, now);
  const note = `<icon:info> Sent on request ${requester.by}.`;
  const key = { workspaceId: programme.workspaceId, programmeId: programme.id, weekStart: slot.weekStart };
  // A failed week (bot not in the channel) is retried at once: the admin has probably just fixed it.
  const claim = await claimRun(
    deps.db,
    key,
    `on-request:${requester.id}`,
    now,
    (run) => run.status === 'failed' || run.leaseUntil <= now,
  );
  if (claim)
    return { ...(await postWeeklyDigest({ programme, slot, claim, notes: [note] }, deps)), extra: false };
  const run = await deps.db.digestRun.findFirst({ where: key });
  if (run?.status !== 'posted') return { kind: 'busy', extra: false };
  return postExtra(programme, slot, run.postedAt, deps, requester);
}

function requireBoardChannel(programme: Programme): Programme {
  if (programme.boardChannelId) return programme;
  throw new AppError(
    'not_set_up',
    'The programme has no board channel yet, so there is nowhere to send the digest.',
    { example: '/improve setup #improvement-board' },
  );
}

async function postExtra(
  programme: Programme,
  slot: DigestSlot,
  weekPostedAt: Date | null,
  deps: ChatDeps,
  requester: DigestRequester,
): Promise<SendDigestResult> {
  const when = weekPostedAt ? ` posted ${formatDateTimeUk(weekPostedAt, programme.timezone)}` : '';
  const note = `<icon:info> Sent on request ${requester.by}: an update to this week's digest${when}.`;
  const message = renderDigest(
    await buildDigest({ workspaceId: programme.workspaceId, programmeId: programme.id }, deps),
    { notes: [note], limits: deps.chat.limits },
  );
  const channelId = programme.boardChannelId ?? '';
  const ref = { programmeId: programme.id, weekStart: slot.weekStart };
  let main: Posted;
  try {
    main = await postMain(deps.chat, channelId, message, {
      eventType: DIGEST_EXTRA_EVENT,
      payload: { ...ref, requestedBy: requester.id },
    });
    await postMissingParts(deps.chat, main, message, ref, false, `${DIGEST_EXTRA_EVENT}_part`);
  } catch (error) {
    if (!(error instanceof ChatError)) throw error;
    return { kind: 'failed', code: error.code, permanent: error.permanent, extra: false };
  }
  await deps.db.$transaction((tx) =>
    audit(tx, {
      at: deps.clock.now(),
      workspaceId: programme.workspaceId,
      actor: requester.id,
      action: 'digest.send_extra',
      entity: 'programme',
      entityId: programme.id,
      after: { weekStart: slot.weekStart, channelId, messageId: main.messageId },
    }),
  );
  return { kind: 'posted', channelId, messageId: main.messageId, late: false, extra: true, weekPostedAt };
}
