/** `/improve digest send` (admins): posts this week's board digest now. */
import { z } from 'zod';
import { failureReason } from '../src/digest/notify-admins.js';
import { formatDateTimeUk } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { type SendDigestResult, sendDigestNow } from '../src/services/send-digest-now.js';
import { ephemeral } from './replies.js';
import type { CommandContext, Reply, Subcommand } from './types.js';

export const digestSend: Subcommand<Record<string, never>> = {
  name: 'digest send',
  usage: 'digest send',
  summary:
    "Posts this week's digest to the board channel now (admins). If it has gone already, posts an update marked as sent on request.",
  examples: ['digest send'],
  parse(args) {
    if (!args.done) throw new AppError('bad_input', '`digest send` takes nothing after it.');
    return {};
  },
  schema: z.object({}).strict(),
  async run(_input, ctx) {
    if (!ctx.chat) throw new Error('digest send needs the chat platform in the command context');
    const result = await sendDigestNow(
      { ...ctx.deps, chat: ctx.chat, instanceId: `command:${ctx.actor.userId}` },
      ctx.actor,
    );
    return confirmation(result, ctx);
  },
};

function confirmation(result: SendDigestResult, ctx: CommandContext): Reply {
  if (result.kind === 'busy')
    return ephemeral(
      "<icon:hourglass> This week's digest is being posted right now. Have a look in the board channel in a minute.",
    );
  if (result.kind === 'failed') {
    return ephemeral(
      result.permanent
        ? `<icon:warning> The digest could not be posted: ${failureReason(result.code, ctx.actor.platform)}. Nothing was marked as sent.`
        : `<icon:warning> Slack did not take the digest just now (${result.code}). It has not been marked as sent and will be tried again in a few minutes.`,
    );
  }
  const where = `<channel:${result.channelId}>`;
  if (result.extra) {
    const when = result.weekPostedAt
      ? ` (posted ${formatDateTimeUk(result.weekPostedAt, ctx.timezone)})`
      : '';
    return ephemeral(
      `<icon:done> This week's digest had already gone${when}, so I posted an update to ${where}, marked as sent on request.`,
    );
  }
  return ephemeral(
    `<icon:done> Posted this week's digest to ${where}. The schedule will not post it again this week.`,
  );
}
