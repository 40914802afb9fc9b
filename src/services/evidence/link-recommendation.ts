/**
 * `/improve recommendation link <ref> <workstream|action>`: records that a workstream, or one
 * action, addresses a recommendation. Admins link anything; a workstream's leads link their own
 * workstream and its actions, since they know which of their work answers which recommendation.
 */
import type { Action, Recommendation, Workstream } from '../../db/generated/sqlite/client.js';
import { formatActionRef, parseActionRef } from '../../domain/actions.js';
import { AppError } from '../../domain/errors.js';
import { toSafeText } from '../../domain/text.js';
import { audit } from '../audit.js';
import { requireLeadOrAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { findAction } from '../find-action.js';
import { findWorkstream } from '../find-workstream.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';
import { requireRecommendation } from './find-recommendation.js';

export interface LinkRecommendationInput {
  ref: string;
  /** A workstream (code, name or word) or an action reference. */
  target: string;
}

export interface LinkRecommendationResult {
  recommendation: Recommendation;
  workstream: Workstream;
  action: Action | null;
}

/** An action reference needs its 'A' (or '#') or is all digits; anything else names a workstream. */
const looksLikeAction = (target: string) => /^(a-?|#)?\d+$/i.test(target.trim());

export async function linkRecommendation(
  input: LinkRecommendationInput,
  deps: Deps,
  actor: Actor,
): Promise<LinkRecommendationResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const recommendation = await requireRecommendation(tx, programme, input.ref);
    const scope = { recommendationId: recommendation.id, workspaceId: actor.workspaceId };
    const already = (what: string) =>
      new AppError(
        'conflict',
        `${toSafeText(recommendation.ref)} is already linked to ${what}; nothing was changed.`,
      );
    if (looksLikeAction(input.target) && parseActionRef(input.target) !== null) {
      const action = await findAction(tx, programme, input.target);
      const workstream = await tx.workstream.findFirstOrThrow({
        where: { id: action.workstreamId, workspaceId: actor.workspaceId },
      });
      await requireLeadOrAdmin(
        tx,
        me,
        workstream,
        `link ${formatActionRef(action.number)} to a recommendation`,
      );
      const ref = formatActionRef(action.number);
      if (await tx.recommendationAction.findFirst({ where: { ...scope, actionId: action.id } }))
        throw already(ref);
      await tx.recommendationAction.create({ data: { ...scope, actionId: action.id } });
      await record(deps, actor, recommendation, { action: ref });
      return { recommendation, workstream, action };
    }
    const workstream = await findWorkstream(tx, programme.id, input.target);
    await requireLeadOrAdmin(tx, me, workstream, `link ${workstream.code} to a recommendation`);
    if (await tx.recommendationWorkstream.findFirst({ where: { ...scope, workstreamId: workstream.id } }))
      throw already(workstream.code);
    await tx.recommendationWorkstream.create({ data: { ...scope, workstreamId: workstream.id } });
    await record(deps, actor, recommendation, { workstream: workstream.code });
    return { recommendation, workstream, action: null };

    async function record(d: Deps, a: Actor, r: Recommendation, linked: Record<string, string>) {
      await audit(tx, {
        at: d.clock.now(),
        workspaceId: a.workspaceId,
        actor: a.userId,
        action: 'recommendation.link',
        entity: 'recommendation',
        entityId: r.id,
        after: { ref: r.ref, ...linked },
      });
    }
  });
}
