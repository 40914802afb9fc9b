/**
 * Silent leads: on the working day before the digest, each lead of a workstream with no update
 * for the programme's silenceDays gets a DM with an Add update button, so the board's digest is
 * not a page of blanks. Completed workstreams have nothing left to report and are left alone.
 */
import type { Programme } from '../db/generated/sqlite/client.js';
import { addDays, isoWeekday } from '../domain/dates.js';
import { isDayBeforeDigest, isMuted } from '../domain/reminders.js';
import { deliverReminder, type ReminderToSend } from './deliver-reminder.js';
import { silenceMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
import type { Sweep } from './sweep.js';

const DAY_MS = 24 * 60 * 60_000;

export async function sendSilenceNudges(sweep: Sweep, programme: Programme): Promise<void> {
  const { deps, day } = sweep;
  if (!isDayBeforeDigest(day, programme.digestDay, sweep.holidays)) return;
  const { silent, lastUpdate } = await silentWorkstreams(sweep, programme);
  const subjectKeys = silent.map((w) => `workstream:${w.id}`);
  const finished = await finishedOn(deps.sql, {
    workspaceId: programme.workspaceId,
    kind: 'silence',
    day,
    subjectKeys,
  });
  const digestDay = nextDigestDay(day, programme.digestDay);
  for (const workstream of silent) {
    const last = lastUpdate.get(workstream.id) ?? null;
    for (const { person } of workstream.leads) {
      if (isMuted(person, day) || finished.has(`workstream:${workstream.id}|${person.platformUserId}`))
        continue;
      const reminder: ReminderToSend = {
        key: { kind: 'silence', subjectKey: `workstream:${workstream.id}`, day },
        programme,
        to: { person },
        payload: { workstreamId: workstream.id },
        render: (log) =>
          silenceMessage({
            reminderId: log.id,
            workstream,
            lastUpdate: last,
            timezone: programme.timezone,
            digestDay,
          }),
      };
      sweep.count(await deliverReminder(deps, sweep.check, reminder, sweep.now));
    }
  }
}

/** Workstreams (not complete) with no update, withdrawn ones aside, for the programme's silenceDays. */
async function silentWorkstreams(sweep: Sweep, programme: Programme) {
  const scope = { programmeId: programme.id, workspaceId: programme.workspaceId };
  const workstreams = await sweep.deps.db.workstream.findMany({
    where: { ...scope, rag: { not: 'complete' }, closedAt: null },
    include: { leads: { include: { person: true } } },
    orderBy: { code: 'asc' },
  });
  const latest = await sweep.deps.db.update.groupBy({
    by: ['workstreamId'],
    where: { ...scope, withdrawnAt: null },
    _max: { createdAt: true },
  });
  const lastUpdate = new Map(latest.map((l) => [l.workstreamId, l._max.createdAt]));
  const quietSince = new Date(sweep.now.getTime() - programme.silenceDays * DAY_MS);
  return {
    silent: workstreams.filter((w) => (lastUpdate.get(w.id) ?? w.createdAt) < quietSince),
    lastUpdate,
  };
}

/** The next day after `day` that is the digest's weekday. */
export function nextDigestDay(day: string, digestDay: number): string {
  let candidate = addDays(day, 1);
  while (isoWeekday(candidate) !== digestDay) candidate = addDays(candidate, 1);
  return candidate;
}
