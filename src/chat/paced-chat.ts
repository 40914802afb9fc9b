/**
 * Slack allows about one message per second per channel (bursts are tolerated, sustained floods
 * are not). Scheduled work posts through this wrapper, which spaces messages to the same channel
 * by `minIntervalMs`; a DM is its own channel, so owners' reminders do not wait for each other,
 * while several countdowns to the board channel are spaced a second apart. Anything Slack still
 * rate-limits comes back as HTTP 429, which Bolt's WebClient waits out (Retry-After) and retries;
 * if it gives up, the reminder stays 'failed' in the ledger and a later tick sends it.
 */
import type { Chat } from './chat.js';

export interface PaceOptions {
  /** Default 1100 ms: a little over Slack's one per second, so we never sit on the edge. */
  minIntervalMs?: number;
  /** Monotonic milliseconds; tests pass their own. */
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

const PRUNE_AT = 5_000;

export function pacedChat(chat: Chat, options: PaceOptions = {}): Chat {
  const interval = options.minIntervalMs ?? 1100;
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const nextFree = new Map<string, number>();
  // Reserves the channel's next slot synchronously, so concurrent senders queue rather than race.
  const slot = async (channel: string): Promise<void> => {
    const at = now();
    const mine = Math.max(at, nextFree.get(channel) ?? at);
    nextFree.set(channel, mine + interval);
    if (nextFree.size > PRUNE_AT) for (const [key, free] of nextFree) if (free <= at) nextFree.delete(key);
    if (mine > at) await wait(mine - at);
  };
  return {
    ...chat,
    post: async (channelId, message, postOptions) => {
      await slot(channelId);
      return chat.post(channelId, message, postOptions);
    },
    dm: async (userId, message) => {
      await slot(`dm:${userId}`);
      return chat.dm(userId, message);
    },
    update: async (where, message) => {
      await slot(where.channelId);
      return chat.update(where, message);
    },
    user: (userId) => chat.user(userId),
    findPosted: (channelId, since, eventType) => chat.findPosted(channelId, since, eventType),
    ...(chat.publishHome ? { publishHome: chat.publishHome.bind(chat) } : {}),
  };
}
