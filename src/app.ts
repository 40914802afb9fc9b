/**
 * The composition root: configuration, database (migrated before use), services' dependencies,
 * the Slack app and the scheduler. Nothing else constructs these.
 */

import { type SlackRuntime, startSlack } from './chat/slack/app.js';
import { identifyBot } from './chat/slack/identify-bot.js';
import { slackInstallationStore } from './chat/slack/oauth/installation-store.js';
import { tokenCipher } from './chat/slack/oauth/token-cipher.js';
import { slackWorkspaceChats } from './chat/slack/oauth/workspace-chats.js';
import { observedFetch } from './chat/slack/observed-fetch.js';
import { slackChat } from './chat/slack/slack-chat.js';
import type { TeamsRuntime } from './chat/teams/app.js';
import type { Config } from './config/index.js';
import { type Database, openDatabase } from './db/client.js';
import { describeTarget } from './db/database-url.js';
import { migrate } from './db/migrate.js';
import { sql } from './db/sql.js';
import { type Clock, systemClock } from './domain/clock.js';
import { type LocalMode, startLocalMode } from './local/local-mode.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './ops/metrics.js';
import { queueDepth } from './ops/queue-depth.js';
import { checkReadiness } from './ops/readiness.js';
import { digestJob } from './scheduler/digest-job.js';
import { type Job, type Scheduler, startScheduler } from './scheduler/index.js';
import { reminderJob } from './scheduler/reminder-job.js';
import { retentionJob } from './scheduler/retention-job.js';
import type { ChatDeps, Deps } from './services/deps.js';

export interface RunningApp {
  port: number;
  deps: Deps;
  database: Database;
  slack: SlackRuntime;
  /** Teams, when CLIENT_ID and CLIENT_SECRET are set: served on the same port at /api/messages. */
  teams?: TeamsRuntime;
  scheduler?: Scheduler;
  /** Local mode's Slack stand-in and page (no Slack credentials). */
  local?: LocalMode;
  stop(): Promise<void>;
}

/** The scheduled jobs; each is safe to run twice and on several replicas. */
export function scheduledJobs(deps: ChatDeps, retentionYears?: number): Job[] {
  return [
    reminderJob(deps),
    digestJob(deps),
    ...(retentionYears ? [retentionJob(deps, retentionYears)] : []),
  ];
}

export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
}

export async function startApp(given: Config, options: StartOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(given.logLevel);
  // Before anything is written: a wrong token stops start-up here, with one line saying so.
  const config: Config =
    given.mode === 'local'
      ? given
      : { ...given, slack: { ...given.slack, ...(await identifyBot(given.slack, logger)) } };
  const { applied } = await migrate(config.database);
  logger.info(
    { database: describeTarget(config.database), applied },
    applied.length ? 'migrations applied' : 'database up to date',
  );
  const database = await openDatabase(config.database);
  const local =
    config.mode === 'local' ? await startLocalMode(config, { clock: options.clock, logger }) : undefined;
  const deps: Deps = {
    db: database.prisma,
    sql: database.sql,
    clock: local?.clock ?? options.clock ?? systemClock,
    logger,
    adminUserIds: config.adminUserIds,
    defaults: config.defaults,
    metrics: createMetrics(() => queueDepth(database.prisma)),
  };
  // Before the scheduler's first tick, so the digest and reminders have something to show.
  await local?.seed(database.prisma);
  let scheduler: Scheduler | undefined;
  // The Teams SDK is loaded only when Teams is configured: a Slack-only bot starts without it.
  // Local mode gives its own Teams stand-in's settings, for the page's Teams view.
  const teamsConfig = local?.config.teams ?? config.teams;
  const teams = teamsConfig
    ? await (await import('./chat/teams/app.js')).startTeams({ config: teamsConfig, deps })
    : undefined;
  const localRoutes = local?.routes;
  // Installed in several workspaces (SLACK_CLIENT_ID): each one's tokens, encrypted, in the database.
  const oauth = local ? undefined : config.slack.oauth;
  const installations = oauth
    ? slackInstallationStore({
        db: database.prisma,
        clock: deps.clock,
        cipher: tokenCipher(oauth.installationKey),
      })
    : undefined;
  const slack = await startSlack({
    config: local?.config ?? config,
    deps,
    installations,
    routes:
      teams || localRoutes
        ? async (req, res) => Boolean(teams?.routes(req, res) || (await localRoutes?.(req, res)))
        : undefined,
    // On the hand-written SQL's connection: /healthz answers without waiting for Prisma to start.
    health: async () => {
      await database.sql.one(sql`SELECT 1`);
      return { ok: true, detail: { database: 'ok' } };
    },
    readiness: () =>
      checkReadiness({
        db: database.prisma,
        target: config.database,
        scheduler,
        schedulerEnabled: config.schedulerEnabled,
      }),
  });
  // Each workspace's scheduled work goes through its platform's Chat (src/chat/workspace-chat.ts).
  const chatDeps: ChatDeps = {
    ...deps,
    chat: slackChat(slack.app.client),
    ...(teams ? { teamsChat: teams.chatFor } : {}),
    ...(installations
      ? {
          chatFor: slackWorkspaceChats(installations, config.slack.apiUrl, observedFetch(deps.metrics)),
        }
      : {}),
    instanceId: config.instanceId,
  };
  // In local mode the first tick waits for the page's buttons (or the next minute), so the
  // person trying the bot sees the digest and reminders arrive rather than find them there.
  scheduler = config.schedulerEnabled
    ? startScheduler(scheduledJobs(chatDeps, config.retentionYears), {
        cron: config.schedulerCron,
        clock: deps.clock,
        logger,
        runAtStart: !local,
      })
    : undefined;
  logger.info({ mode: config.mode, port: slack.port }, 'improvement-bot is running');
  local?.ready({ port: slack.port, tick: () => scheduler?.tick() ?? Promise.resolve(), deps: chatDeps });
  let stopping: Promise<void> | undefined;
  return {
    port: slack.port,
    deps,
    database,
    slack,
    teams,
    scheduler,
    local,
    stop: () => {
      stopping ??= (async () => {
        await scheduler?.stop();
        await slack.stop();
        // Replies already queued for Teams go out before the database closes under them.
        await teams?.idle();
        await local?.close();
        await database.close();
        logger.info('stopped cleanly');
      })();
      return stopping;
    },
  };
}
