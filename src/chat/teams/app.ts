/**
 * The only place that builds a Teams SDK app. It serves /api/messages on the Slack server's port
 * (one process, both platforms), validates every request's Bot Framework token against the keys
 * at TEAMS_OPENID_METADATA_URL, gets its own token from TEAMS_TOKEN_URL, and answers at the
 * serviceUrl each activity carries. Unauthenticated mode is never on (src/config/teams.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CloudEnvironment, PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import express from 'express';
import type { TeamsConfig } from '../../config/index.js';
import type { Logger } from '../../logger.js';
import type { Deps } from '../../services/deps.js';
import type { Chat } from '../chat.js';
import { answerCardAction, type CardActionActivity } from './card-actions.js';
import { type InstallActivity, rememberChannel, rememberConversation } from './conversations.js';
import { type ExtensionActivity, openExtensionForm, submitExtensionForm } from './message-extension.js';
import { answerMessage, type InboundMessage, mentionsBot } from './messages.js';
import { personalChatId } from './personal-chat.js';
import { createSendQueue, type SendQueue } from './send-queue.js';
import { teamsChat } from './teams-chat.js';
import { botTokenSource } from './token.js';

export const TEAMS_PATH = '/api/messages';
/** Teams' public Bot Connector, for a tenant none of whose conversations told us its own. */
const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams';

export interface TeamsRuntime {
  app: App;
  /** Serves /api/messages on another server (Slack's); true when it was this path. */
  routes(req: IncomingMessage, res: ServerResponse): boolean;
  /** Resolves when every activity in hand is answered and every queued send has gone (or failed for good). */
  idle(): Promise<void>;
  /** The Chat for a tenant's scheduled work (digest, reminders), through the same send queue. */
  chatFor(tenantId: string): Chat;
}

export interface TeamsOptions {
  config: TeamsConfig;
  deps: Deps;
  /** Tests pass a queue whose sleep returns at once. */
  queue?: SendQueue;
}

export async function startTeams(options: TeamsOptions): Promise<TeamsRuntime> {
  const { config, deps } = options;
  const queue =
    options.queue ??
    createSendQueue({
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
    });
  const token = botTokenSource(config, deps.clock);
  const chats = new Map<string, Chat>();
  const chatFor = (tenantId: string): Chat => {
    let chat = chats.get(tenantId);
    if (!chat) {
      chat = teamsChat({
        deps,
        tenantId,
        clientId: config.clientId,
        token,
        queue,
        defaultServiceUrl: DEFAULT_SERVICE_URL,
      });
      chats.set(tenantId, chat);
    }
    return chat;
  };
  const web = express();
  const cloud: CloudEnvironment = withOverrides(PUBLIC, { openIdMetadataUrl: config.openIdMetadataUrl });
  const app = new App({
    clientId: config.clientId,
    // Given a secret, the SDK would fetch tokens through MSAL from login.microsoftonline.com; an
    // empty one (not undefined, which reads CLIENT_SECRET again) makes it use our token source.
    clientSecret: '',
    tenantId: config.tenantId ?? '',
    token,
    cloud,
    // Said explicitly: left undefined, the SDK would read DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS.
    dangerouslyAllowUnauthenticatedRequests: false,
    serviceUrl: DEFAULT_SERVICE_URL,
    httpServerAdapter: new ExpressAdapter(web),
    messagingEndpoint: TEAMS_PATH,
    logger: sdkLogger(deps.logger),
  });
  // Messages still being answered (a command, its channel post): idle() waits for them as well as
  // for queued sends, so shutdown never closes the database under one that is still writing.
  const inHand = new Set<Promise<unknown>>();
  const tracked =
    <C>(handler: (ctx: C) => Promise<unknown>) =>
    (ctx: C) => {
      const running = handler(ctx);
      inHand.add(running);
      const done = () => inHand.delete(running);
      running.then(done, done);
      return running as never;
    };
  app.on(
    'message',
    tracked(async (ctx) => {
      const activity = ctx.activity as unknown as InboundMessage;
      // In a channel only a message @mentioning the bot is a command; the rest is conversation.
      if (activity.conversation.conversationType !== 'personal' && !mentionsBot(activity)) return;
      if (activity.conversation.conversationType === 'channel')
        await rememberChannel(deps, ctx.activity as unknown as InstallActivity);
      const members = ctx.api.conversations.members(activity.conversation.id);
      const replies = await answerMessage(
        deps,
        activity,
        chatFor,
        async (conversationId, teamsUserId) => {
          const member = await ctx.api.conversations.members(conversationId).getById(teamsUserId);
          return (member as { aadObjectId?: string }).aadObjectId;
        },
        // Teams finds a member by their Entra object id too; someone not in this chat stays unnamed.
        async (aadObjectId) =>
          ((await members.getById(aadObjectId).catch(() => undefined)) as { name?: string } | undefined)
            ?.name || undefined,
      );
      if (replies.length === 0) return;
      const chatId = await personalChatId(deps, ctx.api, activity);
      // Queued, not awaited: Teams redelivers an activity not answered within 15 s, and a 429
      // may ask us to wait longer than that.
      for (const reply of replies)
        queue
          .send(chatId, () => ctx.api.conversations.activities(chatId).create(reply as never))
          .catch((error: unknown) => {
            deps.logger.error({ err: error, conversation: chatId }, 'Teams send failed');
          });
    }),
  );
  // A pressed Action.Execute button; its answer (a card in place, or a word) is the invoke's response.
  app.on(
    'card.action',
    async (ctx) => answerCardAction(deps, ctx.activity as unknown as CardActionActivity, chatFor) as never,
  );
  // The message extension's forms: opened in a dialog, submitted to the same handlers as Slack's modals.
  app.on(
    'message.ext.open',
    async (ctx) => openExtensionForm(deps, ctx.activity as unknown as ExtensionActivity, chatFor) as never,
  );
  app.on(
    'message.ext.submit',
    async (ctx) => submitExtensionForm(deps, ctx.activity as unknown as ExtensionActivity, chatFor) as never,
  );
  app.on('installationUpdate', async (ctx) =>
    rememberConversation(deps, ctx.activity as unknown as InstallActivity),
  );
  app.on('conversationUpdate', async (ctx) =>
    rememberConversation(deps, ctx.activity as unknown as InstallActivity),
  );
  await app.initialize();
  // A body Express cannot parse is answered 400 with no stack trace, as Slack's bad bodies are.
  web.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(400).end();
  });
  return {
    app,
    routes(req, res) {
      if ((req.url ?? '').split('?')[0] !== TEAMS_PATH) return false;
      web(req, res);
      return true;
    },
    async idle() {
      while (inHand.size > 0) await Promise.allSettled([...inHand]);
      await queue.idle();
    },
    chatFor,
  };
}

/** The SDK's logs through our JSON logger, so there is one format and one redaction list. */
function sdkLogger(logger: Logger): never {
  const child = logger.child({ component: 'teams' });
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (child.isLevelEnabled(level))
        child[level](msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' '));
    };
  const sdk: Record<string, unknown> = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    log: at('info'),
    trace: at('debug'),
  };
  sdk.child = () => sdk;
  return sdk as never;
}
