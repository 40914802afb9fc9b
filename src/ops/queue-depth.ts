/** How much scheduled work is waiting in the database, for the queue-depth gauge on /metrics. */
import type { Db } from '../db/client.js';

/**
 * Reminders claimed, failed (waiting for their back-off) or queued as notices, not counting the
 * programme sweeps' and the retention runs' own claims; and weekly digests claimed or failed but not yet posted.
 */
export async function queueDepth(db: Db): Promise<Record<'reminders' | 'digests', number>> {
  const [reminders, digests] = await Promise.all([
    db.reminderLog.count({
      where: { status: { in: ['claimed', 'failed', 'pending'] }, kind: { notIn: ['sweep', 'retention'] } },
    }),
    db.digestRun.count({ where: { status: { in: ['claimed', 'failed'] } } }),
  ]);
  return { reminders, digests };
}
