/** /improve visit done (outcome and priority actions) and visit add's non-working-day warning, through the real Bolt app. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('/improve visit done', () => {
  it('records the headline and letter date, and turns the priority actions into monitoring-letter recommendations', async () => {
    await e.command('visit add monitoring 10/11/2026-11/11/2026 Front door WS2', U.admin);
    const out = await e.command(
      'visit done V-1 letter 20/11/2026 Insufficient progress in the front door priority actions: Management oversight of contacts; Timeliness of strategy discussions',
      U.admin,
    );
    expect(out.reply).toContain(
      '*V-1 Monitoring visit* outcome recorded: “Insufficient progress in the front door” (letter of 20/11/2026).',
    );
    expect(out.reply).toContain('*New priority actions (2):*');
    expect(out.reply).toContain(
      '• *V1-PA1* Management oversight of contacts (monitoring letter of 20/11/2026)',
    );
    expect(out.reply).toContain(
      '• *V1-PA2* Timeliness of strategy discussions (monitoring letter of 20/11/2026)',
    );
    const event = await e.t.deps.db.event.findFirstOrThrow();
    expect(event).toMatchObject({
      status: 'done',
      outcome: 'Insufficient progress in the front door',
      outcomeDate: '2026-11-20',
    });
    const recs = await e.t.deps.db.recommendation.findMany({ orderBy: { number: 'asc' } });
    expect(recs.map((r) => [r.ref, r.source, r.sourceDate, r.eventId])).toEqual([
      ['V1-PA1', 'monitoring_letter', '2026-11-20', event.id],
      ['V1-PA2', 'monitoring_letter', '2026-11-20', event.id],
    ]);
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'event.done' } })).toBe(1);
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'recommendation.add' } })).toBe(2);
    expect((await e.command('visit list', U.member)).reply).toContain(
      'outcome: Insufficient progress in the front door',
    );
    expect((await e.command('coverage', U.member)).replies[0]!.body.text).toContain(
      '0 covered and on time, 0 overdue, 2 not covered',
    );
  });

  it('takes a letter with no priority actions, dated today', async () => {
    await e.command('visit add focused 16/11/2026-17/11/2026 Care leavers', U.admin);
    const out = await e.command('visit done V-1 Progress in pathway plans', U.admin);
    expect(out.reply).toContain('(letter of 23/11/2026)');
    expect(await e.t.deps.db.recommendation.count()).toBe(0);
  });

  it.each([
    ['visit done V-9 Progress', 'There is no V-9'],
    ['visit done V-2 Progress', 'not a visit: only a visit has an outcome'],
    ['visit done V-3 Progress', 'its outcome can be recorded once it has taken place'],
    ['visit done V-1 letter 01/11/2026 Progress', "The letter's date must be between the visit"],
    ['visit done V-1 Progress priority actions:', 'list them, separated by semicolons'],
    ['visit done V-1', 'Give the letter’s headline'],
    ['visit done V-4 Progress', 'was cancelled'],
  ])('refuses “%s” politely, writing nothing', async (text, message) => {
    await e.command('visit add monitoring 10/11/2026-11/11/2026 Front door', U.admin);
    await e.command('visit add board 15/01/2027', U.admin);
    await e.command('visit add monitoring 12/03/2027-13/03/2027 Care leavers', U.admin);
    await e.command('visit add monitoring 16/03/2027 Later', U.admin);
    await e.command('visit cancel V-4', U.admin);
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(message);
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('refuses a second outcome for the same visit', async () => {
    await e.command('visit add monitoring 10/11/2026 Front door', U.admin);
    await e.command('visit done V-1 Progress', U.admin);
    const before = await countRows(e.t.deps.db);
    expect((await e.command('visit done V-1 Something else', U.admin)).reply).toContain(
      'outcome was already recorded on 23/11/2026',
    );
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});

describe('/improve visit add on a weekend or bank holiday', () => {
  it('warns about each weekend day and bank holiday, and still records it', async () => {
    const weekend = await e.command('visit add monitoring 12/03/2027-13/03/2027 Care leavers', U.admin);
    expect(weekend.reply).toContain('Saturday 13/03/2027 is a weekend day: please check the dates');
    const holiday = await e.command('visit add board 28/12/2026', U.admin);
    expect(holiday.reply).toContain(
      'Monday 28/12/2026 is a bank holiday (Boxing Day (substitute day)): please check the dates',
    );
    const weekday = await e.command('visit add monitoring 10/03/2027-11/03/2027', U.admin);
    expect(weekday.reply).not.toContain(':warning:');
    expect(await e.t.deps.db.event.count()).toBe(3);
  });
});
