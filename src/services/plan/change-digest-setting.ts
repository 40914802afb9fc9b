/**
 * `/improve settings digest …`: an admin changes how the programme's weekly digest reads, the
 * exceptions-only digest and the silence threshold. Stored on the programme, so the next tick
 * of the digest and the silence nudges reads it without a restart. Audited with before and after.
 */
import type { Programme } from '../../db/generated/sqlite/client.js';
import { AppError } from '../../domain/errors.js';
import { audit } from '../audit.js';
import { requireAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';

/** The silence threshold's bounds: under 7 flags weekly updaters; over 90 flags nothing useful. */
export const SILENCE_DAYS_MIN = 7;
export const SILENCE_DAYS_MAX = 90;

export type DigestSetting = { exceptionsOnly: boolean } | { silenceDays: number };

export async function changeDigestSetting(
  change: DigestSetting,
  deps: Deps,
  actor: Actor,
): Promise<{ before: Programme; after: Programme }> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'change the digest settings');
    const before = await loadProgramme(tx, actor.workspaceId);
    const data =
      'exceptionsOnly' in change
        ? { digestExceptionsOnly: change.exceptionsOnly }
        : { silenceDays: checkedSilenceDays(change.silenceDays) };
    const after = await tx.programme.update({ where: { id: before.id }, data });
    const field = Object.keys(data)[0] as keyof typeof data;
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'settings.digest',
      entity: 'programme',
      entityId: before.id,
      before: { [field]: before[field] },
      after: { [field]: after[field] },
    });
    return { before, after };
  });
}

function checkedSilenceDays(days: number): number {
  if (!Number.isInteger(days) || days < SILENCE_DAYS_MIN || days > SILENCE_DAYS_MAX)
    throw new AppError(
      'bad_input',
      `The silence threshold is a whole number of days from ${SILENCE_DAYS_MIN} to ${SILENCE_DAYS_MAX}: under ${SILENCE_DAYS_MIN} would flag leads who update every week.`,
    );
  return days;
}
