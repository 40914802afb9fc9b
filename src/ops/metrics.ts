/**
 * The Prometheus metrics served at /metrics (prom-client). One registry per running app, so two
 * apps in one process (tests) never share counts. Names start `improvement_bot_`; the process's
 * own metrics (memory, CPU, event-loop lag) come from prom-client's defaults.
 *
 * prom-client (60 ms of CPU to load) is loaded when the metrics are first used, a command handled
 * or /metrics scraped, not at start-up, so /healthz answers that much sooner.
 */
import { createRequire } from 'node:module';
import type { Registry } from 'prom-client';

/** How a command ended: done, refused with a polite reply (bad input, not allowed), or a bug. */
export type CommandOutcome = 'ok' | 'refused' | 'error';

export interface Metrics {
  /** The registry (prom-client loads on first use). */
  readonly registry: Registry;
  /** One command (or form, or button) handled: its subcommand name, outcome and seconds taken. */
  command(name: string, outcome: CommandOutcome, seconds: number): void;
  /** A scheduled weekly digest: posted on time, posted late, or not posted (retried later). */
  digest(outcome: 'posted' | 'late' | 'failed'): void;
  /** Reminders of one sweep: sent, left for a retry (failed), skipped (nothing to send, opted out). */
  reminders(tally: { sent: number; failed: number; skipped: number }): void;
  /** A Slack Web API answer that was an error (`error` is Slack's code, or http_<status>). */
  slackError(method: string, error: string): void;
  /** Slack answered 429 (rate limited); the client waits for Retry-After and tries again. */
  slackRateLimited(method: string): void;
  /** Prometheus text exposition of every metric. */
  render(): Promise<string>;
  contentType: string;
}

/**
 * Builds the metrics. `queueDepth` is read at each scrape: work waiting in the database (the
 * reminder ledger's claimed, failed and pending rows; digests claimed or failed but not posted).
 */
export function createMetrics(queueDepth?: () => Promise<Record<string, number>>): Metrics {
  let built: Omit<Metrics, 'contentType'> | undefined;
  const use = () => {
    built ??= buildMetrics(queueDepth);
    return built;
  };
  return {
    get registry() {
      return use().registry;
    },
    command: (name, outcome, seconds) => use().command(name, outcome, seconds),
    digest: (outcome) => use().digest(outcome),
    reminders: (tally) => use().reminders(tally),
    slackError: (method, error) => use().slackError(method, error),
    slackRateLimited: (method) => use().slackRateLimited(method),
    render: () => use().render(),
    get contentType() {
      return use().registry.contentType;
    },
  };
}

function buildMetrics(queueDepth?: () => Promise<Record<string, number>>): Omit<Metrics, 'contentType'> {
  const { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } = createRequire(import.meta.url)(
    'prom-client',
  ) as typeof import('prom-client');
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'improvement_bot_' });
  const commands = new Histogram({
    name: 'improvement_bot_command_duration_seconds',
    help: 'Commands handled, by subcommand and outcome (ok, refused, error), with their latency.',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const digests = new Counter({
    name: 'improvement_bot_digests_total',
    help: 'Scheduled weekly digests: posted (on time), late (posted after their time), failed (to be retried).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const reminders = new Counter({
    name: 'improvement_bot_reminders_total',
    help: 'Reminders: sent, failed (left for a retry), skipped (recipient opted out, snoozed or unreachable).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const slackErrors = new Counter({
    name: 'improvement_bot_slack_api_errors_total',
    help: 'Slack Web API calls that answered with an error, by method and error code.',
    labelNames: ['method', 'error'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'improvement_bot_slack_rate_limited_total',
    help: 'Slack Web API calls answered 429 (rate limited), by method.',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  // Zero from the first scrape, so a rate() or an alert has a series before the first event.
  for (const outcome of ['posted', 'late', 'failed']) digests.inc({ outcome }, 0);
  for (const outcome of ['sent', 'failed', 'skipped']) reminders.inc({ outcome }, 0);
  new Gauge({
    name: 'improvement_bot_queue_depth',
    help: 'Work waiting in the database: reminders (claimed, failed or queued) and digests (claimed or failed, not posted).',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      if (!queueDepth) return;
      for (const [queue, depth] of Object.entries(await queueDepth())) this.set({ queue }, depth);
    },
  });
  return {
    registry,
    command: (name, outcome, seconds) => commands.observe({ command: name, outcome }, seconds),
    digest: (outcome) => digests.inc({ outcome }),
    reminders(tally) {
      for (const outcome of ['sent', 'failed', 'skipped'] as const)
        if (tally[outcome] > 0) reminders.inc({ outcome }, tally[outcome]);
    },
    slackError: (method, error) => slackErrors.inc({ method, error }),
    slackRateLimited: (method) => rateLimited.inc({ method }),
    render: () => registry.metrics(),
  };
}
