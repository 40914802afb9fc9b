/**
 * /improve kpi target add|change|remove through the real Bolt app: the trajectory as stored, the
 * audit row with before and after, and polite refusals (with the user's text) that write nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
let ws1Id: number;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-12-10T10:00:00Z') });
  const { ws1 } = await seedProgramme(e.t.deps);
  ws1Id = ws1.id;
  await e.command(
    'kpi add "Caseload average" cases lower target 30 by 31/12/2026 target 25 by 31/03/2027',
    U.admin,
  );
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const trajectory = async () =>
  (await e.t.deps.db.kpiTarget.findMany({ orderBy: { byDate: 'asc' } })).map((t) => [t.value, t.byDate]);
const lastAudit = () => e.t.deps.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });

describe('/improve kpi target', () => {
  it('adds a dated target, audited with the trajectory before and after', async () => {
    const out = await e.command('kpi target add "Caseload average" 22 by 30/06/2027', U.admin);
    expect(out.reply).toContain('Added the target ≤ 22 by 30/06/2027 of *Caseload average*.');
    expect(out.reply).toContain('*Targets were:* ≤ 30 by 31/12/2026; ≤ 25 by 31/03/2027');
    expect(out.reply).toContain('*Targets now:* ≤ 30 by 31/12/2026; ≤ 25 by 31/03/2027; ≤ 22 by 30/06/2027');
    expect(await trajectory()).toEqual([
      [30, '2026-12-31'],
      [25, '2027-03-31'],
      [22, '2027-06-30'],
    ]);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'kpi.target.add', actor: U.admin, entity: 'kpi' });
    expect(JSON.parse(audit.before!)).toEqual({
      targets: [
        { value: 30, byDate: '2026-12-31' },
        { value: 25, byDate: '2027-03-31' },
      ],
    });
    expect(JSON.parse(audit.after!).targets).toHaveLength(3);
  });

  it('changes a target’s value and date, and removes one', async () => {
    const changed = await e.command('kpi target change caseload 31/03/2027 24 by 30/04/2027', U.admin);
    expect(changed.reply).toContain(
      'Changed the target for 31/03/2027 to ≤ 24 by 30/04/2027 of *Caseload average*.',
    );
    expect(await trajectory()).toEqual([
      [30, '2026-12-31'],
      [24, '2027-04-30'],
    ]);
    expect((await lastAudit()).action).toBe('kpi.target.change');
    const valueOnly = await e.command('kpi target change "Caseload average" 31/12/2026 28', U.admin);
    expect(valueOnly.reply).toContain('to ≤ 28 by 31/12/2026');
    const removed = await e.command('kpi target remove "Caseload average" 31/12/2026', U.admin);
    expect(removed.reply).toContain('Removed the target for 31/12/2026 of *Caseload average*.');
    expect(removed.reply).toContain('*Targets now:* ≤ 24 by 30/04/2027');
    expect(await trajectory()).toEqual([[24, '2027-04-30']]);
    const audit = await lastAudit();
    expect(audit.action).toBe('kpi.target.remove');
    expect(JSON.parse(audit.after!)).toEqual({ targets: [{ value: 24, byDate: '2027-04-30' }] });
  });

  it('is listed in the help', async () => {
    const out = await e.command('help kpi', U.member);
    expect(out.reply).toContain('kpi target add &lt;kpi&gt; &lt;value&gt; by &lt;date&gt;');
    expect(out.reply).toContain('change &lt;kpi&gt; &lt;date&gt; &lt;value&gt; [by &lt;new date&gt;]');
    expect(out.reply).toContain('remove &lt;kpi&gt; &lt;date&gt;');
  });

  it.each([
    ['kpi target add "Caseload average" 22', 'Say the KPI, the target value and “by” the date.'],
    ['kpi target add "Caseload average" lots by 30/06/2027', '“lots” is not a number'],
    ['kpi target add "Caseload average" 29 by 31/12/2026', 'already has a target for 31/12/2026'],
    ['kpi target add "Nothing like it" 29 by 31/12/2027', "I can't find a KPI called “Nothing like it”"],
    [
      'kpi target change "Caseload average" 01/01/2027 20',
      'has no target for 01/01/2027. Its targets are for 31/12/2026, 31/03/2027.',
    ],
    [
      'kpi target change "Caseload average" 31/12/2026 20 by 31/03/2027',
      'already has another target for 31/03/2027',
    ],
    ['kpi target remove "Caseload average"', 'Say the KPI and the date of the target to remove.'],
    ['kpi target move "Caseload average" 31/12/2026', 'Say add, change or remove after “kpi target”'],
  ])('refuses “%s” politely, returning the text and writing nothing', async (text, why) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(why);
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});

describe('who may edit a trajectory', () => {
  // The KPI belongs to WS1, led by U.lead; U.otherLead leads WS2.
  beforeEach(async () => {
    await e.t.deps.db.kpi.updateMany({ data: { workstreamId: ws1Id } });
  });

  it.each([
    ['an admin', U.admin, true],
    ['the lead of the KPI’s workstream', U.lead, true],
    ['the lead of another workstream', U.otherLead, false],
    ['an action owner', U.owner, false],
    ['a member', U.member, false],
  ])('%s: %s', async (_who, user, allowed) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command('kpi target add "Caseload average" 22 by 30/06/2027', user);
    if (allowed) {
      expect(out.reply).toContain('Added the target ≤ 22 by 30/06/2027');
      expect(await lastAudit()).toMatchObject({ action: 'kpi.target.add', actor: user });
    } else {
      expect(out.reply).toContain('or an admin can change the targets of “Caseload average”');
      expect(await countRows(e.t.deps.db)).toEqual(before);
    }
  });

  it('a KPI of no workstream: admins only', async () => {
    await e.t.deps.db.kpi.updateMany({ data: { workstreamId: null } });
    const before = await countRows(e.t.deps.db);
    const out = await e.command('kpi target remove "Caseload average" 31/12/2026', U.lead);
    expect(out.reply).toContain('Only an admin can change the targets of “Caseload average”.');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});
