/**
 * One ticker (node-cron, every minute by default) runs every job in turn. Jobs read each
 * programme's schedule from the database on every tick, so a changed digest time takes effect
 * without a restart, and each job claims its work in the database, so running a tick twice, or
 * on several replicas at once, does the work once. A tick also runs at start-up: work that was
 * due while the bot was down (or claimed by a replica that crashed) is finished then.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';

export interface Job {
  id: string;
  /** Does whatever is due at `now`. Must be safe to run twice and concurrently. */
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  /** Runs one tick now (tests, local mode's "run now" button). */
  tick(): Promise<void>;
  /** Whether the ticker is scheduled (not stopped): part of /readyz. */
  running(): boolean;
  stop(): Promise<void>;
}

export function startScheduler(
  jobs: Job[],
  options: { cron: string; clock: Clock; logger: Logger; runAtStart?: boolean },
): Scheduler {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    // Ticks never overlap: a slow tick delays the next rather than racing it.
    running = running.then(() => runJobs(jobs, options.clock.now(), options.logger));
    return running;
  };
  const task: ScheduledTask = cron.schedule(options.cron, () => void tick(), { noOverlap: true });
  if (options.runAtStart ?? true) void tick();
  let stopped = false;
  return {
    tick,
    running: () => !stopped && !['stopped', 'destroyed'].includes(task.getStatus()),
    async stop() {
      stopped = true;
      await task.stop();
      await running;
    },
  };
}

async function runJobs(jobs: Job[], now: Date, logger: Logger): Promise<void> {
  for (const job of jobs) {
    try {
      await job.run(now);
    } catch (error) {
      logger.error({ err: error, job: job.id }, 'scheduled job failed; it will be retried on the next tick');
    }
  }
}
