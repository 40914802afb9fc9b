/**
 * Who can be reminded right now. Each person's timezone (and whether the platform still knows
 * them) is kept on their Person row, so a reminder costs no lookup: it is asked of the platform
 * (users.info) at most once per TIMEZONE_REFRESH_MS, lazily, when a sweep reaches someone not
 * checked that long, and Slack tells us of changes in between (user_change,
 * src/services/people/timezones.ts). Until then the programme's timezone applies. A deactivated
 * or unknown person is reported to the admins once (Person.unreachableAt).
 */
import type { ChatUser } from '../chat/chat.js';
import type { Person } from '../db/generated/sqlite/client.js';
import type { Day } from '../domain/dates.js';
import { withinReminderHours } from '../domain/reminders.js';
import { audit } from './audit.js';
import type { ChatDeps } from './deps.js';
import { queueNotice } from './reminder-log.js';

/** A stored timezone is asked again after a week: people rarely move, and user_change says when. */
export const TIMEZONE_REFRESH_MS = 7 * 24 * 60 * 60_000;

/**
 * At most this many lookups per workspace per sweep (about two minutes of Slack's Tier 4): a
 * workspace of people never looked up is learnt over a few days, their reminders going out
 * meanwhile on the programme's clock, instead of every reminder waiting for its lookup.
 */
export const LOOKUPS_PER_SWEEP = 200;

/** ok: send now; later: outside their hours, try on a later tick; unreachable: never. */
export type RecipientStatus = { kind: 'ok'; timezone: string } | { kind: 'later' } | { kind: 'unreachable' };

export interface RecipientCheck {
  /** Whether `at` is within reminder hours on this clock (always, for reminders asked for by hand). */
  inHours(at: Date, timezone: string): boolean;
  status(person: Person, programme: { id: number; timezone: string }, day: Day): Promise<RecipientStatus>;
  /** Records that Slack refused a DM because the person is gone; reports them once. */
  unreachable(person: Person, programmeId: number, day: Day): Promise<void>;
}

/** Whether the person's stored timezone is due to be asked again. */
export const lookupDue = (person: Pick<Person, 'timezoneCheckedAt'>, now: Date): boolean =>
  !person.timezoneCheckedAt || now.getTime() - person.timezoneCheckedAt.getTime() >= TIMEZONE_REFRESH_MS;

/**
 * One check per sweep and workspace. `anyTime`: the reminders were asked for by hand (local
 * mode's button), so the 08:00 to 18:00 hours do not apply.
 */
export function recipientCheck(deps: ChatDeps, now: Date, anyTime = false): RecipientCheck {
  const inHours = (at: Date, timezone: string) => anyTime || withinReminderHours(at, timezone);
  const users = new Map<string, Promise<ChatUser | null>>();
  let budget = LOOKUPS_PER_SWEEP;
  const lookUp = (person: Person): Promise<ChatUser | null> | undefined => {
    const { platformUserId } = person;
    let found = users.get(platformUserId);
    if (found || budget <= 0) return found;
    budget -= 1;
    found = deps.chat.user(platformUserId).catch((error: unknown) => {
      deps.logger.warn(
        { err: error, user: platformUserId },
        "users.info failed; the stored or the programme's timezone applies",
      );
      return null;
    });
    users.set(platformUserId, found);
    return found;
  };
  const unreachable = (person: Person, programmeId: number, day: Day) =>
    reportUnreachable(deps, person, programmeId, day, now);
  const onClock = (timezone: string): RecipientStatus =>
    inHours(now, timezone) ? { kind: 'ok', timezone } : { kind: 'later' };
  return {
    inHours,
    unreachable,
    async status(person, programme, day) {
      const asked = lookupDue(person, now) ? lookUp(person) : undefined;
      const user = asked ? await asked : null;
      if (!user) {
        // Not due (or no budget left, or no answer): what we know. A person reported gone stays
        // skipped until a lookup or user_change finds them back.
        if (person.unreachableAt) return { kind: 'unreachable' };
        return onClock(person.timezone ?? programme.timezone);
      }
      if (user.unreachable) {
        await unreachable(person, programme.id, day);
        await markChecked(deps, person, now);
        return { kind: 'unreachable' };
      }
      await rememberTimezone(deps, person, user.timezone ?? null, now);
      return onClock(user.timezone ?? programme.timezone);
    },
  };
}

async function markChecked(deps: ChatDeps, person: Person, now: Date): Promise<void> {
  await deps.db.person.updateMany({
    where: { id: person.id, workspaceId: person.workspaceId },
    data: { timezoneCheckedAt: now },
  });
}

async function rememberTimezone(
  deps: ChatDeps,
  person: Person,
  timezone: string | null,
  now: Date,
): Promise<void> {
  // Someone reactivated is reachable again; a later deactivation is reported afresh.
  await deps.db.person.updateMany({
    where: { id: person.id, workspaceId: person.workspaceId },
    data: { timezone, unreachableAt: null, timezoneCheckedAt: now },
  });
}

/**
 * Marks the person unreachable and queues a notice to each admin, in one transaction; the
 * conditional update means only the first sweep to notice reports them.
 */
async function reportUnreachable(
  deps: ChatDeps,
  person: Person,
  programmeId: number,
  day: Day,
  now: Date,
): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const marked = await tx.person.updateMany({
      where: { id: person.id, workspaceId: person.workspaceId, unreachableAt: null },
      data: { unreachableAt: now },
    });
    if (marked.count === 0) return;
    const admins = await tx.person.findMany({
      where: {
        workspaceId: person.workspaceId,
        OR: [{ role: 'admin' }, { platformUserId: { in: deps.adminUserIds ?? [] } }],
      },
      orderBy: { id: 'asc' },
    });
    for (const admin of admins.filter((a) => a.id !== person.id)) {
      const key = {
        workspaceId: person.workspaceId,
        kind: 'unreachable',
        subjectKey: `person:${person.id}:${now.getTime()}`,
        recipient: admin.platformUserId,
        day,
      };
      await queueNotice(tx, key, programmeId, { platformUserId: person.platformUserId }, now);
    }
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: person.workspaceId,
      actor: 'system',
      action: 'person.unreachable',
      entity: 'person',
      entityId: person.id,
      after: { platformUserId: person.platformUserId, at: now },
    });
  });
}
