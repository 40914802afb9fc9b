/** `/improve recommendation link <ref> <workstream|action>`: work that addresses a recommendation. */
import { z } from 'zod';
import { formatActionRef } from '../src/domain/actions.js';
import { AppError } from '../src/domain/errors.js';
import { toSafeText } from '../src/domain/text.js';
import { linkRecommendation } from '../src/services/evidence/link-recommendation.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({ ref: z.string().min(1), target: z.string().min(1) });

export const recommendationLink: Subcommand<z.infer<typeof input>> = {
  name: 'recommendation link',
  aliases: ['recommendations link', 'rec link'],
  usage: 'recommendation link <ref> <workstream|action>',
  summary:
    'Records that a workstream (all its actions) or one action addresses a recommendation (admins, and leads for their own workstream).',
  examples: ['recommendation link R1 WS2', 'recommendation link PA3 A-12'],
  parse(args) {
    const ref = args.word('the recommendation’s reference, such as R1');
    const target = args.word('a workstream (WS1) or an action (A-12)');
    if (!args.done)
      throw new AppError(
        'bad_input',
        `Link one workstream or one action at a time; I didn't understand “${args.rest()}”.`,
      );
    return { ref, target };
  },
  schema: input,
  async run(value, ctx) {
    const { recommendation, workstream, action } = await linkRecommendation(value, ctx.deps, ctx.actor);
    const what = action
      ? `${formatActionRef(action.number)} ${toSafeText(action.text)} (${workstream.code})`
      : `${workstream.code} ${toSafeText(workstream.name)} and its actions`;
    return ephemeral(
      `<icon:done> *${toSafeText(recommendation.ref)}* is now addressed by ${what}. \`${ctx.command} coverage\` shows whether it is on time.`,
    );
  },
};
