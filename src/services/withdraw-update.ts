/**
 * `/improve update undo`: the author withdraws their latest update within 30 minutes. It is marked
 * withdrawn, never deleted. A RAG change posted with it stays: RAG history is append-only, and the
 * reply tells the author how to change the RAG back with a reason.
 */
import { audit } from './audit.js';
import type { Actor, Deps } from './deps.js';
import type { ChangedUpdate } from './edit-update.js';
import { latestOwnUpdate, ragChangeOf } from './latest-update.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export async function withdrawUpdate(deps: Deps, actor: Actor): Promise<ChangedUpdate> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const now = deps.clock.now();
    const current = await latestOwnUpdate(tx, me, programme, now, 'withdraw');
    await tx.update.update({ where: { id: current.id }, data: { withdrawnAt: now } });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'update.withdraw',
      entity: 'update',
      entityId: current.id,
      before: { text: current.text, withdrawnAt: null },
      after: { withdrawnAt: now },
    });
    return { update: { ...current, withdrawnAt: now }, ragChange: await ragChangeOf(tx, current) };
  });
}
