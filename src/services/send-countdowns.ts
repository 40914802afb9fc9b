/**
 * Countdowns to Ofsted/DfE events and deadlines: 28, 14, 7, 2 and 1 days before and on the day
 * (per kind, overridable in Programme.countdownDays), to the board channel and to the leads of
 * the workstreams linked to the event. Worked out each day from the event's current date, so a
 * moved visit is counted down to its new date and a cancelled one (status) drops out.
 */
import { chunked, inList } from '../db/chunked.js';
import type { Event, Person, Programme, Workstream } from '../db/generated/sqlite/client.js';
import { asDate, sql } from '../db/sql.js';
import { addDays } from '../domain/dates.js';
import { countdownSchedule, countdownStepDue, isMuted } from '../domain/reminders.js';
import { deliverAll, type ReminderToSend } from './deliver-reminder.js';
import { countdownMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
import type { Sweep } from './sweep.js';
import { asPerson, asWorkstream } from './sweep-rows.js';

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
  for (const { event, subjectKey, step } of due) {
    const workstreams = event.workstreams
      .map((l) => l.workstream)
      .filter((w) => w.closedAt === null)
      .sort((a, b) => a.code.localeCompare(b.code));
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

type Linked = Workstream & { leads: { person: Person }[] };
type DueEvent = Event & { workstreams: { workstream: Linked }[] };

/*
 * Hand-written SQL (db/sql.ts), as the rest of the sweep: one query for the programme's coming
 * events and, on a day one of them has a step due, two for its linked workstreams and their
 * leads (through Prisma's nested include it was five every day an event was in range).
 */

/** Planned events with a countdown step due today, each keyed by (event, step). */
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
    return step === null ? [] : [{ event, step, subjectKey: `event:${event.id}:${step}` }];
  });
  if (due.length === 0) return [];
  const eventIds = due.map((d) => d.event.id);
  const links = await chunked(eventIds, (ids) =>
    db.all<Workstream & { linkedTo: number }>(
      inList(
        sql`SELECT l."eventId" AS "linkedTo", w.* FROM "EventWorkstream" l
          JOIN "Workstream" w ON w."id" = l."workstreamId" AND w."workspaceId" = ${workspaceId}
          WHERE l."workspaceId" = ${workspaceId} AND l."eventId" IN `,
        ids,
        ' ORDER BY l."eventId", l."workstreamId"',
      ),
    ),
  );
  const workstreamIds = [...new Set(links.map((l) => l.id))];
  const leads = await chunked(workstreamIds, (ids) =>
    db.all<Person & { leadOf: number }>(
      inList(
        sql`SELECT l."workstreamId" AS "leadOf", p.* FROM "WorkstreamLead" l
          JOIN "Person" p ON p."id" = l."personId" AND p."workspaceId" = ${workspaceId}
          WHERE l."workspaceId" = ${workspaceId} AND l."workstreamId" IN `,
        ids,
        ' ORDER BY l."workstreamId", l."personId"',
      ),
    ),
  );
  const leadsOf = new Map<number, { person: Person }[]>();
  for (const { leadOf, ...person } of leads) {
    const list = leadsOf.get(Number(leadOf)) ?? [];
    list.push({ person: asPerson(person) });
    leadsOf.set(Number(leadOf), list);
  }
  const linkedTo = new Map<number, { workstream: Linked }[]>();
  for (const { linkedTo: eventId, ...workstream } of links) {
    const list = linkedTo.get(Number(eventId)) ?? [];
    const linked = asWorkstream(workstream);
    list.push({ workstream: Object.assign(linked, { leads: leadsOf.get(linked.id) ?? [] }) });
    linkedTo.set(Number(eventId), list);
  }
  return due.map((d) => ({
    ...d,
    event: Object.assign(asEvent(d.event), { workstreams: linkedTo.get(d.event.id) ?? [] }) as DueEvent,
  }));
}

/** An Event row read by hand-written SQL, its dates as Prisma returns them. */
function asEvent(row: Event): Event {
  row.createdAt = asDate(row.createdAt)!;
  return row;
}
