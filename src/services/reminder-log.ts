/**
 * The reminder ledger: one row per (workspace, kind, subject, recipient, day), so a reminder is
 * sent at most once however many ticks, restarts or replicas try. Every send is
 * claim → send → mark: a claim holds a lease; a send that fails leaves the row 'failed' with a
 * lease that expires later, and the next tick that finds it expired claims it again, so a failed
 * reminder is retried, never forgotten. A row that was sent or skipped is never claimed again.
 *
 * Status: claimed | sent | failed | skipped, and 'pending' for notices queued for the next tick
 * (deliver-notices.ts).
 */
import { chunked, inList } from '../db/chunked.js';
import type { Db, Tx } from '../db/client.js';
import type { ReminderLog } from '../db/generated/sqlite/client.js';
import { groupCommit } from '../db/group-commit.js';
import { asDate, isSql, type Query, type Sql, sql } from '../db/sql.js';
import { retryDelayMs } from '../domain/reminders.js';

export interface ReminderKey {
  workspaceId: string;
  kind: string;
  subjectKey: string;
  /** A Slack user id, or a channel id for channel posts. */
  recipient: string;
  /** 'YYYY-MM-DD': the programme's day (escalations: the week's Monday). */
  day: string;
}

/** Long enough for a send with Slack's Retry-After waits; a crashed replica's claim expires after it. */
export const LEASE_MS = 10 * 60_000;

const RECLAIMABLE = ['claimed', 'failed', 'pending'];

/**
 * Claims the reminder for this process, or returns null when it was sent, skipped, or is being
 * sent by someone else right now. Safe under concurrency on both databases: the insert is
 * guarded by the unique key and the re-claim by a conditional update.
 */
export async function claimReminder(
  db: Sql,
  key: ReminderKey,
  programmeId: number,
  now: Date,
  claimedBy: string,
): Promise<ReminderLog | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  // Hand-written SQL (db/sql.ts): a sweep claims every escalation and countdown one at a time.
  const created = await db.one<ReminderLog>(
    sql`INSERT INTO "ReminderLog" ("workspaceId", "kind", "subjectKey", "recipient", "day", "programmeId", "status", "claimedBy", "leaseUntil", "attempts", "createdAt") VALUES (${key.workspaceId}, ${key.kind}, ${key.subjectKey}, ${key.recipient}, ${key.day}, ${programmeId}, 'claimed', ${claimedBy}, ${leaseUntil}, 1, ${now}) ON CONFLICT ("workspaceId", "kind", "subjectKey", "recipient", "day") DO NOTHING RETURNING *`,
  );
  if (created) return asLog(created);
  const existing = await db.one<ReminderLog>(
    sql`SELECT * FROM "ReminderLog" WHERE "workspaceId" = ${key.workspaceId} AND "kind" = ${key.kind} AND "subjectKey" = ${key.subjectKey} AND "recipient" = ${key.recipient} AND "day" = ${key.day}`,
  );
  return existing ? claimExisting(db, asLog(existing), now, claimedBy) : null;
}

/** A ledger row read by hand-written SQL, its dates as Prisma returns them (see asDate). */
function asLog(row: ReminderLog): ReminderLog {
  row.leaseUntil = asDate(row.leaseUntil)!;
  row.createdAt = asDate(row.createdAt)!;
  row.sentAt = asDate(row.sentAt);
  return row;
}

const LOG_COLUMNS = [
  'workspaceId',
  'kind',
  'subjectKey',
  'day',
  'recipient',
  'programmeId',
  'status',
  'claimedBy',
  'leaseUntil',
  'attempts',
  'createdAt',
] as const;

const isSqlUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: string }).code ?? '';
  // better-sqlite3 (SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY) and pg (unique_violation).
  return code.startsWith('SQLITE_CONSTRAINT') || code === '23505';
};

/**
 * Claims many reminders of one kind and day in one statement (a page of owners, a programme's
 * escalations), for (subject, recipient) pairs that have no row yet. Returns the claims keyed by
 * `subjectKey|recipient`. If another replica (or an earlier attempt) wrote one of the rows first,
 * the insert fails as a whole and nothing is claimed here: the caller then claims one by one, so
 * the race costs time, never a duplicate.
 */
export async function claimMany(
  db: Sql,
  key: Omit<ReminderKey, 'recipient' | 'subjectKey'>,
  pairs: { subjectKey: string; recipient: string }[],
  programmeId: number,
  now: Date,
  claimedBy: string,
): Promise<Map<string, ReminderLog>> {
  if (pairs.length === 0) return new Map();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  // One INSERT … RETURNING of hand-written SQL: a statement is atomic, so either every row is
  // ours or (a row already there) none is. Callers keep batches small (well under SQLite's 999
  // bound parameters: 11 a row).
  const strings: string[] = [
    `INSERT INTO "ReminderLog" (${LOG_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES `,
  ];
  const values: unknown[] = [];
  pairs.forEach(({ subjectKey, recipient }, i) => {
    const row = {
      ...key,
      subjectKey,
      recipient,
      programmeId,
      status: 'claimed',
      claimedBy,
      leaseUntil,
      attempts: 1,
      createdAt: now,
    };
    LOG_COLUMNS.forEach((column, j) => {
      if (j > 0) strings.push(', ');
      else strings[strings.length - 1] += i > 0 ? ', (' : '(';
      values.push(row[column]);
    });
    strings.push(')');
  });
  strings[strings.length - 1] += ' RETURNING *';
  let rows: ReminderLog[];
  try {
    rows = await db.all<ReminderLog>({ strings, values });
  } catch (error) {
    if (!isSqlUniqueViolation(error)) throw error;
    return new Map();
  }
  return new Map(rows.map((row) => [`${row.subjectKey}|${row.recipient}`, asLog(row)]));
}

/**
 * Sent or skipped for good. A row someone else holds is not finished: their claim may lapse (a
 * crashed replica), and whoever swept must come back for it.
 */
export async function isFinished(db: Sql, key: ReminderKey): Promise<boolean> {
  const row = await db.one<{ status: string }>(
    sql`SELECT "status" FROM "ReminderLog" WHERE "workspaceId" = ${key.workspaceId} AND "kind" = ${key.kind} AND "subjectKey" = ${key.subjectKey} AND "recipient" = ${key.recipient} AND "day" = ${key.day}`,
  );
  return row?.status === 'sent' || row?.status === 'skipped';
}

/** Claims a row that already exists (a queued notice, a failed send) if nobody holds it. */
export async function claimExisting(
  db: Db | Sql,
  log: ReminderLog,
  now: Date,
  claimedBy: string,
): Promise<ReminderLog | null> {
  if (!RECLAIMABLE.includes(log.status) || log.leaseUntil > now) return null;
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const taken = isSql(db)
    ? await db.run(
        sql`UPDATE "ReminderLog" SET "status" = 'claimed', "claimedBy" = ${claimedBy}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1 WHERE "id" = ${log.id} AND "status" IN ('claimed', 'failed', 'pending') AND "leaseUntil" <= ${now}`,
      )
    : (
        await db.reminderLog.updateMany({
          where: { id: log.id, status: { in: RECLAIMABLE }, leaseUntil: { lte: now } },
          data: { status: 'claimed', claimedBy, leaseUntil, attempts: { increment: 1 } },
        })
      ).count;
  return taken === 1
    ? { ...log, status: 'claimed', claimedBy, leaseUntil, attempts: log.attempts + 1 }
    : null;
}

/** Keeps a claim (a programme's sweep) alive: once a page, so hand-written SQL. */
export async function extendLease(db: Sql, log: ReminderLog, now: Date): Promise<void> {
  await db.run(
    sql`UPDATE "ReminderLog" SET "leaseUntil" = ${new Date(now.getTime() + LEASE_MS)} WHERE "id" = ${log.id}`,
  );
}

/**
 * Recorded with where it landed, so a button press can find and re-render the message. Once per
 * reminder sent, so it is hand-written SQL (db/sql.ts): through Prisma it was most of a sweep's CPU.
 * Resolves once the row is committed, as it always did; see markAll for how marks are committed together.
 */
export async function markSent(
  db: Sql,
  log: ReminderLog,
  where: { channelId: string; messageId: string },
  payload: unknown,
  now: Date,
): Promise<void> {
  await markAll(db, {
    id: log.id,
    channelId: where.channelId,
    messageId: where.messageId,
    payload: JSON.stringify(payload),
    sentAt: now,
  });
}

interface Mark {
  id: number;
  channelId: string;
  messageId: string;
  payload: string;
  sentAt: Date;
}

/** Marks committed together at most. */
const MARK_BATCH = 500;

/**
 * The "sent" marks are group-committed (db/group-commit.ts). A crash loses no more than a row at
 * a time would: a claim whose mark was not committed is taken over after its lease, and the
 * message found in Slack (reminder-posted.ts), never sent twice.
 */
const markAll = groupCommit(writeBatch, MARK_BATCH);

const markQuery = (m: Mark): Query =>
  sql`UPDATE "ReminderLog" SET "status" = 'sent', "channelId" = ${m.channelId}, "messageId" = ${m.messageId}, "payload" = ${m.payload}, "sentAt" = ${m.sentAt}, "lastError" = NULL WHERE "id" = ${m.id}`;

async function writeBatch(db: Sql, batch: Mark[]): Promise<void> {
  if (batch.length === 1) {
    await db.run(markQuery(batch[0]!));
    return;
  }
  if (db.provider === 'sqlite') {
    await db.transaction(async (tx) => {
      for (const mark of batch) await tx.run(markQuery(mark));
    });
    return;
  }
  // One statement whatever the batch's size: five arrays, so its text never changes. Times go as
  // UTC text, as sql-postgres.ts binds a Date.
  await db.run(sql`
    UPDATE "ReminderLog" AS r SET "status" = 'sent', "channelId" = v."channelId", "messageId" = v."messageId",
      "payload" = v."payload", "sentAt" = v."sentAt", "lastError" = NULL
    FROM unnest(${batch.map((m) => m.id)}::int[], ${batch.map((m) => m.channelId)}::text[],
      ${batch.map((m) => m.messageId)}::text[], ${batch.map((m) => m.payload)}::text[],
      ${batch.map((m) => m.sentAt.toISOString())}::timestamp[])
      AS v("id", "channelId", "messageId", "payload", "sentAt")
    WHERE r."id" = v."id"`);
}

/*
 * The marks below are hand-written SQL (db/sql.ts) like markSent: a sweep's failed or skipped
 * reminders, and a tick's queued notices, are each marked on their own.
 */

/** A send that failed: tried again once the back-off has passed (1, 2, 4 … 60 minutes). */
export async function markFailed(db: Sql, log: ReminderLog, error: string, now: Date): Promise<void> {
  const leaseUntil = new Date(now.getTime() + retryDelayMs(log.attempts));
  await db.run(
    sql`UPDATE "ReminderLog" SET "status" = 'failed', "lastError" = ${error.slice(0, 500)}, "leaseUntil" = ${leaseUntil} WHERE "id" = ${log.id}`,
  );
}

/** Never to be sent (the recipient is deactivated or unknown): kept so it is not tried again. */
export async function markSkipped(db: Sql, log: ReminderLog, reason: string): Promise<void> {
  await db.run(
    sql`UPDATE "ReminderLog" SET "status" = 'skipped', "lastError" = ${reason} WHERE "id" = ${log.id}`,
  );
}

/** Puts a queued row off until `retryAt` (its recipient is outside their hours); no claim needed. */
export async function postpone(db: Sql, log: ReminderLog, retryAt: Date, now: Date): Promise<void> {
  await db.run(
    sql`UPDATE "ReminderLog" SET "leaseUntil" = ${retryAt} WHERE "id" = ${log.id} AND "status" = ${log.status} AND "leaseUntil" <= ${now}`,
  );
}

/** The row behind a reminder message, read back for a button press. Tenant-checked. */
export async function findReminder(db: Db, workspaceId: string, id: number): Promise<ReminderLog | null> {
  return db.reminderLog.findFirst({ where: { id, workspaceId } });
}

/**
 * Which (subject, recipient) pairs of a kind were already sent or skipped on `day`: one query, so
 * a sweep can pass over them without asking Slack about their recipients again.
 */
export async function finishedOn(
  db: Sql,
  where: { workspaceId: string; kind: string; day: string; subjectKeys: string[] },
): Promise<Set<string>> {
  const rows = await chunked(where.subjectKeys, (subjectKeys) =>
    db.all<{ subjectKey: string; recipient: string }>(
      inList(
        sql`SELECT "subjectKey", "recipient" FROM "ReminderLog" WHERE "workspaceId" = ${where.workspaceId} AND "kind" = ${where.kind} AND "day" = ${where.day} AND "status" IN ('sent', 'skipped') AND "subjectKey" IN `,
        subjectKeys,
      ),
    ),
  );
  return new Set(rows.map((r) => `${r.subjectKey}|${r.recipient}`));
}

/**
 * Queues a notice (a lead told of a "not mine", an admin told of an unreachable person) in the
 * caller's transaction, so it exists if and only if the change that caused it does. The next
 * tick delivers it (deliver-notices.ts) within the recipient's hours, retrying failures.
 */
export async function queueNotice(
  tx: Tx,
  key: ReminderKey,
  programmeId: number,
  payload: unknown,
  now: Date,
): Promise<void> {
  await tx.reminderLog.create({
    data: {
      ...key,
      programmeId,
      status: 'pending',
      claimedBy: '',
      leaseUntil: now,
      attempts: 0,
      payload: JSON.stringify(payload),
      createdAt: now,
    },
  });
}
