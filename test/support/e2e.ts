/**
 * End-to-end harness: the real Bolt app over HTTP on loopback, a real database, and the local
 * Slack Web API stand-in in strict mode. Tests act as Slack does (signed requests) and assert on
 * what Slack would show (the stand-in's messages, responses, views) and on the database.
 */
import { type SlackRuntime, startSlack } from '../../src/chat/slack/app.js';
import { metadataSeal } from '../../src/chat/slack/metadata-seal.js';
import {
  createSlackWebApi,
  type RecordedResponse,
  type SlackWebApi,
  type StoredMessage,
} from '../../src/local/slack-web-api.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { queueDepth } from '../../src/ops/queue-depth.js';
import { type TestDatabase, testDatabase } from './database.js';
import { TEAM } from './factories.js';
import {
  type AppResponse,
  sendBlockAction,
  sendMessageShortcut,
  sendSlashCommand,
  sendViewSubmission,
} from './signed-requests.js';

export const SIGNING_SECRET = 'e2e-signing-secret';

/** Private metadata as the app seals it in a modal it opens for `workspaceId` (metadata-seal.ts). */
export const sealedMetadata = (text: string, workspaceId: string = TEAM): string =>
  metadataSeal(SIGNING_SECRET).seal(workspaceId, text);

/** The Web API methods our app calls in ordinary operation. Anything else fails the test. */
export const DEFAULT_METHODS = [
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'views.open',
  'views.update',
  'views.publish',
  'conversations.open',
  'users.info',
];

export interface E2E {
  t: TestDatabase;
  slack: SlackWebApi;
  runtime: SlackRuntime;
  url: string;
  /**
   * Sends `/improve <text>` as `userId` and waits until the app has answered in Slack. A given
   * `triggerId` sends the same request again, as a retry does; otherwise each command gets its own.
   */
  command(
    text: string,
    userId: string,
    options?: { channelId?: string; wait?: boolean; teamId?: string; triggerId?: string },
  ): Promise<CommandOutcome>;
  /** Presses a button and waits for the app's visible answer. */
  press(options: {
    userId: string;
    actionId: string;
    value: string;
    channelId?: string;
    messageId?: string;
    teamId?: string;
  }): Promise<AppResponse>;
  /** Uses a message shortcut on a stored message (as Slack shows it), and waits for the answer. */
  shortcut(options: {
    userId: string;
    callbackId: string;
    message: StoredMessage;
  }): Promise<{ http: AppResponse; replies: RecordedResponse[]; reply: string }>;
  /** Submits a modal; returns the HTTP ack body (errors show there). */
  submit(options: {
    userId: string;
    callbackId: string;
    privateMetadata?: string;
    values: Record<string, string>;
    teamId?: string;
  }): Promise<AppResponse>;
  close(): Promise<void>;
}

export interface CommandOutcome {
  http: AppResponse;
  /** What came back through the response URL (ephemeral replies). */
  replies: RecordedResponse[];
  /** Text of the first reply, for quick assertions. */
  reply: string;
  /** Messages the bot posted in channels during the command. */
  posts: StoredMessage[];
}

export async function startE2E(
  options: { methods?: string[]; now?: Date; adminUserIds?: string[]; metrics?: boolean } = {},
): Promise<E2E> {
  const t = await testDatabase({ now: options.now, adminUserIds: options.adminUserIds });
  // Counted as the app counts (src/app.ts), for the tests that read /metrics.
  if (options.metrics) t.deps.metrics = createMetrics(() => queueDepth(t.deps.db));
  const slack = await createSlackWebApi({
    strict: true,
    allowedMethods: options.methods ?? DEFAULT_METHODS,
    teamId: TEAM,
  });
  const runtime = await startSlack({
    config: {
      mode: 'http',
      port: 0,
      slack: {
        botToken: 'xoxb-e2e',
        signingSecret: SIGNING_SECRET,
        apiUrl: slack.apiUrl,
        command: '/improve',
        botId: slack.bot.botId,
        botUserId: slack.bot.userId,
      },
    },
    deps: t.deps,
    health: async () => ({ ok: true, detail: { database: 'ok' } }),
  });
  const url = `http://127.0.0.1:${runtime.port}`;
  let counter = 0;
  return {
    t,
    slack,
    runtime,
    url,
    async command(text, userId, { channelId = 'C0GENERAL', wait = true, teamId = TEAM, triggerId } = {}) {
      const tag = `cmd-${++counter}`;
      const before = { messages: slack.messages.length };
      const responseUrl = slack.responseUrl(tag, { channel: channelId, user: userId });
      const http = await sendSlashCommand(url, {
        signingSecret: SIGNING_SECRET,
        teamId,
        userId,
        channelId,
        text,
        responseUrl,
        triggerId,
      });
      if (wait) await runtime.idle();
      const replies = slack.responses.filter((r) => r.tag === tag);
      return {
        http,
        replies,
        reply: String(replies[0]?.body.text ?? ''),
        posts: slack.messages.slice(before.messages).filter((m) => !m.ephemeralFor),
      };
    },
    async press({ userId, actionId, value, channelId = 'C0GENERAL', messageId, teamId = TEAM }) {
      const tag = `press-${++counter}`;
      const responseUrl = slack.responseUrl(tag, { channel: channelId, user: userId, messageTs: messageId });
      const http = await sendBlockAction(url, {
        signingSecret: SIGNING_SECRET,
        teamId,
        userId,
        actionId,
        value,
        blockId: 'b',
        responseUrl,
        channelId,
        message: messageId ? { ts: messageId } : undefined,
      });
      await runtime.idle();
      return http;
    },
    async shortcut({ userId, callbackId, message }) {
      const tag = `shortcut-${++counter}`;
      const responseUrl = slack.responseUrl(tag, { channel: message.channel, user: userId });
      const http = await sendMessageShortcut(url, {
        signingSecret: SIGNING_SECRET,
        teamId: TEAM,
        userId,
        callbackId,
        channelId: message.channel,
        message: {
          ts: message.ts,
          text: message.text,
          user: message.user,
          ...(message.bot_id ? { bot_id: message.bot_id } : {}),
        },
        responseUrl,
      });
      await runtime.idle();
      const replies = slack.responses.filter((r) => r.tag === tag);
      return { http, replies, reply: String(replies[0]?.body.text ?? '') };
    },
    async submit({ userId, callbackId, privateMetadata, values, teamId = TEAM }) {
      const state = Object.fromEntries(
        Object.entries(values).map(([id, value]) => [id, { [id]: stateValue(value) }]),
      );
      const http = await sendViewSubmission(url, {
        signingSecret: SIGNING_SECRET,
        teamId,
        userId,
        callbackId,
        privateMetadata,
        values: state,
      });
      await runtime.idle();
      return http;
    },
    async close() {
      await runtime.stop();
      await slack.close();
      await t.close();
    },
  };
}

/** A modal input's state as Slack sends it; values 'user:U…', 'date:…' and 'channel:C…' pick those element types. */
function stateValue(value: string): Record<string, unknown> {
  if (value.startsWith('user:')) return { type: 'users_select', selected_user: value.slice(5) };
  if (value.startsWith('date:')) return { type: 'datepicker', selected_date: value.slice(5) };
  if (value.startsWith('channel:'))
    return { type: 'conversations_select', selected_conversation: value.slice(8) };
  if (value.startsWith('option:'))
    return { type: 'static_select', selected_option: { value: value.slice(7) } };
  return { type: 'plain_text_input', value };
}
