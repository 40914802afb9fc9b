/**
 * The two apps under load: ours (startSlack with a real, migrated, seeded database) and a bare
 * Bolt app that acks and posts one fixed reply to response_url. Each talks to its own Slack
 * stand-in, which the load worker runs.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { startSlack } from '../src/chat/slack/app.js';
import { openDatabase } from '../src/db/client.js';
import type { DatabaseTarget } from '../src/db/database-url.js';
import { migrate } from '../src/db/migrate.js';
import { systemClock } from '../src/domain/clock.js';
import { silentLogger } from '../src/logger.js';
import { createMetrics } from '../src/ops/metrics.js';
import type { Deps } from '../src/services/deps.js';
import { seedProgramme, TEAM } from '../test/support/factories.js';

export const SIGNING_SECRET = 'bench-signing-secret';

export interface AppUnderLoad {
  url: string;
  /** SQL statements sent so far (ours only). */
  queries?: { count: number };
  stop(): Promise<void>;
}

export async function startOurs(target: DatabaseTarget, apiUrl: string): Promise<AppUnderLoad> {
  await migrate(target);
  const database = await openDatabase(target);
  const deps: Deps = {
    db: database.prisma,
    sql: database.sql,
    clock: systemClock,
    logger: silentLogger,
    adminUserIds: [],
    defaults: { timezone: 'Europe/London', digestTime: '09:00', reminderTime: '09:30' },
    // As in production (src/app.ts): every Web API answer is counted (observed-fetch.ts).
    metrics: createMetrics(),
  };
  await seedProgramme(deps, TEAM);
  const runtime = await startSlack({
    config: {
      mode: 'http',
      port: 0,
      slack: {
        botToken: 'xoxb-bench',
        signingSecret: SIGNING_SECRET,
        apiUrl,
        command: '/improve',
        botId: 'B0BOT00001',
        botUserId: 'U0BOT00001',
      },
    },
    deps,
    health: async () => ({ ok: true, detail: {} }),
  });
  return {
    url: `http://127.0.0.1:${runtime.port}`,
    queries: database.queries,
    async stop() {
      await runtime.stop();
      await database.close();
    },
  };
}

export async function startBare(apiUrl: string): Promise<AppUnderLoad> {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SIGNING_SECRET,
    botId: 'B0BOT00001',
    botUserId: 'U0BOT00001',
    clientOptions: { slackApiUrl: apiUrl },
    logLevel: LogLevel.ERROR,
  });
  app.command('/improve', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'Noted.' });
  });
  const server = (await app.start(0)) as { address(): AddressInfo };
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => app.stop() as Promise<void>,
  };
}
