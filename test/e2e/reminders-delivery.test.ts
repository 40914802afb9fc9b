/**
 * How the sweep reaches Slack (issue 17): a reminder is one chat.postMessage to the person's user
 * id, with no conversations.open and no users.info per reminder. Timezones are kept on the
 * Person row: looked up at most once a week, and changed by Slack's user_change event. A 429 is
 * waited out for its Retry-After, and nothing is lost or sent twice. The stand-in is strict:
 * any method a test does not allow fails it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type E2E, SIGNING_SECRET, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster } from '../support/reminders.js';
import { sendEvent } from '../support/signed-requests.js';

let e: E2E;
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

/** Two owners with actions due on Monday 23 November. */
async function twoOwners(methods: string[]): Promise<void> {
  e = await startE2E({ methods });
  at(e, '2026-11-02 10:00');
  await seedProgramme(e.t.deps);
  roster(e, everyone());
  await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-20', text: 'Audit duty team assessments' });
  await addActionAt(e, '2026-11-02 10:00', { owner: U.member, due: '2026-11-24', text: 'Book the audit' });
}

/** As a sweep (or user_change) had left them: timezones known and checked `daysAgo` days ago. */
async function checked(daysAgo: number, timezone = 'Europe/London'): Promise<void> {
  await e.t.deps.db.person.updateMany({
    where: { workspaceId: TEAM },
    data: { timezone, timezoneCheckedAt: new Date(e.t.clock.now().getTime() - daysAgo * 86_400_000) },
  });
}

const callsOf = (method: string) => e.slack.calls.filter((c) => c.method === method);

describe('a reminder is one call', () => {
  it('posts each DM by user id, with no conversations.open and no users.info', async () => {
    await twoOwners(['chat.postMessage']);
    at(e, '2026-11-23 09:00');
    await checked(2);
    await job(e).run(at(e, '2026-11-23 09:30'));
    const posts = callsOf('chat.postMessage');
    expect(posts.map((c) => c.args.channel).sort()).toEqual([U.member, U.owner].sort());
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(dmsTo(e, U.member)).toHaveLength(1);
    const row = await e.t.deps.db.reminderLog.findFirstOrThrow({
      where: { workspaceId: TEAM, kind: 'action', recipient: U.owner },
    });
    // The ledger records the DM channel Slack answered with, so buttons and look-ups find it.
    expect(row).toMatchObject({ status: 'sent', channelId: e.slack.dmChannelFor(U.owner) });
    expect(e.slack.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
  });

  it('looks a timezone up at most once a week: the first sweep asks, the next days do not', async () => {
    await twoOwners(['chat.postMessage', 'users.info']);
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(
      callsOf('users.info')
        .map((c) => c.args.user)
        .sort(),
    ).toEqual([U.member, U.owner].sort());
    const owner = await e.t.deps.db.person.findFirstOrThrow({
      where: { workspaceId: TEAM, platformUserId: U.owner },
    });
    expect(owner).toMatchObject({ timezone: 'Europe/London', timezoneCheckedAt: e.t.clock.now() });
    await job(e).run(at(e, '2026-11-24 09:30'));
    await job(e).run(at(e, '2026-11-27 09:30'));
    // Nobody asked twice in the week (the leads, nudged later in the week, once each).
    const asked = (id: string) => callsOf('users.info').filter((c) => c.args.user === id).length;
    for (const id of [U.owner, U.member, U.lead, U.otherLead]) expect(asked(id)).toBeLessThanOrEqual(1);
    expect(dmsTo(e, U.owner)).toHaveLength(3);
    // A week on, asked again, once each.
    await job(e).run(at(e, '2026-11-30 09:30'));
    expect(asked(U.owner)).toBe(2);
    expect(asked(U.member)).toBe(2);
  });

  it('sends on the programme’s clock when Slack does not answer users.info', async () => {
    await twoOwners(['chat.postMessage', 'users.info']);
    e.slack.failNext('users.info', { status: 500, times: 8 });
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(dmsTo(e, U.member)).toHaveLength(1);
  });
});

describe("Slack's user_change", () => {
  it('keeps the new timezone on the person, and the sweep follows it without asking Slack', async () => {
    await twoOwners(['chat.postMessage']);
    at(e, '2026-11-20 12:00');
    await checked(10);
    const answer = await sendEvent(e.url, {
      signingSecret: SIGNING_SECRET,
      teamId: TEAM,
      event: { type: 'user_change', user: { id: U.owner, team_id: TEAM, tz: 'Asia/Tokyo', deleted: false } },
    });
    expect(answer.status).toBe(200);
    await e.runtime.idle();
    const owner = await e.t.deps.db.person.findFirstOrThrow({
      where: { workspaceId: TEAM, platformUserId: U.owner },
    });
    // Told by Slack now: counts as this week's check, so the sweep does not ask (users.info is not allowed here).
    expect(owner).toMatchObject({ timezone: 'Asia/Tokyo', timezoneCheckedAt: e.t.clock.now() });
    // 09:30 in London is 18:30 in Tokyo: past the owner's reminder hours, so only the member's goes.
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    expect(dmsTo(e, U.member)).toHaveLength(1);
    expect(
      await e.t.deps.db.reminderLog.count({
        where: { workspaceId: TEAM, kind: 'action', recipient: U.owner },
      }),
    ).toBe(0);
  });

  it('ignores a person the bot does not know, and another workspace’s people', async () => {
    await twoOwners(['chat.postMessage']);
    await sendEvent(e.url, {
      signingSecret: SIGNING_SECRET,
      teamId: 'T0OTHERWS',
      event: { type: 'user_change', user: { id: U.owner, team_id: 'T0OTHERWS', tz: 'Asia/Tokyo' } },
    });
    await sendEvent(e.url, {
      signingSecret: SIGNING_SECRET,
      teamId: TEAM,
      event: { type: 'user_change', user: { id: 'U0STRANGER', team_id: TEAM, tz: 'Asia/Tokyo' } },
    });
    await e.runtime.idle();
    const people = await e.t.deps.db.person.findMany({ where: { timezone: 'Asia/Tokyo' } });
    expect(people).toEqual([]);
  });
});

describe('rate limited', () => {
  it('waits out a 429’s Retry-After and sends every reminder once', async () => {
    await twoOwners(['chat.postMessage']);
    at(e, '2026-11-23 09:00');
    await checked(1);
    e.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(dmsTo(e, U.member)).toHaveLength(1);
    const posts = callsOf('chat.postMessage');
    expect(posts.map((c) => c.status)).toEqual([429, 200, 200]);
    // The retry went after Retry-After, not at once.
    expect(posts[2]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    const rows = await e.t.deps.db.reminderLog.findMany({ where: { workspaceId: TEAM, kind: 'action' } });
    expect(rows.map((r) => [r.recipient, r.status, r.attempts]).sort()).toEqual(
      [
        [U.member, 'sent', 1],
        [U.owner, 'sent', 1],
      ].sort(),
    );
    // The next tick sends nothing again.
    await job(e).run(at(e, '2026-11-23 09:45'));
    expect(callsOf('chat.postMessage')).toHaveLength(3);
  });
});
