/** `/improve project rename <ws>/<project> <new name>`: the workstream's lead or an admin. */
import type { Project, Workstream } from '../../db/generated/sqlite/client.js';
import { AppError } from '../../domain/errors.js';
import { MAX_PROJECT_NAME } from '../add-project.js';
import { audit } from '../audit.js';
import { requireLeadOrAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { findProject, findWorkstream } from '../find-workstream.js';
import { guardText } from '../guard-text.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';

export interface RenameProjectInput {
  workstream: string;
  project: string;
  name: string;
}

export async function renameProject(
  input: RenameProjectInput,
  deps: Deps,
  actor: Actor,
): Promise<{ project: Project; workstream: Workstream; before: string }> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    const project = await findProject(tx, workstream, input.project);
    await requireLeadOrAdmin(tx, me, workstream, `rename projects of ${workstream.code}`);
    const name = await guardText(tx, actor.workspaceId, input.name, 'project name', deps.clock.now());
    if (name.length < 2) throw new AppError('bad_input', 'Give the project its new name.');
    if (name.length > MAX_PROJECT_NAME)
      throw new AppError('bad_input', `The project name can be up to ${MAX_PROJECT_NAME} characters.`);
    const others = await tx.project.findMany({
      where: { workstreamId: workstream.id, workspaceId: actor.workspaceId, id: { not: project.id } },
      select: { name: true },
    });
    const clash = others.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (clash)
      throw new AppError('conflict', `${workstream.code} already has a project called “${clash.name}”.`);
    const renamed = await tx.project.update({ where: { id: project.id }, data: { name } });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'project.rename',
      entity: 'project',
      entityId: project.id,
      before: { name: project.name },
      after: { name },
    });
    return { project: renamed, workstream, before: project.name };
  });
}
