/** `/improve project add <workstream> <name>` (the workstream's lead or an admin). */
import { z } from 'zod';
import { toSafeText } from '../src/domain/text.js';
import { addProject } from '../src/services/add-project.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({
  workstream: z.string().min(1),
  name: z.string().min(1, 'Give the project a name after the workstream.'),
});

export const projectAdd: Subcommand<z.infer<typeof input>> = {
  name: 'project add',
  aliases: ['projects add'],
  usage: 'project add <workstream> <name>',
  summary: 'Adds a project to a workstream (its lead or an admin).',
  examples: [
    'project add WS1 Recruitment and retention',
    'project add workforce "Newly qualified social worker academy"',
  ],
  parse: (args) => ({
    workstream: args.word('a workstream (its code such as WS1, or its name)'),
    name: args.rest(),
  }),
  schema: input,
  async run(value, ctx) {
    const { project, workstream } = await addProject(value, ctx.deps, ctx.actor);
    const name = toSafeText(project.name);
    return ephemeral(
      `<icon:done> Added project *${name}* to *${workstream.code} ${toSafeText(workstream.name)}*. Its RAG is Not started: set it with \`${ctx.command} rag ${workstream.code}/${name.split(' ')[0]} amber &lt;reason&gt;\`.`,
    );
  },
};
