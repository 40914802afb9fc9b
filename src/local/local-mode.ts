/**
 * Local mode: `npm start` with no Slack credentials. The same Bolt app, commands, services and
 * scheduler, talking to an in-process stand-in of the Slack Web API instead of Slack, with a
 * small Slack-like page on the app's own port to drive it. The stand-in's messages and the moved
 * clock are kept beside the database (page-store.ts), so a restart loses nothing the data keeps.
 * The page can also show Teams: the real Teams app, in a local tenant of its own with its own copy
 * of the demo, talking to a local Bot Connector (src/local/teams). Only src/app.ts knows about it.
 */
import { randomBytes } from 'node:crypto';
import type { SlackOptions } from '../chat/slack/app.js';
import type { Config } from '../config/index.js';
import type { Db } from '../db/client.js';
import { AdjustableClock, type Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import type { ChatDeps } from '../services/deps.js';
import { seedLocalDemos } from './demos.js';
import { ChangeFeed } from './page/change-feed.js';
import type { PageContext } from './page/context.js';
import { type OnRequest, onRequest } from './page/on-request.js';
import { pageRoutes } from './page/routes.js';
import { PageStore, pageFileFor } from './page-store.js';
import { createSlackWebApi, type SlackWebApi } from './slack-web-api.js';
import type { TeamsConnector } from './teams/connector.js';
import { startLocalTeams } from './teams/local-teams.js';
import { LOCAL_TENANT_ID, TEAMS_CHANNELS } from './teams/workspace.js';
import { LOCAL_BOT, LOCAL_CHANNELS, LOCAL_PEOPLE, LOCAL_TEAM_ID, LOCAL_TEAM_NAME } from './workspace.js';

export interface LocalMode {
  /** The app's configuration, pointed at the stand-in. */
  config: Config;
  clock: AdjustableClock;
  slack: SlackWebApi;
  /** The Teams view's Bot Connector (absent when the app is set up for a real Teams). */
  teams?: TeamsConnector;
  routes: NonNullable<SlackOptions['routes']>;
  /** Loads the demo programme when the workspace has none yet (first start). */
  seed(db: Db): Promise<void>;
  /** Where the page is kept across restarts (null: an in-memory database keeps nothing). */
  pageFile: string | null;
  /** Called once the app listens: the page can now reach it, run the scheduler and the services. */
  ready(app: { port: number; tick(): Promise<void>; deps: ChatDeps }): void;
  close(): Promise<void>;
}

export async function startLocalMode(
  config: Config,
  options: { clock?: Clock; logger: Logger },
): Promise<LocalMode> {
  // A given AdjustableClock (tests) is used as it is; otherwise time runs from the real clock
  // and the page's buttons move it forward.
  const clock =
    options.clock instanceof AdjustableClock ? options.clock : new AdjustableClock(undefined, options.clock);
  const slack = await createSlackWebApi({
    strict: false,
    teamId: LOCAL_TEAM_ID,
    bot: LOCAL_BOT,
    users: [...LOCAL_PEOPLE, { id: LOCAL_BOT.userId, name: LOCAL_BOT.name, isBot: true }],
    channels: LOCAL_CHANNELS,
    clock: () => clock.now(),
  });
  let appPort = 0;
  const appUrl = () => `http://127.0.0.1:${appPort}`;
  let requests: { slack: OnRequest; teams: OnRequest } | undefined;
  const running = () => {
    if (!requests) throw new Error('local mode: the page was used before the app was ready');
    return requests;
  };
  // The Teams view, unless the app has a real Teams to talk to: local mode never replaces that.
  const localTeams = config.teams
    ? undefined
    : await startLocalTeams({
        clock: () => clock.now(),
        appUrl,
        onRequest: { digest: () => running().teams.digest(), reminders: () => running().teams.reminders() },
      });
  const teams = localTeams?.connector;
  // A fresh secret each start: a fixed one would be public (it is in the source), and anyone
  // who could reach the port could then sign requests as Slack. Only the page needs to know it.
  const signingSecret = randomBytes(32).toString('hex');
  const feed = new ChangeFeed();
  const pageFile = pageFileFor(config.database);
  const store = pageFile
    ? new PageStore(
        pageFile,
        () => ({
          clockOffsetMs: clock.offset,
          messages: slack.messages,
          teamsActivities: teams?.history.activities ?? [],
        }),
        options.logger,
      )
    : undefined;
  if (store) {
    const saved = store.load();
    slack.restoreMessages(saved.messages);
    teams?.history.restore(saved.teamsActivities);
    if (saved.clockOffsetMs > clock.offset) clock.advance(saved.clockOffsetMs - clock.offset);
  }
  const unsubscribe = [
    slack.onChange(() => feed.bump()),
    ...(teams ? [teams.history.onChange(() => feed.bump())] : []),
    feed.subscribe(() => store?.schedule()),
  ];
  let tick: () => Promise<void> = async () => undefined;
  const ctx: PageContext = {
    slack,
    teamName: LOCAL_TEAM_NAME,
    people: LOCAL_PEOPLE,
    channels: LOCAL_CHANNELS,
    command: config.slack.command,
    signingSecret,
    clock,
    timezone: config.defaults.timezone,
    feed,
    closedViews: new Set(),
    appUrl,
    tick: () => tick(),
    onRequest: { digest: () => running().slack.digest(), reminders: () => running().slack.reminders() },
    ...(localTeams ? { teams: localTeams.view } : {}),
  };
  return {
    config: {
      ...config,
      slack: {
        ...config.slack,
        signingSecret,
        apiUrl: slack.apiUrl,
        botId: LOCAL_BOT.botId,
        botUserId: LOCAL_BOT.userId,
      },
      ...(localTeams ? { teams: localTeams.config } : {}),
    },
    clock,
    slack,
    ...(teams ? { teams } : {}),
    pageFile,
    routes: (req, res) => pageRoutes(ctx, req, res),
    seed: (db) => seedLocalDemos(db, { teams: Boolean(teams), now: clock.now(), logger: options.logger }),
    ready(app) {
      appPort = app.port;
      tick = app.tick;
      requests = {
        slack: onRequest(app.deps, {
          id: LOCAL_TEAM_ID,
          channelName: (id) => `#${LOCAL_CHANNELS.find((c) => c.id === id)?.name ?? id}`,
        }),
        teams: onRequest(app.deps, {
          id: LOCAL_TENANT_ID,
          channelName: (id) => TEAMS_CHANNELS.find((c) => c.id === id)?.name ?? id,
        }),
      };
      localTeams?.install(options.logger);
      const url = `http://localhost:${app.port}`;
      options.logger.info({ url }, 'local mode: open the page to try improvement-bot');
      // A plain line too: the first thing someone trying the bot looks for among the JSON logs.
      if (config.logLevel !== 'silent')
        console.log(`\nOpen ${url} to try improvement-bot (local mode: no Slack needed).\n`);
    },
    async close() {
      for (const stop of unsubscribe) stop();
      store?.schedule();
      store?.flush();
      await slack.close();
      await teams?.close();
    },
  };
}
