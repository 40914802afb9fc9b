/**
 * `/improve update edit <new text>`: the author corrects their latest update within 30 minutes.
 * The text as first posted stays in Update.originalText, and every edit is audited before/after.
 * A RAG change posted with the update keeps its original reason: RAG history is append-only.
 */
import type { Project, RagChange } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import { audit } from './audit.js';
import type { Actor, Deps } from './deps.js';
import { guardText } from './guard-text.js';
import { latestOwnUpdate, type OwnUpdate, ragChangeOf } from './latest-update.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export interface ChangedUpdate {
  update: OwnUpdate;
  ragChange: RagChange | null;
  /** The project the update is about, so the edited message keeps saying so. */
  project?: Project | null;
}

export async function editUpdate(input: { text: string }, deps: Deps, actor: Actor): Promise<ChangedUpdate> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const now = deps.clock.now();
    const current = await latestOwnUpdate(tx, me, programme, now, 'edit');
    if (input.text.trim().length === 0)
      throw new AppError('bad_input', 'Give the corrected text of your update.');
    const text = await guardText(tx, actor.workspaceId, input.text, 'update', now);
    if (text === current.text)
      throw new AppError('bad_input', 'That is the text the update already has: nothing to change.');
    const edited = await tx.update.update({
      where: { id: current.id },
      data: { text, originalText: current.originalText ?? current.text, editedAt: now },
    });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'update.edit',
      entity: 'update',
      entityId: current.id,
      before: { text: current.text, editedAt: current.editedAt },
      after: { text, editedAt: now },
    });
    return {
      update: { ...edited, workstream: current.workstream },
      ragChange: await ragChangeOf(tx, current),
      project: current.projectId ? await tx.project.findUnique({ where: { id: current.projectId } }) : null,
    };
  });
}
