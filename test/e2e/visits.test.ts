/** /improve visit add, list and cancel through the real Bolt app, with the Slack stand-in. */
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

describe('/improve visit add', () => {
  it('records a two-day monitoring visit as V-1, links the workstream its theme names, and says how far off it is', async () => {
    const out = await e.command('visit add monitoring 12/03/2027-13/03/2027 Care leavers WS1', U.admin);
    expect(out.reply).toContain(
      '*V-1 Monitoring visit* recorded: Friday 12/03/2027 to Saturday 13/03/2027, in 109 days.',
    );
    expect(out.reply).toContain('*Theme:* Care leavers WS1');
    expect(out.reply).toContain('*Linked to:* WS1 Support and Develop Our Workforce');
    expect(out.posts).toEqual([]);
    const event = await e.t.deps.db.event.findFirstOrThrow({
      include: { workstreams: { include: { workstream: true } } },
    });
    expect(event).toMatchObject({
      number: 1,
      kind: 'monitoring_visit',
      startDate: '2027-03-12',
      endDate: '2027-03-13',
      theme: 'Care leavers WS1',
      status: 'planned',
    });
    expect(event.workstreams.map((w) => w.workstream.code)).toEqual(['WS1']);
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'event.add' } })).toBe(1);
  });

  it.each([
    ['mv 12 Mar - 13 Mar', 'monitoring_visit', '2027-03-12', '2027-03-13'],
    ['focused visit 12/03-13/03 Children in need', 'focused_visit', '2027-03-12', '2027-03-13'],
    ['ILACS 1–12 March 2027', 'inspection', '2027-03-01', '2027-03-12'],
    ['dfe 04/02/2027', 'dfe_review', '2027-02-04', null],
    ['deadline 31/03/2027 Improvement plan to Ofsted', 'deadline', '2027-03-31', null],
    ['board meeting 15/01/2027', 'board_meeting', '2027-01-15', null],
  ])('accepts “%s”', async (text, kind, startDate, endDate) => {
    const out = await e.command(`visit add ${text}`, U.admin);
    expect(out.reply).toContain(':white_check_mark:');
    expect(await e.t.deps.db.event.findFirstOrThrow()).toMatchObject({ kind, startDate, endDate });
  });

  it('numbers events in order', async () => {
    await e.command('visit add board 15/01/2027', U.admin);
    const second = await e.command('visit add deadline 31/03/2027', U.admin);
    expect(second.reply).toContain('*V-2 Deadline*');
    expect((await e.t.deps.db.programme.findFirstOrThrow()).nextEventNumber).toBe(3);
  });

  it.each([
    ['visit add party 12/03/2027', '“party” is not a kind of visit I know'],
    [
      'visit add monitoring 13/03/2027-12/03/2027',
      'The end date (12/03/2027) is before the start date (13/03/2027)',
    ],
    ['visit add monitoring 31/02/2027', 'not a real date'],
    ['visit add monitoring', 'Please give the date of the monitoring visit'],
    ['visit add deadline 31/03/2026', 'has passed'],
    ['visit add deadline 30/03/2027-31/03/2027', 'A deadline is a single day'],
    ['visit add inspection 01/03/2027-30/04/2027', 'more than 31 days'],
  ])('refuses %s, says why, returns the text and writes nothing', async (text, why) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(why);
    expect(out.reply).toContain(
      '*Usage:* `/improve visit add &lt;kind&gt; &lt;date&gt;[-&lt;end date&gt;] [theme…]`',
    );
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('keeps a visit that has already happened, for the record', async () => {
    const out = await e.command('visit add focused 01/10/2026-02/10/2026 Front door', U.admin);
    expect(out.reply).toContain('already past, so kept for the record');
    expect((await e.t.deps.db.event.findFirstOrThrow()).status).toBe('done');
  });

  it('refuses anyone but an admin', async () => {
    const out = await e.command('visit add monitoring 12/03/2027', U.lead);
    expect(out.reply).toContain('Only an admin can record visits');
    expect(await e.t.deps.db.event.count()).toBe(0);
  });
});

describe('/improve visit list and cancel', () => {
  it('lists upcoming events soonest first with a countdown, then recent ones, and hides cancelled ones', async () => {
    await e.command('visit add deadline 31/03/2027 Plan submitted', U.admin);
    await e.command('visit add monitoring 12/03/2027-13/03/2027 Care leavers', U.admin);
    await e.command('visit add board tomorrow', U.admin);
    await e.command('visit add focused 01/10/2026 Front door', U.admin);
    await e.command('visit add dfe 04/02/2027', U.admin);
    const cancel = await e.command('visit cancel V-5 Moved to the spring', U.admin);
    expect(cancel.reply).toContain('Cancelled *V-5 DfE review* (04/02/2027)');

    const out = await e.command('visit list', U.member);
    const lines = out.reply.split('\n');
    expect(lines).toEqual([
      '*Coming up*',
      '• *V-3* Board meeting · 24/11/2026 · _tomorrow_',
      '• *V-2* Monitoring visit · 12/03/2027 to 13/03/2027 · _in 109 days_ · theme: Care leavers',
      '• *V-1* Deadline · 31/03/2027 · _in 128 days_ · theme: Plan submitted',
      '',
      '*Recent*',
      '• *V-4* Focused visit · 01/10/2026 · _53 days ago_ · theme: Front door',
    ]);
    const audit = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'event.cancel' } });
    expect(JSON.parse(audit.after!)).toEqual({ status: 'cancelled', reason: 'Moved to the spring' });
  });

  it('refuses to cancel an unknown or already cancelled event, and a non-admin', async () => {
    await e.command('visit add board 15/01/2027', U.admin);
    expect((await e.command('visit cancel V-9', U.admin)).reply).toContain('There is no V-9');
    expect((await e.command('visit cancel V-1', U.lead)).reply).toContain('Only an admin can cancel');
    expect((await e.t.deps.db.event.findFirstOrThrow()).status).toBe('planned');
    await e.command('visit cancel v1', U.admin);
    expect((await e.command('visit cancel V-1', U.admin)).reply).toContain('already cancelled');
    expect((await e.command('visit list', U.admin)).reply).toContain(
      'No visits, deadlines or board meetings',
    );
  });
});
