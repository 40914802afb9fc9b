/**
 * Removes an update's text: the text, the text as first posted, and the reason of the RAG change
 * posted with it (the same words), each replaced by the marker; the audit copies follow.
 */
import type { Tx } from '../db/client.js';
import type {
  Person,
  Programme,
  Project,
  RagChange,
  Update,
  Workstream,
} from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import { textsToRemove } from '../domain/redaction.js';
import { isAdmin } from './authorise.js';
import { ragChangeOf } from './latest-update.js';
import { redactCopies, type UnreadableCopy } from './redaction-copies.js';

export interface RedactedUpdate {
  update: Update;
  workstream: Workstream;
  project: Project | null;
  ragChange: RagChange | null;
  copies: number;
  /** Copies that could not be read as JSON, searched as plain text (redaction-copies.ts). */
  unreadable: UnreadableCopy[];
}

/** The update with this id in the workspace, or where it was echoed (channel and message id). */
export async function findUpdate(
  tx: Tx,
  programme: Programme,
  where: { id: number } | { channelId: string; messageId: string },
): Promise<Update | null> {
  const key = 'id' in where ? { id: where.id } : { channelId: where.channelId, messageId: where.messageId };
  return tx.update.findFirst({
    where: { ...key, workspaceId: programme.workspaceId, programmeId: programme.id },
  });
}

export async function redactUpdate(
  tx: Tx,
  me: Person,
  update: Update,
  marker: string,
): Promise<RedactedUpdate> {
  if (!isAdmin(me) && update.authorId !== me.id)
    throw new AppError(
      'forbidden',
      `Only an admin or the person who posted update ${update.id} can remove its text. Ask your programme manager.`,
    );
  const ragChange = await ragChangeOf(tx, update);
  const texts = textsToRemove([update.text, update.originalText, ragChange?.reason]);
  if (texts.size === 0)
    throw new AppError(
      'conflict',
      `The text of update ${update.id} has already been removed; nothing was changed.`,
    );
  const redacted = await tx.update.update({
    where: { id: update.id },
    data: { text: marker, ...(update.originalText !== null ? { originalText: marker } : {}) },
  });
  const change =
    ragChange && texts.has(ragChange.reason)
      ? await tx.ragChange.update({ where: { id: ragChange.id }, data: { reason: marker } })
      : ragChange;
  const workstream = await tx.workstream.findFirstOrThrow({
    where: { id: update.workstreamId, workspaceId: me.workspaceId },
  });
  const project = update.projectId
    ? await tx.project.findFirst({ where: { id: update.projectId, workspaceId: me.workspaceId } })
    : null;
  const { rewritten: copies, unreadable } = await redactCopies(tx, me.workspaceId, texts, marker);
  return { update: redacted, workstream, project, ragChange: change, copies, unreadable };
}
