/** `/improve visit cancel <ref>`: an admin cancels an event. It is kept (status cancelled), never deleted. */
import type { Event } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import { eventKindLabel, eventRef } from '../domain/event-kind.js';
import { audit } from './audit.js';
import { requireAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { findVisit } from './find-visit.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export interface CancelVisitInput {
  ref: string;
  reason?: string;
}

export async function cancelVisit(input: CancelVisitInput, deps: Deps, actor: Actor): Promise<Event> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'cancel visits, deadlines and board meetings');
    const programme = await loadProgramme(tx, actor);
    const event = await findVisit(tx, programme, input.ref);
    const { number } = event;
    if (event.status === 'cancelled')
      throw new AppError(
        'conflict',
        `${eventRef(number)} (${eventKindLabel(event.kind)}) is already cancelled.`,
      );
    const reason = input.reason?.trim()
      ? await guardText(tx, actor.workspaceId, input.reason, 'reason', deps.clock.now())
      : null;
    const cancelled = await tx.event.update({ where: { id: event.id }, data: { status: 'cancelled' } });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'event.cancel',
      entity: 'event',
      entityId: event.id,
      before: { status: event.status },
      after: { status: 'cancelled', reason },
    });
    return cancelled;
  });
}
