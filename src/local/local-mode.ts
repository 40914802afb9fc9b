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
import { seedDemo } from '../seed/demo.js';
import type { ChatDeps } from '../services/deps.js';
import { ChangeFeed } from './page/change-feed.js';
import type { PageContext, TeamsView } from './page/context.js';
import { type OnRequest, onRequest } from './page/on-request.js';
import { pageRoutes } from './page/routes.js';
import { PageStore, pageFileFor } from './page-store.js';
import { createSlackWebApi, type SlackWebApi } from './slack-web-api.js';
import { installEverywhere } from './teams/activities.js';
import { startTeamsConnector, type TeamsConnector } from './teams/connector.js';
import {
  LOCAL_TEAMS_CLIENT_ID,
  LOCAL_TENANT_ID,
  TEAMS_BOARD_CHANNEL,
  TEAMS_CHANNELS,
  TEAMS_PEOPLE,
} from './teams/workspace.js';
import {
  BOARD_CHANNEL,
  LOCAL_BOT,
  LOCAL_CHANNELS,
  LOCAL_PEOPLE,
  LOCAL_TEAM_ID,
  LOCAL_TEAM_NAME,
} from './workspace.js';

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
  // The Teams view, unless the app has a real Teams to talk to: local mode never replaces that.
  const teamsSecret = randomBytes(32).toString('hex');
  const teams = config.teams
    ? undefined
    : await startTeamsConnector({
        clientId: LOCAL_TEAMS_CLIENT_ID,
        clientSecret: teamsSecret,
        clock: () => clock.now(),
      });
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
          teamsActivities: teams?.activities ?? [],
        }),
        options.logger,
      )
    : undefined;
  if (store) {
    const saved = store.load();
    slack.restoreMessages(saved.messages);
    teams?.restore(saved.teamsActivities);
    if (saved.clockOffsetMs > clock.offset) clock.advance(saved.clockOffsetMs - clock.offset);
  }
  const unsubscribe = [
    slack.onChange(() => feed.bump()),
    ...(teams ? [teams.onChange(() => feed.bump())] : []),
    feed.subscribe(() => store?.schedule()),
  ];
  let appPort = 0;
  let tick: () => Promise<void> = async () => undefined;
  let requests: { slack: OnRequest; teams: OnRequest } | undefined;
  const running = () => {
    if (!requests) throw new Error('local mode: the page was used before the app was ready');
    return requests;
  };
  let installed: () => void = () => undefined;
  const teamsView: TeamsView | undefined = teams && {
    connector: teams,
    appUrl: () => `http://127.0.0.1:${appPort}`,
    ready: new Promise<void>((resolve) => {
      installed = resolve;
    }),
    onRequest: { digest: () => running().teams.digest(), reminders: () => running().teams.reminders() },
  };
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
    appUrl: () => `http://127.0.0.1:${appPort}`,
    tick: () => tick(),
    onRequest: { digest: () => running().slack.digest(), reminders: () => running().slack.reminders() },
    ...(teamsView ? { teams: teamsView } : {}),
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
      ...(teams
        ? {
            teams: {
              clientId: LOCAL_TEAMS_CLIENT_ID,
              clientSecret: teamsSecret,
              openIdMetadataUrl: teams.openIdMetadataUrl,
              tokenUrl: teams.tokenUrl,
            },
          }
        : {}),
    },
    clock,
    slack,
    ...(teams ? { teams } : {}),
    pageFile,
    routes: (req, res) => pageRoutes(ctx, req, res),
    async seed(db) {
      const demos = [
        {
          workspaceId: LOCAL_TEAM_ID,
          platform: 'slack' as const,
          people: LOCAL_PEOPLE.map((p) => p.id),
          boardChannelId: BOARD_CHANNEL.id,
        },
        ...(teams
          ? [
              {
                workspaceId: LOCAL_TENANT_ID,
                platform: 'teams' as const,
                people: TEAMS_PEOPLE.map((p) => p.aadObjectId),
                boardChannelId: TEAMS_BOARD_CHANNEL.id,
              },
            ]
          : []),
      ];
      for (const demo of demos) {
        if ((await db.programme.count({ where: { workspaceId: demo.workspaceId } })) > 0) continue;
        await seedDemo(db, { ...demo, now: clock.now() });
        options.logger.info({ workspace: demo.workspaceId }, 'local mode: loaded the demo programme');
      }
    },
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
      if (teamsView)
        installEverywhere(teamsView).then(installed, (error: unknown) => {
          options.logger.error({ err: error }, 'local mode: could not install the Teams app locally');
          installed();
        });
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
