/**
 * The Teams benchmark: signed message activities typed in a lead's 1:1 chat (`improve update WS1
 * …` and `improve status`) over loopback at concurrencies 1, 16 and 64, to our app's Teams path
 * (startTeams served on the Slack server's port, as in production, with a real migrated and seeded
 * database) and to a bare Teams SDK app with the same JWT validation config whose message handler
 * sends one fixed reply. Latency runs until the reply activity reaches the fake Bot Connector.
 * The load client and the Teams stand-ins run in their own process (teams-worker.ts); the apps
 * take turns over 4 rounds at each concurrency, and each row pools its rounds, as the Slack
 * commands bench does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import { ConsoleLogger } from '@microsoft/teams.common';
import { startSlack } from '../src/chat/slack/app.js';
import { startTeams } from '../src/chat/teams/app.js';
import { botTokenSource } from '../src/chat/teams/token.js';
import { openDatabase } from '../src/db/client.js';
import type { DatabaseTarget } from '../src/db/database-url.js';
import { migrate } from '../src/db/migrate.js';
import { systemClock } from '../src/domain/clock.js';
import { silentLogger } from '../src/logger.js';
import type { Deps } from '../src/services/deps.js';
import { seedProgramme } from '../test/support/factories.js';
import type { AppUnderLoad } from './apps.js';
import { type BenchDatabase, postgresDatabase, sqliteDatabase } from './databases.js';
import { type LoadWorker, startLoadWorker } from './load-client.js';
import { measureRounds } from './rounds.js';
import { percentile, type RunResult, roundRatios, table } from './stats.js';
import { BARE_TEAMS, CAST, CLIENT_ID, CLIENT_SECRET, TEAMS_SCENARIOS, TENANT } from './teams-scenarios.js';

/** The app's Teams config, pointed at the stand-in whose base URL the load worker gave. */
const teamsConfig = (standinUrl: string) => ({
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  openIdMetadataUrl: `${standinUrl}/v1/.well-known/openidconfiguration`,
  tokenUrl: `${standinUrl}/botframework.com/oauth2/v2.0/token`,
});

/** Ours: the programme seeded as the Slack bench seeds it (seedProgramme), by Entra ids in the tenant. */
export async function startOursTeams(target: DatabaseTarget, standinUrl: string): Promise<AppUnderLoad> {
  await migrate(target);
  const database = await openDatabase(target);
  const deps: Deps = {
    db: database.prisma,
    sql: database.sql,
    clock: systemClock,
    logger: silentLogger,
    adminUserIds: [],
    defaults: { timezone: 'Europe/London', digestTime: '09:00', reminderTime: '09:30' },
  };
  await seedProgramme(deps, TENANT, CAST);
  const teams = await startTeams({ config: teamsConfig(standinUrl), deps });
  const slack = await startSlack({
    config: {
      mode: 'http',
      port: 0,
      slack: {
        botToken: 'xoxb-bench',
        signingSecret: 'bench-signing-secret',
        command: '/improve',
        botId: 'B0BOT00001',
        botUserId: 'U0BOT00001',
      },
    },
    deps,
    health: async () => ({ ok: true, detail: {} }),
    routes: teams.routes,
  });
  return {
    url: `http://127.0.0.1:${slack.port}`,
    queries: database.queries,
    async stop() {
      await slack.stop();
      await teams.idle();
      await database.close();
    },
  };
}

/**
 * The bare Teams SDK app: the same client id, OpenID metadata (so the same JWT validation) and
 * token endpoint as ours, on its own HTTP server, answering every message with one fixed reply.
 */
export async function startBareTeams(standinUrl: string): Promise<AppUnderLoad> {
  const config = teamsConfig(standinUrl);
  const server = createServer();
  const app = new App({
    clientId: config.clientId,
    clientSecret: '',
    tenantId: '',
    token: botTokenSource(config, systemClock),
    cloud: withOverrides(PUBLIC, { openIdMetadataUrl: config.openIdMetadataUrl }),
    dangerouslyAllowUnauthenticatedRequests: false,
    httpServerAdapter: new ExpressAdapter(server),
    messagingEndpoint: '/api/messages',
    logger: new ConsoleLogger('bare-teams', { level: 'error' }),
  });
  app.on('message', async (ctx) => {
    await ctx.send('Noted.');
  });
  await app.initialize();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function benchDatabase(load: LoadWorker, db: BenchDatabase): Promise<RunResult[]> {
  const apps = {
    ours: await startOursTeams(db.target, load.apiUrls.ours),
    bare: await startBareTeams(load.apiUrls.bare),
  };
  try {
    return await measureRounds(load, apps, db.name, BARE_TEAMS, TEAMS_SCENARIOS);
  } finally {
    await apps.ours.stop();
    await apps.bare.stop();
    await db.drop();
  }
}

/** Every Teams row, on SQLite and (when a server answers) PostgreSQL. */
export async function runTeamsBench(): Promise<RunResult[]> {
  const load = await startLoadWorker('./teams-worker.ts');
  const results: RunResult[] = [];
  try {
    for (const db of [sqliteDatabase(), await postgresDatabase()]) {
      if (!db) continue;
      process.stdout.write(`Teams ${db.name} `);
      results.push(...(await benchDatabase(load, db)));
      process.stdout.write('\n');
    }
  } finally {
    await load.stop();
  }
  return results;
}

export function formatTeamsBench(results: RunResult[]): string {
  const bare = new Map(
    results.filter((r) => r.scenario === BARE_TEAMS.name).map((b) => [`${b.database}:${b.concurrency}`, b]),
  );
  const mark = (met: boolean) => (met ? 'MET ' : 'MISS');
  const lines: string[] = [];
  for (const r of results.filter((r) => r.scenario !== BARE_TEAMS.name)) {
    const base = bare.get(`${r.database}:${r.concurrency}`)!;
    const ratio = percentile(r.visibleMs, 50) / percentile(base.visibleMs, 50);
    lines.push(
      `${mark(ratio <= 2)} p50 within 2x of bare Teams SDK, ${r.database} ${r.scenario} at ${r.concurrency}: ${ratio.toFixed(2)}x ${roundRatios(r, base, 'p50')}`,
    );
    const cpu = r.cpuMsPerRequest! / base.cpuMsPerRequest!;
    lines.push(
      `${mark(cpu <= 2)} CPU per request within 2x of bare Teams SDK, ${r.database} ${r.scenario} at ${r.concurrency}: ${cpu.toFixed(2)}x ${roundRatios(r, base, 'cpuMsPerRequest')}`,
    );
  }
  const slowestAck = Math.max(...results.map((r) => percentile(r.ackMs, 99)));
  lines.push(
    `${mark(slowestAck < 15_000)} every HTTP answer's p99 inside Teams' 15 s: slowest ${slowestAck.toFixed(1)} ms`,
  );
  return [
    'Teams: latency until the reply activity reached the fake Bot Connector, loopback, a new connection per request; load client and Teams stand-ins in their own process.',
    '',
    table(results, bare),
    '',
    ...lines,
  ].join('\n');
}

/**
 * Each command's p50 on both platforms at each concurrency, each beside its own bare SDK app, when
 * the commands bench ran in the same `npm run bench`.
 */
export function formatBesideSlack(slack: RunResult[], teams: RunResult[]): string {
  const p50 = (r?: RunResult) => (r ? percentile(r.visibleMs, 50) : Number.NaN);
  const find = (results: RunResult[], r: RunResult, scenario: string) =>
    results.find(
      (s) => s.database === r.database && s.concurrency === r.concurrency && s.scenario === scenario,
    );
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-');
  const head = [
    'database',
    'command',
    'conc',
    'Slack p50',
    'vs bare Bolt',
    'Teams p50',
    'vs bare Teams SDK',
    'Teams/Slack',
  ];
  const rows = teams
    .filter((r) => r.scenario !== BARE_TEAMS.name)
    .map((r) => {
      const s = find(slack, r, r.scenario);
      return [
        r.database,
        r.scenario,
        String(r.concurrency),
        ms(p50(s)),
        times(p50(s) / p50(find(slack, r, 'bare Bolt'))),
        ms(p50(r)),
        times(p50(r) / p50(find(teams, r, BARE_TEAMS.name))),
        times(p50(r) / p50(s)),
      ];
    });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    'Teams beside Slack: p50 ms until the answer arrived, each against its own bare SDK app. The two suites ran one',
    'after the other, not in turns, so Teams/Slack carries any change in the machine between them; the vs-bare columns do not.',
    '',
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
