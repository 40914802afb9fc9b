/**
 * The reminder sweep, run by the scheduler every tick. For each programme whose reminder time
 * has passed on a working day (its timezone; weekends and England and Wales bank holidays with
 * the workspace's overrides excluded), it sends that day's reminders: owners' actions, weekly
 * escalations, silent-lead nudges and event countdowns. Then it delivers queued notices.
 *
 * A programme's sweep is itself claimed in the reminder ledger (kind 'sweep'), so later ticks
 * that day, and other replicas, skip it; each reminder is also claimed on its own, so even two
 * sweeps racing send every reminder once. A sweep that had to leave something for later (a
 * failed send, someone outside their hours) is marked failed and runs again after a back-off.
 */
import { perWorkspace } from '../chat/workspace-chat.js';
import type { Programme } from '../db/generated/sqlite/client.js';
import type { Day } from '../domain/dates.js';
import { reminderDay } from '../domain/reminders.js';
import { bankHolidays, type Holidays } from '../domain/working-days.js';
import { deliverNotices } from './deliver-notices.js';
import type { ChatDeps } from './deps.js';
import { inParallel } from './in-parallel.js';
import { claimReminder, extendLease, markFailed, markSent } from './reminder-log.js';
import { recipientCheck } from './reminder-recipients.js';
import { sendActionReminders } from './send-action-reminders.js';
import { sendCountdowns } from './send-countdowns.js';
import { sendEscalations } from './send-escalations.js';
import { sendSilenceNudges } from './send-silence-nudges.js';
import { emptyTally, type Sweep, type Tally } from './sweep.js';

const PROGRAMME_PAGE = 100;

/**
 * Programmes swept at once. A programme's time in flight is mostly a wait for one
 * conversation's pacing (its admin is sent the day's reminder and several escalations within a
 * second, and Slack takes about one a second per conversation), not work: the bench's 150
 * programmes, 32 at a time, spent most of the sweep so (3.4x its bulk-SQL floor), and 100 at a
 * time fill those waits with the others' work (about 1.9-2.1x). The database and Slack stay
 * bounded on their own: SQLite runs one statement at a time, PostgreSQL's pool holds 10
 * connections, and each workspace's chat keeps its per-method limits; this bounds the memory of
 * programmes in flight (each holds a page of owners and actions).
 */
export const PROGRAMMES_IN_FLIGHT = 100;

/**
 * Runs whatever reminders are due at `now`; returns what happened, for logs and benchmarks.
 * `anyTime`: someone asked for today's reminders by hand (local mode's "Run reminders now"), so
 * they go out whatever the time of day; still only on working days, and still once a day.
 */
export async function sendDueReminders(
  deps: ChatDeps,
  now: Date,
  options: { anyTime?: boolean } = {},
): Promise<Tally> {
  const total = emptyTally();
  const anyTime = options.anyTime ?? false;
  // Each workspace's own chat (its own token) and users.info cache, once per sweep.
  const inWorkspace = perWorkspace(deps, (scoped) => ({
    deps: scoped,
    check: recipientCheck(scoped, now, anyTime),
  }));
  // Every due programme first (programme rows are small, two queries a page), then one pool over
  // them all, so no page waits for the slowest programme of the page before.
  const due: DueProgramme[] = [];
  let after = 0;
  for (;;) {
    const programmes = await deps.db.programme.findMany({
      where: { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: PROGRAMME_PAGE,
    });
    if (programmes.length === 0) break;
    after = programmes.at(-1)!.id;
    due.push(...(await programmesDue(deps, programmes, now, anyTime)));
  }
  await inParallel(due, PROGRAMMES_IN_FLIGHT, async ({ programme, day, holidays }) => {
    const scoped = await inWorkspace(programme.workspaceId);
    if (!scoped) return;
    const tally = await sweepProgramme(
      { ...scoped, now, day, holidays, tally: emptyTally(), count: () => {}, heartbeat: async () => {} },
      programme,
    );
    for (const outcome of Object.keys(total) as (keyof Tally)[]) total[outcome] += tally[outcome];
  });
  await deliverNotices(deps, inWorkspace, now);
  return total;
}

interface DueProgramme {
  programme: Programme;
  day: Day;
  holidays: Holidays;
}

/**
 * The programmes of a page whose reminders are due and not yet done today: two queries per page
 * (bank holiday overrides, sweep claims), so the every-minute tick costs little once the day's
 * reminders are out.
 */
async function programmesDue(
  deps: ChatDeps,
  programmes: Programme[],
  now: Date,
  anyTime: boolean,
): Promise<DueProgramme[]> {
  const workspaceIds = [...new Set(programmes.map((p) => p.workspaceId))];
  const overrides = await deps.db.bankHolidayOverride.findMany({
    where: { workspaceId: { in: workspaceIds } },
    orderBy: { date: 'asc' },
  });
  const holidays = new Map(
    workspaceIds.map((w) => [w, bankHolidays(overrides.filter((o) => o.workspaceId === w))]),
  );
  const due = programmes.flatMap((programme) => {
    const own = holidays.get(programme.workspaceId)!;
    const day = reminderDay(now, programme, own, anyTime);
    return day ? [{ programme, day, holidays: own }] : [];
  });
  if (due.length === 0) return [];
  const claims = await deps.db.reminderLog.findMany({
    where: {
      workspaceId: { in: workspaceIds },
      kind: 'sweep',
      recipient: 'programme',
      subjectKey: { in: due.map((d) => `programme:${d.programme.id}`) },
      day: { in: [...new Set(due.map((d) => d.day))] },
    },
    select: { subjectKey: true, day: true, status: true, leaseUntil: true },
  });
  const busy = new Set(
    claims.filter((c) => c.status === 'sent' || c.leaseUntil > now).map((c) => `${c.subjectKey}@${c.day}`),
  );
  return due.filter((d) => !busy.has(`programme:${d.programme.id}@${d.day}`));
}

async function sweepProgramme(base: Sweep, programme: Programme): Promise<Tally> {
  const { deps, now, day } = base;
  const key = {
    workspaceId: programme.workspaceId,
    kind: 'sweep',
    subjectKey: `programme:${programme.id}`,
    recipient: 'programme',
    day,
  };
  const claim = await claimReminder(deps.sql, key, programme.id, now, deps.instanceId);
  if (!claim) return base.tally;
  const sweep: Sweep = {
    ...base,
    count: (outcome) => {
      base.tally[outcome] += 1;
    },
    heartbeat: async () => {
      await extendLease(deps.sql, claim, deps.clock.now());
    },
  };
  try {
    await sendActionReminders(sweep, programme);
    await sendEscalations(sweep, programme);
    await sendSilenceNudges(sweep, programme);
    await sendCountdowns(sweep, programme);
  } catch (error) {
    deps.logger.error(
      { err: error, programmeId: programme.id },
      'reminder sweep stopped; it will be retried',
    );
    await markFailed(deps.sql, claim, String((error as Error).message ?? error), deps.clock.now());
    throw error;
  }
  if (sweep.tally.later > 0)
    await markFailed(deps.sql, claim, `${sweep.tally.later} reminder(s) left for later`, deps.clock.now());
  else await markSent(deps.sql, claim, { channelId: '', messageId: '' }, sweep.tally, deps.clock.now());
  return sweep.tally;
}
