import type { ApiReply, Failure } from './types.js';

/** A reply the HTTP layer writes as-is: status, extra headers and JSON body. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: ApiReply;
}

/**
 * Scripted failures, consumed one per call in the order they were queued, so a test can say
 * "the first two posts are rate limited, the third succeeds" and watch the app's retries.
 */
export class FaultQueue {
  private readonly pending = new Map<string, Failure[]>();

  /** Queues `failure` for the next `failure.times ?? 1` calls of `method`. */
  add(method: string, failure: Failure): void {
    const times = Math.max(1, failure.times ?? 1);
    const queue = this.pending.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.pending.set(method, queue);
  }

  /** Takes the next failure for `method` and renders it, or undefined when none is queued. */
  take(method: string): HttpReply | undefined {
    const failure = this.pending.get(method)?.shift();
    return failure ? renderFailure(failure) : undefined;
  }
}

/** Renders a failure the way Slack answers: 429 with Retry-After, 5xx, or HTTP 200 ok:false. */
export function renderFailure(failure: Failure): HttpReply {
  if (failure.status === 429) {
    return {
      status: 429,
      headers: { 'retry-after': String(failure.retryAfterSeconds ?? 1) },
      body: { ok: false, error: failure.error ?? 'ratelimited' },
    };
  }
  if (failure.status !== undefined && failure.status !== 200) {
    return {
      status: failure.status,
      headers: {},
      body: { ok: false, error: failure.error ?? 'internal_error' },
    };
  }
  return { status: 200, headers: {}, body: { ok: false, error: failure.error ?? 'fatal_error' } };
}
