/**
 * Countdowns to Ofsted/DfE events and deadlines: 28, 14, 7, 2 and 1 days before and on the day
 * (per kind, overridable in Programme.countdownDays), to the board channel and to the leads of
 * the workstreams linked to the event. Worked out each day from the event's current date, so a
 * moved visit is counted down to its new date and a cancelled one (status) drops out.
 */
import type { Person, Programme } from '../db/generated/sqlite/client.js';
import { addDays } from '../domain/dates.js';
import { countdownSchedule, countdownStepDue, isMuted } from '../domain/reminders.js';
import { deliverReminder, type ReminderToSend } from './deliver-reminder.js';
import { countdownMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
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
      const reminder = {
        key: { kind: 'countdown', subjectKey, day },
        programme,
        to,
        payload,
        render: () => message,
      };
      sweep.count(await deliverReminder(deps, sweep.check, reminder, sweep.now));
    }
  }
}

/** Planned events with a countdown step due today, each keyed by (event, step). */
async function countdownsDue(sweep: Sweep, programme: Programme) {
  const { day } = sweep;
  const schedule = countdownSchedule(programme.countdownDays);
  const furthest = Math.max(0, ...[...schedule.values()].flat());
  const events = await sweep.deps.db.event.findMany({
    where: {
      programmeId: programme.id,
      workspaceId: programme.workspaceId,
      status: 'planned',
      startDate: { gte: day, lte: addDays(day, furthest + SLACK_DAYS) },
    },
    include: {
      workstreams: { include: { workstream: { include: { leads: { include: { person: true } } } } } },
    },
    orderBy: [{ startDate: 'asc' }, { number: 'asc' }],
  });
  return events.flatMap((event) => {
    const step = countdownStepDue(event.startDate, day, schedule.get(event.kind) ?? [], sweep.holidays);
    return step === null ? [] : [{ event, step, subjectKey: `event:${event.id}:${step}` }];
  });
}
