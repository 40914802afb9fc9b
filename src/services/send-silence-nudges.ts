/**
 * Silent leads: on the working day before the digest, each lead of a workstream with no update
 * for the programme's silenceDays gets a DM with an Add update button, so the board's digest is
 * not a page of blanks. Completed workstreams have nothing left to report and are left alone.
 */
import type { Programme } from '../db/generated/sqlite/client.js';
import { addDays, isoWeekday } from '../domain/dates.js';
import { isDayBeforeDigest, isMuted } from '../domain/reminders.js';
import { deliverReminder } from './deliver-reminder.js';
import { silenceMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
import type { Sweep } from './sweep.js';

const DAY_MS = 24 * 60 * 60_000;

export async function sendSilenceNudges(sweep: Sweep, programme: Programme): Promise<void> {
  const { deps, day, now } = sweep;
  if (!isDayBeforeDigest(day, programme.digestDay, sweep.holidays)) return;
  const workstreams = await deps.db.workstream.findMany({
    where: { programmeId: programme.id, workspaceId: programme.workspaceId, rag: { not: 'complete' } },
    include: { leads: { include: { person: true } } },
    orderBy: { code: 'asc' },
  });
  const latest = await deps.db.update.groupBy({
    by: ['workstreamId'],
    where: { programmeId: programme.id, workspaceId: programme.workspaceId, withdrawnAt: null },
    _max: { createdAt: true },
  });
  const lastUpdate = new Map(latest.map((l) => [l.workstreamId, l._max.createdAt]));
  const quietSince = new Date(now.getTime() - programme.silenceDays * DAY_MS);
  const silent = workstreams.filter((w) => (lastUpdate.get(w.id) ?? w.createdAt) < quietSince);
  const finished = await finishedOn(deps.db, {
    workspaceId: programme.workspaceId,
    kind: 'silence',
    day,
    subjectKeys: silent.map((w) => `workstream:${w.id}`),
  });
  const digestDay = nextDigestDay(day, programme.digestDay);
  for (const workstream of silent) {
    for (const { person } of workstream.leads) {
      if (isMuted(person, day) || finished.has(`workstream:${workstream.id}|${person.slackUserId}`)) continue;
      sweep.count(
        await deliverReminder(
          deps,
          sweep.check,
          {
            key: { kind: 'silence', subjectKey: `workstream:${workstream.id}`, day },
            programme,
            to: { person },
            payload: { workstreamId: workstream.id },
            render: (log) =>
              silenceMessage({
                reminderId: log.id,
                workstream,
                lastUpdate: lastUpdate.get(workstream.id) ?? null,
                timezone: programme.timezone,
                digestDay,
              }),
          },
          now,
        ),
      );
    }
  }
}

/** The next day after `day` that is the digest's weekday. */
export function nextDigestDay(day: string, digestDay: number): string {
  let candidate = addDays(day, 1);
  while (isoWeekday(candidate) !== digestDay) candidate = addDays(candidate, 1);
  return candidate;
}
