/** `/improve project close <workstream>/<project> <reason>` (the workstream's lead or an admin). */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { toSafeText } from '../src/domain/text.js';
import { closeProject } from '../src/services/plan/close-project.js';
import type { Args } from './args.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({
  workstream: z.string().min(1),
  project: z.string().min(1),
  reason: z
    .string()
    .min(3, 'Say why the project is closing: the board will ask.')
    .max(500, 'The reason can be up to 500 characters.'),
});

/** `WS2/recruitment`: a project is always named after its workstream and a slash. */
export function readProject(args: Args): { workstream: string; project: string } {
  const target = args.target('the project, after its workstream and a slash, such as WS1/recruitment');
  if (!target.project)
    throw new AppError(
      'bad_input',
      `Name the project after its workstream and a slash, such as ${target.workstream}/recruitment.`,
    );
  return { workstream: target.workstream, project: target.project };
}

export const projectClose: Subcommand<z.infer<typeof input>> = {
  name: 'project close',
  aliases: ['projects close'],
  usage: 'project close <workstream>/<project> <reason>',
  summary:
    'Closes a project with no open actions (the workstream’s lead or an admin): kept in the history, out of the digest and status.',
  examples: ['project close WS1/recruitment Delivered: all posts filled'],
  parse: (args) => ({ ...readProject(args), reason: args.rest() }),
  schema: input,
  async run(value, ctx) {
    const { project, workstream } = await closeProject(value, ctx.deps, ctx.actor);
    return ephemeral(
      `<icon:done> Closed project *${workstream.code}/${toSafeText(project.name)}*. *Reason:* ${toSafeText(project.closedReason ?? '')}\nIts history stays on record; it no longer shows in the digest or \`${ctx.command} status\`.`,
    );
  },
};
