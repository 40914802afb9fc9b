/**
 * The retention job (only with RETENTION_YEARS set): once a day per process, at the first tick of
 * the day and at start-up, deletes records older than the setting. Deleting twice deletes nothing
 * more, so replicas running it together are harmless.
 */
import type { Deps } from '../services/deps.js';
import { deleteOldRecords } from '../services/retention/delete-old-records.js';
import type { Job } from './index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionJob(deps: Deps, years: number): Job {
  let lastRun: Date | undefined;
  return {
    id: 'retention',
    async run(now) {
      if (lastRun && now.getTime() - lastRun.getTime() < DAY_MS) return;
      lastRun = now;
      const counts = await deleteOldRecords({ years }, deps);
      const deleted = [...counts.values()].reduce(
        (sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0),
        0,
      );
      if (deleted > 0) deps.logger.info({ job: 'retention', years, deleted }, 'old records deleted');
    },
  };
}
