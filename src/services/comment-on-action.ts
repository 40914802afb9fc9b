/**
 * An update on an action, from the reminders' Add update button: the owner (or a lead of the
 * workstream, or an admin) says where an open action has got to. It is kept in the action's
 * history (ActionEvent 'comment') and the audit log; the action itself is unchanged.
 */
import type { ActionEvent } from '../db/generated/sqlite/client.js';
import { formatActionRef } from '../domain/actions.js';
import { requireReason } from './action-checks.js';
import { recordActionEvent } from './action-events.js';
import { requireOwnerLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { type ActionInContext, loadAction, requireStatus } from './find-action.js';
import { guardText } from './guard-text.js';
import { inTransaction } from './transaction.js';

export interface CommentOnActionInput {
  ref: string | number;
  text: string;
}

export async function commentOnAction(
  input: CommentOnActionInput,
  deps: Deps,
  actor: Actor,
): Promise<ActionInContext & { event: ActionEvent }> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, workstream, programme } = found;
    const ref = formatActionRef(action.number);
    await requireOwnerLeadOrAdmin(tx, me, action, workstream, `add updates to ${ref}`);
    requireStatus(action, ['open'], programme.timezone);
    const raw = requireReason(
      input.text,
      `The update on ${ref} is empty: say where it has got to.`,
      `Interviews booked for 4 posts; offers expected by Friday`,
    );
    const note = await guardText(tx, actor.workspaceId, raw, 'update', deps.clock.now());
    const event = await recordActionEvent(tx, me, action, action, {
      kind: 'comment',
      at: deps.clock.now(),
      note,
    });
    return { ...found, event };
  });
}
