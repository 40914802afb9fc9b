/**
 * `/improve action reassign <ref> @user [note]`: a lead of the workstream or an admin gives an open
 * action to a new owner. Button handlers (e.g. a lead answering a "Not mine") call it the same way.
 */
import type { Person } from '../db/generated/sqlite/client.js';
import { formatActionRef } from '../domain/actions.js';
import { AppError } from '../domain/errors.js';
import { recordActionEvent } from './action-events.js';
import { requireLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { type ActionInContext, loadAction, requireStatus, updateActionIfUnchanged } from './find-action.js';
import { guardText } from './guard-text.js';
import { inTransaction, personByPlatformId } from './transaction.js';

export interface ReassignActionInput {
  ref: string | number;
  /** Slack user id of the new owner. */
  ownerUserId: string;
  note?: string;
}

export interface ReassignActionResult extends ActionInContext {
  previousOwner: Person;
}

export async function reassignAction(
  input: ReassignActionInput,
  deps: Deps,
  actor: Actor,
): Promise<ReassignActionResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, workstream, programme, owner: previousOwner } = found;
    const ref = formatActionRef(action.number);
    await requireLeadOrAdmin(tx, me, workstream, `reassign actions of ${workstream.code}`);
    requireStatus(action, ['open'], programme.timezone);
    if (previousOwner.platformUserId === input.ownerUserId)
      throw new AppError('stale', `<person:${input.ownerUserId}> already owns ${ref}; nothing was changed.`);
    const raw = input.note?.trim();
    const note = raw ? await guardText(tx, actor.workspaceId, raw, 'note', deps.clock.now()) : null;
    const owner = await personByPlatformId(tx, actor.workspaceId, input.ownerUserId, deps.clock.now());
    const now = deps.clock.now();
    const updated = await updateActionIfUnchanged(tx, action, { ownerId: owner.id });
    await recordActionEvent(tx, me, action, updated, {
      kind: 'reassigned',
      at: now,
      note,
      fromOwnerId: previousOwner.id,
      toOwnerId: owner.id,
    });
    return { ...found, action: updated, owner, previousOwner };
  });
}
