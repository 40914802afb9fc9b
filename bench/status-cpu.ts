/**
 * `/improve status` CPU per request at 12 and at 48 workstreams with history (20,000 updates),
 * measured with process.cpuUsage around each request: CPU is stable on a shared, noisy machine
 * where latency is not. Two figures per size:
 *   - request: a signed slash command through the real Bolt app in this process, one at a time,
 *     until the reply reaches the Slack stand-in; the load client and the stand-in run in their
 *     own process (load-client.ts), so this is the app's own cost, Bolt and HTTP included (they
 *     ran in this process until 8 December, and parsing the longer reply counted as ours);
 *   - handler: the command's own work (ragSummary, the neutral message, the Block Kit render).
 * Target: 48 workstreams within 1.2x of 12.
 *
 *   npx tsx bench/status-cpu.ts            (bench/run.ts calls runStatusBench())
 */
import { pathToFileURL } from 'node:url';
import { summaryMessage } from '../commands/status-message.js';
import { startSlack } from '../src/chat/slack/app.js';
import { renderMessage } from '../src/chat/slack/render.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { sql } from '../src/db/sql.js';
import { AdjustableClock } from '../src/domain/clock.js';
import { todayIn } from '../src/domain/dates.js';
import { silentLogger } from '../src/logger.js';
import type { Deps } from '../src/services/deps.js';
import { ragSummary } from '../src/services/rag-summary.js';
import { SIGNING_SECRET } from './apps.js';
import { type BenchDatabase, postgresDatabase, sqliteDatabase } from './databases.js';
import { ISSUE_SHAPE, seedBenchProgramme } from './digest-data.js';
import { type LoadWorker, startLoadWorker } from './load-client.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const SIZES = [12, 48];
const WARM_UP = 100;
const REQUESTS = 300;
const HANDLER_CALLS = 1000;

export interface StatusCpuRow {
  database: string;
  workstreams: number;
  /** Mean CPU per request of each run, milliseconds. */
  requestMs: number[];
  handlerMs: number[];
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function benchDatabase(load: LoadWorker, db: BenchDatabase, runs: number): Promise<StatusCpuRow[]> {
  await migrate(db.target);
  const database = await openDatabase(db.target);
  const clock = new AdjustableClock(NOW);
  const deps: Deps = {
    db: database.prisma,
    sql: database.sql,
    clock,
    logger: silentLogger,
    adminUserIds: [],
    defaults: { timezone: 'Europe/London', digestTime: '09:00', reminderTime: '09:30' },
  };
  const runtime = await startSlack({
    config: {
      mode: 'http',
      port: 0,
      slack: {
        botToken: 'xoxb-bench',
        signingSecret: SIGNING_SECRET,
        apiUrl: load.apiUrls.ours,
        command: '/improve',
        botId: 'B0BOT00001',
        botUserId: 'U0BOT00001',
      },
    },
    deps,
    health: async () => ({ ok: true, detail: {} }),
  });
  const url = `http://127.0.0.1:${runtime.port}`;
  try {
    const today = todayIn(NOW, 'Europe/London');
    for (const workstreams of SIZES)
      await seedBenchProgramme(
        database.prisma,
        `T0WS${workstreams}`,
        { ...ISSUE_SHAPE, workstreams },
        NOW,
        today,
      );
    // PostgreSQL plans by its statistics, which autovacuum gathers within a minute of 20,000 rows
    // arriving; straight after seeding it has none, and walked every update of each workstream
    // (18 ms a status at 48 workstreams, against 0.45 ms with them).
    if (db.target.provider === 'postgresql') await database.sql.run(sql`ANALYZE`);
    // `count` status commands from this workspace, one at a time, each until its reply arrived.
    const send = async (teamId: string, count: number) => {
      await load.run({
        target: 'ours',
        appUrl: url,
        scenario: 'status',
        concurrency: 1,
        requests: count,
        teamId,
      });
      await runtime.idle();
    };
    const handler = async (workspaceId: string) =>
      renderMessage(summaryMessage(await ragSummary(deps, { workspaceId }), 'Europe/London', { button: '' }));
    const rows = SIZES.map((workstreams) => ({
      database: db.name,
      workstreams,
      requestMs: [] as number[],
      handlerMs: [] as number[],
    }));
    for (const row of rows) {
      const team = `T0WS${row.workstreams}`;
      await send(team, WARM_UP);
      const reply = JSON.stringify((await handler(team)).blocks);
      if (!reply.includes(`*WS${row.workstreams}* Workstream ${row.workstreams}`))
        throw new Error(`status did not list all ${row.workstreams} workstreams`);
    }
    // The sizes take turns, so a noisy moment falls on both alike.
    for (let run = 0; run < runs; run++)
      for (const row of rows) {
        const team = `T0WS${row.workstreams}`;
        let started = process.cpuUsage();
        await send(team, REQUESTS);
        row.requestMs.push(cpuMs(started) / REQUESTS);
        started = process.cpuUsage();
        for (let i = 0; i < HANDLER_CALLS; i++) await handler(team);
        row.handlerMs.push(cpuMs(started) / HANDLER_CALLS);
      }
    return rows;
  } finally {
    await runtime.stop();
    await database.close();
    await db.drop();
  }
}

/** Every database that answers, `runs` runs each (3 by default). */
export async function runStatusBench(options: { runs?: number } = {}): Promise<StatusCpuRow[]> {
  const rows: StatusCpuRow[] = [];
  const load = await startLoadWorker();
  try {
    for (const db of [sqliteDatabase(), await postgresDatabase()])
      if (db) rows.push(...(await benchDatabase(load, db, options.runs ?? 3)));
  } finally {
    await load.stop();
  }
  return rows;
}

const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
};
const mmm = (values: number[]) => {
  const { min, median, max } = spread(values);
  return `${min.toFixed(3)} / ${median.toFixed(3)} / ${max.toFixed(3)}`;
};

export function formatStatusBench(rows: StatusCpuRow[]): string {
  const lines = [
    '`/improve status` CPU per request, ms (min / median / max of runs), 20,000 updates of history',
    'database    workstreams  request (Bolt + HTTP)     handler only',
    ...rows.map(
      (r) =>
        `${r.database.padEnd(11)} ${String(r.workstreams).padStart(11)}  ${mmm(r.requestMs).padEnd(24)}  ${mmm(r.handlerMs)}`,
    ),
  ];
  for (const database of new Set(rows.map((r) => r.database))) {
    const [small, large] = SIZES.map(
      (n) => rows.find((r) => r.database === database && r.workstreams === n)!,
    );
    for (const key of ['requestMs', 'handlerMs'] as const) {
      const ratios = small![key].map((v, i) => large![key][i]! / v);
      const { median } = spread(ratios);
      lines.push(
        `${median <= 1.2 ? 'MET ' : 'MISS'} ${database} ${key === 'requestMs' ? 'request' : 'handler'} at 48 within 1.2x of 12: ${mmm(ratios)}x`,
      );
    }
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  runStatusBench().then(
    (rows) => {
      console.log(formatStatusBench(rows));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
