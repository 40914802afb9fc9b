/**
 * A message typed to the bot: `improve help` (or just `help`) in its 1:1 chat, or with the bot
 * @mentioned in a channel, runs through the same command registry as Slack's /improve.
 */
import { runCommand } from '../../../commands/index.js';
import type { Reply } from '../../../commands/types.js';
import { isAppError } from '../../domain/errors.js';
import type { Deps } from '../../services/deps.js';
import { guardText } from '../../services/guard-text.js';
import type { Chat } from '../chat.js';
import { type Message, plain } from '../message.js';
import { TEAMS_COMMAND, teamsRequestContext } from './context.js';
import { renderForm } from './form.js';
import type { Names } from './markdown.js';
import { personNames } from './names.js';
import { type AdaptiveCard, renderMessage } from './render.js';

/** The parts of an inbound message activity this reads. */
export interface InboundMessage {
  id?: string;
  text?: string;
  from: { id: string; aadObjectId?: string; name?: string };
  recipient: { id: string };
  conversation: { id: string; tenantId?: string; conversationType?: string };
  entities?: {
    type?: string;
    text?: string;
    mentioned?: { id?: string; name?: string; aadObjectId?: string };
  }[];
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

/** A person's Entra object id from their Teams user id ('29:…'), asked of the Bot Connector. */
export type MemberLookup = (conversationId: string, teamsUserId: string) => Promise<string | undefined>;

/**
 * The command text: the bot's own @mention removed, every other `<at>Name</at>` as the neutral
 * `<person:ENTRA-ID|Name>` the commands read (a Workspace's people are known by their Entra
 * object id, which Teams' mention entities do not always carry), and the leading 'improve'.
 * A mention whose person cannot be found stays as the name, which the command refuses politely.
 */
export async function commandText(
  activity: InboundMessage,
  lookUp?: MemberLookup,
  names: Record<string, string> = {},
): Promise<string> {
  let text = activity.text ?? '';
  for (const e of activity.entities ?? []) {
    if (e.type !== 'mention' || !e.text || !e.mentioned?.id) continue;
    if (e.mentioned.id === activity.recipient.id) {
      text = text.replace(e.text, ' ');
      continue;
    }
    const aad =
      e.mentioned.aadObjectId ??
      (await lookUp?.(activity.conversation.id, e.mentioned.id).catch(() => undefined));
    const name = (e.mentioned.name ?? e.text.replace(/<\/?at>/g, '')).replace(/[<>|]/g, '').trim();
    const found = aad && /^[0-9a-f-]{36}$/i.test(aad);
    if (found && name) names[aad] = name;
    const token = found ? `<person:${aad}|${name}>` : name;
    text = text.replace(e.text, () => token);
  }
  text = text.replace(/&nbsp;/g, ' ').trim();
  return text.replace(new RegExp(`^${TEAMS_COMMAND}\\b`, 'i'), '').trim();
}

/** Runs the command and gives the activities to send in the 1:1 chat (none for a reply of none). */
export async function answerMessage(
  deps: Deps,
  activity: InboundMessage,
  chatFor?: (tenantId: string) => Chat,
  lookUp?: MemberLookup,
  /** A person's display name by their Entra object id, for anyone the workspace has no name for. */
  nameOf?: (aadObjectId: string) => Promise<string | undefined>,
): Promise<OutboundMessage[]> {
  const tenantId = activity.conversation.tenantId;
  const aadObjectId = activity.from.aadObjectId;
  // Without a tenant and an Entra person there is no workspace or person to act as.
  if (!tenantId || !aadObjectId) return [];
  const ctx = teamsRequestContext(deps, {
    tenantId,
    aadObjectId,
    userName: activity.from.name,
    conversationId: channelOf(activity.conversation.id),
    activityId: activity.id,
    chat: chatFor?.(tenantId),
  });
  const mentioned: Record<string, string> = {};
  const text = await commandText(activity, lookUp, mentioned);
  const reply = await runCommand(text, ctx);
  const names = async (message: Message) => personNames(deps, tenantId, message, mentioned, nameOf);
  const chat = chatFor?.(tenantId);
  const activities =
    reply.kind === 'channel' && activity.conversation.conversationType === 'channel' && chat
      ? await postInChannel(deps, reply, chat, channelOf(activity.conversation.id), names)
      : await toActivities(reply, names);
  // Teams has no message only its sender sees: the refusal goes to their 1:1 chat, and the
  // channel message holding the personal data is still there for everyone until they delete it.
  if (activity.conversation.conversationType === 'channel' && (await holdsPersonalData(deps, tenantId, text)))
    activities.push(
      ...(await toActivities({ kind: 'ephemeral', message: plain(DELETE_YOUR_MESSAGE) }, async () => ({}))),
    );
  return activities;
}

export const DELETE_YOUR_MESSAGE =
  '<icon:warning> Your message in the channel is still there for everyone in it to read. Please delete it now: hover over it, choose More options (…), then Delete.';

async function holdsPersonalData(deps: Deps, workspaceId: string, text: string): Promise<boolean> {
  try {
    await guardText(deps.sql, workspaceId, text, 'message', deps.clock.now());
    return false;
  } catch (error) {
    return isAppError(error) && error.code === 'personal_data';
  }
}

/**
 * A command typed in a channel whose answer belongs there (an update, a RAG change) is posted in
 * the channel, as Slack posts it where /improve was typed; only its confirmation, if it has one,
 * goes to the person's 1:1 chat. The change is stored before this, so a failed post is told, not lost.
 */
async function postInChannel(
  deps: Deps,
  reply: Extract<Reply, { kind: 'channel' }>,
  chat: Chat,
  channelId: string,
  names: (message: Message) => Promise<Names>,
): Promise<OutboundMessage[]> {
  try {
    if (reply.replace) await chat.update(reply.replace, reply.message);
    else {
      const posted = await chat.post(channelId, reply.message);
      await reply.afterPost?.(posted);
    }
  } catch (error) {
    deps.logger.error({ err: error, channel: channelId }, 'Teams channel post failed');
    return toActivities({ kind: 'ephemeral', message: plain(NOT_POSTED) }, async () => ({}));
  }
  return reply.confirmation ? toActivities({ kind: 'ephemeral', message: reply.confirmation }, names) : [];
}

const NOT_POSTED =
  '<icon:warning> Saved, but I could not post it in the channel. `improve status` shows it, and the weekly digest will include it.';

async function toActivities(
  reply: Reply,
  names: (message: Message) => Promise<Names>,
): Promise<OutboundMessage[]> {
  switch (reply.kind) {
    case 'ephemeral':
    case 'channel': {
      const message = reply.kind === 'channel' ? (reply.confirmation ?? reply.message) : reply.message;
      const rendered = renderMessage(message, await names(message));
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
