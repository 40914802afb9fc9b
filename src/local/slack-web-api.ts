import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../domain/clock.js';
import type { DispatchState } from './slack-web-api/dispatch.js';
import { FaultQueue } from './slack-web-api/faults.js';
import { sendJson } from './slack-web-api/http.js';
import { closeServer, waitFor } from './slack-web-api/lifecycle.js';
import type { FakeInstallTeam, OAuthClient } from './slack-web-api/oauth-methods.js';
import { type ResponseUrlContext, ResponseUrls } from './slack-web-api/response-urls.js';
import { route } from './slack-web-api/router.js';
import { FakeWorkspace } from './slack-web-api/store.js';
import type {
  Failure,
  FakeBot,
  FakeChannel,
  FakeUser,
  MethodHandler,
  RecordedCall,
  RecordedResponse,
  RecordedUpload,
  StoredFile,
  StoredMessage,
  StoredView,
} from './slack-web-api/types.js';

export type { FakeInstallTeam, OAuthClient } from './slack-web-api/oauth-methods.js';
export type { ResponseUrlContext } from './slack-web-api/response-urls.js';
export type * from './slack-web-api/types.js';

/** How to build the stand-in; every field is optional. */
export interface SlackWebApiOptions {
  /** Default true: methods outside `allowedMethods` and malformed calls land in `unexpected`. */
  strict?: boolean;
  /** In strict mode, the only methods the app may call (scripted `handle()` methods count too). */
  allowedMethods?: string[];
  users?: FakeUser[];
  /** When given, other channel ids answer `channel_not_found`; when omitted any C/G id exists. */
  channels?: FakeChannel[];
  teamId?: string;
  bot?: Partial<FakeBot>;
  /** Source of `at` times and message timestamps; defaults to the system clock. */
  clock?: () => Date;
  /** 0 (default) picks a free port; local mode may want a fixed one. */
  port?: number;
  log?: (message: string) => void;
}

/** A running local Slack Web API; see `createSlackWebApi`. */
export interface SlackWebApi {
  /** For WebClient's `slackApiUrl` (Bolt's `clientOptions.slackApiUrl`); ends with `/api/`. */
  readonly apiUrl: string;
  readonly baseUrl: string;
  readonly teamId: string;
  readonly bot: FakeBot;
  readonly calls: RecordedCall[];
  /** Calls that a correct app never makes; assert it is empty after each test. */
  readonly unexpected: RecordedCall[];
  readonly messages: StoredMessage[];
  readonly views: StoredView[];
  /** Files announced with files.getUploadURLExternal, by id, with their bytes once uploaded. */
  readonly files: Map<string, StoredFile>;
  /** Every POST to an upload URL. */
  readonly uploads: RecordedUpload[];
  readonly responses: RecordedResponse[];
  /** A URL on this server to put in a payload's `response_url`. */
  responseUrl(tag?: string, context?: ResponseUrlContext): string;
  /** A trigger id that makes a modal opened with it belong to `userId`. */
  triggerId(userId: string): string;
  homeView(userId: string): StoredView | undefined;
  /** Puts back messages kept from an earlier run (local mode keeps them across a restart). */
  restoreMessages(messages: readonly StoredMessage[]): void;
  /** The DM channel id `conversations.open` gives for a user. */
  dmChannelFor(userId: string): string;
  /** Makes the next call(s) of `method` fail; use 'response_url' for response URLs. */
  failNext(method: string, failure: Failure): void;
  /**
   * Lets `oauth.v2.access` accept this app's credentials, and returns a one-time code for the
   * redirect as Slack hands it the browser once someone approves installing in `team`.
   */
  approveInstall(team: FakeInstallTeam, client: OAuthClient): string;
  /** Scripts replies for a method (also makes an unknown method known). */
  handle(method: string, handler: MethodHandler): void;
  /** Makes `apps.connections.open` hand out this WebSocket URL (Socket Mode stand-in). */
  attachSocketMode(url: () => string): void;
  /** Resolves once `predicate(this)` holds; re-checked on every change, never by polling. */
  waitFor(predicate: (state: SlackWebApi) => boolean, timeoutMs?: number): Promise<void>;
  /** Calls `listener` after every recorded call or response; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

const DEFAULT_BOT: FakeBot = {
  userId: 'U0BOT00001',
  botId: 'B0BOT00001',
  appId: 'A0APP00001',
  name: 'improvement-bot',
};

/**
 * Starts a local HTTP server that answers the Slack Web API calls our app makes, keeps what
 * they did in memory, and records every call, so end-to-end tests (and local mode) need no
 * network and can assert what a Slack user would see.
 */
export async function createSlackWebApi(options: SlackWebApiOptions = {}): Promise<SlackWebApi> {
  const clock = options.clock ?? (() => systemClock.now());
  const teamId = options.teamId ?? 'T0LOCAL001';
  const bot: FakeBot = { ...DEFAULT_BOT, ...options.bot };
  const workspace = new FakeWorkspace({ ...options, teamId, bot, clock });
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let baseUrl = '';
  const responseUrls = new ResponseUrls(() => baseUrl, workspace, []);
  const state: DispatchState = {
    workspace,
    strict: options.strict ?? true,
    allowedMethods: options.allowedMethods ? new Set(options.allowedMethods) : undefined,
    handlers: new Map(),
    faults: new FaultQueue(),
    calls: [],
    unexpected: [],
    uploads: [],
    socketModeUrl: undefined,
    baseUrl: () => baseUrl,
    log: options.log ?? (() => {}),
    changed: () => events.emit('change'),
  };

  const server = createServer((req, res) => {
    route(req, res, state, responseUrls).catch((error: unknown) => {
      state.log(`stand-in failed on ${req.url}: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const api: SlackWebApi = {
    apiUrl: `${baseUrl}api/`,
    baseUrl,
    teamId,
    bot,
    calls: state.calls,
    unexpected: state.unexpected,
    messages: workspace.messages,
    views: workspace.views,
    files: workspace.files,
    uploads: state.uploads,
    responses: responseUrls.responses,
    responseUrl: (tag, context) => responseUrls.create(tag, context),
    triggerId: (userId) => workspace.mintTrigger(userId),
    homeView: (userId) => workspace.homeViewFor(userId),
    restoreMessages: (messages) => workspace.restoreMessages(messages),
    dmChannelFor: (userId) => workspace.dmChannelFor(userId),
    failNext: (method, failure) => state.faults.add(method, failure),
    approveInstall: (team, client) => {
      workspace.installs.client = client;
      return workspace.installs.mintCode(team);
    },
    handle: (method, handler) => void state.handlers.set(method, handler),
    attachSocketMode: (url) => {
      state.socketModeUrl = url;
    },
    waitFor: (predicate, timeoutMs = 5000) => waitFor(events, () => predicate(api), timeoutMs, state.calls),
    onChange: (listener) => {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    close: () => closeServer(server),
  };
  return api;
}
