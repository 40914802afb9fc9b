/**
 * `/improve workstream close <ws> <reason>` (admins): the workstream is kept, with its history,
 * for board packs and the audit trail, but leaves the live digest, the status sheet and the
 * reminders, and takes no new updates or actions. It must have no open actions first: each is
 * completed, dropped with a reason or moved, so closing never silently loses an action.
 */
import type { Workstream } from '../../db/generated/sqlite/client.js';
import { formatActionRef } from '../../domain/actions.js';
import { AppError } from '../../domain/errors.js';
import { audit } from '../audit.js';
import { requireAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { findWorkstream } from '../find-workstream.js';
import { guardText } from '../guard-text.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';

export interface CloseWorkstreamInput {
  workstream: string;
  reason: string;
}

export async function closeWorkstream(
  input: CloseWorkstreamInput,
  deps: Deps,
  actor: Actor,
): Promise<Workstream> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'close workstreams');
    const programme = await loadProgramme(tx, actor);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    const reason = await guardText(tx, actor.workspaceId, input.reason, 'reason', deps.clock.now());
    const open = await tx.action.findMany({
      where: { workstreamId: workstream.id, workspaceId: actor.workspaceId, status: 'open' },
      orderBy: { number: 'asc' },
    });
    if (open.length > 0)
      throw new AppError(
        'conflict',
        `${workstream.code} still has ${open.length} open action${open.length === 1 ? '' : 's'} (${open.map((a) => formatActionRef(a.number)).join(', ')}). Complete, drop or reassign ${open.length === 1 ? 'it' : 'them'} first, so nothing is lost when it closes.`,
      );
    const closed = await tx.workstream.update({
      where: { id: workstream.id },
      data: { closedAt: deps.clock.now(), closedReason: reason },
    });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'workstream.close',
      entity: 'workstream',
      entityId: workstream.id,
      before: { closedAt: null, closedReason: null },
      after: { closedAt: closed.closedAt, closedReason: reason },
    });
    return closed;
  });
}
