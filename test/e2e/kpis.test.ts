/** /improve kpi add, record and list through the real Bolt app, with the Slack stand-in. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-12-10T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const CASELOAD = 'kpi add "Caseload average" cases lower target 30 by 31/12/2026 target 25 by 31/03/2027';

describe('/improve kpi add', () => {
  it('adds a KPI with its trajectory of targets', async () => {
    const out = await e.command(CASELOAD, U.admin);
    expect(out.reply).toContain('Added KPI *Caseload average* (cases, lower is better, read monthly).');
    expect(out.reply).toContain('*Targets:* ≤ 30 by Thursday 31/12/2026; ≤ 25 by Wednesday 31/03/2027');
    expect(out.reply).toContain('`/improve kpi record "Caseload average" &lt;value&gt;`');
    const kpi = await e.t.deps.db.kpi.findFirstOrThrow({
      include: { targets: { orderBy: { byDate: 'asc' } } },
    });
    expect(kpi).toMatchObject({
      name: 'Caseload average',
      unit: 'cases',
      direction: 'lower',
      frequency: 'monthly',
    });
    expect(kpi.targets.map((t) => [t.value, t.byDate])).toEqual([
      [30, '2026-12-31'],
      [25, '2027-03-31'],
    ]);
  });

  it('says in its help that a KPI is read monthly unless it is said to be weekly', async () => {
    const out = await e.command('help kpi add', U.member);
    expect(out.reply).toContain('kpi add &lt;name&gt; &lt;unit&gt; &lt;higher|lower&gt; [weekly|monthly]');
    expect(out.reply).toContain('how often it is read (monthly unless you say weekly)');
  });

  it('reads how often the KPI is read, after which way is better', async () => {
    const out = await e.command(
      'kpi add "Agency social workers" % lower weekly target 15% by 31/03/2027',
      U.admin,
    );
    expect(out.reply).toContain('Added KPI *Agency social workers* (%, lower is better, read weekly).');
    expect(out.reply).toContain('*Targets:* ≤ 15% by Wednesday 31/03/2027');
    const kpi = await e.t.deps.db.kpi.findFirstOrThrow();
    expect(kpi).toMatchObject({ name: 'Agency social workers', direction: 'lower', frequency: 'weekly' });
  });

  it('reads a name typed without quotes, curly quotes, and “percent” as %', async () => {
    await e.command('kpi add CP visits in timescale percent higher target 75% by 31/03/2027', U.admin);
    await e.command('kpi add “Care leavers in touch” % higher-is-better', U.admin);
    const kpis = await e.t.deps.db.kpi.findMany({ orderBy: { id: 'asc' } });
    expect(kpis.map((k) => [k.name, k.unit, k.direction])).toEqual([
      ['CP visits in timescale', '%', 'higher'],
      ['Care leavers in touch', '%', 'higher'],
    ]);
  });

  it('links the KPI to a workstream, whose leads then record it', async () => {
    const out = await e.command(
      'kpi add "Agency social workers" % lower workstream WS1 target 15% by 31/03/2027',
      U.admin,
    );
    expect(out.reply).toContain(
      'Added KPI *Agency social workers* (%, lower is better, read monthly, workstream WS1 Support and Develop Our Workforce).',
    );
    expect(out.reply).toContain('*Targets:* ≤ 15% by Wednesday 31/03/2027');
    const kpi = await e.t.deps.db.kpi.findFirstOrThrow();
    const ws1 = await e.t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } });
    expect(kpi.workstreamId).toBe(ws1.id);
    const audit = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'kpi.add' } });
    expect(JSON.parse(audit.after!).workstreamId).toBe(ws1.id);
    const other = await e.command('kpi record "Agency social workers" 18', U.otherLead);
    expect(other.reply).toContain("lead of this KPI's workstream");
    const lead = await e.command('kpi record "Agency social workers" 18', U.lead);
    expect(lead.reply).toContain('*Agency social workers*');
  });

  it('reads a workstream by its name in quotes, before or after the targets', async () => {
    await e.command(
      'kpi add "Caseload average" cases lower target 30 by 31/12/2026 workstream "Improve Our Practice"',
      U.admin,
    );
    const kpi = await e.t.deps.db.kpi.findFirstOrThrow();
    const ws2 = await e.t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS2' } });
    expect(kpi.workstreamId).toBe(ws2.id);
  });

  it('refuses an unknown workstream, naming the workstreams, and writes nothing', async () => {
    const before = await countRows(e.t.deps.db);
    const text = 'kpi add "Agency social workers" % lower workstream WS9 target 15% by 31/03/2027';
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain("I can't find a workstream called “WS9”");
    expect(out.reply).toContain('WS1 Support and Develop Our Workforce');
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it.each([
    ['kpi add "Caseload average" cases', 'Say whether higher or lower is better'],
    ['kpi add "Caseload average" cases lower target thirty by 31/12/2026', '“thirty” is not a number'],
    ['kpi add "Caseload average" cases lower target 30 by 31/02/2027', 'not a real date'],
    [
      'kpi add "Caseload average" cases lower aim 30',
      'I expected “target &lt;value&gt; by &lt;date&gt;” or “workstream &lt;code&gt;” but found “aim”',
    ],
  ])('refuses %s and writes nothing', async (text, why) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(why);
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});

describe('/improve kpi record and list', () => {
  beforeEach(async () => {
    await e.command(CASELOAD, U.admin);
    await e.command('kpi add "Care leavers in touch" % higher target 90 by 31/03/2027', U.admin);
  });

  it('says which target is in force, whether the KPI is on or off track, and the trend', async () => {
    const first = await e.command('kpi record "Caseload average" 31 for October', U.lead);
    expect(first.reply).toContain('*Caseload average* for 31/10/2026: *31*');
    // The first reading starts the line to the target: above 30, but not "not met" before 31/12.
    expect(first.reply).toContain('Target in force: ≤ 30 by 31/12/2026: :white_check_mark: on track');
    expect(first.reply).toContain('Trend: first reading');
    const worse = await e.command('kpi record caseload 33 for November', U.lead);
    expect(worse.reply).toContain('Target in force: ≤ 30 by 31/12/2026: :warning: off track');
    const second = await e.command('kpi record caseload 28.5', U.lead);
    expect(second.reply).toContain('*Caseload average* for 10/12/2026: *28.5*');
    expect(second.reply).toContain('Target in force: ≤ 30 by 31/12/2026: :white_check_mark: on track');
    expect(second.reply).toContain('Trend: ↑ improving (previous reading 33 for 30/11/2026)');
    expect(await e.t.deps.db.kpiReading.count()).toBe(3);
  });

  it('says met or missed once the last target date has passed', async () => {
    e.t.clock.set(new Date('2027-04-06T10:00:00Z'));
    const missed = await e.command('kpi record caseload 26 for 31/03/2027', U.lead);
    expect(missed.reply).toContain('Target in force: ≤ 25 by 31/03/2027: :x: missed');
    const met = await e.command('kpi record caseload 24 for 31/03/2027', U.lead);
    expect(met.reply).toContain('Target in force: ≤ 25 by 31/03/2027: :white_check_mark: met');
  });

  it('shows the scorecard', async () => {
    await e.command('kpi record caseload 31 for 30/11', U.admin);
    await e.command('kpi record caseload 29 for 31/12', U.admin);
    const out = await e.command('kpi list', U.member);
    expect(out.reply.split('\n')).toEqual([
      '*KPI scorecard*',
      '• *Care leavers in touch* · _no readings yet_ · target ≥ 90% by 31/03/2027',
      '• *Caseload average* · 29 for 31/12/2026 · target ≤ 30 by 31/12/2026: :white_check_mark: on track · ↑ improving · next ≤ 25 by 31/03/2027',
    ]);
  });

  it('flags a weekly KPI as stale when a week’s reading is overdue', async () => {
    await e.command('kpi add "Agency social workers" % lower weekly target 15% by 31/03/2027', U.admin);
    await e.command('kpi record agency 18% for 28/11', U.admin);
    e.t.clock.set(new Date('2026-12-17T10:00:00Z'));
    const out = await e.command('kpi list', U.member);
    expect(out.reply).toContain(
      '• *Agency social workers* · 18% for 28/11/2026 · target ≤ 15% by 31/03/2027: :grey_question: stale: no reading since 28/11/2026',
    );
  });

  it.each([
    [
      'kpi record staff 12',
      "I can't find a KPI called “staff”. The KPIs are: “Care leavers in touch”, “Caseload average”.",
    ],
    ['kpi record ca 12', '“ca” matches more than one KPI: “Care leavers in touch”, “Caseload average”.'],
    ['kpi record caseload abc', '“abc” is not a number'],
    ['kpi record caseload', 'Give the reading after the KPI name'],
    ['kpi record caseload 12 for someday', 'could not read'],
    ['kpi record caseload 12 for 28/02/2027', '28/02/2027 is in a month that has not started'],
    ['kpi record caseload 12 thanks', "I didn't understand “thanks” at the end"],
  ])('refuses %s and writes nothing', async (text, why) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.lead);
    expect(out.reply).toContain(why);
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('refuses a member, saying who can', async () => {
    const out = await e.command('kpi record caseload 28', U.member);
    expect(out.reply).toContain('Only an admin or a workstream lead can record KPI readings');
    expect(await e.t.deps.db.kpiReading.count()).toBe(0);
  });
});
