/** `/improve action reassign <ref> [to] @user [note]`: the new owner is told in the channel. */
import { z } from 'zod';
import type { Message } from '../src/chat/message.js';
import { toSafeText } from '../src/domain/text.js';
import { type ReassignActionResult, reassignAction } from '../src/services/reassign-action.js';
import { actionMessage, actionPost, actionSubject, readRef } from './action-replies.js';
import type { Subcommand } from './types.js';

const input = z.object({
  ref: z.string().min(1),
  ownerUserId: z.string().min(1),
  note: z.string().optional(),
});

export const actionReassign: Subcommand<z.infer<typeof input>> = {
  name: 'action reassign',
  aliases: ['action assign', 'action transfer', 'action handover'],
  usage: 'action reassign <ref> @new-owner [note]',
  summary: 'Gives an open action to a new owner (the workstream’s leads or an admin).',
  examples: [
    'action reassign A-12 @sam.jones',
    'action reassign a12 to @sam.jones Jo is on secondment until April',
  ],
  parse(args) {
    const ref = readRef(args);
    args.optionalWord((w) => w.toLowerCase() === 'to');
    return { ref, ownerUserId: args.user('the new owner'), note: args.done ? undefined : args.rest() };
  },
  schema: input,
  async run(value, ctx) {
    const result = await reassignAction(value, ctx.deps, ctx.actor);
    return actionPost(actionReassignedMessage(result, value.note, ctx.actor.userId));
  },
};

/** The channel's news of a new owner (the mention tells them); also for button handlers. */
export function actionReassignedMessage(
  result: ReassignActionResult,
  note: string | undefined,
  byUserId: string,
): Message {
  const { action, workstream, owner, previousOwner } = result;
  return actionMessage({
    fallback: `A-${action.number} is now owned by <person:${owner.platformUserId}>`,
    headline: `<icon:reassigned> <person:${owner.platformUserId}> now owns ${actionSubject(action.number, action.text)}`,
    lines: [note?.trim() ? `*Note:* ${toSafeText(note.trim())}` : null],
    context: `${workstream.code} · was <person:${previousOwner.platformUserId}> · reassigned by <person:${byUserId}>`,
  });
}
