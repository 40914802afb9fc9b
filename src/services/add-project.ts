/** `/improve project add <workstream> <name>`: a workstream's lead or an admin adds a project to it. */
import type { Project, Workstream } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import { audit } from './audit.js';
import { requireLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { findWorkstream } from './find-workstream.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export interface AddProjectInput {
  workstream: string;
  name: string;
}

export const MAX_PROJECT_NAME = 120;

export async function addProject(
  input: AddProjectInput,
  deps: Deps,
  actor: Actor,
): Promise<{ project: Project; workstream: Workstream }> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    await requireLeadOrAdmin(tx, me, workstream, `add projects to ${workstream.code}`);
    const name = await guardText(tx, actor.workspaceId, input.name, 'project name', deps.clock.now());
    if (name.length < 2) throw new AppError('bad_input', 'Give the project a name.');
    if (name.length > MAX_PROJECT_NAME)
      throw new AppError('bad_input', `The project name can be up to ${MAX_PROJECT_NAME} characters.`);
    const existing = await tx.project.findMany({
      where: { workstreamId: workstream.id, workspaceId: actor.workspaceId },
      select: { name: true },
    });
    const clash = existing.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (clash)
      throw new AppError('conflict', `${workstream.code} already has a project called “${clash.name}”.`);
    const project = await tx.project.create({
      data: {
        workspaceId: actor.workspaceId,
        workstreamId: workstream.id,
        name,
        createdAt: deps.clock.now(),
      },
    });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'project.add',
      entity: 'project',
      entityId: project.id,
      after: project,
    });
    return { project, workstream };
  });
}
