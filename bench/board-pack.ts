/**
 * Board pack benchmark (not a test): produces the board pack of the largest benchmark programme
 * (12 workstreams, 120 projects, 5,000 actions, 20,000 updates, 50 KPIs with two years of weekly
 * readings) and reports the wall time of reading and storing the snapshot, of rendering the
 * files, and the SQL queries, on SQLite and, when a server answers, PostgreSQL.
 *
 *   npx tsx bench/board-pack.ts         (bench/run.ts calls runPackBench())
 */
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { AdjustableClock } from '../src/domain/clock.js';
import { addDays, todayIn } from '../src/domain/dates.js';
import { silentLogger } from '../src/logger.js';
import { writeBoardPack } from '../src/services/board-pack/produce-board-pack.js';
import { renderBoardPack } from '../src/services/board-pack/render-board-pack.js';
import { scratchTarget } from './databases.js';
import { ISSUE_SHAPE, seedBenchProgramme } from './digest-data.js';

export interface PackBenchResult {
  provider: string;
  /** Median of read + store + render, milliseconds. */
  medianMs: number;
  /** Median of rendering the five files from the snapshot alone. */
  renderMs: number;
  queries: number;
  bytes: number;
}

const NOW = new Date('2026-11-23T09:00:00Z');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function benchOne(
  provider: 'sqlite' | 'postgresql',
  serverUrl: string | undefined,
  runs: number,
): Promise<PackBenchResult> {
  const { target, drop } = await scratchTarget(provider, serverUrl, 'pack_bench');
  await migrate(target);
  const database = await openDatabase(target);
  try {
    const db = database.prisma;
    const deps = { db, sql: database.sql, clock: new AdjustableClock(NOW), logger: silentLogger };
    const today = todayIn(NOW, 'Europe/London');
    const programmeId = await seedBenchProgramme(db, 'T0BENCH', ISSUE_SHAPE, NOW, today);
    const programme = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const input = { programme, boardDate: addDays(today, 10), actorId: 'U0BENCH0', producedBy: 'Benchmark' };
    await writeBoardPack(deps, input); // warm-up, and the previous pack the others measure movement from
    const samples: { ms: number; queries: number; bytes: number; renderMs: number }[] = [];
    for (let i = 0; i < runs; i++) {
      database.queries.count = 0;
      const started = performance.now();
      const pack = await writeBoardPack(deps, input);
      const ms = performance.now() - started;
      const queries = database.queries.count;
      const rendering = performance.now();
      await renderBoardPack(pack.snapshot);
      const renderMs = performance.now() - rendering;
      samples.push({ ms, queries, renderMs, bytes: pack.files.reduce((n, f) => n + f.bytes.length, 0) });
    }
    return {
      provider,
      medianMs: median(samples.map((s) => s.ms)),
      renderMs: median(samples.map((s) => s.renderMs)),
      queries: samples[0]!.queries,
      bytes: samples[0]!.bytes,
    };
  } finally {
    await database.close();
    await drop();
  }
}

export async function runPackBench(
  options: { postgresUrl?: string; runs?: number } = {},
): Promise<PackBenchResult[]> {
  const postgresUrl = options.postgresUrl ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const runs = options.runs ?? 3;
  const results = [await benchOne('sqlite', undefined, runs)];
  if (postgresUrl && /^postgres(ql)?:/.test(postgresUrl))
    results.push(await benchOne('postgresql', postgresUrl, runs));
  return results;
}

export function formatPackBench(results: PackBenchResult[]): string {
  const s = ISSUE_SHAPE;
  const lines = [
    `Board pack: ${s.workstreams} workstreams, ${s.projects} projects, ${s.actions.toLocaleString('en-GB')} actions, ${s.updates.toLocaleString('en-GB')} updates, ${s.kpis} KPIs × ${s.readingsPerKpi} weekly readings`,
  ];
  for (const r of results)
    lines.push(
      `  ${r.provider.padEnd(10)} read + store + render ${r.medianMs.toFixed(0)} ms (median; rendering alone ${r.renderMs.toFixed(0)} ms), ${r.queries} SQL queries, ${(r.bytes / 1024).toFixed(0)} KiB in 5 files`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatPackBench(await runPackBench()));
}
