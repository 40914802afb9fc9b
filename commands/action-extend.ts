/** `/improve action extend <ref> [to] <new due date> <reason>`: the new date and why, for the channel. */
import { z } from 'zod';
import type { Message } from '../src/chat/message.js';
import { formatUkDate, formatWeekdayUkDate } from '../src/domain/dates.js';
import { toSafeText } from '../src/domain/text.js';
import { type ExtendActionResult, extendAction } from '../src/services/extend-action.js';
import { actionMessage, actionPost, actionSubject, readRef } from './action-replies.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({ ref: z.string().min(1), dueDate: z.string().min(1), reason: z.string() });

export const actionExtend: Subcommand<z.infer<typeof input>> = {
  name: 'action extend',
  aliases: ['action postpone', 'action move', 'action redate'],
  usage: 'action extend <ref> <new due date> <reason>',
  summary:
    'Gives an open action a new due date; the reason is required (its owner, the workstream’s leads or an admin). With extension approval on, an owner’s new date waits for a lead to approve it.',
  examples: [
    'action extend A-12 31/03/2027 HR approval of the market supplement slipped to March',
    'action extend a4 to end of month Waiting for the audit results',
  ],
  parse(args, ctx) {
    const ref = readRef(args);
    args.optionalWord((w) => ['to', 'until', 'till'].includes(w.toLowerCase()));
    return { ref, dueDate: args.date('the new due date', ctx.today), reason: args.rest() };
  },
  schema: input,
  async run(value, ctx) {
    const result = await extendAction(value, ctx.deps, ctx.actor);
    if (result.requested) return ephemeral(extensionRequestedText(result));
    return actionPost(actionExtendedMessage(result, value.reason, ctx.actor.userId));
  },
};

/** The channel's news of a new due date and why; also for the reminders' New date button. */
export function actionExtendedMessage(result: ExtendActionResult, reason: string, byUserId: string): Message {
  const { action, workstream, owner, fromDue } = result;
  const due = formatWeekdayUkDate(action.dueDate);
  return actionMessage({
    fallback: `A-${action.number} now due ${due} (was ${formatUkDate(fromDue)})`,
    headline: `<icon:calendar> New due date *${due}* (was ${formatUkDate(fromDue)}): ${actionSubject(action.number, action.text)}`,
    lines: [`*Reason:* ${toSafeText(reason.trim())}`],
    context: `${workstream.code} · owner <person:${owner.platformUserId}> · changed by <person:${byUserId}>`,
  });
}

/** To the owner when the new date needs a lead's approval: who was asked, and that the old date stands. */
export function extensionRequestedText(result: ExtendActionResult): string {
  const { action, workstream, requested } = result;
  if (!requested) return '';
  const ref = `A-${action.number}`;
  const asked =
    requested.toldUserIds.length > 0
      ? requested.toldUserIds.map((u) => `<person:${u}>`).join(', ')
      : `the lead of ${workstream.code}`;
  const replaced = requested.replaced ? ' It replaces your earlier request.' : '';
  return `<icon:calendar> Your request to move *${ref}* to *${formatWeekdayUkDate(requested.toDue)}* has gone to ${asked} for approval.${replaced} Until it is approved, ${ref} stays due ${formatUkDate(action.dueDate)}.`;
}
