/**
 * The reminder sweep of one workspace of 20,000 owners through the real @slack/web-api
 * WebClient (slackApiUrl) against a fake Slack that enforces Slack's per-method limits on a
 * simulated clock (reminders-slack-worker.ts). The sweep's pacing (src/chat/paced-chat.ts) waits
 * on the same simulated clock, so the run takes seconds of real time and reports the Slack time
 * the sweep would take: its waits are what Slack's limits impose, nothing else (round trips
 * overlap them, several in flight). Reported: Web API calls per reminder, our CPU per reminder
 * (the process's CPU less the fake's thread), simulated Slack time and any 429s.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LogLevel } from '@slack/web-api';
import { pacedChat } from '../src/chat/paced-chat.js';
import { observedFetch } from '../src/chat/slack/observed-fetch.js';
import { slackChat } from '../src/chat/slack/slack-chat.js';
import { slackWebClient } from '../src/chat/slack/web-client.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { AdjustableClock } from '../src/domain/clock.js';
import { todayIn } from '../src/domain/dates.js';
import { silentLogger } from '../src/logger.js';
import { createMetrics } from '../src/ops/metrics.js';
import { sendDueReminders } from '../src/services/send-due-reminders.js';
import { scratchTarget } from './databases.js';
import { ONE_WORKSPACE_SHAPE, seedRemindersWorld } from './reminders-data.js';
import type { FakeSlackStats } from './reminders-slack-worker.js';

export interface SlackSweepRun {
  sent: number;
  later: number;
  callsPerReminder: number;
  cpuMsPerReminder: number;
  simulatedMinutes: number;
  wallSeconds: number;
  calls: Record<string, number>;
  limited: Record<string, number>;
  unexpected: number;
}

/** A simulated clock in shared memory: the main thread moves it, the fake Slack reads it. */
function simulatedClock() {
  const buffer = new SharedArrayBuffer(8);
  const micros = new BigInt64Array(buffer);
  const now = () => Number(Atomics.load(micros, 0)) / 1000;
  return {
    buffer,
    now,
    // A wait is over at once: time jumps to when it would have ended (never backwards, as
    // several reminders in flight wait on the same clock).
    wait: async (ms: number) => {
      const until = BigInt(Math.round((now() + ms) * 1000));
      if (until > Atomics.load(micros, 0)) Atomics.store(micros, 0, until);
    },
  };
}

async function startFakeSlack(clock: SharedArrayBuffer) {
  const entry = new URL('./reminders-slack-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { clock } });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { apiUrl: string }) => resolve(m.apiUrl));
  });
  const ask = () =>
    new Promise<FakeSlackStats>((resolve) => {
      worker.once('message', (m: { stats: FakeSlackStats }) => resolve(m.stats));
      worker.postMessage({ kind: 'stats' });
    });
  return {
    apiUrl,
    stats: ask,
    reset: () => worker.postMessage({ kind: 'reset' }),
    stop: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ kind: 'stop' });
      await exited;
    },
  };
}

const NOW = new Date('2026-11-23T09:30:00Z');

/**
 * With BENCH_CPU_PROFILE=<directory>, each sweep (and nothing else: not the seeding) is profiled
 * into that directory, for Chrome DevTools or any .cpuprofile reader. Profiling costs CPU: the
 * run's CPU per reminder is then not the figure to report.
 */
async function startProfile(): Promise<{ stop(name: string): Promise<void> } | null> {
  const directory = process.env.BENCH_CPU_PROFILE;
  if (!directory) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (name) => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(directory, name), JSON.stringify(profile));
      session.disconnect();
    },
  };
}
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/** `runs` sweeps of the one workspace on SQLite, the ledger emptied between them. */
export async function runSlackSweepBench(runs = 3): Promise<SlackSweepRun[]> {
  const { target, drop } = await scratchTarget('sqlite', undefined, 'reminders_slack_bench');
  await migrate(target);
  const database = await openDatabase(target);
  const clock = simulatedClock();
  const fake = await startFakeSlack(clock.buffer);
  try {
    await seedRemindersWorld(database.prisma, ONE_WORKSPACE_SHAPE, todayIn(NOW, 'Europe/London'));
    const results: SlackSweepRun[] = [];
    for (let run = 0; run < runs; run++) {
      await database.prisma.reminderLog.deleteMany({});
      fake.reset();
      // The real WebClient, as the app's (its own retries, 429s waited out for Retry-After, and
      // every answer counted on /metrics).
      const client = slackWebClient(
        'xoxb-bench',
        fake.apiUrl,
        LogLevel.ERROR,
        observedFetch(createMetrics()),
      );
      const chat = pacedChat(slackChat(client), {
        now: clock.now,
        wait: clock.wait,
      });
      const deps = {
        db: database.prisma,
        sql: database.sql,
        clock: new AdjustableClock(NOW),
        logger: silentLogger,
        chat,
        instanceId: 'bench',
      };
      global.gc?.();
      const before = await fake.stats();
      const busyBefore = before.busyMs;
      const simStart = clock.now();
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      const profiler = await startProfile();
      const tally = await sendDueReminders(deps, NOW);
      const wallMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuStart);
      await profiler?.stop(`reminders-slack-${run + 1}.cpuprofile`);
      const after = await fake.stats();
      const oursMs = (cpu.user + cpu.system) / 1000 - (after.busyMs - busyBefore);
      results.push({
        sent: tally.sent,
        later: tally.later,
        callsPerReminder: sum(after.calls) / Math.max(1, tally.sent),
        cpuMsPerReminder: oursMs / Math.max(1, tally.sent),
        simulatedMinutes: (clock.now() - simStart) / 60_000,
        wallSeconds: wallMs / 1000,
        calls: { ...after.calls },
        limited: { ...after.limited },
        unexpected: after.unexpected,
      });
      process.stdout.write('.');
    }
    return results;
  } finally {
    await fake.stop();
    await database.close();
    await drop();
  }
}

const spread = (xs: number[], digits: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(digits);
  return `${f(s[0]!)} / ${f(s[Math.floor(s.length / 2)]!)} / ${f(s.at(-1)!)}`;
};

export function formatSlackSweepBench(runs: SlackSweepRun[]): string {
  const mark = (met: boolean) => (met ? 'MET ' : 'MISS');
  const limited = runs.reduce((n, r) => n + sum(r.limited), 0);
  const calls = Math.max(...runs.map((r) => r.callsPerReminder));
  const cpu = runs.map((r) => r.cpuMsPerReminder);
  const sim = runs.map((r) => r.simulatedMinutes);
  const first = runs[0]!;
  return [
    `Reminder sweep of one workspace, ${ONE_WORKSPACE_SHAPE.owners.toLocaleString('en-GB')} owners, through the real WebClient and a fake Slack enforcing its per-method limits on simulated time (min / median / max of ${runs.length} runs):`,
    `  ${first.sent.toLocaleString('en-GB')} sent, ${first.later} left for later; calls: ${JSON.stringify(first.calls)}; 429s: ${limited}; unexpected methods: ${first.unexpected}`,
    `  Web API calls per reminder ${spread(
      runs.map((r) => r.callsPerReminder),
      3,
    )}; CPU per reminder ${spread(cpu, 3)} ms; simulated Slack time ${spread(sim, 1)} min; real time ${spread(
      runs.map((r) => r.wallSeconds),
      1,
    )} s`,
    `${mark(calls <= 1)} at most 1 Web API call per reminder: ${calls.toFixed(3)}`,
    `${mark(Math.max(...cpu) <= 1)} CPU per reminder at most 1 ms: ${spread(cpu, 3)} ms`,
    `${mark(Math.max(...sim) < 30 && limited === 0)} inside Slack's limits (no 429) and under 30 minutes of Slack time: ${spread(sim, 1)} min, ${limited} 429s`,
  ].join('\n');
}
