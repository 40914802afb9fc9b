/** `/improve setup ["Programme name"] [#board-channel]`: first run in a workspace. */
import { z } from 'zod';
import { toSafeText } from '../src/domain/text.js';
import { setupProgramme } from '../src/services/setup-programme.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

export const setup: Subcommand<{ name?: string; boardChannelId?: string }> = {
  name: 'setup',
  usage: 'setup ["programme name"] [#board-channel]',
  summary:
    'Sets up the programme in this workspace; whoever runs it first becomes admin. Run again to rename it or change the board channel.',
  examples: ['setup "Children\'s Services Improvement Plan" #improvement-board', 'setup #improvement-board'],
  parse(args, ctx) {
    let boardChannelId: string | undefined;
    const words: string[] = [];
    while (!args.done) {
      const channel = args.optionalChannel();
      if (channel) boardChannelId = channel;
      else words.push(args.word('the programme name'));
    }
    // With no board channel named, the channel the command was typed in becomes the board channel.
    return {
      name: words.length > 0 ? words.join(' ') : undefined,
      boardChannelId: boardChannelId ?? ctx.channelId,
    };
  },
  schema: z.object({
    name: z.string().max(120, 'The programme name can be up to 120 characters.').optional(),
    boardChannelId: z.string().optional(),
  }),
  async run(input, ctx) {
    const { programme, created, becameAdmin } = await setupProgramme(input, ctx.deps, ctx.actor);
    const name = toSafeText(programme.name);
    const board = programme.boardChannelId ? `<channel:${programme.boardChannelId}>` : 'not set';
    if (!created) return ephemeral(`<icon:done> Programme updated: *${name}*, board channel ${board}.`);
    return ephemeral(
      `<icon:celebrate> *${name}* is set up. The weekly digest goes to ${board}.` +
        (becameAdmin ? ' You are its first admin.' : '') +
        `\nNext: add workstreams with \`${ctx.command} workstream add WS1 "Support and Develop Our Workforce" lead @name\`.`,
    );
  },
};
