/**
 * The retention rule (RETENTION_YEARS): records older than N years are deleted, each workspace's
 * deletions and its audit row (`retention.delete`, with the cut-off and how many of each kind)
 * in one transaction. Deleted: updates, RAG changes, action history, KPI readings, audit rows,
 * reminders sent or skipped, posted digests' records and request keys. The plan itself
 * (workstreams, projects, actions, KPIs, visits) is kept.
 */
import { audit } from '../audit.js';
import type { Deps } from '../deps.js';

export type RetentionCounts = Record<
  | 'updates'
  | 'ragChanges'
  | 'actionEvents'
  | 'kpiReadings'
  | 'auditLog'
  | 'reminderLog'
  | 'digestRuns'
  | 'processedRequests',
  number
>;

/** Deletes what is older than `years` years at the clock's now; returns the counts per workspace. */
export async function deleteOldRecords(
  input: { years: number },
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<Map<string, RetentionCounts>> {
  const now = deps.clock.now();
  // The same moment of the year, `years` back; 29 February falls back to 28 February.
  const before = new Date(now.getTime());
  before.setUTCFullYear(before.getUTCFullYear() - input.years);
  if (before.getUTCDate() !== now.getUTCDate()) before.setUTCDate(0);
  const old = { createdAt: { lt: before } };
  const workspaces = await deps.db.workspace.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const result = new Map<string, RetentionCounts>();
  for (const { id: workspaceId } of workspaces) {
    const counts = await deps.db.$transaction(async (tx) => {
      const w = { workspaceId };
      const done: RetentionCounts = {
        updates: (await tx.update.deleteMany({ where: { ...w, ...old } })).count,
        ragChanges: (await tx.ragChange.deleteMany({ where: { ...w, ...old } })).count,
        actionEvents: (await tx.actionEvent.deleteMany({ where: { ...w, ...old } })).count,
        kpiReadings: (await tx.kpiReading.deleteMany({ where: { ...w, ...old } })).count,
        auditLog: (await tx.auditLog.deleteMany({ where: { ...w, ...old } })).count,
        reminderLog: (
          await tx.reminderLog.deleteMany({ where: { ...w, ...old, status: { in: ['sent', 'skipped'] } } })
        ).count,
        digestRuns: (
          await tx.digestRun.deleteMany({ where: { ...w, status: 'posted', postedAt: { lt: before } } })
        ).count,
        processedRequests: (await tx.processedRequest.deleteMany({ where: { ...w, ...old } })).count,
      };
      if (Object.values(done).some((n) => n > 0))
        await audit(tx, {
          workspaceId,
          actor: 'system',
          action: 'retention.delete',
          entity: 'workspace',
          entityId: workspaceId,
          after: { olderThan: before.toISOString(), years: input.years, deleted: done },
          at: now,
        });
      return done;
    });
    result.set(workspaceId, counts);
  }
  return result;
}
