/**
 * Helpers for reminder tests: a Slack roster for users.info (timezones, deactivated people), the
 * reminder job over the e2e app's own WebClient, and readers for what each person was sent. Most
 * need only the stand-in or the database, so tests without the Bolt app (a killed replica) use them too.
 */

import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { zonedInstant } from '../../src/domain/dates.js';
import type { StoredMessage } from '../../src/local/slack-web-api.js';
import type { Job } from '../../src/scheduler/index.js';
import { reminderJob } from '../../src/scheduler/reminder-job.js';
import { addAction } from '../../src/services/add-action.js';
import type { E2E } from './e2e.js';
import { as, U } from './factories.js';

export interface RosterEntry {
  tz?: string;
  deleted?: boolean;
}

/** users.info answers for these people only; anyone else is user_not_found, as in Slack. */
export function roster(e: Pick<E2E, 'slack'>, people: Record<string, RosterEntry>): void {
  e.slack.handle('users.info', (args) => {
    const id = String(args.user ?? '');
    const entry = people[id];
    if (!entry) return { ok: false, error: 'user_not_found' };
    return {
      ok: true,
      user: { id, name: id.toLowerCase(), deleted: entry.deleted ?? false, tz: entry.tz ?? 'Europe/London' },
    };
  });
}

/** The whole cast of factories.ts, in London. */
export const everyone = (): Record<string, RosterEntry> =>
  Object.fromEntries(Object.values(U).map((id) => [id, {}]));

/** The reminder job as the scheduler runs it, talking to the stand-in; no pacing waits in tests. */
export function job(e: E2E, instanceId = 'test-replica'): Job {
  return reminderJob(
    { ...e.t.deps, chat: slackChat(e.runtime.app.client), instanceId },
    { minIntervalMs: 0 },
  );
}

/** Top-level messages the bot posted in a person's DM. */
export function dmsTo(e: Pick<E2E, 'slack'>, userId: string): StoredMessage[] {
  return e.slack.messages.filter((m) => m.channel === e.slack.dmChannelFor(userId) && !m.ephemeralFor);
}

/** Everything visible in a message: fallback text and blocks. */
export const shown = (m: StoredMessage | undefined): string =>
  m ? `${m.text}\n${JSON.stringify(m.blocks ?? [])}` : '';

/** Sets the clock to a London wall-clock time ('2026-11-23 09:45'). */
export function at(e: Pick<E2E, 't'>, londonTime: string): Date {
  const [day, time] = londonTime.split(' ');
  const instant = zonedInstant(day!, time!, 'Europe/London');
  e.t.clock.set(instant);
  return instant;
}

/** Adds an action as the lead at the current clock time (so an overdue one is added in the past). */
export async function addActionAt(
  e: Pick<E2E, 't'>,
  when: string,
  input: { ws?: string; owner?: string; due: string; text: string },
) {
  at(e, when);
  const result = await addAction(
    {
      workstream: input.ws ?? 'WS1',
      ownerUserId: input.owner ?? U.owner,
      dueDate: input.due,
      text: input.text,
    },
    e.t.deps,
    as(U.admin),
  );
  return result.action;
}
