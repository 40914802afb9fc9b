/**
 * Who can be reminded right now. Asks the chat platform once per person per sweep (users.info:
 * their timezone, and whether they are deactivated), keeps the timezone on the Person, and
 * reports a deactivated or unknown person to the admins once (Person.unreachableAt).
 */
import type { ChatUser } from '../chat/chat.js';
import type { Person } from '../db/generated/sqlite/client.js';
import type { Day } from '../domain/dates.js';
import { withinReminderHours } from '../domain/reminders.js';
import { audit } from './audit.js';
import type { ChatDeps } from './deps.js';
import { queueNotice } from './reminder-log.js';

/** ok: send now; later: outside their hours (or Slack did not answer), try on a later tick; unreachable: never. */
export type RecipientStatus = { kind: 'ok'; timezone: string } | { kind: 'later' } | { kind: 'unreachable' };

export interface RecipientCheck {
  /** Whether `at` is within reminder hours on this clock (always, for reminders asked for by hand). */
  inHours(at: Date, timezone: string): boolean;
  status(person: Person, programme: { id: number; timezone: string }, day: Day): Promise<RecipientStatus>;
  /** Records that Slack refused a DM because the person is gone; reports them once. */
  unreachable(person: Person, programmeId: number, day: Day): Promise<void>;
}

/**
 * One check per sweep: the users.info answers are cached for its length only. `anyTime`: the
 * reminders were asked for by hand (local mode's button), so the 08:00 to 18:00 hours do not apply.
 */
export function recipientCheck(deps: ChatDeps, now: Date, anyTime = false): RecipientCheck {
  const inHours = (at: Date, timezone: string) => anyTime || withinReminderHours(at, timezone);
  const users = new Map<string, Promise<ChatUser | null>>();
  const lookUp = (person: Person) => {
    const { platformUserId } = person;
    let found = users.get(platformUserId);
    if (!found) {
      found = deps.chat.user(platformUserId).catch((error: unknown) => {
        deps.logger.warn(
          { err: error, user: platformUserId },
          'users.info failed; the reminder waits for a later tick',
        );
        return null;
      });
      users.set(platformUserId, found);
    }
    return found;
  };
  const unreachable = (person: Person, programmeId: number, day: Day) =>
    reportUnreachable(deps, person, programmeId, day, now);
  return {
    inHours,
    unreachable,
    async status(person, programme, day) {
      const user = await lookUp(person);
      if (!user) return { kind: 'later' };
      if (user.unreachable) {
        await unreachable(person, programme.id, day);
        return { kind: 'unreachable' };
      }
      await rememberTimezone(deps, person, user.timezone ?? null);
      const timezone = user.timezone ?? programme.timezone;
      return inHours(now, timezone) ? { kind: 'ok', timezone } : { kind: 'later' };
    },
  };
}

async function rememberTimezone(deps: ChatDeps, person: Person, timezone: string | null): Promise<void> {
  const back = person.unreachableAt !== null;
  if (timezone === person.timezone && !back) return;
  // Someone reactivated is reachable again; a later deactivation is reported afresh.
  await deps.db.person.updateMany({
    where: { id: person.id, workspaceId: person.workspaceId },
    data: { timezone, unreachableAt: null },
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
