/**
 * `/improve action verify <ref> [note]`: a lead of the workstream or an admin signs off that the
 * evidence of a done action is there. Nobody verifies their own work: the owner and whoever marked
 * it done cannot verify it (admins included), so every verification is a second pair of eyes. Unless
 * the programme relaxes it (`settings evidence-for-verify off`), there must be evidence to sign off.
 */
import type { Tx } from '../db/client.js';
import type { Action, Person } from '../db/generated/sqlite/client.js';
import { formatActionRef } from '../domain/actions.js';
import { AppError } from '../domain/errors.js';
import { recordActionEvent } from './action-events.js';
import { requireLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { type ActionInContext, loadAction, requireStatus, updateActionIfUnchanged } from './find-action.js';
import { guardText } from './guard-text.js';
import { inTransaction } from './transaction.js';

export interface VerifyActionInput {
  ref: string | number;
  note?: string;
  /** The slash command as typed ('/improve'), for the refusal's example. */
  command?: string;
}

/** The refusal when there is nothing to sign off, saying how the evidence is added. */
function noEvidence(ref: string, command = '/improve'): string {
  return `${ref} has no evidence yet, so there is nothing to verify; nothing was changed. Its owner (or a lead) adds it with \`${command} action done ${ref} <evidence>\`: what shows it is done, such as a document’s name or link. An admin can let leads verify without evidence with \`${command} settings evidence-for-verify off\`.`;
}

export async function verifyAction(
  input: VerifyActionInput,
  deps: Deps,
  actor: Actor,
): Promise<ActionInContext> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, workstream, programme } = found;
    await requireLeadOrAdmin(tx, me, workstream, `verify actions of ${workstream.code}`);
    requireStatus(action, ['done'], programme.timezone);
    await refuseOwnWork(tx, me, action);
    const raw = input.note?.trim();
    const note = raw ? await guardText(tx, actor.workspaceId, raw, 'note', deps.clock.now()) : null;
    if (programme.evidenceForVerify && !action.evidenceNote?.trim())
      throw new AppError('conflict', noEvidence(formatActionRef(action.number), input.command));
    const now = deps.clock.now();
    const updated = await updateActionIfUnchanged(tx, action, { status: 'verified', verifiedAt: now });
    await recordActionEvent(tx, me, action, updated, { kind: 'verified', at: now, note });
    return { ...found, action: updated };
  });
}

async function refuseOwnWork(tx: Tx, me: Person, action: Action): Promise<void> {
  const completion = await tx.actionEvent.findFirst({
    where: { actionId: action.id, workspaceId: action.workspaceId, kind: 'done' },
    orderBy: { id: 'desc' },
  });
  const ref = formatActionRef(action.number);
  if (action.ownerId === me.id) {
    throw new AppError(
      'forbidden',
      `You own ${ref}, so someone else must verify it: another lead of the workstream or an admin.`,
    );
  }
  if (completion?.personId === me.id) {
    throw new AppError(
      'forbidden',
      `You marked ${ref} done, so someone else must verify it: another lead of the workstream or an admin.`,
    );
  }
}
