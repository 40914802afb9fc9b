/**
 * The daily reminder sweep through the real Bolt app's WebClient and the strict Slack stand-in:
 * who is sent what, and when nothing is sent (weekends, bank holidays, snoozes, outside hours).
 * Time is moved with the AdjustableClock and the job is run directly; nothing sleeps.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  at(e, '2026-11-02 10:00');
  await seedProgramme(e.t.deps);
  roster(e, everyone());
  await addActionAt(e, '2026-11-02 10:00', {
    due: '2026-11-09',
    text: 'Recruit four newly qualified social workers',
  });
  await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-20', text: 'Audit duty team assessments' });
  await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-25', text: 'Refresh the supervision policy' });
  await addActionAt(e, '2026-11-02 10:00', { due: '2026-12-10', text: 'Launch practice week' });
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

describe('the daily sweep', () => {
  it('sends each owner one DM at the reminder time, listing overdue and due-soon actions with buttons', async () => {
    await job(e).run(at(e, '2026-11-23 09:29'));
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    await job(e).run(at(e, '2026-11-23 09:30'));
    const [dm] = dmsTo(e, U.owner);
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(shown(dm)).toContain('2 overdue and 1 due in the next 3 days');
    expect(shown(dm)).toContain(
      '*A-1* WS1 · Recruit four newly qualified social workers · due 9 Nov · *14 days overdue*',
    );
    expect(shown(dm)).toContain('*A-2* WS1 · Audit duty team assessments');
    expect(shown(dm)).toContain('*A-3* WS1 · Refresh the supervision policy · due 25 Nov · due in 2 days');
    expect(shown(dm)).not.toContain('Launch practice week');
    for (const label of ['Done', 'New date', 'Add update', 'Not mine'])
      expect(shown(dm)).toContain(`"text":"${label}"`);
    expect(shown(dmsTo(e, U.member)[0])).toContain('Book the case file audit');
    const log = await e.t.deps.db.reminderLog.findFirstOrThrow({
      where: { workspaceId: TEAM, kind: 'action', recipient: U.owner },
    });
    expect(log).toMatchObject({
      status: 'sent',
      day: '2026-11-23',
      channelId: e.slack.dmChannelFor(U.owner),
      messageId: dm!.ts,
    });
    expect(JSON.parse(log.payload).actionIds).toHaveLength(3);
  });

  it('sends nothing more on later ticks the same day, and again the next working day', async () => {
    await job(e).run(at(e, '2026-11-23 09:30'));
    await job(e).run(at(e, '2026-11-23 09:31'));
    await job(e).run(at(e, '2026-11-23 16:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    await job(e).run(at(e, '2026-11-24 09:30'));
    expect(dmsTo(e, U.owner)).toHaveLength(2);
  });

  it('sends nothing at the weekend or on a bank holiday, or on a closure day the admin added', async () => {
    await job(e).run(at(e, '2026-11-28 10:00'));
    await job(e).run(at(e, '2026-11-29 10:00'));
    await job(e).run(at(e, '2026-12-28 10:00'));
    await e.t.deps.db.bankHolidayOverride.create({
      data: { workspaceId: TEAM, date: '2026-11-26', isHoliday: true, name: 'Council closure day' },
    });
    await job(e).run(at(e, '2026-11-26 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    await job(e).run(at(e, '2026-12-29 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
  });

  it('respects a snooze and reminders off, set with the slash command', async () => {
    at(e, '2026-11-20 15:00');
    const snoozed = await e.command('snooze 24/11/2026', U.owner);
    expect(snoozed.reply).toContain('Tuesday 24 November 2026');
    await e.command('reminders off', U.member);
    await job(e).run(at(e, '2026-11-23 09:30'));
    await job(e).run(at(e, '2026-11-24 09:30'));
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    expect(dmsTo(e, U.member)).toHaveLength(0);
    await job(e).run(at(e, '2026-11-25 09:30'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    await e.command('reminders on', U.member);
    await job(e).run(at(e, '2026-11-26 09:30'));
    expect(dmsTo(e, U.member)).toHaveLength(1);
    expect(dmsTo(e, U.owner)).toHaveLength(2);
  });

  it('waits until 08:00 on the recipient’s own clock', async () => {
    roster(e, { ...everyone(), [U.owner]: { tz: 'America/New_York' } });
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(dmsTo(e, U.member)).toHaveLength(1);
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    await job(e).run(at(e, '2026-11-23 12:59'));
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    await job(e).run(at(e, '2026-11-23 13:05'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    expect(dmsTo(e, U.member)).toHaveLength(1);
    const owner = await e.t.deps.db.person.findFirstOrThrow({
      where: { workspaceId: TEAM, platformUserId: U.owner },
    });
    expect(owner.timezone).toBe('America/New_York');
  });
});
