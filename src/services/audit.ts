/** Every change is written to the audit log in the same transaction as the change itself. */
import type { Tx } from '../db/client.js';
import { isSql, type Sql, sql } from '../db/sql.js';

export interface AuditEntry {
  workspaceId: string;
  /** Slack user id, or 'system' for scheduled work. */
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** When it happened, from the injected clock (never the database's or the machine's time). */
  at: Date;
}

/** The row audit() writes for an entry. */
export function auditRow(entry: AuditEntry) {
  return {
    workspaceId: entry.workspaceId,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    createdAt: entry.at,
  };
}

export async function audit(db: Tx | Sql, entry: AuditEntry): Promise<void> {
  const row = auditRow(entry);
  if (!isSql(db)) {
    await db.auditLog.create({ data: row });
    return;
  }
  await db.run(
    sql`INSERT INTO "AuditLog" ("workspaceId", "actor", "action", "entity", "entityId", "before", "after", "createdAt") VALUES (${row.workspaceId}, ${row.actor}, ${row.action}, ${row.entity}, ${row.entityId}, ${row.before}, ${row.after}, ${row.createdAt})`,
  );
}
