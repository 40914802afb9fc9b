/**
 * A pack is produced once per chat request (board pack and pre-visit pack alike). The request key
 * is claimed (ProcessedRequest) and a PackRequest row written in the transaction that stores the
 * pack, so a retried request (the same Slack trigger id or Teams activity id) finds the first
 * attempt's pack instead of producing a second one. Sharing the files is guarded by a short lease:
 * while the first attempt is uploading, a retry only says the pack is on its way; once the lease
 * has passed with nothing shared (the process died between storing and sharing, or the upload
 * failed), the first retry to take the lease over shares the stored pack, so the person still gets it.
 */
import type { Tx } from '../../db/client.js';
import type { PackRequest } from '../../db/generated/sqlite/client.js';
import type { Actor, Deps } from '../deps.js';
import { claimRequest } from '../transaction.js';

export type PackKind = 'board_pack' | 'visit_pack';

/** Long enough to render and upload a large pack; a crashed attempt's files are shared by a retry after it. */
export const SHARE_LEASE_MS = 2 * 60_000;

/** What became of an earlier attempt at the same request. */
export type EarlierState = 'shared' | 'sharing' | 'unshared';

export function earlierState(row: PackRequest, now: Date): EarlierState {
  if (row.sharedAt) return 'shared';
  return row.shareUntil > now ? 'sharing' : 'unshared';
}

/** The earlier attempt at this request, if there was one (none without a request key). */
export async function earlierPackRequest(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  kind: PackKind,
): Promise<PackRequest | null> {
  if (!actor.requestKey) return null;
  const row = await deps.db.packRequest.findUnique({
    where: { workspaceId_key: { workspaceId: actor.workspaceId, key: actor.requestKey } },
  });
  return row?.kind === kind ? row : null;
}

/**
 * Claims the request key, first thing in the transaction that stores the pack: a retry racing the
 * first attempt waits on the key, then throws AppError('duplicate_request'), having stored nothing.
 */
export async function claimPackRequest(tx: Tx, actor: Actor, now: Date): Promise<void> {
  if (actor.requestKey) await claimRequest(tx, actor.workspaceId, actor.requestKey, now);
}

/**
 * Records what the claimed request produced, in the same transaction, for a retry to find; returns
 * the sharing lease it holds (sharePackOnce's `lease`), or undefined without a request key.
 */
export async function recordPackRequest(
  tx: Tx,
  actor: Actor,
  pack: { kind: PackKind; boardPackId?: number; visitPack?: string; format?: string },
  now: Date,
): Promise<Date | undefined> {
  const key = actor.requestKey;
  if (!key) return undefined;
  const shareUntil = new Date(now.getTime() + SHARE_LEASE_MS);
  await tx.packRequest.create({
    data: { workspaceId: actor.workspaceId, key, ...pack, shareUntil, createdAt: now },
  });
  return shareUntil;
}

/**
 * Takes over sharing an earlier attempt's pack whose lease has passed unshared: a compare-and-set,
 * so of two retries at once only one shares. Null when someone else shares it or it is shared.
 */
export async function takeOverSharing(
  deps: Pick<Deps, 'db' | 'clock'>,
  row: PackRequest,
): Promise<PackRequest | null> {
  const now = deps.clock.now();
  if (earlierState(row, now) !== 'unshared') return null;
  const shareUntil = new Date(now.getTime() + SHARE_LEASE_MS);
  const taken = await deps.db.packRequest.updateMany({
    where: {
      workspaceId: row.workspaceId,
      key: row.key,
      sharedAt: null,
      shareUntil: row.shareUntil,
    },
    data: { shareUntil },
  });
  return taken.count === 1 ? { ...row, shareUntil } : null;
}

/**
 * Shares the files once: `upload` runs, then the request is marked shared. `lease` is the sharing
 * lease this attempt holds (from recordPackRequest or takeOverSharing): it is renewed just before
 * the upload, and if it has meanwhile passed to a retry (this attempt was slower than the lease),
 * nothing is uploaded and false is returned: the retry shares the pack. A failed upload ends the
 * lease at once (if still this attempt's), so a retry of the same request may share it straight away.
 */
export async function sharePackOnce(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  lease: Date | undefined,
  upload: () => Promise<void>,
): Promise<boolean> {
  const where = actor.requestKey
    ? { workspaceId_key: { workspaceId: actor.workspaceId, key: actor.requestKey } }
    : undefined;
  let held = lease;
  if (where && lease) {
    held = new Date(deps.clock.now().getTime() + SHARE_LEASE_MS);
    const renewed = await deps.db.packRequest.updateMany({
      where: { ...where.workspaceId_key, sharedAt: null, shareUntil: lease },
      data: { shareUntil: held },
    });
    if (renewed.count === 0) return false;
  }
  try {
    await upload();
  } catch (error) {
    if (where && held)
      await deps.db.packRequest
        .updateMany({
          where: { ...where.workspaceId_key, sharedAt: null, shareUntil: held },
          data: { shareUntil: deps.clock.now() },
        })
        .catch(() => undefined);
    throw error;
  }
  // The pre-visit pack's copy of what it showed is dropped once shared: it was kept only for a
  // retry to share, and a copy of updates' text outside their rows would escape a later redaction.
  if (where)
    await deps.db.packRequest.update({ where, data: { sharedAt: deps.clock.now(), visitPack: null } });
  return true;
}
