/**
 * `/improve action done <ref> [evidence note]` and the reminders' Done button: the owner, a lead of
 * the workstream or an admin marks an open action done, with an optional note of the evidence.
 * It then awaits a lead's verification.
 */
import { formatActionRef } from '../domain/actions.js';
import { recordActionEvent } from './action-events.js';
import { requireOwnerLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { type ActionInContext, loadAction, requireStatus, updateActionIfUnchanged } from './find-action.js';
import { guardText } from './guard-text.js';
import { inTransaction } from './transaction.js';

export interface CompleteActionInput {
  /** 'A-12', 'a12', '12', or the number itself. */
  ref: string | number;
  evidence?: string;
}

export async function completeAction(
  input: CompleteActionInput,
  deps: Deps,
  actor: Actor,
): Promise<ActionInContext> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, workstream, programme } = found;
    await requireOwnerLeadOrAdmin(tx, me, action, workstream, `mark ${formatActionRef(action.number)} done`);
    requireStatus(action, ['open'], programme.timezone);
    const raw = input.evidence?.trim();
    const evidence = raw
      ? await guardText(tx, actor.workspaceId, raw, 'evidence note', deps.clock.now())
      : null;
    const now = deps.clock.now();
    const updated = await updateActionIfUnchanged(tx, action, {
      status: 'done',
      completedAt: now,
      evidenceNote: evidence,
    });
    await recordActionEvent(tx, me, action, updated, { kind: 'done', at: now, note: evidence });
    return { ...found, action: updated };
  });
}
