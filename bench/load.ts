/**
 * A closed-loop load generator: `concurrency` workers send requests one after another, and each
 * request counts as done when what the user would see has reached the Slack stand-in.
 */
import type { SlackWebApi } from '../src/local/slack-web-api.js';

export type Outcome = 'post' | 'reply' | 'refusal';

/**
 * Watches the stand-in and resolves a request's wait when its answer arrives: a response_url
 * reply tagged with the request id, or a channel post whose text carries `[id]`.
 */
export class VisibleAnswers {
  private readonly waiting = new Map<string, (outcome: Outcome) => void>();
  private seenResponses = 0;
  private seenMessages = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly slack: SlackWebApi) {
    this.unsubscribe = slack.onChange(() => this.scan());
  }

  /** Register before sending, so an answer can never arrive unnoticed. */
  wait(id: string, timeoutMs = 15_000): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`no visible answer for ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
    });
  }

  dispose(): void {
    this.unsubscribe();
  }

  private scan(): void {
    const { responses, messages } = this.slack;
    for (; this.seenResponses < responses.length; this.seenResponses++) {
      const response = responses[this.seenResponses]!;
      const text = String(response.body.text ?? '');
      this.settle(response.tag, text.startsWith(':warning:') ? 'refusal' : 'reply');
    }
    for (; this.seenMessages < messages.length; this.seenMessages++) {
      const message = messages[this.seenMessages]!;
      const id = /\[(b\d+)\]/.exec(message.text)?.[1];
      if (id && !message.ephemeralFor) this.settle(id, 'post');
    }
  }

  private settle(id: string, outcome: Outcome): void {
    const resolve = this.waiting.get(id);
    if (!resolve) return;
    this.waiting.delete(id);
    resolve(outcome);
  }
}

export interface LoadResult {
  visibleMs: number[];
  ackMs: number[];
  seconds: number;
  outcomes: Record<Outcome, number>;
}

let nextId = 0;

/** Sends `requests` requests, `concurrency` at a time; `send` gets a fresh id for each. */
export async function runLoad(options: {
  concurrency: number;
  requests: number;
  /** Resolves with a request's outcome when its answer has arrived (VisibleAnswers, for Slack). */
  answers: Pick<VisibleAnswers, 'wait'>;
  send: (id: string) => Promise<{ status: number }>;
}): Promise<LoadResult> {
  const result: LoadResult = {
    visibleMs: [],
    ackMs: [],
    seconds: 0,
    outcomes: { post: 0, reply: 0, refusal: 0 },
  };
  let started = 0;
  const worker = async () => {
    while (started < options.requests) {
      started += 1;
      const id = `b${++nextId}`;
      const visible = options.answers.wait(id);
      visible.catch(() => undefined); // awaited below; this only stops an early timeout from crashing the process
      const t0 = performance.now();
      const ack = await options.send(id);
      if (ack.status !== 200) throw new Error(`request ${id} was answered ${ack.status}`);
      result.ackMs.push(performance.now() - t0);
      result.outcomes[await visible] += 1;
      result.visibleMs.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
