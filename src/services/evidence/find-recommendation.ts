/** Finding a recommendation by the reference people type ('R1', 'pa-3'). */
import type { Tx } from '../../db/client.js';
import type { Programme, Recommendation } from '../../db/generated/sqlite/client.js';
import { AppError } from '../../domain/errors.js';
import { refKey } from '../../domain/recommendation.js';
import { toSafeText } from '../../domain/text.js';

/** The recommendation `ref` names in this programme, or a polite not_found AppError. */
export async function findRecommendation(
  tx: Tx,
  programme: Pick<Programme, 'id' | 'workspaceId'>,
  ref: string,
): Promise<Recommendation | null> {
  const all = await tx.recommendation.findMany({
    where: { programmeId: programme.id, workspaceId: programme.workspaceId },
  });
  return all.find((r) => refKey(r.ref) === refKey(ref)) ?? null;
}

export async function requireRecommendation(
  tx: Tx,
  programme: Pick<Programme, 'id' | 'workspaceId'>,
  ref: string,
): Promise<Recommendation> {
  const found = await findRecommendation(tx, programme, ref);
  if (found) return found;
  throw new AppError(
    'not_found',
    `There is no recommendation “${toSafeText(ref)}”. \`/improve recommendation list\` shows them all.`,
  );
}
