/** `/improve workstream add <code> <name> lead @user [@user…] [friend @user]` (admins). */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { toSafeMrkdwn } from '../src/domain/text.js';
import { addWorkstream } from '../src/services/add-workstream.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({
  code: z.string().regex(/^[A-Za-z]{1,6}-?\d{1,3}[a-z]?$/, 'The code should be short, like WS1 or P12.'),
  name: z.string().min(3, 'Give the workstream a name.').max(120, 'The name can be up to 120 characters.'),
  leadUserIds: z.array(z.string()).min(1, 'Name at least one lead with “lead @name”.'),
  criticalFriendUserId: z.string().optional(),
});

export const workstreamAdd: Subcommand<z.infer<typeof input>> = {
  name: 'workstream add',
  aliases: ['ws add'],
  usage: 'workstream add <code> <name> lead @user [friend @user]',
  summary: 'Adds a workstream with its lead(s) and an optional critical friend (admins).',
  examples: [
    'workstream add WS1 "Support and Develop Our Workforce" lead @jo.bloggs',
    'workstream add WS4 Voice of the Child lead @sam friend @dr.patel',
  ],
  parse(args) {
    const code = args.word('a short code such as WS1');
    const nameWords: string[] = [];
    while (!args.done && args.peek()?.toLowerCase() !== 'lead') nameWords.push(args.word('the name'));
    if (args.done)
      throw new AppError('bad_input', 'Name the lead with “lead @name” after the workstream name.');
    args.word('lead');
    const leadUserIds = [args.user('the lead')];
    for (let id = args.optionalUser(); id; id = args.optionalUser()) leadUserIds.push(id);
    let criticalFriendUserId: string | undefined;
    if (args.optionalWord((w) => ['friend', 'critical-friend'].includes(w.toLowerCase())))
      criticalFriendUserId = args.user('the critical friend');
    if (!args.done) throw new AppError('bad_input', `I didn't understand “${args.rest()}” at the end.`);
    return { code, name: nameWords.join(' '), leadUserIds, criticalFriendUserId };
  },
  schema: input,
  async run(value, ctx) {
    const ws = await addWorkstream(value, ctx.deps, ctx.actor);
    const leads = value.leadUserIds.map((id) => `<@${id}>`).join(', ');
    const friend = value.criticalFriendUserId ? `, critical friend <@${value.criticalFriendUserId}>` : '';
    return ephemeral(
      `:white_check_mark: Added *${ws.code} ${toSafeMrkdwn(ws.name)}*, led by ${leads}${friend}. Its RAG is Not started until its lead sets it.`,
    );
  },
};
