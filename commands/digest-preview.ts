/** `/improve digest preview`: this week's digest, shown only to whoever asked. */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { previewDigest } from '../src/services/preview-digest.js';
import type { Subcommand } from './types.js';

export const digestPreview: Subcommand<Record<string, never>> = {
  name: 'digest preview',
  aliases: ['digest'],
  usage: 'digest preview',
  summary: "Shows this week's board digest as it stands now, to you only.",
  examples: ['digest preview'],
  parse(args) {
    if (!args.done)
      throw new AppError(
        'bad_input',
        `“${args.peek()}” is not something the digest does: use \`digest preview\` or \`digest send\`.`,
      );
    return {};
  },
  schema: z.object({}).strict(),
  // A long digest arrives as several ephemeral messages, in the order the board would read them.
  run: async (_input, ctx) => ({
    kind: 'ephemeral',
    message: await previewDigest(ctx.deps, ctx.actor, ctx.chat?.limits),
  }),
};
