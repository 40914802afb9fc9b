/**
 * Escalation: actions overdue by the programme's escalationDays or more also go to their
 * workstream's lead(s), once a week; an action the lead owns goes to the programme's admins
 * instead (src/domain/escalation.ts). The ledger row is keyed by the week's Monday, so the first
 * working day's sweep sends it and the rest of the week finds it done.
 */
import { chunked, inList } from '../db/chunked.js';
import type { Action, Person, Programme, Workstream } from '../db/generated/sqlite/client.js';
import { sql } from '../db/sql.js';
import { addDays } from '../domain/dates.js';
import { escalationRecipients } from '../domain/escalation.js';
import { escalationWeek, isMuted } from '../domain/reminders.js';
import { deliverAll, type ReminderToSend } from './deliver-reminder.js';
import { escalationMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
import { MAX_ROWS } from './reminder-messages.js';
import type { Sweep } from './sweep.js';
import { asPerson, asWorkstream } from './sweep-rows.js';

type WithLeads = Workstream & { leads: { person: Person }[] };

/** An escalated action as the message lists it, with its owner's platform id. */
type Overdue = Pick<Action, 'id' | 'number' | 'text' | 'dueDate' | 'status' | 'ownerId'> & {
  ownerPlatformUserId: string | null;
};

/*
 * Hand-written SQL (db/sql.ts), as the owners' reminders: a few queries per programme and one per
 * workstream that has someone still to be sent this week's, each with a fixed number of
 * parameters (the forced admins' ids, from configuration, go a chunk at a time).
 */

export async function sendEscalations(sweep: Sweep, programme: Programme): Promise<void> {
  const { deps, day } = sweep;
  const workstreams = await openWorkstreams(sweep, programme);
  const admins = await programmeAdmins(sweep, programme.workspaceId);
  const week = escalationWeek(day);
  const finished = await finishedOn(deps.sql, {
    workspaceId: programme.workspaceId,
    kind: 'escalation',
    day: week,
    subjectKeys: workstreams.map((w) => `workstream:${w.id}`),
  });
  const reminders: ReminderToSend[] = [];
  for (const workstream of workstreams) {
    // Who is still to be sent this week's: when nobody is, the workstream is not even queried.
    const waiting = (p: Person) =>
      !isMuted(p, day) && !finished.has(`workstream:${workstream.id}|${p.platformUserId}`);
    const leads = workstream.leads.map((l) => l.person);
    if (![...leads, ...admins].some(waiting)) continue;
    const overdue = await escalatedActions(sweep, programme, workstream);
    for (const recipient of escalationRecipients(leads, admins, overdue)) {
      if (!waiting(recipient.person)) continue;
      const shown = recipient.actions.slice(0, MAX_ROWS);
      const message = escalationMessage({
        workstream,
        actions: shown.map((a) => ({
          number: a.number,
          text: a.text,
          dueDate: a.dueDate,
          status: a.status,
          ownerPlatformUserId: a.ownerPlatformUserId ?? 'unknown',
          workstreamCode: workstream.code,
        })),
        total: recipient.actions.length,
        escalationDays: programme.escalationDays,
        today: day,
        to: recipient.role,
      });
      const reminder: ReminderToSend = {
        key: { kind: 'escalation', subjectKey: `workstream:${workstream.id}`, day: week },
        programme,
        to: { person: recipient.person },
        payload: { actionIds: shown.map((a) => a.id), total: recipient.actions.length },
        render: () => message,
      };
      reminders.push(reminder);
    }
  }
  // Claimed a batch at a time and sent a few at a time, so an admin's several escalations
  // waiting for their conversation's pacing do not hold up the leads' (deliverAll).
  await deliverAll(sweep, programme, reminders);
}

/** The programme's open workstreams in code order, each with its leads (in person id order). */
export async function openWorkstreams(sweep: Sweep, programme: Programme): Promise<WithLeads[]> {
  const { sql: db } = sweep.deps;
  const { id, workspaceId } = programme;
  const workstreams = await db.all<Workstream>(
    sql`SELECT * FROM "Workstream" WHERE "programmeId" = ${id} AND "workspaceId" = ${workspaceId} AND "closedAt" IS NULL ORDER BY "code"`,
  );
  if (workstreams.length === 0) return [];
  const leads = await db.all<Person & { leadOf: number }>(sql`
    SELECT l."workstreamId" AS "leadOf", p.* FROM "WorkstreamLead" l
    JOIN "Workstream" w ON w."id" = l."workstreamId"
    JOIN "Person" p ON p."id" = l."personId" AND p."workspaceId" = ${workspaceId}
    WHERE w."programmeId" = ${id} AND w."workspaceId" = ${workspaceId} AND w."closedAt" IS NULL
      AND l."workspaceId" = ${workspaceId}
    ORDER BY l."workstreamId", l."personId"`);
  const byWorkstream = new Map<number, { person: Person }[]>();
  for (const { leadOf, ...person } of leads) {
    const list = byWorkstream.get(Number(leadOf)) ?? [];
    list.push({ person: asPerson(person) });
    byWorkstream.set(Number(leadOf), list);
  }
  return workstreams.map((w) => Object.assign(asWorkstream(w), { leads: byWorkstream.get(w.id) ?? [] }));
}

/** The workspace's admins, by role or named in configuration (ADMIN_USER_IDS), in id order. */
async function programmeAdmins(sweep: Sweep, workspaceId: string): Promise<Person[]> {
  const { sql: db, adminUserIds } = sweep.deps;
  const byRole = await db.all<Person>(
    sql`SELECT * FROM "Person" WHERE "workspaceId" = ${workspaceId} AND "role" = 'admin'`,
  );
  const forced = await chunked(adminUserIds ?? [], (ids) =>
    db.all<Person>(
      inList(
        sql`SELECT * FROM "Person" WHERE "workspaceId" = ${workspaceId} AND "role" <> 'admin' AND "platformUserId" IN `,
        ids,
      ),
    ),
  );
  return [...byRole, ...forced].map(asPerson).sort((a, b) => a.id - b.id);
}

/** The workstream's open actions overdue by the threshold or more, longest overdue first, with their owners. */
function escalatedActions(sweep: Sweep, programme: Programme, workstream: Workstream): Promise<Overdue[]> {
  const { workspaceId } = programme;
  return sweep.deps.sql.all<Overdue>(sql`
    SELECT a."id", a."number", a."text", a."dueDate", a."status", a."ownerId", p."platformUserId" AS "ownerPlatformUserId"
    FROM "Action" a
    LEFT JOIN "Person" p ON p."id" = a."ownerId" AND p."workspaceId" = ${workspaceId}
    WHERE a."workspaceId" = ${workspaceId} AND a."programmeId" = ${programme.id}
      AND a."workstreamId" = ${workstream.id} AND a."status" = 'open'
      AND a."dueDate" <= ${addDays(sweep.day, -programme.escalationDays)}
    ORDER BY a."dueDate", a."number"`);
}
