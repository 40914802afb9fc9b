/**
 * `/improve action drop <ref> <reason>`: a lead of the workstream or an admin drops an action that
 * is no longer needed. Nothing is deleted: the action stays, marked dropped, with the reason in its
 * history. A verified action is final and cannot be dropped.
 */
import { formatActionRef } from '../domain/actions.js';
import { requireReason } from './action-checks.js';
import { recordActionEvent } from './action-events.js';
import { requireLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { type ActionInContext, loadAction, requireStatus, updateActionIfUnchanged } from './find-action.js';
import { guardText } from './guard-text.js';
import { inTransaction } from './transaction.js';

export interface DropActionInput {
  ref: string | number;
  reason: string;
}

export async function dropAction(input: DropActionInput, deps: Deps, actor: Actor): Promise<ActionInContext> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, workstream, programme } = found;
    const ref = formatActionRef(action.number);
    await requireLeadOrAdmin(tx, me, workstream, `drop actions of ${workstream.code}`);
    requireStatus(action, ['open', 'done'], programme.timezone);
    const example = `/improve action drop ${ref} Superseded by the new recruitment plan`;
    const reason = requireReason(
      input.reason,
      `Dropping ${ref} needs a reason, so the history shows why it was not done.`,
      example,
    );
    const note = await guardText(tx, actor.workspaceId, reason, 'reason', deps.clock.now());
    const now = deps.clock.now();
    const updated = await updateActionIfUnchanged(tx, action, { status: 'dropped' });
    await recordActionEvent(tx, me, action, updated, { kind: 'dropped', at: now, note });
    return { ...found, action: updated };
  });
}
