/**
 * Silent leads: on the working day before the digest, each lead of a workstream with no update
 * for the programme's silenceDays gets a DM with an Add update button, so the board's digest is
 * not a page of blanks. Completed workstreams have nothing left to report and are left alone.
 */
import type { Programme } from '../db/generated/sqlite/client.js';
import { asDate, sql } from '../db/sql.js';
import { addDays, isoWeekday } from '../domain/dates.js';
import { isDayBeforeDigest, isMuted } from '../domain/reminders.js';
import { deliverAll, type ReminderToSend } from './deliver-reminder.js';
import { silenceMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
import { openWorkstreams } from './send-escalations.js';
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
  const reminders: ReminderToSend[] = [];
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
      reminders.push(reminder);
    }
  }
  await deliverAll(sweep, programme, reminders);
}

/**
 * Workstreams (not complete) with no update, withdrawn ones aside, for the programme's
 * silenceDays: hand-written SQL (db/sql.ts), the open workstreams with their leads as the
 * escalations read them, and each one's latest update in one grouped query.
 */
async function silentWorkstreams(sweep: Sweep, programme: Programme) {
  const workstreams = (await openWorkstreams(sweep, programme)).filter((w) => w.rag !== 'complete');
  const latest = await sweep.deps.sql.all<{ workstreamId: number; last: unknown }>(sql`
    SELECT "workstreamId", MAX("createdAt") AS "last" FROM "Update"
    WHERE "programmeId" = ${programme.id} AND "workspaceId" = ${programme.workspaceId} AND "withdrawnAt" IS NULL
    GROUP BY "workstreamId"`);
  const lastUpdate = new Map(latest.map((l) => [Number(l.workstreamId), asDate(l.last)]));
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
