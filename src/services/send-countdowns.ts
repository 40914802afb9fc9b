/**
 * Countdowns to Ofsted/DfE events and deadlines: 28, 14, 7, 2 and 1 days before and on the day
 * (per kind, overridable in Programme.countdownDays), to the board channel and to the leads of
 * the workstreams linked to the event. Worked out each day from the event's current date, so a
 * moved visit is counted down to its new date and a cancelled one (status) drops out.
 */
import { chunked, inList } from '../db/chunked.js';
import type { Event, Person, Programme } from '../db/generated/sqlite/client.js';
import { asDate, sql } from '../db/sql.js';
import { addDays } from '../domain/dates.js';
import { countdownSchedule, countdownStepDue, isMuted } from '../domain/reminders.js';
import { deliverAll, type ReminderToSend } from './deliver-reminder.js';
import { countdownMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
import { openWorkstreams } from './send-escalations.js';
import type { Sweep } from './sweep.js';

// Room for a step pushed back from a weekend or a run of bank holidays (Christmas, Easter).
const SLACK_DAYS = 10;

export async function sendCountdowns(sweep: Sweep, programme: Programme): Promise<void> {
  const { deps, day } = sweep;
  const due = await countdownsDue(sweep, programme);
  if (due.length === 0) return;
  const subjectKeys = due.map((d) => d.subjectKey);
  const finished = await finishedOn(deps.sql, {
    workspaceId: programme.workspaceId,
    kind: 'countdown',
    day,
    subjectKeys,
  });
  const reminders: ReminderToSend[] = [];
  for (const { event, subjectKey, step, workstreams } of due) {
    const message = countdownMessage({ event, workstreams, today: day, step });
    const leads = new Map<number, Person>(
      workstreams.flatMap((w) => w.leads.map((l) => [l.person.id, l.person] as const)),
    );
    const recipients: ReminderToSend['to'][] = [
      ...(programme.boardChannelId ? [{ channelId: programme.boardChannelId }] : []),
      ...[...leads.values()].filter((p) => !isMuted(p, day)).map((person) => ({ person })),
    ];
    for (const to of recipients) {
      if (finished.has(`${subjectKey}|${'person' in to ? to.person.platformUserId : to.channelId}`)) continue;
      const payload = { eventId: event.id, startDate: event.startDate };
      reminders.push({
        key: { kind: 'countdown', subjectKey, day },
        programme,
        to,
        payload,
        render: () => message,
      });
    }
  }
  await deliverAll(sweep, programme, reminders);
}

/*
 * Hand-written SQL (db/sql.ts), as the rest of the sweep: one query for the programme's coming
 * events and, on a day one of them has a step due, one for their links and the open workstreams
 * with their leads as the escalations read them (through Prisma's nested include it was five
 * queries every day an event was in range).
 */

/**
 * Planned events with a countdown step due today, each keyed by (event, step), with the open
 * workstreams linked to it in code order.
 */
async function countdownsDue(sweep: Sweep, programme: Programme) {
  const { day } = sweep;
  const { sql: db } = sweep.deps;
  const { id, workspaceId } = programme;
  const schedule = countdownSchedule(programme.countdownDays);
  const furthest = Math.max(0, ...[...schedule.values()].flat());
  const events = await db.all<Event>(sql`
    SELECT * FROM "Event"
    WHERE "programmeId" = ${id} AND "workspaceId" = ${workspaceId} AND "status" = 'planned'
      AND "startDate" >= ${day} AND "startDate" <= ${addDays(day, furthest + SLACK_DAYS)}
    ORDER BY "startDate", "number"`);
  const due = events.flatMap((event) => {
    const step = countdownStepDue(event.startDate, day, schedule.get(event.kind) ?? [], sweep.holidays);
    return step === null ? [] : [{ event: asEvent(event), step, subjectKey: `event:${event.id}:${step}` }];
  });
  if (due.length === 0) return [];
  const links = await chunked(
    due.map((d) => d.event.id),
    (ids) =>
      db.all<{ eventId: number; workstreamId: number }>(
        inList(
          sql`SELECT "eventId", "workstreamId" FROM "EventWorkstream" WHERE "workspaceId" = ${workspaceId} AND "eventId" IN `,
          ids,
        ),
      ),
  );
  const linked = new Set(links.map((l) => `${Number(l.eventId)}:${Number(l.workstreamId)}`));
  const open = await openWorkstreams(sweep, programme);
  // In code order as the message has always listed them, whatever the database's collation.
  open.sort((a, b) => a.code.localeCompare(b.code));
  return due.map((d) => ({ ...d, workstreams: open.filter((w) => linked.has(`${d.event.id}:${w.id}`)) }));
}

/** An Event row read by hand-written SQL, its dates as Prisma returns them. */
function asEvent(row: Event): Event {
  row.createdAt = asDate(row.createdAt)!;
  return row;
}
