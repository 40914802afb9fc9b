/**
 * Scheduled work posts through this wrapper, which keeps to the platform's limits instead of
 * finding them by being refused:
 * - per conversation: Slack allows about one message per second per channel, tolerating short
 *   bursts, so each channel has a token bucket (`burst` messages at once, then one per
 *   `minIntervalMs`). A DM is its own channel, so owners' reminders never wait for each other;
 *   a run of countdowns to the board channel is spaced out;
 * - per method, for the whole workspace (one wrapper per workspace's chat): the platform's
 *   published limits (`chat.rateLimits`, e.g. Slack's tiers), one bucket per method, shared by
 *   every caller, so a sweep sending many reminders at once stays inside them.
 * Anything the platform still rate-limits comes back as HTTP 429, which Bolt's WebClient waits
 * out (Retry-After, pausing its whole queue) and retries; if it gives up, the reminder stays
 * 'failed' in the ledger and a later tick sends it, so nothing is lost.
 */
import type { Chat, RateLimitedMethod } from './chat.js';

export interface PaceOptions {
  /** Default 1100 ms: a little over Slack's one per second, so we never sit on the edge. */
  minIntervalMs?: number;
  /** Messages a quiet channel may take at once. Default 3. */
  burst?: number;
  /** Monotonic milliseconds; tests and the benchmark's simulated Slack pass their own. */
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

const PRUNE_AT = 5_000;

interface Bucket {
  tokens: number;
  at: number;
  interval: number;
  burst: number;
}

/** Full again by `at`: forgetting it changes nothing (a new bucket starts full). */
const refilledBy = (b: Bucket, at: number) => b.tokens + (at - b.at) / Math.max(b.interval, 1) >= b.burst;

/**
 * A token bucket keyed by name. Takes a token synchronously (going into debt when empty), so
 * concurrent callers queue in order, each waiting until its own token is due.
 *
 * The map is kept in order of last use (a used bucket moves to the end), so forgetting the
 * full ones looks only at the oldest: it stops at the first that is not full yet. A sweep of
 * 20,000 owners' DMs would otherwise rescan thousands of buckets on every message.
 */
function buckets(now: () => number, wait: (ms: number) => Promise<void>) {
  const all = new Map<string, Bucket>();
  return async (key: string, interval: number, burst: number): Promise<void> => {
    const at = now();
    const bucket = all.get(key);
    const refilled =
      bucket && interval > 0 ? Math.min(burst, bucket.tokens + (at - bucket.at) / interval) : burst;
    all.delete(key);
    all.set(key, { tokens: refilled - 1, at, interval, burst });
    if (all.size > PRUNE_AT)
      for (const [k, b] of all) {
        if (!refilledBy(b, at)) break;
        all.delete(k);
      }
    if (refilled < 1) await wait((1 - refilled) * interval);
  };
}

export function pacedChat(chat: Chat, options: PaceOptions = {}): Chat {
  const interval = options.minIntervalMs ?? 1100;
  const burst = options.burst ?? 3;
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const take = buckets(now, wait);
  const limits = chat.rateLimits;
  // The workspace's budget for a method; with no interval (tests), no waits at all.
  const method = async (name: RateLimitedMethod): Promise<void> => {
    const perMinute = limits?.perMinute[name];
    if (!perMinute || interval === 0) return;
    await take(`method:${name}`, 60_000 / perMinute, limits?.burst?.[name] ?? 1);
  };
  const channel = (id: string) => take(`channel:${id}`, interval, burst);
  return {
    ...chat,
    post: async (channelId, message, postOptions) => {
      await channel(channelId);
      await method('post');
      return chat.post(channelId, message, postOptions);
    },
    dm: async (userId, message, dmOptions) => {
      await channel(`dm:${userId}`);
      await method('post');
      return chat.dm(userId, message, dmOptions);
    },
    dmChannel: async (userId) => {
      await method('dmChannel');
      return chat.dmChannel(userId);
    },
    update: async (where, message) => {
      await channel(where.channelId);
      await method('update');
      return chat.update(where, message);
    },
    user: async (userId) => {
      await method('user');
      return chat.user(userId);
    },
    findPosted: async (channelId, since, eventType) => {
      await method('findPosted');
      return chat.findPosted(channelId, since, eventType);
    },
    ...(chat.publishHome ? { publishHome: chat.publishHome.bind(chat) } : {}),
  };
}
