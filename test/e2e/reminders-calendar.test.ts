/**
 * Bank holidays past the published gov.uk data (which ends in 2030): the sweep keeps the days
 * off England and Wales will have by rule (Christmas, Boxing Day, Easter, substitute days), and
 * an admin's override still wins. Through the real Bolt app's WebClient and the strict stand-in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  at(e, '2031-03-03 10:00');
  await seedProgramme(e.t.deps);
  roster(e, everyone());
  await addActionAt(e, '2031-03-03 10:00', {
    due: '2031-03-31',
    text: 'Recruit four newly qualified social workers',
  });
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('bank holidays after 2030', () => {
  it('sends no reminder on Christmas Day or Boxing Day 2031, and sends on the next working day', async () => {
    await job(e).run(at(e, '2031-12-24 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    await job(e).run(at(e, '2031-12-25 10:00'));
    await job(e).run(at(e, '2031-12-26 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    await job(e).run(at(e, '2031-12-29 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(2);
    expect(shown(dmsTo(e, U.owner)[1])).toContain('*273 days overdue*');
  });

  it('skips Good Friday and Easter Monday 2031 and the substitute days of Christmas 2032', async () => {
    for (const day of ['2031-04-11', '2031-04-14', '2032-12-27', '2032-12-28'])
      await job(e).run(at(e, `${day} 10:00`));
    expect(dmsTo(e, U.owner)).toHaveLength(0);
    await job(e).run(at(e, '2032-12-29 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
  });

  it('lets an admin’s override open a computed holiday, or close an ordinary day, after 2030', async () => {
    await e.t.deps.db.bankHolidayOverride.createMany({
      data: [
        { workspaceId: TEAM, date: '2031-12-26', isHoliday: false, name: 'Council open on Boxing Day' },
        { workspaceId: TEAM, date: '2031-12-29', isHoliday: true, name: 'Council closure day' },
      ],
    });
    await job(e).run(at(e, '2031-12-26 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    await job(e).run(at(e, '2031-12-29 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(1);
    await job(e).run(at(e, '2031-12-30 10:00'));
    expect(dmsTo(e, U.owner)).toHaveLength(2);
  });
});
