/**
 * A visit, deadline or board meeting of the programme by its reference (`V-3`), for the commands
 * that act on one (cancel, move, done): a reference that is not one, or that names nothing, is
 * refused in the same words everywhere.
 */
import type { Tx } from '../db/client.js';
import type { Event } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import { eventRef, parseEventRef } from '../domain/event-kind.js';

export async function findVisit(
  tx: Tx,
  programme: { id: number; workspaceId: string },
  ref: string,
): Promise<Event> {
  const number = parseEventRef(ref);
  if (number === null)
    throw new AppError(
      'bad_input',
      `“${ref}” is not a visit reference. References look like V-3: see \`/improve visit list\`.`,
    );
  const event = await tx.event.findFirst({
    where: { programmeId: programme.id, workspaceId: programme.workspaceId, number },
  });
  if (!event)
    throw new AppError(
      'not_found',
      `There is no ${eventRef(number)}. See \`/improve visit list\` for the references.`,
    );
  return event;
}
