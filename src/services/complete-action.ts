/**
 * `/improve action done <ref> [evidence note]` and the reminders' Done button: the owner, a lead of
 * the workstream or an admin marks an open action done, with an optional note of the evidence.
 * It then awaits a lead's verification. The programme may require the evidence note
 * (`settings evidence-on-done on`); a done action with no evidence gets it the same way, later.
 */
import { formatActionRef } from '../domain/actions.js';
import { AppError } from '../domain/errors.js';
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
  /** The slash command as typed ('/improve'), for the refusal's example. */
  command?: string;
}

/** Why a completion without evidence is refused, and how to give it. */
function evidenceNeeded(ref: string, addingEvidence: boolean, command = '/improve'): string {
  const how = `\`${command} action done ${ref} <evidence>\`, such as \`${command} action done ${ref} Induction pack issued, see SharePoint\``;
  return addingEvidence
    ? `${ref} is done but has no evidence yet. Add it with ${how}: what shows it is done, a document’s name or link, never anyone’s personal details.`
    : `This programme needs the evidence when an action is marked done, so ${ref} is still open. Say what shows it is done with ${how}: a document’s name or link, never anyone’s personal details.`;
}

export async function completeAction(
  input: CompleteActionInput,
  deps: Deps,
  actor: Actor,
): Promise<ActionInContext> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, workstream, programme } = found;
    const ref = formatActionRef(action.number);
    await requireOwnerLeadOrAdmin(tx, me, action, workstream, `mark ${ref} done`);
    const addingEvidence = action.status === 'done' && !action.evidenceNote;
    if (!addingEvidence) requireStatus(action, ['open'], programme.timezone);
    const raw = input.evidence?.trim();
    if (!raw && (addingEvidence || programme.evidenceOnDone))
      throw new AppError('bad_input', evidenceNeeded(ref, addingEvidence, input.command));
    const evidence = raw
      ? await guardText(tx, actor.workspaceId, raw, 'evidence note', deps.clock.now())
      : null;
    const now = deps.clock.now();
    if (addingEvidence) {
      const updated = await updateActionIfUnchanged(tx, action, { evidenceNote: evidence });
      await recordActionEvent(tx, me, action, updated, { kind: 'evidence', at: now, note: evidence });
      return { ...found, action: updated };
    }
    const updated = await updateActionIfUnchanged(tx, action, {
      status: 'done',
      completedAt: now,
      evidenceNote: evidence,
    });
    await recordActionEvent(tx, me, action, updated, { kind: 'done', at: now, note: evidence });
    return { ...found, action: updated };
  });
}
