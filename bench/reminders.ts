/**
 * Reminders benchmark (not a test): one daily sweep over 150 programmes, 20,000 owners and
 * 100,000 open actions, on SQLite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL names a
 * PostgreSQL server, on PostgreSQL. Reports wall time, peak memory (RSS sampled every 10 ms),
 * SQL queries and messages, then the cost of the next tick the same day (everything already sent).
 * The chat is an in-process stand-in that answers at once, behind the real per-channel pacing.
 *
 *   npx tsx bench/reminders.ts         (bench/run.ts can call runRemindersBench())
 */

import { pathToFileURL } from 'node:url';
import type { Chat } from '../src/chat/chat.js';
import { pacedChat } from '../src/chat/paced-chat.js';
import { type Db, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { AdjustableClock } from '../src/domain/clock.js';
import { addDays, type Day, todayIn } from '../src/domain/dates.js';
import { silentLogger } from '../src/logger.js';
import { inParallel } from '../src/services/in-parallel.js';
import { MAX_ROWS } from '../src/services/reminder-messages.js';
import { sendDueReminders } from '../src/services/send-due-reminders.js';
import type { Tally } from '../src/services/sweep.js';
import { scratchTarget } from './databases.js';
import { ISSUE_SHAPE, type RemindersShape, seedRemindersWorld } from './reminders-data.js';
import { formatSlackSweepBench, runSlackSweepBench, type SlackSweepRun } from './reminders-slack.js';

export interface RemindersBenchResult {
  provider: string;
  shape: RemindersShape;
  sweepMs: number;
  peakRssMb: number;
  baselineRssMb: number;
  queries: number;
  tally: Tally;
  calls: Record<string, number>;
  /** The next tick the same day, when every reminder is already out. */
  nextTick: { ms: number; queries: number; messages: number };
  /** Time spent waiting in the per-channel pacing (summed over reminders in flight). */
  pacedMs: number;
  /** The bulk-SQL floor on the same data in the same run (bulkFloor). */
  floor: { ms: number; queries: number; messages: number };
}

/** Reminders in flight at once in the floor, as a hand-written bulk job would have. */
const FLOOR_IN_FLIGHT = 16;

/** Runs per database (and of the one-workspace Slack sweep): min / median / max are reported. */
const RUNS = 3;

/**
 * The floor a sweep is measured against: the same owners' reminders as a hand-written bulk job
 * would send them. Three queries for the whole world (programmes, every due open action,
 * their owners), grouped in memory, one plain DM per owner through the same chat (16 in flight),
 * and a ledger row per message written 500 at a time. No exactly-once, escalations,
 * countdowns, snoozes or hours: a lower bound, not a design.
 */
async function bulkFloor(db: Db, chat: Chat, day: Day): Promise<number> {
  const programmes = await db.programme.findMany({
    select: { id: true, workspaceId: true, dueSoonDays: true },
  });
  const soonest = Math.max(...programmes.map((p) => p.dueSoonDays));
  const actions = await db.action.findMany({
    where: { status: 'open', dueDate: { lte: addDays(day, soonest) } },
    select: { id: true, number: true, text: true, dueDate: true, programmeId: true, ownerId: true },
    orderBy: [{ ownerId: 'asc' }, { dueDate: 'asc' }, { number: 'asc' }],
  });
  const people = new Map(
    (await db.person.findMany({ select: { id: true, platformUserId: true } })).map((p) => [
      p.id,
      p.platformUserId,
    ]),
  );
  const byOwner = new Map<string, typeof actions>();
  for (const action of actions) {
    const key = `${action.programmeId}:${action.ownerId}`;
    const list = byOwner.get(key) ?? [];
    if (list.length < MAX_ROWS) list.push(action);
    byOwner.set(key, list);
  }
  const workspaceOf = new Map(programmes.map((p) => [p.id, p.workspaceId]));
  const owners = [...byOwner.values()];
  const rows: {
    workspaceId: string;
    programmeId: number;
    recipient: string;
    subjectKey: string;
    channelId: string;
    messageId: string;
  }[] = [];
  await inParallel(owners, FLOOR_IN_FLIGHT, async (list) => {
    const first = list[0]!;
    const recipient = people.get(first.ownerId) ?? '';
    const posted = await chat.dm(recipient, {
      text: list.map((a) => `A-${a.number} ${a.text} · due ${a.dueDate}`).join('\n'),
    });
    rows.push({
      workspaceId: workspaceOf.get(first.programmeId)!,
      programmeId: first.programmeId,
      recipient,
      subjectKey: `programme:${first.programmeId}`,
      ...posted,
    });
  });
  const now = new Date(NOW);
  for (let i = 0; i < rows.length; i += 500)
    await db.reminderLog.createMany({
      data: rows.slice(i, i + 500).map((r) => ({
        workspaceId: r.workspaceId,
        programmeId: r.programmeId,
        kind: 'floor',
        subjectKey: r.subjectKey,
        recipient: r.recipient,
        day,
        status: 'sent',
        claimedBy: 'floor',
        leaseUntil: now,
        channelId: r.channelId,
        messageId: r.messageId,
        sentAt: now,
        createdAt: now,
      })),
    });
  return rows.length;
}

// Monday 23 November 2026, 09:30 London: action reminders, the week's escalations and a countdown.
const NOW = new Date('2026-11-23T09:30:00Z');

/** A chat platform that answers at once and counts what it was asked. */
function fastChat(calls: Record<string, number>): Chat {
  let ts = 0;
  const count = (...methods: string[]) => {
    for (const method of methods) calls[method] = (calls[method] ?? 0) + 1;
  };
  const posted = (channelId: string) => {
    ts += 1;
    return { channelId, messageId: String(ts) };
  };
  return {
    post: async (channelId) => {
      count('chat.postMessage');
      return posted(channelId);
    },
    dm: async (userId) => {
      count('conversations.open', 'chat.postMessage');
      return posted(`D${userId}`);
    },
    dmChannel: async (userId) => {
      count('conversations.open');
      return `D${userId}`;
    },
    update: async () => count('chat.update'),
    user: async (id) => {
      count('users.info');
      return { id, timezone: 'Europe/London', unreachable: false };
    },
    findPosted: async () => [],
  };
}

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 10);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function benchOne(
  provider: 'sqlite' | 'postgresql',
  serverUrl: string | undefined,
  shape: RemindersShape,
): Promise<RemindersBenchResult[]> {
  const { target, drop } = await scratchTarget(provider, serverUrl, 'reminders_bench');
  await migrate(target);
  const database = await openDatabase(target);
  try {
    await seedRemindersWorld(database.prisma, shape, todayIn(NOW, 'Europe/London'));
    const calls: Record<string, number> = {};
    const waited = { ms: 0 };
    const deps = {
      db: database.prisma,
      sql: database.sql,
      clock: new AdjustableClock(NOW),
      logger: silentLogger,
      chat: pacedChat(fastChat(calls), {
        wait: (ms: number) => {
          waited.ms += ms;
          return new Promise<void>((resolve) => setTimeout(resolve, ms));
        },
      }),
      instanceId: 'bench',
    };
    const runs: RemindersBenchResult[] = [];
    // Each run from an empty ledger on the same data: the floor, the sweep, the next tick.
    for (let run = 0; run < RUNS; run++) {
      await database.prisma.reminderLog.deleteMany({});
      for (const key of Object.keys(calls)) delete calls[key];
      global.gc?.();
      database.queries.count = 0;
      const floorStarted = performance.now();
      const floorMessages = await bulkFloor(database.prisma, deps.chat, todayIn(NOW, 'Europe/London'));
      const floor = {
        ms: performance.now() - floorStarted,
        queries: database.queries.count,
        messages: floorMessages,
      };
      await database.prisma.reminderLog.deleteMany({ where: { kind: 'floor' } });
      for (const key of Object.keys(calls)) delete calls[key];
      global.gc?.();
      waited.ms = 0;
      const baseline = process.memoryUsage().rss;
      database.queries.count = 0;
      const sampler = rssSampler();
      const started = performance.now();
      const tally = await sendDueReminders(deps, NOW);
      const sweepMs = performance.now() - started;
      const peak = sampler.stop();
      const queries = database.queries.count;
      const sentBefore = calls['chat.postMessage'] ?? 0;
      database.queries.count = 0;
      const tickStarted = performance.now();
      await sendDueReminders(deps, new Date(NOW.getTime() + 60_000));
      const nextTick = {
        ms: performance.now() - tickStarted,
        queries: database.queries.count,
        messages: (calls['chat.postMessage'] ?? 0) - sentBefore,
      };
      runs.push({
        provider,
        shape,
        sweepMs,
        peakRssMb: mb(peak),
        baselineRssMb: mb(baseline),
        queries,
        tally,
        calls: { ...calls },
        nextTick,
        floor,
        pacedMs: waited.ms,
      });
      process.stdout.write('.');
    }
    return runs;
  } finally {
    await database.close();
    await drop();
  }
}

/** Runs the benchmark on SQLite, and on PostgreSQL when a server URL is given (or in the environment). */
export async function runRemindersBench(
  options: { postgresUrl?: string; shape?: RemindersShape; slack?: boolean } = {},
): Promise<RemindersBench> {
  const postgresUrl = options.postgresUrl ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const shape = options.shape ?? ISSUE_SHAPE;
  const results = await benchOne('sqlite', undefined, shape);
  if (postgresUrl && /^postgres(ql)?:/.test(postgresUrl))
    results.push(...(await benchOne('postgresql', postgresUrl, shape)));
  const slack = options.slack === false ? [] : await runSlackSweepBench(RUNS);
  return { sweeps: results, slack };
}

export interface RemindersBench {
  sweeps: RemindersBenchResult[];
  /** One workspace through the real WebClient and the rate-limited fake Slack (reminders-slack.ts). */
  slack: SlackSweepRun[];
}

export function formatRemindersBench({ sweeps: results, slack }: RemindersBench): string {
  const s = results[0]?.shape ?? ISSUE_SHAPE;
  const n = (x: number) => x.toLocaleString('en-GB');
  const lines = [
    `Reminder sweep: ${s.programmes} programmes, ${n(s.owners)} owners, ${n(s.actions)} open actions`,
  ];
  for (const r of results) {
    const t = r.tally;
    lines.push(
      `  ${r.provider.padEnd(10)} sweep ${(r.sweepMs / 1000).toFixed(1)} s, peak RSS ${r.peakRssMb} MB (${r.baselineRssMb} MB before), ${n(r.queries)} SQL queries; ` +
        `${n(t.sent)} sent (${n(r.calls['chat.postMessage'] ?? 0)} chat.postMessage, ${n(r.calls['users.info'] ?? 0)} users.info), ${t.later} left for later, ${t.skipped} skipped`,
      `  ${''.padEnd(10)} next tick the same day: ${r.nextTick.ms.toFixed(0)} ms, ${r.nextTick.queries} SQL queries, ${r.nextTick.messages} messages`,
      `  ${''.padEnd(10)} bulk-SQL floor: ${(r.floor.ms / 1000).toFixed(1)} s, ${n(r.floor.queries)} SQL queries, ${n(r.floor.messages)} messages; the sweep is ${(r.sweepMs / r.floor.ms).toFixed(2)}x the floor (its reminders waited ${(r.pacedMs / 1000).toFixed(1)} s in all for Slack's one a second per conversation)`,
    );
  }
  for (const provider of [...new Set(results.map((r) => r.provider))]) {
    const ratios = results.filter((r) => r.provider === provider).map((r) => r.sweepMs / r.floor.ms);
    const sorted = [...ratios].sort((a, b) => a - b);
    const spread = `${sorted[0]!.toFixed(2)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} / ${sorted.at(-1)!.toFixed(2)}`;
    lines.push(
      `${sorted.at(-1)! <= 2 ? 'MET ' : 'MISS'} ${provider} sweep within 2x of the bulk-SQL floor (min / median / max of ${ratios.length}): ${spread}x`,
    );
  }
  if (slack.length > 0) lines.push('', formatSlackSweepBench(slack));
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatRemindersBench(await runRemindersBench()));
  process.exit(0);
}
