/**
 * Exactly once: ticks run twice, replicas racing, a failed send, a crashed replica, a rate limit
 * and a deactivated person. Each reminder reaches its recipient once; none is lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_METHODS, type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';

let e: E2E;
beforeEach(async () => {
  // A retried reminder first looks in the conversation for an earlier attempt's message.
  e = await startE2E({ methods: [...DEFAULT_METHODS, 'conversations.history'] });
  at(e, '2026-11-02 10:00');
  await seedProgramme(e.t.deps);
  roster(e, everyone());
  await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-20', text: 'Audit duty team assessments' });
  await addActionAt(e, '2026-11-02 10:00', {
    ws: 'WS2',
    owner: U.member,
    due: '2026-11-24',
    text: 'Book the case file audit',
  });
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('exactly once', () => {
  it('sends each reminder once when two replicas sweep at the same moment, and again', async () => {
    const now = at(e, '2026-11-23 09:30');
    await Promise.all([job(e, 'replica-a').run(now), job(e, 'replica-b').run(now)]);
    await Promise.all([
      job(e, 'replica-a').run(now),
      job(e, 'replica-b').run(now),
      job(e, 'replica-c').run(now),
    ]);
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(dmsTo(e, U.member)).toHaveLength(1);
  });

  it('sends each reminder once even when the programme’s claim has lapsed and replicas race per person', async () => {
    const now = at(e, '2026-11-23 09:30');
    await e.t.deps.db.reminderLog.create({
      data: {
        workspaceId: TEAM,
        programmeId: 1,
        kind: 'sweep',
        subjectKey: 'programme:1',
        recipient: 'programme',
        day: '2026-11-23',
        status: 'claimed',
        claimedBy: 'crashed',
        createdAt: now,
        leaseUntil: new Date(now.getTime() - 1),
      },
    });
    await Promise.all(['a', 'b', 'c', 'd'].map((r) => job(e, `replica-${r}`).run(now)));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(dmsTo(e, U.member)).toHaveLength(1);
  });

  it('retries a send that failed on a later tick, and sends it once', async () => {
    e.slack.failNext('chat.postMessage', { error: 'internal_error' });
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(dmsTo(e, U.owner).length + dmsTo(e, U.member).length).toBe(1);
    const failed = await e.t.deps.db.reminderLog.findFirstOrThrow({
      where: { kind: 'action', status: 'failed' },
    });
    expect(failed.lastError).toBe('internal_error');
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(dmsTo(e, U.owner).length + dmsTo(e, U.member).length).toBe(1);
    await job(e).run(at(e, '2026-11-23 09:32'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(dmsTo(e, U.member)).toHaveLength(1);
    expect(await e.t.deps.db.reminderLog.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('finishes the reminders of a replica that crashed after claiming them', async () => {
    const now = at(e, '2026-11-23 09:30');
    await e.t.deps.db.reminderLog.create({
      data: {
        workspaceId: TEAM,
        programmeId: 1,
        kind: 'action',
        subjectKey: 'programme:1',
        recipient: U.owner,
        day: '2026-11-23',
        status: 'claimed',
        claimedBy: 'crashed',
        createdAt: now,
        leaseUntil: new Date(now.getTime() + 5 * 60_000),
      },
    });
    await job(e).run(now);
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    expect(dmsTo(e, U.member)).toHaveLength(1);
    await job(e).run(at(e, '2026-11-23 09:36'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
  });

  it('waits out a rate limit (429 with Retry-After) and loses nothing', async () => {
    e.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(e.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429)).toHaveLength(1);
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(dmsTo(e, U.member)).toHaveLength(1);
  });
});

describe('people Slack cannot reach', () => {
  it('reports a deactivated owner and an unknown one to the admins once, and sends them nothing', async () => {
    roster(e, { ...everyone(), [U.owner]: { deleted: true }, [U.member]: undefined as never });
    await job(e).run(at(e, '2026-11-23 09:30'));
    await job(e).run(at(e, '2026-11-24 09:30'));
    await job(e).run(at(e, '2026-11-25 09:30'));
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    expect(dmsTo(e, U.member)).toHaveLength(0);
    const reports = dmsTo(e, U.admin);
    expect(reports).toHaveLength(2);
    expect(reports.map(shown).join()).toContain(`I can't reach <@${U.owner}> on Slack`);
    expect(reports.map(shown).join()).toContain(`I can't reach <@${U.member}> on Slack`);
    const owner = await e.t.deps.db.person.findFirstOrThrow({
      where: { workspaceId: TEAM, platformUserId: U.owner },
    });
    expect(owner.unreachableAt).not.toBeNull();
  });
});
