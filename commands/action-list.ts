/** `/improve action list [mine|overdue|<workstream>|@user]`: to the user only, soonest due first. */
import { z } from 'zod';
import { listActions } from '../src/services/list-actions.js';
import { actionListReply } from './action-replies.js';
import { parseUserMention } from './args.js';
import type { Subcommand } from './types.js';

const input = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['all', 'mine', 'overdue']) }),
  z.object({ kind: z.literal('workstream'), query: z.string().min(1) }),
  z.object({ kind: z.literal('owner'), userId: z.string().min(1) }),
]);

const WORDS: Record<string, 'all' | 'mine' | 'overdue'> = {
  all: 'all',
  open: 'all',
  mine: 'mine',
  me: 'mine',
  my: 'mine',
  overdue: 'overdue',
  late: 'overdue',
};

export const actionList: Subcommand<z.infer<typeof input>> = {
  name: 'action list',
  aliases: ['actions', 'actions list', 'action ls'],
  usage: 'action list [mine|overdue|<workstream>|@person]',
  summary: 'Lists open actions, soonest due first, with how late the overdue ones are. Anyone may.',
  examples: [
    'action list',
    'action list mine',
    'action list overdue',
    'action list WS2',
    'action list @jo.bloggs',
  ],
  parse(args) {
    if (args.done) return { kind: 'all' };
    const word = args.peek()!;
    const userId = parseUserMention(word);
    if (userId && args.remaining === 1) return { kind: 'owner', userId };
    if (WORDS[word.toLowerCase()] && args.remaining === 1) return { kind: WORDS[word.toLowerCase()] };
    return { kind: 'workstream', query: args.rest() };
  },
  schema: input,
  async run(filter, ctx) {
    return actionListReply(await listActions({ filter }, ctx.deps, ctx.actor), ctx.command);
  },
};
