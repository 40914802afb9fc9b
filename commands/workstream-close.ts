/** `/improve workstream close <workstream> <reason>` (admins): kept in the history, out of the live digest. */
import { z } from 'zod';
import { toSafeText } from '../src/domain/text.js';
import { closeWorkstream } from '../src/services/plan/close-workstream.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({
  workstream: z.string().min(1),
  reason: z
    .string()
    .min(3, 'Say why the workstream is closing: the board will ask.')
    .max(500, 'The reason can be up to 500 characters.'),
});

export const workstreamClose: Subcommand<z.infer<typeof input>> = {
  name: 'workstream close',
  aliases: ['ws close', 'workstream archive'],
  usage: 'workstream close <workstream> <reason>',
  summary:
    'Closes a workstream with no open actions (admins): kept in the history, out of the live digest, status and reminders.',
  examples: ['workstream close WS4 Merged into WS2 after the March board'],
  parse: (args) => ({
    workstream: args.word('a workstream (its code such as WS1, or its name)'),
    reason: args.rest(),
  }),
  schema: input,
  async run(value, ctx) {
    const workstream = await closeWorkstream(value, ctx.deps, ctx.actor);
    return ephemeral(
      `<icon:done> Closed *${workstream.code} ${toSafeText(workstream.name)}*. *Reason:* ${toSafeText(workstream.closedReason ?? '')}\nIts history stays on record; it no longer shows in the digest, \`${ctx.command} status\` or reminders.`,
    );
  },
};
