/** `/improve workstream add <code> <name> lead @user [@user…] [friend @user]` (admins). */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { toSafeText } from '../src/domain/text.js';
import { addWorkstream } from '../src/services/add-workstream.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

/** 1 to 8 letters and digits, perhaps with one dash inside: WS1, WS-2, P12, FD, SEND. */
export const WORKSTREAM_CODE = /^(?=(?:[A-Za-z0-9]-?){1,8}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?$/;

const input = z.object({
  code: z
    .string()
    .regex(
      WORKSTREAM_CODE,
      'The code should be 1 to 8 letters and digits, with one dash if you like: WS1, WS-2, FD or SEND.',
    ),
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
    'workstream add FD "Front Door" lead @alex',
  ],
  parse(args) {
    const code = args.word('a short code such as WS1 or FD');
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
    const leads = value.leadUserIds.map((id) => `<person:${id}>`).join(', ');
    const friend = value.criticalFriendUserId
      ? `, critical friend <person:${value.criticalFriendUserId}>`
      : '';
    return ephemeral(
      `<icon:done> Added *${ws.code} ${toSafeText(ws.name)}*, led by ${leads}${friend}. Its RAG is Not started until its lead sets it.`,
    );
  },
};
