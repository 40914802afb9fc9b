/**
 * Slack allows about one message per second per channel, tolerating short bursts. Scheduled work
 * posts through this wrapper: a token bucket per channel (`burst` messages at once, then one per
 * `minIntervalMs`). A DM is its own channel, so owners' reminders never wait for each other and a
 * lead who gets a reminder, an escalation and a countdown in one sweep is not held up either;
 * a run of countdowns to the board channel is spaced out. Anything Slack still rate-limits comes
 * back as HTTP 429, which Bolt's WebClient waits out (Retry-After) and retries; if it gives up, the
 * reminder stays 'failed' in the ledger and a later tick sends it, so nothing is lost.
 */
import type { Chat } from './chat.js';

export interface PaceOptions {
  /** Default 1100 ms: a little over Slack's one per second, so we never sit on the edge. */
  minIntervalMs?: number;
  /** Messages a quiet channel may take at once. Default 3. */
  burst?: number;
  /** Monotonic milliseconds; tests pass their own. */
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

const PRUNE_AT = 5_000;

export function pacedChat(chat: Chat, options: PaceOptions = {}): Chat {
  const interval = options.minIntervalMs ?? 1100;
  const burst = options.burst ?? 3;
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const buckets = new Map<string, { tokens: number; at: number }>();
  // Takes a token synchronously (going into debt when empty), so concurrent senders queue in order.
  const slot = async (channel: string): Promise<void> => {
    const at = now();
    const bucket = buckets.get(channel) ?? { tokens: burst, at };
    const refilled = interval > 0 ? Math.min(burst, bucket.tokens + (at - bucket.at) / interval) : burst;
    buckets.set(channel, { tokens: refilled - 1, at });
    if (buckets.size > PRUNE_AT)
      for (const [key, b] of buckets)
        if (b.tokens + (at - b.at) / Math.max(interval, 1) >= burst) buckets.delete(key);
    if (refilled < 1) await wait((1 - refilled) * interval);
  };
  return {
    ...chat,
    post: async (channelId, message, postOptions) => {
      await slot(channelId);
      return chat.post(channelId, message, postOptions);
    },
    dm: async (userId, message, dmOptions) => {
      await slot(`dm:${userId}`);
      return chat.dm(userId, message, dmOptions);
    },
    dmChannel: (userId) => chat.dmChannel(userId),
    update: async (where, message) => {
      await slot(where.channelId);
      return chat.update(where, message);
    },
    user: (userId) => chat.user(userId),
    findPosted: (channelId, since, eventType) => chat.findPosted(channelId, since, eventType),
    ...(chat.publishHome ? { publishHome: chat.publishHome.bind(chat) } : {}),
  };
}
