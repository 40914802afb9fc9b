/**
 * The update an author may still correct or withdraw: their latest one, within 30 minutes of
 * posting. After that the board may already have read it, so a correction is a new update.
 */
import type { Tx } from '../db/client.js';
import type { Person, Programme, RagChange, Update, Workstream } from '../db/generated/sqlite/client.js';
import { formatDateTimeUk } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';

export const EDIT_WINDOW_MINUTES = 30;

export type OwnUpdate = Update & { workstream: Workstream };

/** The author's latest update, or an AppError saying why it can no longer be `verb`ed ('edit', 'withdraw'). */
export async function latestOwnUpdate(
  tx: Tx,
  me: Person,
  programme: Programme,
  now: Date,
  verb: 'edit' | 'withdraw',
): Promise<OwnUpdate> {
  const update = await tx.update.findFirst({
    where: { workspaceId: me.workspaceId, programmeId: programme.id, authorId: me.id },
    include: { workstream: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  if (!update)
    throw new AppError(
      'not_found',
      `You have no update to ${verb}. Only the author of an update can ${verb} it, within ${EDIT_WINDOW_MINUTES} minutes of posting.`,
    );
  const posted = formatDateTimeUk(update.createdAt, programme.timezone);
  const code = update.workstream.code;
  if (update.withdrawnAt) {
    throw new AppError(
      'conflict',
      `Your latest update (${code}, posted ${posted}) has already been withdrawn. To say something new, post a new update.`,
      {
        example: `/improve update ${code} <your update>`,
      },
    );
  }
  const ageMinutes = (now.getTime() - update.createdAt.getTime()) / 60_000;
  if (ageMinutes > EDIT_WINDOW_MINUTES) {
    throw new AppError(
      'stale',
      `Your latest update (${code}, posted ${posted}) is more than ${EDIT_WINDOW_MINUTES} minutes old, so it can no longer be ${verb === 'edit' ? 'edited' : 'withdrawn'}: the board may already have read it. Please post a correction as a new update instead.`,
      {
        example: `/improve update ${code} Correction to my earlier update: …`,
      },
    );
  }
  return update;
}

/** The RAG change posted with an update (same author and workstream, at the same moment), if any. */
export async function ragChangeOf(tx: Tx, update: Update): Promise<RagChange | null> {
  if (!update.rag) return null;
  const earliest = new Date(update.createdAt.getTime() - 60_000);
  return tx.ragChange.findFirst({
    where: {
      workspaceId: update.workspaceId,
      workstreamId: update.workstreamId,
      authorId: update.authorId,
      projectId: update.projectId,
      toRag: update.rag,
      createdAt: { gte: earliest, lte: update.createdAt },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}
