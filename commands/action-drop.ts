/** `/improve action drop <ref> <reason>`: the action stays in the history, marked dropped. */
import { z } from 'zod';
import { toSafeText } from '../src/domain/text.js';
import { dropAction } from '../src/services/drop-action.js';
import { actionMessage, actionPost, actionSubject, readRef } from './action-replies.js';
import type { Subcommand } from './types.js';

const input = z.object({ ref: z.string().min(1), reason: z.string() });

export const actionDrop: Subcommand<z.infer<typeof input>> = {
  name: 'action drop',
  aliases: ['action cancel', 'action remove', 'action delete', 'action withdraw'],
  usage: 'action drop <ref> <reason>',
  summary:
    'Drops an action that is no longer needed; the reason is required (the workstream’s leads or an admin).',
  examples: ['action drop A-12 Superseded by the new recruitment plan (A-15)'],
  parse: (args) => ({ ref: readRef(args), reason: args.rest() }),
  schema: input,
  async run(value, ctx) {
    const { action, workstream, owner } = await dropAction(value, ctx.deps, ctx.actor);
    return actionPost(
      actionMessage({
        fallback: `A-${action.number} dropped`,
        headline: `<icon:dropped> Dropped: ${actionSubject(action.number, action.text)}`,
        lines: [`*Reason:* ${toSafeText(value.reason.trim())}`],
        context: `${workstream.code} · owner <person:${owner.platformUserId}> · dropped by <person:${ctx.actor.userId}>`,
      }),
    );
  },
};
