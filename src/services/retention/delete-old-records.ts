/**
 * The retention rule (RETENTION_YEARS): records older than N years are deleted, each workspace's
 * deletions and its audit row (`retention.delete`, with the cut-off and how many of each kind)
 * in one transaction. Deleted: updates, RAG changes, action history, KPI readings, audit rows,
 * reminders sent or skipped, posted digests' records and request keys. The plan itself
 * (workstreams, projects, actions, KPIs, visits) is kept.
 *
 * Run for a day (the daily job), each workspace's run is first claimed in the reminder ledger
 * (kind 'retention', as a programme's reminder sweep is claimed), and marked done in the deletion's
 * transaction: of several replicas ticking at once only one deletes and audits, once a day. A
 * replica that dies mid-run leaves its claim to expire, and the next tick finishes the work.
 */
import { sql } from '../../db/sql.js';
import type { Day } from '../../domain/dates.js';
import { audit } from '../audit.js';
import type { Deps } from '../deps.js';
import { claimReminder, type ReminderKey } from '../reminder-log.js';

export type RetentionCounts = Record<
  | 'updates'
  | 'ragChanges'
  | 'actionEvents'
  | 'kpiReadings'
  | 'auditLog'
  | 'reminderLog'
  | 'digestRuns'
  | 'processedRequests'
  | 'packRequests',
  number
>;

/** The ledger row that claims a workspace's retention run on a day. */
export const retentionKey = (workspaceId: string, day: Day): ReminderKey => ({
  workspaceId,
  kind: 'retention',
  subjectKey: 'workspace',
  recipient: 'workspace',
  day,
});

/**
 * Deletes what is older than `years` years at the clock's now; returns the counts per workspace
 * this call deleted in. With `day`, only in workspaces whose run of that day it could claim.
 */
export async function deleteOldRecords(
  input: { years: number; day?: Day },
  deps: Pick<Deps, 'db' | 'clock'> & { sql?: Deps['sql']; instanceId?: string },
): Promise<Map<string, RetentionCounts>> {
  const now = deps.clock.now();
  // The same moment of the year, `years` back; 29 February falls back to 28 February.
  const before = new Date(now.getTime());
  before.setUTCFullYear(before.getUTCFullYear() - input.years);
  if (before.getUTCDate() !== now.getUTCDate()) before.setUTCDate(0);
  const old = { createdAt: { lt: before } };
  const result = new Map<string, RetentionCounts>();
  for (const workspaceId of await workspacesDue(deps, input.day, now)) {
    const claim =
      input.day && deps.sql
        ? // The lease runs from the live clock: a long run's later claims are not born expired.
          await claimReminder(
            deps.sql,
            retentionKey(workspaceId, input.day),
            0,
            deps.clock.now(),
            deps.instanceId ?? '',
          )
        : undefined;
    if (claim === null) continue;
    const counts = await deps.db.$transaction(
      async (tx) => {
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
          packRequests: (await tx.packRequest.deleteMany({ where: { ...w, ...old } })).count,
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
        if (claim)
          await tx.reminderLog.update({
            where: { id: claim.id },
            data: { status: 'sent', sentAt: now, payload: JSON.stringify(done), lastError: null },
          });
        return done;
        // A first run over years of records takes more than Prisma's 5 s default for request paths;
        // timed out, it would roll back and try again every lease, never finishing.
      },
      { timeout: 120_000 },
    );
    result.set(workspaceId, counts);
  }
  return result;
}

/**
 * Every workspace, or with a day those whose run of that day is neither done nor held by a live
 * claim. It runs every tick, so the ledger is looked up by its unique key per workspace (an index
 * seek), never scanned: the ledger is the largest table.
 */
async function workspacesDue(
  deps: Pick<Deps, 'db'> & { sql?: Deps['sql'] },
  day: Day | undefined,
  now: Date,
): Promise<string[]> {
  if (!day || !deps.sql) {
    const workspaces = await deps.db.workspace.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    return workspaces.map((w) => w.id);
  }
  const rows = await deps.sql.all<{ id: string }>(sql`
    SELECT w."id" FROM "Workspace" w
    WHERE NOT EXISTS (
      SELECT 1 FROM "ReminderLog" r
      WHERE r."workspaceId" = w."id" AND r."kind" = 'retention' AND r."subjectKey" = 'workspace'
        AND r."recipient" = 'workspace' AND r."day" = ${day}
        AND (r."status" = 'sent' OR r."leaseUntil" > ${now}))
    ORDER BY w."id"`);
  return rows.map((r) => r.id);
}
