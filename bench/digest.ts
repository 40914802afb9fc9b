/**
 * Digest benchmark (not a test): builds and renders the weekly digest of a large programme and
 * reports wall time and SQL queries, on SQLite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL
 * names a PostgreSQL server, on PostgreSQL too. Also shows that the number of queries does not
 * grow with the number of workstreams.
 *
 *   npx tsx bench/digest.ts            (bench/run.ts can call runDigestBench())
 */

import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { renderDigest } from '../src/digest/render-digest.js';
import { AdjustableClock } from '../src/domain/clock.js';
import { todayIn } from '../src/domain/dates.js';
import { buildDigest } from '../src/services/build-digest.js';
import { scratchTarget } from './databases.js';
import { type BenchShape, ISSUE_SHAPE, seedBenchProgramme } from './digest-data.js';

export interface DigestBenchResult {
  provider: string;
  shape: BenchShape;
  /** Median wall time of build + render, milliseconds. */
  medianMs: number;
  queries: number;
  messages: number;
  /** Queries for the same programme shape with 5 and with 40 workstreams. */
  queriesBy: { workstreams: number; queries: number }[];
}

const NOW = new Date('2026-11-23T09:00:00Z');

async function benchOne(
  provider: 'sqlite' | 'postgresql',
  serverUrl: string | undefined,
  runs: number,
): Promise<DigestBenchResult> {
  const { target, drop } = await scratchTarget(provider, serverUrl, 'digest_bench');
  await migrate(target);
  const database = await openDatabase(target);
  try {
    const db = database.prisma;
    const deps = { db, clock: new AdjustableClock(NOW) };
    const today = todayIn(NOW, 'Europe/London');
    const programmeId = await seedBenchProgramme(db, 'T0BENCH', ISSUE_SHAPE, NOW, today);
    const once = async (id: number, workspaceId: string) => {
      database.queries.count = 0;
      const started = performance.now();
      const message = renderDigest(await buildDigest({ workspaceId, programmeId: id }, deps));
      return {
        ms: performance.now() - started,
        queries: database.queries.count,
        messages: 1 + (message.thread?.length ?? 0),
      };
    };
    await once(programmeId, 'T0BENCH'); // warm-up: connections, query plans, JIT
    const samples = [];
    for (let i = 0; i < runs; i += 1) samples.push(await once(programmeId, 'T0BENCH'));
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    const queriesBy = [];
    for (const workstreams of [5, 40]) {
      const shape = {
        ...ISSUE_SHAPE,
        workstreams,
        actions: 500,
        updates: 2000,
        kpis: 10,
        readingsPerKpi: 20,
      };
      const id = await seedBenchProgramme(db, `T0BENCH${workstreams}`, shape, NOW, today);
      queriesBy.push({ workstreams, queries: (await once(id, `T0BENCH${workstreams}`)).queries });
    }
    return {
      provider,
      shape: ISSUE_SHAPE,
      medianMs: sorted[Math.floor(sorted.length / 2)]!,
      queries: samples[0]!.queries,
      messages: samples[0]!.messages,
      queriesBy,
    };
  } finally {
    await database.close();
    await drop();
  }
}

/** Runs the benchmark on SQLite, and on PostgreSQL when a server URL is given (or in the environment). */
export async function runDigestBench(
  options: { postgresUrl?: string; runs?: number } = {},
): Promise<DigestBenchResult[]> {
  const postgresUrl = options.postgresUrl ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const runs = options.runs ?? 7;
  const results = [await benchOne('sqlite', undefined, runs)];
  if (postgresUrl && /^postgres(ql)?:/.test(postgresUrl))
    results.push(await benchOne('postgresql', postgresUrl, runs));
  return results;
}

export function formatDigestBench(results: DigestBenchResult[]): string {
  const s = ISSUE_SHAPE;
  const lines = [
    `Weekly digest: ${s.workstreams} workstreams, ${s.projects} projects, ${s.actions.toLocaleString('en-GB')} actions, ${s.updates.toLocaleString('en-GB')} updates, ${s.kpis} KPIs × ${s.readingsPerKpi} weekly readings`,
  ];
  for (const r of results) {
    const growth = r.queriesBy.map((q) => `${q.workstreams} workstreams: ${q.queries}`).join(', ');
    lines.push(
      `  ${r.provider.padEnd(10)} build + render ${r.medianMs.toFixed(1)} ms (median), ${r.queries} SQL queries, ${r.messages} message(s); queries with ${growth}`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatDigestBench(await runDigestBench()));
}
