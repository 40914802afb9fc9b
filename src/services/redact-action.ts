/**
 * Removes an action's free text: its text, its evidence note and the notes in its history
 * (comments, reasons, not-mine notes). An admin removes them all; anyone else only what they
 * wrote themselves (the text if they added the action, a note if it was theirs).
 */
import { chunked } from '../db/chunked.js';
import type { Tx } from '../db/client.js';
import type { Action, ActionEvent, Person } from '../db/generated/sqlite/client.js';
import { formatActionRef } from '../domain/actions.js';
import { AppError } from '../domain/errors.js';
import { isMarker, textsToRemove } from '../domain/redaction.js';
import { isAdmin } from './authorise.js';
import { redactCopies, type UnreadableCopy } from './redaction-copies.js';

export interface RedactedAction {
  action: Action;
  /** What was removed, in the users' words: 'text', 'evidence note', '2 notes'. */
  parts: string[];
  copies: number;
  /** Copies that could not be read as JSON, searched as plain text (redaction-copies.ts). */
  unreadable: UnreadableCopy[];
}

const hasText = (text: string | null): text is string => !!text && text.trim() !== '' && !isMarker(text);

export async function redactAction(
  tx: Tx,
  me: Person,
  action: Action,
  marker: string,
): Promise<RedactedAction> {
  const ref = formatActionRef(action.number);
  const events = await tx.actionEvent.findMany({
    where: { actionId: action.id, workspaceId: me.workspaceId },
  });
  const mine = (personId: number) => isAdmin(me) || personId === me.id;
  const doneBy = events.filter((e) => e.kind === 'done').at(-1)?.personId;
  const text = hasText(action.text) && mine(action.createdById);
  const evidence = hasText(action.evidenceNote) && doneBy !== undefined && mine(doneBy);
  const notes = events.filter((e) => hasText(e.note) && mine(e.personId));
  if (!text && !evidence && notes.length === 0) throw nothingToRemove(me, action, events, ref);
  const texts = textsToRemove([
    text ? action.text : null,
    evidence ? action.evidenceNote : null,
    ...notes.map((e) => e.note),
  ]);
  const updated = await tx.action.update({
    where: { id: action.id },
    data: {
      ...(text ? { text: marker } : {}),
      ...(evidence ? { evidenceNote: marker } : {}),
      // A pending request's reason is a copy of its event's note: it goes with the note.
      ...(notes.some((e) => e.id === action.requestEventId) ? { requestedReason: marker } : {}),
    },
  });
  await chunked(
    notes.map((e) => e.id),
    async (ids) => [
      await tx.actionEvent.updateMany({
        where: { id: { in: ids }, workspaceId: me.workspaceId },
        data: { note: marker },
      }),
    ],
  );
  const { rewritten: copies, unreadable } = await redactCopies(tx, me.workspaceId, texts, marker);
  const parts = [
    ...(text ? ['text'] : []),
    ...(evidence ? ['evidence note'] : []),
    ...(notes.length > 0 ? [notes.length === 1 ? '1 note' : `${notes.length} notes`] : []),
  ];
  return { action: updated, parts, copies, unreadable };
}

/**
 * Already removed, or written by someone else: say which. "Already removed" only to an admin or a
 * writer of the action's texts, since it lets the chat layer change the action's post.
 */
function nothingToRemove(me: Person, action: Action, events: ActionEvent[], ref: string): AppError {
  const anyLeft = hasText(action.text) || hasText(action.evidenceNote) || events.some((e) => hasText(e.note));
  const wroteAny =
    action.createdById === me.id || events.some((e) => e.note !== null && e.personId === me.id);
  if (!anyLeft && (isAdmin(me) || wroteAny))
    return new AppError('conflict', `The texts of ${ref} have already been removed; nothing was changed.`);
  return new AppError(
    'forbidden',
    `Only an admin or the person who wrote a text of ${ref} can remove it, and none of its texts ${anyLeft ? 'left is yours' : 'was yours'}. Ask your programme manager.`,
  );
}
