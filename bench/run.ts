/**
 * `npm run bench [-- commands|teams|status|digest|reminders|pack|start …]` runs all seven benchmarks, or the ones named.
 *
 * start: cold start to /healthz and idle RSS of `node dist/main.js` and `npm start` beside a bare
 * Bolt app (bench/start.ts).
 *
 * status: `/improve status` CPU per request at 12 and 48 workstreams with history (status-cpu.ts).
 * pack: the board pack of the largest programme (bench/board-pack.ts), time and SQL queries.
 *
 * commands: signed `/improve update` and `/improve status` requests over loopback at
 * concurrencies 1, 16 and 64, on SQLite and (when a server answers) PostgreSQL, beside a bare
 * Bolt app that acks and posts one fixed reply. Latency runs until the user's answer reaches the
 * Slack stand-in. At each concurrency the three take turns over 4 rounds, and each row pools its
 * rounds; each verdict also gives the round-by-round ratios (min / median / max). Targets: p99
 * under 300 ms at 64 on SQLite; p50 within 2x of the bare app. On PostgreSQL it also measures
 * one durable write on the same server (commit-floor.ts): the least a stored update can cost
 * beside the bare app, which acks without storing anything.
 *
 * teams: the same two commands typed in a lead's 1:1 chat, as signed Bot Framework activities, to
 * our Teams path beside a bare Teams SDK app (same JWT validation, one fixed reply), until the reply
 * reaches the fake Bot Connector (bench/teams.ts). Target: p50 within 2x of the bare SDK app. Run
 * with commands, it ends with each command's p50 on both platforms side by side.
 */
import { startBare, startOurs } from './apps.js';
import { formatPackBench, runPackBench } from './board-pack.js';
import { type CommitFloor, formatCommitFloor, measureCommitFloor } from './commit-floor.js';
import { type BenchDatabase, postgresDatabase, postgresServerUrl, sqliteDatabase } from './databases.js';
import { formatDigestBench, runDigestBench } from './digest.js';
import { type LoadWorker, startLoadWorker } from './load-client.js';
import { formatRemindersBench, runRemindersBench } from './reminders.js';
import { measureRounds } from './rounds.js';
import { BARE, SCENARIOS } from './scenarios.js';
import { formatStartBench, runStartBench } from './start.js';
import { percentile, type RunResult, roundRatios, table } from './stats.js';
import { formatStatusBench, runStatusBench } from './status-cpu.js';
import { formatBesideSlack, formatTeamsBench, runTeamsBench } from './teams.js';

async function benchDatabase(load: LoadWorker, db: BenchDatabase): Promise<RunResult[]> {
  const apps = {
    ours: await startOurs(db.target, load.apiUrls.ours),
    bare: await startBare(load.apiUrls.bare),
  };
  try {
    return await measureRounds(load, apps, db.name, BARE, SCENARIOS);
  } finally {
    await apps.ours.stop();
    await apps.bare.stop();
    await db.drop();
  }
}

function verdicts(results: RunResult[]): string[] {
  const ours = results.filter((r) => r.scenario !== BARE.name);
  const bareAt = (r: RunResult) =>
    results.find(
      (b) => b.scenario === BARE.name && b.database === r.database && b.concurrency === r.concurrency,
    )!;
  const mark = (met: boolean) => (met ? 'MET ' : 'MISS');
  const lines = ours
    .filter((r) => r.database === 'SQLite' && r.concurrency === 64)
    .map(
      (r) =>
        `${mark(percentile(r.visibleMs, 99) < 300)} p99 under 300 ms at 64 on SQLite, ${r.scenario}: ${percentile(r.visibleMs, 99).toFixed(1)} ms`,
    );
  for (const r of ours) {
    const ratio = percentile(r.visibleMs, 50) / percentile(bareAt(r).visibleMs, 50);
    lines.push(
      `${mark(ratio <= 2)} p50 within 2x of bare, ${r.database} ${r.scenario} at ${r.concurrency}: ${ratio.toFixed(2)}x ${roundRatios(r, bareAt(r), 'p50')}`,
    );
    const cpu = r.cpuMsPerRequest! / bareAt(r).cpuMsPerRequest!;
    lines.push(
      `${mark(cpu <= 2)} CPU per request within 2x of bare, ${r.database} ${r.scenario} at ${r.concurrency}: ${cpu.toFixed(2)}x ${roundRatios(r, bareAt(r), 'cpuMsPerRequest')}`,
    );
  }
  const slowestAck = Math.max(...results.map((r) => percentile(r.ackMs, 99)));
  lines.push(
    `${mark(slowestAck < 3000)} every ack's p99 inside Slack's 3 s: slowest ${slowestAck.toFixed(1)} ms`,
  );
  return lines;
}

const BENCHES = ['commands', 'teams', 'status', 'digest', 'reminders', 'pack', 'start'] as const;

async function main(): Promise<void> {
  const started = performance.now();
  const asked = process.argv.slice(2).filter((a) => (BENCHES as readonly string[]).includes(a));
  const chosen = asked.length > 0 ? asked : [...BENCHES];
  const slack = chosen.includes('commands') ? await commandsBench() : undefined;
  if (chosen.includes('teams')) {
    const teams = await runTeamsBench();
    console.log(`\n${formatTeamsBench(teams)}`);
    if (slack) console.log(`\n${formatBesideSlack(slack, teams)}`);
  }
  const postgresUrl = (await postgresServerUrl()) ?? undefined;
  if (chosen.includes('status')) console.log(`\n${formatStatusBench(await runStatusBench())}`);
  if (chosen.includes('digest')) console.log(`\n${formatDigestBench(await runDigestBench({ postgresUrl }))}`);
  if (chosen.includes('reminders'))
    console.log(`\n${formatRemindersBench(await runRemindersBench({ postgresUrl }))}`);
  if (chosen.includes('pack')) console.log(`\n${formatPackBench(await runPackBench({ postgresUrl }))}`);
  if (chosen.includes('start')) console.log(`\n${formatStartBench(await runStartBench())}`);
  console.log(`\nFinished in ${((performance.now() - started) / 1000).toFixed(0)} s on ${process.version}.`);
}

async function commandsBench(): Promise<RunResult[]> {
  const load = await startLoadWorker();
  const results: RunResult[] = [];
  let floor: CommitFloor | undefined;
  try {
    for (const db of [sqliteDatabase(), await postgresDatabase()]) {
      if (!db) continue;
      if (db.target.provider === 'postgresql') floor = await measureCommitFloor(db.target.url);
      process.stdout.write(`${db.name} `);
      results.push(...(await benchDatabase(load, db)));
      process.stdout.write('\n');
    }
  } finally {
    await load.stop();
  }
  const bare = new Map(
    results.filter((r) => r.scenario === BARE.name).map((b) => [`${b.database}:${b.concurrency}`, b]),
  );
  console.log(
    '\nLatency until the answer reached the Slack stand-in (loopback, a new connection per request; load client and Slack stand-ins in their own process).\n',
  );
  console.log(table(results, bare));
  console.log(`\n${verdicts(results).join('\n')}`);
  const barePostgres = bare.get('PostgreSQL:1');
  if (floor && barePostgres)
    console.log(`\n${formatCommitFloor(floor, percentile(barePostgres.visibleMs, 50))}`);
  return results;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
