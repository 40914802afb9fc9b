/** `/improve project rename <workstream>/<project> <new name>` (the workstream's lead or an admin). */
import { z } from 'zod';
import { toSafeText } from '../src/domain/text.js';
import { renameProject } from '../src/services/plan/rename-project.js';
import { readProject } from './project-close.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({
  workstream: z.string().min(1),
  project: z.string().min(1),
  name: z.string().min(1, 'Give the project its new name after the project.'),
});

export const projectRename: Subcommand<z.infer<typeof input>> = {
  name: 'project rename',
  aliases: ['projects rename'],
  usage: 'project rename <workstream>/<project> <new name>',
  summary: 'Renames a project (the workstream’s lead or an admin).',
  examples: ['project rename WS1/recruitment "Recruitment and retention"'],
  parse: (args) => ({ ...readProject(args), name: args.rest() }),
  schema: input,
  async run(value, ctx) {
    const { project, workstream, before } = await renameProject(value, ctx.deps, ctx.actor);
    return ephemeral(
      `<icon:done> Renamed ${workstream.code}/“${toSafeText(before)}” to *${toSafeText(project.name)}*.`,
    );
  },
};
