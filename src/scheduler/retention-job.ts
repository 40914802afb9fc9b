/**
 * The retention job (only with RETENTION_YEARS set): once a day (the Europe/London day), at the
 * first tick of the day or at start-up, deletes records older than the setting. Each workspace's
 * run of the day is claimed in the database (services/retention/delete-old-records.ts), so with
 * several replicas only one deletes and writes the audit row; the others find the day done.
 */
import { DEFAULT_TIMEZONE, todayIn } from '../domain/dates.js';
import type { Deps } from '../services/deps.js';
import { deleteOldRecords } from '../services/retention/delete-old-records.js';
import type { Job } from './index.js';

/** `instanceId` names this replica in its claims. */
export function retentionJob(deps: Deps & { instanceId: string }, years: number): Job {
  return {
    id: 'retention',
    async run(now) {
      const day = todayIn(now, DEFAULT_TIMEZONE);
      const counts = await deleteOldRecords({ years, day }, deps);
      const deleted = [...counts.values()].reduce(
        (sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0),
        0,
      );
      if (deleted > 0) deps.logger.info({ job: 'retention', years, day, deleted }, 'old records deleted');
    },
  };
}
