/** The Chat interface over Slack's Web API (Bolt's WebClient, which retries 5xx and 429 itself). */
import type { WebClient } from '@slack/web-api';
import {
  type Chat,
  ChatError,
  type ChatErrorCode,
  type ChatRateLimits,
  type ChatUser,
  type Posted,
} from '../chat.js';
import { SLACK_MESSAGE_LIMITS } from './limits.js';
import { renderForWebApi, renderHome, renderMessage } from './render.js';

/** Slack's error codes that mean one of the neutral, permanent failures. */
const NEUTRAL: Readonly<Record<string, ChatErrorCode>> = {
  channel_not_found: 'channel_not_found',
  not_in_channel: 'not_in_channel',
  is_archived: 'channel_archived',
  user_not_found: 'recipient_unreachable',
  user_disabled: 'recipient_unreachable',
  account_inactive: 'recipient_unreachable',
  cannot_dm_bot: 'recipient_unreachable',
  invalid_auth: 'not_authorised',
  not_authed: 'not_authorised',
  missing_scope: 'missing_permission',
  restricted_action: 'missing_permission',
  msg_too_long: 'message_rejected',
  invalid_blocks: 'message_rejected',
};

/** A Slack failure as a ChatError: a neutral code when the core must act on it, else Slack's own. */
function slackChatError(slackCode: string): ChatError {
  const neutral = Object.hasOwn(NEUTRAL, slackCode) ? NEUTRAL[slackCode] : undefined;
  return neutral ? new ChatError(neutral, true, slackCode) : new ChatError(slackCode, false);
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const code =
      (error as { data?: { error?: string }; code?: string }).data?.error ??
      (error as { code?: string }).code ??
      'unknown_error';
    throw slackChatError(code);
  }
}

/**
 * Slack's published limits per method per workspace (docs.slack.dev/apis/web-api/rate-limits),
 * with a margin: chat.postMessage is a special tier (about one a second per channel, and a
 * workspace-wide "several hundred a minute"); chat.update and conversations.open/history are
 * Tier 3 (50+ a minute); users.info is Tier 4 (100+ a minute).
 */
export const SLACK_RATE_LIMITS: ChatRateLimits = {
  perMinute: { post: 750, update: 45, dmChannel: 45, findPosted: 45, user: 90 },
  burst: { post: 20, update: 5, dmChannel: 5, findPosted: 5, user: 5 },
};

export function slackChat(client: WebClient): Chat {
  const post: Chat['post'] = async (channelId, message, options = {}) => {
    const rendered = renderForWebApi(message);
    const metadata = options.metadata
      ? { event_type: options.metadata.eventType, event_payload: options.metadata.payload }
      : undefined;
    const posted = await call(() =>
      client.chat.postMessage({
        channel: channelId,
        ...rendered,
        ...(options.threadId ? { thread_ts: options.threadId } : {}),
        ...(metadata ? { metadata } : {}),
        unfurl_links: false,
      }),
    );
    return { channelId: posted.channel ?? channelId, messageId: posted.ts ?? '' };
  };
  const dmChannel: Chat['dmChannel'] = async (userId) => {
    const opened = await call(() => client.conversations.open({ users: userId }));
    return opened.channel?.id ?? userId;
  };
  return {
    limits: SLACK_MESSAGE_LIMITS,
    rateLimits: SLACK_RATE_LIMITS,
    post,
    dmChannel,
    // chat.postMessage to a user id posts in the app's DM with them (opening it if need be), so a
    // DM is one call; the answer names the DM channel. conversations.open is left to dmChannel,
    // which only a reminder taken over from a failed attempt needs (to look for it in history).
    async dm(userId, message, options = {}) {
      try {
        return await post(userId, message, { metadata: options.metadata });
      } catch (error) {
        // Posting to a user id Slack does not know answers channel_not_found: that person is gone.
        if (error instanceof ChatError && error.code === 'channel_not_found')
          throw new ChatError('recipient_unreachable', true, error.detail);
        throw error;
      }
    },
    async update(where: Posted, message) {
      await call(() =>
        client.chat.update({ channel: where.channelId, ts: where.messageId, ...renderForWebApi(message) }),
      );
    },
    async user(userId): Promise<ChatUser> {
      try {
        const info = await call(() => client.users.info({ user: userId }));
        return { id: userId, timezone: info.user?.tz, unreachable: Boolean(info.user?.deleted) };
      } catch (error) {
        if (error instanceof ChatError && error.code === 'recipient_unreachable')
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
          messageId: m.ts ?? '',
          postedAt: slackTime(m.ts ?? '0'),
          payload:
            (m as { metadata?: { event_payload?: Record<string, unknown> } }).metadata?.event_payload ?? {},
        }));
    },
    async findReplies(channelId, threadId, eventType) {
      const thread = await call(() =>
        client.conversations.replies({
          channel: channelId,
          ts: threadId,
          include_all_metadata: true,
          limit: 200,
        }),
      );
      return withMetadata((thread.messages ?? []) as SlackMessage[], eventType).filter(
        (m) => m.messageId !== threadId,
      );
    },
    async uploadFiles(channelId, files, comment) {
      // files.uploadV2: files.getUploadURLExternal per file, the bytes POSTed to each upload URL,
      // then one files.completeUploadExternal sharing them all in the channel with the comment.
      await call(() =>
        client.filesUploadV2({
          channel_id: channelId,
          initial_comment: renderMessage(comment).text ?? '',
          file_uploads: files.map((f) => ({
            file: Buffer.from(f.bytes),
            filename: f.filename,
            title: f.title,
          })),
        } as never),
      );
    },
    async publishHome(userId, message) {
      await call(() =>
        client.views.publish({
          user_id: userId,
          view: renderHome(message),
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
): { messageId: string; payload: Record<string, unknown> }[] {
  return messages
    .filter((m) => m.metadata?.event_type === eventType)
    .map((m) => ({ messageId: m.ts ?? '', payload: m.metadata?.event_payload ?? {} }));
}

/** A Slack message's ts is the second it was posted, with a sequence number after the point. */
const slackTime = (ts: string): Date => new Date(Math.round(Number(ts) * 1000));
