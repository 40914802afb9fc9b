/** `/improve action done <ref> [evidence note]`: news for the channel, awaiting verification. */
import { z } from 'zod';
import type { Message } from '../src/chat/message.js';
import { toSafeText } from '../src/domain/text.js';
import { completeAction } from '../src/services/complete-action.js';
import type { ActionInContext } from '../src/services/find-action.js';
import { actionMessage, actionPost, actionSubject, readRef } from './action-replies.js';
import type { Subcommand } from './types.js';

const input = z.object({ ref: z.string().min(1), evidence: z.string().optional() });

export const actionDone: Subcommand<z.infer<typeof input>> = {
  name: 'action done',
  aliases: ['action complete', 'action completed', 'action close', 'action finished'],
  usage: 'action done <ref> [evidence note]',
  summary:
    'Marks an action done, with a note of the evidence (its owner, the workstream’s leads or an admin).',
  examples: ['action done A-12 Induction pack issued to all 4 starters, see SharePoint', 'action done a7'],
  parse: (args) => ({ ref: readRef(args), evidence: args.done ? undefined : args.rest() }),
  schema: input,
  async run(value, ctx) {
    const result = await completeAction({ ...value, command: ctx.command }, ctx.deps, ctx.actor);
    return actionPost(actionDoneMessage(result, ctx.actor.userId, ctx.command));
  },
};

/** The channel's news of a completion; also for the reminders' Done button. */
export function actionDoneMessage(
  { action, workstream, owner }: ActionInContext,
  byUserId: string,
  command: string,
): Message {
  return actionMessage({
    fallback: `A-${action.number} done`,
    headline: `<icon:done> Done: ${actionSubject(action.number, action.text)}`,
    lines: [
      action.evidenceNote ? `*Evidence:* ${toSafeText(action.evidenceNote)}` : '_No evidence note given._',
    ],
    context: `${workstream.code} · owner <person:${owner.platformUserId}> · marked done by <person:${byUserId}> · awaiting verification by a lead (\`${command} action verify A-${action.number}\`)`,
  });
}
