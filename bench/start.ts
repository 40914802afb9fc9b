/**
 * `npm run bench -- start`: cold start to a healthy /healthz, and resident memory once idle, of
 * our production start (`node dist/main.js`, on a migrated SQLite file), of `npm start` (npm's own
 * process, then the same app), and of a bare Bolt app (bench/bare-bolt-main.mjs), measured in the
 * same run, each as a ratio to the bare app. Memory is the whole process tree's RSS.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const IDLE_MS = 3000;

interface Started {
  startMs: number;
  rssMb: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** RSS of a process and all its descendants, in MB, from /proc. */
function treeRssMb(pid: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while being read.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  let kb = 0;
  for (const p of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

async function startAndMeasure(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    for (;;) {
      if (exited) throw new Error(`${command} ${args.join(' ')} exited before /healthz answered:\n${errors}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const startMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { startMs, rssMb: treeRssMb(child.pid!) };
  } finally {
    const gone = new Promise((resolve) => (exited ? resolve(undefined) : child.once('exit', resolve)));
    child.kill('SIGTERM');
    await gone;
  }
}

export interface StartBench {
  runs: Record<'bare' | 'ours' | 'npmStart', Started[]>;
}

export async function runStartBench(): Promise<StartBench> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const ours = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_BOT_ID: 'B0BOT00001',
    SLACK_BOT_USER_ID: 'U0BOT00001',
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `file:${join(dir, 'bench.db')}`,
  };
  const runs: StartBench['runs'] = { bare: [], ours: [], npmStart: [] };
  try {
    // Not counted: migrates the file, so every counted start is a restart of a running council's bot.
    await startAndMeasure(process.execPath, ['dist/main.js'], ours);
    for (let i = 0; i < RUNS; i++) {
      runs.bare.push(await startAndMeasure(process.execPath, ['bench/bare-bolt-main.mjs'], {}));
      runs.ours.push(await startAndMeasure(process.execPath, ['dist/main.js'], ours));
      runs.npmStart.push(await startAndMeasure('npm', ['start', '--silent'], ours));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs };
}

const spread = (values: number[], digits: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(digits)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(digits)} / ${sorted.at(-1)!.toFixed(digits)}`;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function formatStartBench({ runs }: StartBench): string {
  const bareStart = median(runs.bare.map((r) => r.startMs));
  const bareRss = median(runs.bare.map((r) => r.rssMb));
  const row = (name: string, started: Started[]) => {
    const start = median(started.map((r) => r.startMs));
    const rss = median(started.map((r) => r.rssMb));
    return `${name.padEnd(28)} ${spread(
      started.map((r) => r.startMs),
      0,
    ).padStart(20)} ms  ${(start / bareStart).toFixed(2)}x   ${spread(
      started.map((r) => r.rssMb),
      0,
    ).padStart(16)} MB  ${(rss / bareRss).toFixed(2)}x`;
  };
  const ratio = (k: 'ours' | 'npmStart', f: (s: Started) => number, base: number) =>
    median(runs[k].map(f)) / base;
  const mark = (n: number) => (n <= 2 ? 'MET ' : 'MISS');
  const startRatio = ratio('ours', (r) => r.startMs, bareStart);
  const rssRatio = ratio('ours', (r) => r.rssMb, bareRss);
  return [
    `Start to a healthy /healthz, and idle RSS of the process tree after ${IDLE_MS / 1000} s (min / median / max of ${RUNS}; ratio of medians to bare Bolt)`,
    '',
    row('bare Bolt (node)', runs.bare),
    row('ours: node dist/main.js', runs.ours),
    row('ours: npm start', runs.npmStart),
    '',
    `${mark(startRatio)} production start within 2x of bare Bolt: ${startRatio.toFixed(2)}x`,
    `${mark(rssRatio)} production idle RSS within 2x of bare Bolt: ${rssRatio.toFixed(2)}x`,
  ].join('\n');
}
