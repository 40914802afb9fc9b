/**
 * `/improve project close <ws>/<project> <reason>`: the workstream's lead or an admin. As with a
 * workstream, the project is kept for the history but leaves the live digest and status, and must
 * have no open actions first.
 */
import type { Project, Workstream } from '../../db/generated/sqlite/client.js';
import { formatActionRef } from '../../domain/actions.js';
import { AppError } from '../../domain/errors.js';
import { audit } from '../audit.js';
import { requireLeadOrAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { findProject, findWorkstream } from '../find-workstream.js';
import { guardText } from '../guard-text.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';

export interface CloseProjectInput {
  workstream: string;
  project: string;
  reason: string;
}

export async function closeProject(
  input: CloseProjectInput,
  deps: Deps,
  actor: Actor,
): Promise<{ project: Project; workstream: Workstream }> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    const project = await findProject(tx, workstream, input.project);
    await requireLeadOrAdmin(tx, me, workstream, `close projects of ${workstream.code}`);
    const reason = await guardText(tx, actor.workspaceId, input.reason, 'reason', deps.clock.now());
    const open = await tx.action.findMany({
      where: { projectId: project.id, workspaceId: actor.workspaceId, status: 'open' },
      orderBy: { number: 'asc' },
    });
    if (open.length > 0)
      throw new AppError(
        'conflict',
        `${workstream.code}/${project.name} still has ${open.length} open action${open.length === 1 ? '' : 's'} (${open.map((a) => formatActionRef(a.number)).join(', ')}). Complete, drop or reassign ${open.length === 1 ? 'it' : 'them'} first, so nothing is lost when it closes.`,
      );
    const closed = await tx.project.update({
      where: { id: project.id },
      data: { closedAt: deps.clock.now(), closedReason: reason },
    });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'project.close',
      entity: 'project',
      entityId: project.id,
      before: { closedAt: null, closedReason: null },
      after: { closedAt: closed.closedAt, closedReason: reason },
    });
    return { project: closed, workstream };
  });
}
