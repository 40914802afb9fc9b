/**
 * The owners' daily reminder: one DM per owner listing their overdue actions and those due within
 * the programme's dueSoonDays. Owners are read a page at a time (keyset on the owner id), and
 * their actions only for that page, so memory stays bounded whatever the size of the plan.
 */
import type { Action, ActionEvent, Person, Programme } from '../db/generated/sqlite/client.js';
import { asDate, sql } from '../db/sql.js';
import { addDays, type Day } from '../domain/dates.js';
import { isMuted } from '../domain/reminders.js';
import { notMinePending } from './current-reminder.js';
import { deliverAll, type ReminderToSend } from './deliver-reminder.js';
import { actionReminderMessage, awaitsAnswer, MAX_ROWS, type ReminderRow } from './reminder-messages.js';
import type { Sweep } from './sweep.js';
import { asPerson } from './sweep-rows.js';

/** Owners per page: one query for the page (counts, people, ledger rows), one for their actions, one for their "not mine"s. */
export const OWNER_PAGE = 200;

/** The open actions a programme's reminders list today: due by today plus dueSoonDays. */
interface Scope {
  workspaceId: string;
  programmeId: number;
  horizon: Day;
}

/*
 * Hand-written SQL (db/sql.ts): through Prisma, compiling these queries and mapping their rows
 * was most of a sweep's CPU. Each takes a fixed number of parameters whatever the page holds
 * (owners are a keyset range, never an IN list), so none nears SQLite's 999.
 */

export async function sendActionReminders(sweep: Sweep, programme: Programme): Promise<void> {
  const scope: Scope = {
    workspaceId: programme.workspaceId,
    programmeId: programme.id,
    horizon: addDays(sweep.day, programme.dueSoonDays),
  };
  let after = 0;
  for (;;) {
    const page = await loadPage(sweep, scope, after);
    if (page.length === 0) return;
    const last = page.at(-1)!.ownerId;
    await remindPage(sweep, programme, scope, page, { after, last });
    after = last;
    await sweep.heartbeat();
  }
}

interface PageOwner {
  ownerId: number;
  /** Their open actions due by the horizon. */
  count: number;
  /** Null when the owner is not a person of this workspace (nothing is sent). */
  person: Person | null;
  /** Today's ledger row for them, if any. */
  logStatus: string | null;
}

type PageRow = Person & { pageOwnerId: number; actionCount: number | string; logStatus: string | null };

/**
 * A page of owners, in owner order: their counts, Person rows and today's ledger rows, in one
 * query. The counts read only the index on (programmeId, status, ownerId, dueDate); the tenant
 * check is the Person join (an owner who is not a person of this workspace is sent nothing), and
 * the actions themselves are read with their workspace (loadRows).
 */
async function loadPage(sweep: Sweep, scope: Scope, after: number): Promise<PageOwner[]> {
  const { workspaceId, programmeId, horizon } = scope;
  const subjectKey = `programme:${programmeId}`;
  const rows = await sweep.deps.sql.all<PageRow>(sql`
    SELECT p.*, c."ownerId" AS "pageOwnerId", c."n" AS "actionCount", l."status" AS "logStatus"
    FROM (
      SELECT "ownerId", COUNT(*) AS "n" FROM "Action"
      WHERE "programmeId" = ${programmeId} AND "status" = 'open'
        AND "dueDate" <= ${horizon} AND "ownerId" > ${after}
      GROUP BY "ownerId" ORDER BY "ownerId" LIMIT ${OWNER_PAGE}
    ) c
    LEFT JOIN "Person" p ON p."id" = c."ownerId" AND p."workspaceId" = ${workspaceId}
    LEFT JOIN "ReminderLog" l ON l."workspaceId" = ${workspaceId} AND l."kind" = 'action'
      AND l."subjectKey" = ${subjectKey} AND l."day" = ${sweep.day} AND l."recipient" = p."platformUserId"
    ORDER BY c."ownerId"`);
  return rows.map(({ pageOwnerId, actionCount, logStatus, ...person }) => ({
    ownerId: Number(pageOwnerId),
    count: Number(actionCount),
    logStatus,
    person: person.id === null || person.id === undefined ? null : asPerson(person),
  }));
}

/** One page of owners: skip those already done today or muted, then send the rest theirs. */
async function remindPage(
  sweep: Sweep,
  programme: Programme,
  scope: Scope,
  page: PageOwner[],
  range: { after: number; last: number },
): Promise<void> {
  const subjectKey = `programme:${programme.id}`;
  const due = page.filter(
    (o): o is PageOwner & { person: Person } =>
      o.person !== null &&
      o.logStatus !== 'sent' &&
      o.logStatus !== 'skipped' &&
      !isMuted(o.person, sweep.day),
  );
  if (due.length === 0) return;
  const rows = await loadRows(sweep, scope, range, page);
  const reminders = due.flatMap(({ person, count }) => {
    const mine = rows.get(person.id) ?? [];
    // Nothing to answer (every action is with the lead after a "not mine"): no message.
    if (!mine.some((row) => awaitsAnswer(row, person.id))) return [];
    return [ownerReminder(sweep, programme, person, mine, count - mine.length, subjectKey)];
  });
  const hasRow = new Set(
    page.filter((o) => o.person && o.logStatus !== null).map((o) => o.person!.platformUserId),
  );
  await sendPage(sweep, programme, reminders, hasRow);
}

type ActionRow = Action & { workstreamCode: string };

/**
 * The page's owners' actions, each owner's soonest MAX_ROWS only (the database cuts them), with
 * their workstream's code, and their pending "not mine"s: two queries however the actions fall.
 */
async function loadRows(
  sweep: Sweep,
  scope: Scope,
  range: { after: number; last: number },
  page: PageOwner[],
): Promise<Map<number, ReminderRow[]>> {
  const { workspaceId, programmeId, horizon } = scope;
  const { sql: db } = sweep.deps;
  const found = await db.all<ActionRow>(sql`
    SELECT a.*, w."code" AS "workstreamCode" FROM (
      SELECT x."id", ROW_NUMBER() OVER (PARTITION BY x."ownerId" ORDER BY x."dueDate", x."number") AS "rowNumber"
      FROM "Action" x
      WHERE x."workspaceId" = ${workspaceId} AND x."programmeId" = ${programmeId} AND x."status" = 'open'
        AND x."dueDate" <= ${horizon} AND x."ownerId" > ${range.after} AND x."ownerId" <= ${range.last}
    ) r
    JOIN "Action" a ON a."id" = r."id"
    JOIN "Workstream" w ON w."id" = a."workstreamId"
    WHERE r."rowNumber" <= ${MAX_ROWS}
    ORDER BY a."ownerId", a."dueDate", a."number"`);
  const events = await db.all<ActionEvent>(sql`
    SELECT e.* FROM "ActionEvent" e
    JOIN "Action" a ON a."id" = e."actionId"
    WHERE e."workspaceId" = ${workspaceId} AND e."kind" IN ('not_mine', 'reassigned')
      AND a."programmeId" = ${programmeId} AND a."status" = 'open'
      AND a."dueDate" <= ${horizon} AND a."ownerId" > ${range.after} AND a."ownerId" <= ${range.last}
    ORDER BY e."id"`);
  const actions = found.map(asAction);
  for (const event of events) event.createdAt = asDate(event.createdAt)!;
  const declined = notMinePending(events, actions);
  const userIdOf = new Map(
    page.flatMap((o) => (o.person ? [[o.ownerId, o.person.platformUserId] as const] : [])),
  );
  const rows = new Map<number, ReminderRow[]>();
  for (const action of actions) {
    let list = rows.get(action.ownerId);
    if (!list) {
      list = [];
      rows.set(action.ownerId, list);
    }
    const claim = declined.get(action.id);
    list.push({
      action,
      ownerPlatformUserId: userIdOf.get(action.ownerId) ?? '',
      since: claim ? [claim] : [],
    });
  }
  return rows;
}

/** An Action row read by hand-written SQL, as Prisma returns it with its workstream's code. */
function asAction(row: ActionRow): ReminderRow['action'] {
  row.completedAt = asDate(row.completedAt);
  row.verifiedAt = asDate(row.verifiedAt);
  row.requestedAt = asDate(row.requestedAt);
  row.createdAt = asDate(row.createdAt)!;
  return Object.assign(row, { workstream: { code: row.workstreamCode } });
}

function ownerReminder(
  sweep: Sweep,
  programme: Programme,
  person: Person,
  rows: ReminderRow[],
  more: number,
  subjectKey: string,
): ReminderToSend & { to: { person: Person } } {
  return {
    key: { kind: 'action', subjectKey, day: sweep.day },
    programme,
    to: { person },
    payload: { actionIds: rows.map((r) => r.action.id), more },
    render: (log) =>
      actionReminderMessage({
        reminderId: log.id,
        personId: person.id,
        rows,
        more,
        today: sweep.day,
        dueSoonDays: programme.dueSoonDays,
      }),
  };
}

/**
 * Checks each owner (their hours, whether Slack knows them), then claims and sends them a batch
 * at a time (deliverAll); an owner who already has a row today is claimed on their own.
 */
async function sendPage(
  sweep: Sweep,
  programme: Programme,
  reminders: (ReminderToSend & { to: { person: Person } })[],
  hasRow: Set<string>,
): Promise<void> {
  await deliverAll(sweep, programme, reminders, (r) => !hasRow.has(r.to.person.platformUserId));
}
