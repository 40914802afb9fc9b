/**
 * A fake Slack Web API for the reminders benchmark, on its own thread so its CPU is not counted
 * as ours. It enforces Slack's published per-method limits for one workspace
 * (docs.slack.dev/apis/web-api/rate-limits) on a simulated clock that the benchmark's main thread
 * moves (a SharedArrayBuffer of microseconds), and answers 429 with Retry-After when one is
 * exceeded, so a sweep that would take half an hour at Slack's pace runs in seconds:
 * - chat.postMessage: about one per second per channel with short bursts (a bucket of 4 that
 *   refills at one a second), and a workspace-wide "several hundred a minute", taken here as 800
 *   in any 60 seconds;
 * - Tier 3 (conversations.open, conversations.history, chat.update): 50 in any 60 seconds;
 * - Tier 4 (users.info): 100 in any 60 seconds.
 * Any other method is refused and counted as unexpected.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

export interface FakeSlackStats {
  calls: Record<string, number>;
  limited: Record<string, number>;
  unexpected: number;
  /** This thread's CPU time, so the main thread can leave it out of its own CPU. */
  busyMs: number;
}

const clock = new BigInt64Array(workerData.clock as SharedArrayBuffer);
const nowMs = () => Number(Atomics.load(clock, 0)) / 1000;

const PER_MINUTE: Record<string, number> = {
  'chat.postMessage': 800,
  'conversations.open': 50,
  'conversations.history': 50,
  'chat.update': 50,
  'users.info': 100,
};
const CHANNEL_BURST = 4;

/** Timestamps of the last minute's calls per method, oldest first (a ring would do; this is enough). */
const windows = new Map<string, { times: number[]; start: number }>();
const channels = new Map<string, { tokens: number; at: number }>();
const stats: FakeSlackStats = { calls: {}, limited: {}, unexpected: 0, busyMs: 0 };

/** Seconds to wait, or 0 when the call is inside the limits (and is then counted against them). */
function admit(method: string, channel: string | undefined, at: number): number {
  const limit = PER_MINUTE[method]!;
  const w = windows.get(method) ?? { times: [], start: 0 };
  windows.set(method, w);
  while (w.start < w.times.length && w.times[w.start]! <= at - 60_000) w.start += 1;
  if (w.start > 10_000) {
    w.times = w.times.slice(w.start);
    w.start = 0;
  }
  if (w.times.length - w.start >= limit)
    return Math.max(1, Math.ceil((w.times[w.start]! + 60_000 - at) / 1000));
  if (method === 'chat.postMessage' && channel) {
    const b = channels.get(channel) ?? { tokens: CHANNEL_BURST, at };
    const tokens = Math.min(CHANNEL_BURST, b.tokens + (at - b.at) / 1000);
    if (tokens < 1) return 1;
    channels.set(channel, { tokens: tokens - 1, at });
  }
  w.times.push(at);
  return 0;
}

let ts = 0;
function answer(method: string, args: Record<string, string>): Record<string, unknown> {
  switch (method) {
    case 'chat.postMessage': {
      ts += 1;
      const channel = args.channel ?? '';
      return {
        ok: true,
        channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel,
        ts: `${1_790_000_000 + Math.floor(ts / 1000)}.${String(ts % 1000).padStart(6, '0')}`,
      };
    }
    case 'users.info':
      return { ok: true, user: { id: args.user, tz: 'Europe/London', deleted: false } };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${String(args.users ?? '').slice(1)}` } };
    case 'conversations.history':
      return { ok: true, messages: [], has_more: false };
    default:
      return { ok: true };
  }
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const raw = Buffer.concat(chunks).toString();
    const args: Record<string, string> = (req.headers['content-type'] ?? '').includes('json')
      ? JSON.parse(raw || '{}')
      : Object.fromEntries(new URLSearchParams(raw));
    stats.calls[method] = (stats.calls[method] ?? 0) + 1;
    if (!(method in PER_MINUTE)) {
      stats.unexpected += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
      return;
    }
    const retryAfter = admit(method, args.channel, nowMs());
    if (retryAfter > 0) {
      stats.limited[method] = (stats.limited[method] ?? 0) + 1;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer(method, args)));
  });
});

/**
 * This thread's CPU time. Not the event loop's busy time: that is wall time, and on a machine
 * shared with other work it counts the time this thread waited for a core too, which made our
 * share (the process's CPU less this) come out too small, even below zero. On Linux the
 * thread's own utime + stime (stat(5) fields 14 and 15, in ticks of 10 ms); elsewhere the
 * event loop's busy time.
 */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return performance.eventLoopUtilization().active;
  }
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  parentPort!.postMessage({ kind: 'ready', apiUrl: `http://127.0.0.1:${port}/api/` });
});

parentPort!.on('message', (message: { kind: string }) => {
  if (message.kind === 'stats') {
    stats.busyMs = threadCpuMs();
    parentPort!.postMessage({ kind: 'stats', stats });
  }
  if (message.kind === 'reset') {
    windows.clear();
    channels.clear();
    stats.calls = {};
    stats.limited = {};
    stats.unexpected = 0;
  }
  if (message.kind === 'stop') server.close(() => process.exit(0));
});
