/**
 * A message typed to the bot: `improve help` (or just `help`) in its 1:1 chat, or with the bot
 * @mentioned in a channel, runs through the same command registry as Slack's /improve.
 */
import { runCommand } from '../../../commands/index.js';
import type { Reply } from '../../../commands/types.js';
import type { Deps } from '../../services/deps.js';
import type { Chat } from '../chat.js';
import { TEAMS_COMMAND, teamsCommandContext } from './context.js';
import { renderForm } from './form.js';
import { type AdaptiveCard, renderMessage } from './render.js';

/** The parts of an inbound message activity this reads. */
export interface InboundMessage {
  id?: string;
  text?: string;
  from: { id: string; aadObjectId?: string; name?: string };
  recipient: { id: string };
  conversation: { id: string; tenantId?: string; conversationType?: string };
  entities?: { type?: string; text?: string; mentioned?: { id?: string } }[];
}

/** One activity to send back. */
export interface OutboundMessage {
  type: 'message';
  text: string;
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; content: AdaptiveCard }[];
  entities: AdaptiveCard['msteams']['entities'];
}

/** A channel thread's conversation id ('19:…@thread.tacv2;messageid=…') as the channel's own. */
export const channelOf = (conversationId: string): string => conversationId.replace(/;messageid=.*$/, '');

/** Whether the bot is @mentioned in the message. */
export const mentionsBot = (activity: InboundMessage): boolean =>
  (activity.entities ?? []).some((e) => e.type === 'mention' && e.mentioned?.id === activity.recipient.id);

/** The command text: the bot's own @mention removed, and the leading 'improve' if typed. */
export function commandText(activity: InboundMessage): string {
  let text = activity.text ?? '';
  for (const e of activity.entities ?? [])
    if (e.type === 'mention' && e.mentioned?.id === activity.recipient.id && e.text)
      text = text.replace(e.text, ' ');
  text = text.replace(/&nbsp;/g, ' ').trim();
  return text.replace(new RegExp(`^${TEAMS_COMMAND}\\b`, 'i'), '').trim();
}

/** Runs the command and gives the activities to send in the 1:1 chat (none for a reply of none). */
export async function answerMessage(
  deps: Deps,
  activity: InboundMessage,
  chatFor?: (tenantId: string) => Chat,
): Promise<OutboundMessage[]> {
  const tenantId = activity.conversation.tenantId;
  const aadObjectId = activity.from.aadObjectId;
  // Without a tenant and an Entra person there is no workspace or person to act as.
  if (!tenantId || !aadObjectId) return [];
  const ctx = await teamsCommandContext(deps, {
    tenantId,
    aadObjectId,
    userName: activity.from.name,
    conversationId: channelOf(activity.conversation.id),
    activityId: activity.id,
    chat: chatFor?.(tenantId),
  });
  return toActivities(await runCommand(commandText(activity), ctx));
}

function toActivities(reply: Reply): OutboundMessage[] {
  switch (reply.kind) {
    case 'ephemeral':
    case 'channel': {
      const rendered = renderMessage(
        reply.kind === 'channel' ? (reply.confirmation ?? reply.message) : reply.message,
      );
      return rendered.cards.map((card) => cardActivity(rendered.text, card));
    }
    case 'modal':
      return [cardActivity(reply.modal.title, renderForm(reply.modal))];
    default:
      return [];
  }
}

const cardActivity = (text: string, card: AdaptiveCard): OutboundMessage => ({
  type: 'message',
  text,
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  entities: card.msteams.entities,
});
