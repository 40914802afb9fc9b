/**
 * The Chat interface over the Bot Connector, for one Teams tenant (a workspace): the weekly
 * digest, reminders, countdowns and notices reach Teams through this. Channels and 1:1 chats are
 * found from the conversation references stored on install (conversations.ts); a person with no
 * stored 1:1 chat gets one opened by the Bot Connector (the app must be installed for them).
 *
 * The Bot Connector cannot search a conversation's history, so `findPosted` reads our own
 * ledger (TeamsPosted): a row written before each post that carries metadata, given the activity
 * id the moment the Bot Connector answers. A run that crashed after that (the digest's "posted,
 * not yet recorded" window on Slack) finds its message there and posts nothing twice. The window
 * left is the HTTP call itself: a process killed after Teams accepted the activity but before the
 * answer reached us leaves a row with no activity id, which is treated as not posted, so the retry
 * posts again (a possible duplicate, never a lost digest).
 */
import { Client as ApiClient } from '@microsoft/teams.api';
import type { Deps } from '../../services/deps.js';
import { type Chat, ChatError, type ChatErrorCode, type MessageMetadata, type Posted } from '../chat.js';
import type { Message, MessageLimits } from '../message.js';
import type { Names } from './markdown.js';
import { personNames } from './names.js';
import { type AdaptiveCard, renderMessage } from './render.js';
import { httpFailure, type SendQueue } from './send-queue.js';

/**
 * The renderer splits a message into cards by size (render.ts); these keep the digest's sections
 * readable and its messages small enough that one card rarely needs splitting.
 */
export const TEAMS_MESSAGE_LIMITS: MessageLimits = { blocks: 40, sectionChars: 4000, messageChars: 12_000 };

/** The Bot Connector's error codes that mean one of the neutral, permanent failures. */
const NEUTRAL_CODES: Readonly<Record<string, ChatErrorCode>> = {
  BotNotInConversationRoster: 'not_in_channel',
  ConversationNotFound: 'channel_not_found',
  ConversationBlockedByUser: 'recipient_unreachable',
  BotDisabledByAdmin: 'missing_permission',
  MessageSizeTooBig: 'message_rejected',
  BadSyntax: 'message_rejected',
  BadArgument: 'message_rejected',
  Unauthorized: 'not_authorised',
};

/** By HTTP status, when the body names no code we know. */
const NEUTRAL_STATUS: Readonly<Record<number, ChatErrorCode>> = {
  400: 'message_rejected',
  401: 'not_authorised',
  403: 'not_in_channel',
  404: 'channel_not_found',
  413: 'message_rejected',
};

/** A Bot Connector failure as a ChatError: neutral and permanent when the core must act on it. */
export function teamsChatError(error: unknown): ChatError {
  if (error instanceof ChatError) return error;
  const { status } = httpFailure(error);
  const body = (error as { response?: { data?: { error?: { code?: unknown } } } }).response?.data;
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
  const detail = code ?? (status ? `http_${status}` : 'unknown_error');
  const neutral =
    (code && Object.hasOwn(NEUTRAL_CODES, code) ? NEUTRAL_CODES[code] : undefined) ??
    (status && Object.hasOwn(NEUTRAL_STATUS, status) ? NEUTRAL_STATUS[status] : undefined);
  return neutral ? new ChatError(neutral, true, detail) : new ChatError(detail, false);
}

export interface TeamsChatOptions {
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>;
  /** The tenant (workspace) this Chat posts for: it reads only that tenant's references. */
  tenantId: string;
  /** The bot's Microsoft app id: the Bot Connector knows the bot as `28:<id>`. */
  clientId: string;
  token: () => Promise<string>;
  /** The app's one send queue, shared with replies, so a conversation's sends stay in order. */
  queue: SendQueue;
  /** Where to open a 1:1 chat when the tenant has no stored reference to take it from. */
  defaultServiceUrl: string;
}

type Target = { conversationId: string; serviceUrl: string };

export function teamsChat(options: TeamsChatOptions): Chat {
  const { deps, tenantId, queue } = options;
  const clients = new Map<string, ApiClient>();
  const api = (serviceUrl: string) => {
    const base = serviceUrl.replace(/\/+$/, '');
    let client = clients.get(base);
    if (!client) {
      client = new ApiClient(base, { token: options.token });
      clients.set(base, client);
    }
    return client;
  };

  /** Where a channel id (or a 1:1 conversation id) is, from this tenant's stored references. */
  async function where(channelId: string): Promise<Target> {
    const stored = await deps.db.teamsConversation.findFirst({
      where: {
        workspaceId: tenantId,
        OR: [{ kind: 'channel', key: channelId }, { conversationId: channelId }],
      },
      orderBy: { id: 'asc' },
    });
    // No reference: the bot was never added to that channel's team, so it cannot post there.
    if (!stored) throw new ChatError('not_in_channel', true, 'no_conversation_reference');
    return { conversationId: stored.conversationId, serviceUrl: stored.serviceUrl };
  }

  // Teams shows a mention by the name the bot gives; people with no name stored are asked for once.
  const memberNames = new Map<string, Promise<string | undefined>>();
  const memberName = (target: Target, aadObjectId: string) => {
    let name = memberNames.get(aadObjectId);
    if (!name) {
      name = api(target.serviceUrl)
        .conversations.members(target.conversationId)
        .getById(aadObjectId)
        .then((member) => (member as { name?: string }).name || undefined)
        .catch(() => undefined);
      memberNames.set(aadObjectId, name);
    }
    return name;
  };

  async function send(target: Target, activity: Record<string, unknown>): Promise<string> {
    try {
      const sent = await queue.send(target.conversationId, () =>
        api(target.serviceUrl)
          .conversations.activities(target.conversationId)
          .create(activity as never),
      );
      return (sent as { id?: string }).id ?? '';
    } catch (error) {
      throw teamsChatError(error);
    }
  }

  const post: Chat['post'] = async (channelId, message, postOptions = {}) => {
    const target = await where(channelId);
    // A reply in a channel's thread goes to the thread's own conversation id.
    const into = postOptions.threadId
      ? { ...target, conversationId: `${target.conversationId};messageid=${postOptions.threadId}` }
      : target;
    const ledger = postOptions.metadata
      ? await begin(channelId, postOptions.threadId, postOptions.metadata)
      : undefined;
    let first = '';
    const names = await personNames(deps, tenantId, message, {}, (id) => memberName(target, id));
    for (const activity of activities(message, names)) {
      const id = await send(into, activity);
      if (!first) {
        first = id;
        if (ledger !== undefined)
          await deps.db.teamsPosted.update({ where: { id: ledger }, data: { activityId: id } });
      }
    }
    return { channelId, messageId: first };
  };

  async function begin(channelId: string, threadId: string | undefined, metadata: MessageMetadata) {
    const row = await deps.db.teamsPosted.create({
      data: {
        workspaceId: tenantId,
        channelId,
        threadId: threadId ?? null,
        eventType: metadata.eventType,
        payload: JSON.stringify(metadata.payload),
        createdAt: deps.clock.now(),
      },
    });
    return row.id;
  }

  const dmChannel: Chat['dmChannel'] = async (userId) => {
    const stored = await deps.db.teamsConversation.findUnique({
      where: { workspaceId_kind_key: { workspaceId: tenantId, kind: 'personal', key: userId } },
    });
    if (stored) return stored.conversationId;
    const any = await deps.db.teamsConversation.findFirst({
      where: { workspaceId: tenantId },
      orderBy: { id: 'desc' },
    });
    const serviceUrl = any?.serviceUrl ?? options.defaultServiceUrl;
    let created: { id?: string };
    try {
      // Teams opens a 1:1 chat by the person's Entra object id, once the app is installed for them.
      created = await queue.send(`open:${userId}`, () =>
        api(serviceUrl).conversations.create({
          isGroup: false,
          bot: { id: `28:${options.clientId}` },
          members: [{ id: userId, aadObjectId: userId, role: 'user' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        } as never),
      );
    } catch (error) {
      const failure = teamsChatError(error);
      // Refused or unknown: the app is not installed for them, or they are not in the tenant.
      if (failure.permanent) throw new ChatError('recipient_unreachable', true, failure.detail);
      throw failure;
    }
    if (!created.id) throw new ChatError('recipient_unreachable', true, 'no_conversation_opened');
    await deps.db.teamsConversation.upsert({
      where: { workspaceId_kind_key: { workspaceId: tenantId, kind: 'personal', key: userId } },
      create: {
        workspaceId: tenantId,
        kind: 'personal',
        key: userId,
        conversationId: created.id,
        serviceUrl,
        createdAt: deps.clock.now(),
      },
      update: {},
    });
    return created.id;
  };

  const ledgerRows = async (channelId: string, eventType: string, threadId: string | null, since?: Date) =>
    deps.db.teamsPosted.findMany({
      where: {
        workspaceId: tenantId,
        channelId,
        eventType,
        threadId,
        activityId: { not: null },
        ...(since ? { createdAt: { gte: since } } : {}),
      },
      orderBy: { id: 'asc' },
    });

  return {
    limits: TEAMS_MESSAGE_LIMITS,
    post,
    dmChannel,
    async dm(userId, message, dmOptions = {}) {
      return post(await dmChannel(userId), message, { metadata: dmOptions.metadata });
    },
    async update(posted: Posted, message) {
      const target = await where(posted.channelId);
      const names = await personNames(deps, tenantId, message, {}, (id) => memberName(target, id));
      const [activity] = activities(message, names);
      try {
        await queue.send(target.conversationId, () =>
          api(target.serviceUrl)
            .conversations.activities(target.conversationId)
            .update(posted.messageId, { ...activity, id: posted.messageId } as never),
        );
      } catch (error) {
        throw teamsChatError(error);
      }
    },
    // The Bot Connector says nothing of a person's timezone or whether they have left; a send to
    // someone gone fails as recipient_unreachable instead. The programme's timezone applies.
    async user(userId) {
      return { id: userId, unreachable: false };
    },
    async findPosted(channelId, since, eventType) {
      return (await ledgerRows(channelId, eventType, null, since)).map((row) => ({
        messageId: row.activityId ?? '',
        postedAt: row.createdAt,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
      }));
    },
    async findReplies(channelId, threadId, eventType) {
      return (await ledgerRows(channelId, eventType, threadId)).map((row) => ({
        messageId: row.activityId ?? '',
        payload: JSON.parse(row.payload) as Record<string, unknown>,
      }));
    },
  };
}

/** A message as the activities that carry it: one per card (a long message splits by size). */
function activities(message: Message, names: Names): Record<string, unknown>[] {
  const rendered = renderMessage(message, names);
  return rendered.cards.map((card: AdaptiveCard) => ({
    type: 'message',
    text: rendered.text,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    entities: card.msteams.entities,
  }));
}
