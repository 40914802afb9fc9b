/**
 * A lead posts an update on a workstream; with a RAG word the update is also the reason for a
 * RAG change, recorded in the same transaction.
 */
import type { RagChange, Update, Workstream } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import type { Rag } from '../domain/rag.js';
import { audit } from './audit.js';
import { requireLeadOrAdmin } from './authorise.js';
import { applyRagChange } from './change-rag.js';
import type { Actor, Deps } from './deps.js';
import { findWorkstream } from './find-workstream.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export interface PostUpdateInput {
  workstream: string;
  rag?: Rag;
  text: string;
}

export interface PostUpdateResult {
  update: Update;
  workstream: Workstream;
  ragChange: RagChange | null;
}

export async function postUpdate(
  input: PostUpdateInput,
  deps: Deps,
  actor: Actor,
): Promise<PostUpdateResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor.workspaceId);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    await requireLeadOrAdmin(tx, me, workstream, `post updates on ${workstream.code}`);
    if (input.text.trim().length === 0) {
      throw new AppError('bad_input', `The update for ${workstream.code} is empty: say what has happened.`, {
        example: `/improve update ${workstream.code} 4 social workers started this week`,
      });
    }
    const text = await guardText(tx, actor.workspaceId, input.text, 'update', deps.clock.now());
    const ragChange = input.rag
      ? await applyRagChange(tx, deps, me, { workstream, project: null, rag: input.rag, reason: text })
      : null;
    const update = await tx.update.create({
      data: {
        workspaceId: actor.workspaceId,
        programmeId: programme.id,
        workstreamId: workstream.id,
        authorId: me.id,
        text,
        rag: input.rag ?? null,
        createdAt: deps.clock.now(),
      },
    });
    await audit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'update.post',
      entity: 'update',
      entityId: update.id,
      after: update,
    });
    return { update, workstream, ragChange };
  });
}

/** Remembers where the update was echoed, so edit and undo can change that message. */
export async function recordUpdateMessage(
  deps: Deps,
  workspaceId: string,
  updateId: number,
  channelId: string,
  messageTs: string,
): Promise<void> {
  // update, not updateMany: one statement, where updateMany costs a transaction around it.
  await deps.db.update.update({
    where: { id: updateId, workspaceId },
    data: { channelId, messageTs },
    select: { id: true },
  });
}
