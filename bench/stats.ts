/** Percentiles and the printed table. */

export interface RunResult {
  database: string;
  scenario: string;
  concurrency: number;
  requests: number;
  /** Until the user's answer reached the Slack stand-in (post, response_url or ack body). */
  visibleMs: number[];
  /** Until the HTTP ack came back: Slack's 3-second limit applies to this one. */
  ackMs: number[];
  seconds: number;
  /** SQL statements sent per request, when the app has a database. */
  queriesPerRequest?: number;
  /**
   * CPU (user + system) of the process serving the apps, per request. The load client runs in its
   * own process and the apps take turns, so this is the app under test's own cost: steadier than
   * latency on a noisy machine.
   */
  cpuMsPerRequest?: number;
  /** Each round's own p50 and CPU, when the row pools rounds (rounds.ts). */
  rounds?: { p50: number; cpuMsPerRequest?: number }[];
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-');

/** One result from a scenario's rounds: every sample, and throughput over their total time. */
export function pooled(rounds: RunResult[]): RunResult {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const queries = rounds.reduce((n, r) => n + (r.queriesPerRequest ?? 0) * r.requests, 0);
  return {
    ...rounds[0]!,
    requests,
    visibleMs: rounds.flatMap((r) => r.visibleMs),
    ackMs: rounds.flatMap((r) => r.ackMs),
    seconds: rounds.reduce((n, r) => n + r.seconds, 0),
    queriesPerRequest: rounds[0]!.queriesPerRequest === undefined ? undefined : queries / requests,
    cpuMsPerRequest: rounds.reduce((n, r) => n + (r.cpuMsPerRequest ?? 0) * r.requests, 0) / requests,
    rounds: rounds.map((r) => ({ p50: percentile(r.visibleMs, 50), cpuMsPerRequest: r.cpuMsPerRequest })),
  };
}

/**
 * A row's ratio to the bare app's in each round (the apps take turns, so round i of each ran at
 * the same moment), as "(rounds min / median / max)": how far one noisy round moves the pooled figure.
 */
export function roundRatios(r: RunResult, bare: RunResult, figure: 'p50' | 'cpuMsPerRequest'): string {
  const ratios = (r.rounds ?? [])
    .map((round, i) => (round[figure] ?? Number.NaN) / (bare.rounds?.[i]?.[figure] ?? Number.NaN))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (ratios.length === 0) return '(rounds -)';
  const median = ratios[Math.floor((ratios.length - 1) / 2)]!;
  return `(rounds ${[ratios[0]!, median, ratios.at(-1)!].map((x) => x.toFixed(2)).join(' / ')}x)`;
}

/** One line per run, with our p50/p99 as multiples of the bare app's at the same concurrency. */
export function table(results: RunResult[], bare: Map<string, RunResult>): string {
  const head = [
    'database',
    'command',
    'conc',
    'reqs',
    'p50 ms',
    'p99 ms',
    'req/s',
    'p50 vs bare',
    'p99 vs bare',
    'ack p99 ms',
    'SQL/req',
    'CPU ms/req',
    'CPU vs bare',
  ];
  const rows = results.map((r) => {
    const found = bare.get(`${r.database}:${r.concurrency}`);
    // The bare app's own row has nothing to be compared with.
    const base = found === r ? undefined : found;
    const [p50, p99] = [percentile(r.visibleMs, 50), percentile(r.visibleMs, 99)];
    return [
      r.database,
      r.scenario,
      String(r.concurrency),
      String(r.requests),
      ms(p50),
      ms(p99),
      (r.requests / r.seconds).toFixed(0),
      base ? times(p50 / percentile(base.visibleMs, 50)) : '',
      base ? times(p99 / percentile(base.visibleMs, 99)) : '',
      ms(percentile(r.ackMs, 99)),
      r.queriesPerRequest === undefined ? '' : r.queriesPerRequest.toFixed(1),
      r.cpuMsPerRequest === undefined ? '' : r.cpuMsPerRequest.toFixed(2),
      base?.cpuMsPerRequest && r.cpuMsPerRequest !== undefined
        ? times(r.cpuMsPerRequest / base.cpuMsPerRequest)
        : '',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
