/**
 * Every send to Teams goes through here. The SDK does not retry a 429 (Teams allows about 1,800
 * operations an hour per conversation and 50 a second per tenant), so a digest or a sweep would
 * lose messages: sends to one conversation run one at a time, in order, and a throttled or
 * briefly failing one waits (Retry-After when Teams gives it, else exponential backoff) with
 * jitter, so replicas that were throttled together do not all come back at the same instant.
 * Time is injected: tests pass a sleep that returns at once and a fixed random.
 */

export interface SendQueueOptions {
  /** Waits `ms`; the app passes a real timer, tests one that records and returns. */
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for jitter. */
  random: () => number;
  /** Tries per send, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface SendQueue {
  /** Runs `send` after every earlier send to the same conversation, retrying throttling. */
  send<T>(conversationId: string, send: () => Promise<T>): Promise<T>;
  /** Resolves when nothing is queued or running: clean shutdown waits for this. */
  idle(): Promise<void>;
}

/** A failed call's HTTP status and Retry-After (seconds), read from the SDK's (axios) error. */
export function httpFailure(error: unknown): { status?: number; retryAfterSeconds?: number } {
  const response = (error as { response?: { status?: unknown; headers?: Record<string, unknown> } })
    ?.response;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const header = Number(response?.headers?.['retry-after']);
  return { status, ...(Number.isFinite(header) && header >= 0 ? { retryAfterSeconds: header } : {}) };
}

const RETRIED = new Set([429, 502, 503, 504]);

/** Creates the queue; one per process, shared by replies, proactive messages and card updates. */
export function createSendQueue(options: SendQueueOptions): SendQueue {
  const { sleep, random, attempts = 5, baseDelayMs = 1000, maxDelayMs = 60_000 } = options;
  const tails = new Map<string, Promise<void>>();
  let pending = 0;
  const waiters: (() => void)[] = [];

  async function withRetries<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        const { status, retryAfterSeconds } = httpFailure(error);
        if (status === undefined || !RETRIED.has(status) || attempt >= attempts) throw error;
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        const wait =
          retryAfterSeconds !== undefined
            ? retryAfterSeconds * 1000 + random() * baseDelayMs
            : backoff / 2 + random() * (backoff / 2);
        await sleep(Math.min(maxDelayMs, Math.round(wait)));
      }
    }
  }

  return {
    send<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
      pending += 1;
      const previous = tails.get(conversationId) ?? Promise.resolve();
      const run = previous.then(() => withRetries(send));
      // The queue's own tail never rejects: one failed send must not stop the ones after it.
      const settled: Promise<void> = run
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          if (tails.get(conversationId) === settled) tails.delete(conversationId);
          pending -= 1;
          if (pending === 0) for (const wake of waiters.splice(0)) wake();
        });
      tails.set(conversationId, settled);
      return run;
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
