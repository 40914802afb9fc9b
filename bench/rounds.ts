/**
 * How the commands and Teams benches measure: at each concurrency, a warm-up per app, then the
 * apps take turns over ROUNDS rounds (so a noisy moment on a shared machine falls on all of them
 * alike), and each row pools its rounds. CPU is the measured process's own, per request.
 */
import type { AppUnderLoad } from './apps.js';
import type { LoadWorker } from './load-client.js';
import { pooled, type RunResult } from './stats.js';

export const CONCURRENCIES = [1, 16, 64];
/**
 * Requests per row, over all its rounds. One at a time, a round of 50 lasted about 0.15 s, so a
 * single pause (a garbage collection, a burst from elsewhere on the machine) weighed on its
 * figures; 200 a round weigh it less.
 */
const REQUESTS: Record<number, number> = { 1: 800, 16: 640, 64: 1280 };
const WARM_UP = 300;
const ROUNDS = 4;

export interface Apps {
  ours: AppUnderLoad;
  bare: AppUnderLoad;
}

/** Every row for one database: the bare app's and each scenario's, at each concurrency. */
export async function measureRounds(
  load: LoadWorker,
  apps: Apps,
  database: string,
  bare: { name: string },
  scenarios: { name: string }[],
): Promise<RunResult[]> {
  const all = [bare, ...scenarios];
  const measure = (scenario: { name: string }, concurrency: number, requests: number) =>
    measureOne(load, scenario === bare ? apps.bare : apps.ours, scenario === bare, {
      database,
      scenario: scenario.name,
      concurrency,
      requests,
    });
  const results: RunResult[] = [];
  for (const concurrency of CONCURRENCIES) {
    // Not counted: warms the JIT (and any key cache) at this level.
    for (const scenario of all) await measure(scenario, concurrency, WARM_UP);
    const rounds = all.map(() => [] as RunResult[]);
    for (let round = 0; round < ROUNDS; round++)
      for (const [i, scenario] of all.entries())
        rounds[i]!.push(await measure(scenario, concurrency, REQUESTS[concurrency]! / ROUNDS));
    results.push(...rounds.map(pooled));
    process.stdout.write('.');
  }
  return results;
}

async function measureOne(
  load: LoadWorker,
  app: AppUnderLoad,
  isBare: boolean,
  run: { database: string; scenario: string; concurrency: number; requests: number },
): Promise<RunResult> {
  const queriesBefore = app.queries?.count ?? 0;
  const cpuBefore = process.cpuUsage();
  const result = await load.run({
    target: isBare ? 'bare' : 'ours',
    appUrl: app.url,
    scenario: run.scenario,
    concurrency: run.concurrency,
    requests: run.requests,
  });
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ...run,
    ...result,
    queriesPerRequest: app.queries ? (app.queries.count - queriesBefore) / run.requests : undefined,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / run.requests,
  };
}
