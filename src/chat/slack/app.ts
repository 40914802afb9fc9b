/**
 * The only place that builds a Bolt app. HTTP mode serves Slack at /slack/events (signature
 * verified by Bolt, plus our check that rejects timestamps from the future, which Bolt accepts)
 * and the operations endpoints (/livez, /readyz, /healthz, /metrics); Socket Mode connects out,
 * for councils that cannot open an inbound port, and still serves those on PORT.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  App,
  type Logger as BoltLogger,
  type CodedError,
  ErrorCode,
  HTTPModuleFunctions,
  HTTPReceiver,
  LogLevel,
} from '@slack/bolt';
import type { Config } from '../../config/index.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../ops/metrics.js';
import type { Deps } from '../../services/deps.js';
import { registerCommands } from './listeners/commands.js';
import { registerHome } from './listeners/home.js';
import { registerInteractions } from './listeners/interactions.js';
import { registerPeople } from './listeners/people.js';
import { registerShortcuts } from './listeners/shortcuts.js';
import { registerUninstall } from './listeners/uninstall.js';
import { metadataSeal } from './metadata-seal.js';
import {
  answerNotInstalled,
  INSTALL_PATH,
  installReceiverOptions,
  REDIRECT_PATH,
} from './oauth/install-receiver.js';
import type { SlackInstallationStore } from './oauth/installation-store.js';
import { observedFetch } from './observed-fetch.js';
import { guardRequest } from './request-guard.js';

const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface SlackRuntime {
  app: App;
  /** The port actually listened on (PORT=0 picks a free one). */
  port: number;
  /** The address listened on: 127.0.0.1 in local mode, every interface otherwise. */
  host: string;
  /** Resolves when no Slack request is being handled: clean shutdown waits for this. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackOptions {
  config: Pick<Config, 'mode' | 'port' | 'slack' | 'metricsToken'>;
  deps: Deps;
  /** /healthz, as before /readyz existed: whether the database answers. */
  health: () => Promise<Health>;
  /** /readyz: database reachable, migrations applied, scheduler running. Defaults to `health`. */
  readiness?: () => Promise<Health>;
  /** More listeners (reminders, App Home) register here without this file knowing them. */
  register?: ((app: App) => void)[];
  /** With `config.slack.oauth`: where installs are kept (the app then has no single token). */
  installations?: SlackInstallationStore;
  /** Extra HTTP routes (local mode's page); return true when handled. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

export interface Health {
  ok: boolean;
  detail: Record<string, string>;
}

export async function startSlack(options: SlackOptions): Promise<SlackRuntime> {
  const { config, deps } = options;
  const socket = config.mode === 'socket';
  const installs =
    !socket && config.slack.oauth && options.installations
      ? installReceiverOptions(config.slack.oauth, options.installations, {
          apiUrl: config.slack.apiUrl,
          logger: deps.logger,
        })
      : undefined;
  const receiver = socket
    ? undefined
    : new HTTPReceiver({
        ...installs,
        signingSecret: config.slack.signingSecret,
        // The guard in front (request-guard.ts) has already checked the signature and timestamp
        // of every request `route` hands over, and Bolt has no other way in: checking them twice
        // was a measurable share of each command's time (npm run bench).
        signatureVerification: false,
        logger: boltLogger(deps.logger),
        unhandledRequestTimeoutMillis: 2500,
        // A workspace with no installation is told so, politely (install-receiver.ts).
        processEventErrorHandler: async (args) =>
          (await answerNotInstalled(args, deps.logger)) ||
          HTTPModuleFunctions.defaultProcessEventErrorHandler(args),
      });
  // Socket Mode gets the same shape checks as HTTP, in a receiver of our own (socket-receiver.ts),
  // loaded only when Socket Mode is on.
  const socketReceiver = socket
    ? new (await import('./socket-receiver.js')).GuardedSocketModeReceiver({
        appToken: config.slack.appToken ?? '',
        command: config.slack.command,
        logger: boltLogger(deps.logger),
        ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      })
    : undefined;
  const app = new App({
    // Installed in several workspaces, each request's token and bot ids come from its install.
    ...(installs
      ? {}
      : {
          token: config.slack.botToken,
          // Given both ids, Bolt never calls auth.test, so the app starts with no network at all.
          botId: config.slack.botId ?? 'B00000000',
          botUserId: config.slack.botUserId ?? 'U00000000',
        }),
    // The error handler sees the request's body (to tell an uninstalled workspace's error apart).
    extendedErrorHandler: true,
    logger: boltLogger(deps.logger),
    // We keep no per-conversation state; Bolt's store would look each request up and miss.
    convoStore: false,
    // A few quick retries of 5xx and network errors; 429s wait for Retry-After (WebClient's default).
    clientOptions: {
      retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 },
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      fetch: observedFetch(deps.metrics),
    },
    receiver: socketReceiver ?? receiver,
  });
  const inFlight = trackInFlight(app);
  const seal = metadataSeal(config.slack.signingSecret);
  registerCommands(app, deps, config.slack.command, seal);
  registerInteractions(app, deps, config.slack.command, seal);
  registerShortcuts(app, deps, config.slack.command, seal);
  registerHome(app, deps);
  registerPeople(app, deps);
  registerUninstall(app, installs ? options.installations : undefined, deps.logger);
  for (const register of options.register ?? []) register(app);
  app.error(async ({ error }: { error: CodedError }) => {
    // No installation for the workspace: answered by answerNotInstalled, not a fault of ours.
    if (installs && error.code === ErrorCode.AuthorizationError) throw error;
    deps.logger.error({ err: error }, 'Slack listener error');
  });

  const guard = {
    signingSecret: config.slack.signingSecret,
    command: config.slack.command,
    logger: deps.logger,
  };
  const server = createServer((req, res) => {
    // Nothing a request does may become an unhandled rejection: that would end the process.
    route(req, res).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/livez') return probe(res, async () => ({ ok: true, detail: {} }));
    if (path === '/healthz') return probe(res, options.health);
    if (path === '/readyz') return probe(res, options.readiness ?? options.health);
    if (path === '/metrics' && deps.metrics) return metrics(req, res, deps.metrics, config.metricsToken);
    if (options.routes && (await options.routes(req, res))) return;
    // The install pages are a browser's GETs, with no Slack signature: the OAuth state (signed
    // with SLACK_STATE_SECRET and matched to the browser's cookie) guards the redirect instead.
    if (installs && receiver && req.method === 'GET' && (path === INSTALL_PATH || path === REDIRECT_PATH)) {
      receiver.requestListener(req, res);
      return;
    }
    if (!receiver || path !== '/slack/events' || req.method !== 'POST') return notFound(res);
    if (timestampFromFuture(req)) {
      res.writeHead(401).end();
      return;
    }
    if (!(await guardRequest(req, res, guard))) return;
    try {
      receiver.requestListener(req, res);
    } catch {
      // Bolt throws (synchronously) for any path it does not serve; uncaught here, it would be an
      // unhandled rejection that takes the whole process down.
      notFound(res);
    }
  }
  // Local mode has no Slack in front of it and a page anyone reaching the port could drive:
  // it answers only on this machine.
  const host = config.mode === 'local' ? '127.0.0.1' : '0.0.0.0';
  await new Promise<void>((resolve) => server.listen(config.port, host, resolve));
  if (socket) await app.start();
  const { port, address } = server.address() as { port: number; address: string };
  return {
    app,
    port,
    host: address,
    idle: inFlight.idle,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (socket) await app.stop();
      // Work acknowledged to Slack but not yet finished (a post, a DB write) completes first.
      await inFlight.idle();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Counts requests whose listeners are still running (they run on after ack()). */
function trackInFlight(app: App): { idle(): Promise<void> } {
  let count = 0;
  let waiters: (() => void)[] = [];
  app.use(async ({ next }) => {
    count += 1;
    try {
      await next();
    } finally {
      count -= 1;
      if (count === 0) {
        for (const resolve of waiters) resolve();
        waiters = [];
      }
    }
  });
  return { idle: () => (count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))) };
}

function timestampFromFuture(req: IncomingMessage): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const ts = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(ts) && ts - Date.now() / 1000 > MAX_CLOCK_SKEW_SECONDS;
}

/** A probe's JSON answer: 200 and `ok`, or 503 and `unavailable`, with what was checked. */
async function probe(res: ServerResponse, check: () => Promise<Health>): Promise<void> {
  const result = await check().catch((error: Error) => ({ ok: false, detail: { database: error.message } }));
  res
    .writeHead(result.ok ? 200 : 503, { 'content-type': 'application/json' })
    .end(JSON.stringify({ status: result.ok ? 'ok' : 'unavailable', ...result.detail }));
}

async function metrics(
  req: IncomingMessage,
  res: ServerResponse,
  registry: Metrics,
  token: string | undefined,
): Promise<void> {
  if (token && !bearerMatches(req.headers.authorization, token)) {
    res
      .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' })
      .end('/metrics needs the bearer token set in METRICS_TOKEN: Authorization: Bearer <token>\n');
    return;
  }
  const body = await registry.render();
  res.writeHead(200, { 'content-type': registry.contentType }).end(body);
}

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
}

/**
 * Bolt's logs go through our JSON logger, so there is one log format and one redaction list.
 * Bolt logs at debug on every request, so a message is only built when its level is on.
 */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](msg.map(String).join(' '));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => undefined,
    getLevel: () => (child.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => undefined,
  };
}
