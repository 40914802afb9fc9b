/** The Chat interface over Slack's Web API (Bolt's WebClient, which retries 5xx and 429 itself). */
import type { WebClient } from '@slack/web-api';
import { type Chat, ChatError, type ChatUser, type Posted } from '../chat.js';
import { renderMessage } from './render.js';

const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'invalid_auth',
  'not_authed',
  'missing_scope',
  'restricted_action',
  'msg_too_long',
  'invalid_blocks',
]);

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const code =
      (error as { data?: { error?: string }; code?: string }).data?.error ??
      (error as { code?: string }).code ??
      'unknown_error';
    throw new ChatError(code, PERMANENT.has(code));
  }
}

export function slackChat(client: WebClient): Chat {
  const post: Chat['post'] = async (channelId, message, options = {}) => {
    const rendered = renderMessage(message);
    const metadata = options.metadata
      ? { event_type: options.metadata.eventType, event_payload: options.metadata.payload }
      : undefined;
    const result = await call(() =>
      client.chat.postMessage({
        channel: channelId,
        ...rendered,
        thread_ts: options.threadTs,
        metadata,
        unfurl_links: false,
      } as never),
    );
    const posted = result as { channel?: string; ts?: string };
    return { channelId: posted.channel ?? channelId, ts: posted.ts ?? '' };
  };
  const dmChannel: Chat['dmChannel'] = async (userId) => {
    const opened = await call(() => client.conversations.open({ users: userId }));
    return opened.channel?.id ?? userId;
  };
  return {
    post,
    dmChannel,
    async dm(userId, message, options = {}) {
      return post(await dmChannel(userId), message, { metadata: options.metadata });
    },
    async update(where: Posted, message) {
      await call(() =>
        client.chat.update({ channel: where.channelId, ts: where.ts, ...renderMessage(message) }),
      );
    },
    async user(userId): Promise<ChatUser> {
      try {
        const info = await call(() => client.users.info({ user: userId }));
        return { id: userId, timezone: info.user?.tz, unreachable: Boolean(info.user?.deleted) };
      } catch (error) {
        if (error instanceof ChatError && error.code === 'user_not_found')
          return { id: userId, unreachable: true };
        throw error;
      }
    },
    async findPosted(channelId, since, eventType) {
      const history = await call(() =>
        client.conversations.history({
          channel: channelId,
          oldest: String(since.getTime() / 1000),
          include_all_metadata: true,
          limit: 200,
        }),
      );
      return (history.messages ?? [])
        .filter((m) => (m as { metadata?: { event_type?: string } }).metadata?.event_type === eventType)
        .map((m) => ({
          ts: m.ts ?? '',
          payload:
            (m as { metadata?: { event_payload?: Record<string, unknown> } }).metadata?.event_payload ?? {},
        }));
    },
    async findReplies(channelId, threadTs, eventType) {
      const thread = await call(() =>
        client.conversations.replies({
          channel: channelId,
          ts: threadTs,
          include_all_metadata: true,
          limit: 200,
        } as never),
      );
      return withMetadata((thread as { messages?: SlackMessage[] }).messages ?? [], eventType).filter(
        (m) => m.ts !== threadTs,
      );
    },
    async publishHome(userId, message) {
      await call(() =>
        client.views.publish({
          user_id: userId,
          view: { type: 'home', blocks: renderMessage(message).blocks ?? [] } as never,
        }),
      );
    },
  };
}

type SlackMessage = {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
};

function withMetadata(
  messages: SlackMessage[],
  eventType: string,
): { ts: string; payload: Record<string, unknown> }[] {
  return messages
    .filter((m) => m.metadata?.event_type === eventType)
    .map((m) => ({ ts: m.ts ?? '', payload: m.metadata?.event_payload ?? {} }));
}
