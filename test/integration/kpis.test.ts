/** KPI services against a real database: trajectory targets switching on their date, trend, corrections, who may record. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { addKpi } from '../../src/services/add-kpi.js';
import { kpiScorecard } from '../../src/services/kpi-scorecard.js';
import { recordKpiReading } from '../../src/services/record-kpi-reading.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { as, OTHER_TEAM, seedProgramme, U } from '../support/factories.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase({ now: new Date('2027-01-15T10:00:00Z') });
  await seedProgramme(t.deps);
  await addKpi(
    {
      name: 'Caseload average',
      unit: 'cases',
      direction: 'lower',
      targets: [
        { value: 25, byDate: '2027-03-31' },
        { value: 30, byDate: '2026-12-31' },
      ],
    },
    t.deps,
    as(U.admin),
  );
});
afterEach(async () => {
  await t.close();
});

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};
const record = (value: number, period: string, user: string = U.lead) =>
  recordKpiReading({ kpi: 'caseload', value, period }, t.deps, as(user));

describe('recording a KPI reading', () => {
  it('judges the KPI today: on or off track before the next target date, met or missed after the last', async () => {
    // 15/01/2027: 30 by 31/12 has passed, so the line runs from 30 (31/12) to 25 by 31/03.
    const onTheLine = await record(28, '2026-12-31');
    expect(onTheLine.target).toEqual(expect.objectContaining({ value: 25, byDate: '2027-03-31' }));
    expect(onTheLine.verdict.state).toBe('on_track');
    expect((await record(31, '2027-01-14')).verdict.state).toBe('off_track');
    t.clock.set(new Date('2027-04-06T10:00:00Z'));
    expect((await record(26, '2027-03-31')).verdict.state).toBe('missed');
    // A correction to the 31/03 reading changes the verdict.
    expect((await record(25, '2027-03-31')).verdict.state).toBe('met');
  });

  it('stores how often a KPI is read: monthly unless it is said to be weekly', async () => {
    await addKpi(
      { name: 'Agency social workers', unit: '%', direction: 'lower', frequency: 'weekly', targets: [] },
      t.deps,
      as(U.admin),
    );
    const kpis = await t.deps.db.kpi.findMany({
      orderBy: { name: 'asc' },
      select: { name: true, frequency: true },
    });
    expect(kpis).toEqual([
      { name: 'Agency social workers', frequency: 'weekly' },
      { name: 'Caseload average', frequency: 'monthly' },
    ]);
  });

  it('gives the trend against the reading before it, in the direction that is better', async () => {
    expect((await record(31, '2026-10-31')).trend).toBe('first reading');
    const better = await record(29, '2026-11-30');
    expect(better.trend).toBe('improving');
    expect(better.previous?.value).toBe(31);
    expect((await record(29, '2026-12-31')).trend).toBe('steady');
    expect((await record(33, '2027-01-15')).trend).toBe('worsening');
    // A back-filled reading is compared with the one before its own period, not the latest.
    const backFilled = await record(35, '2026-09-30');
    expect(backFilled.trend).toBe('first reading');
  });

  it('treats a second reading for the same period as a correction, keeping the old value in the audit log', async () => {
    await record(31, '2026-12-31');
    const corrected = await record(30, '2026-12-31', U.admin);
    expect(corrected.replacedValue).toBe(31);
    const readings = await t.deps.db.kpiReading.findMany();
    expect(readings.map((r) => [r.period, r.value])).toEqual([['2026-12-31', 30]]);
    const audit = await t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'kpi.reading.correct' } });
    expect(JSON.parse(audit.before!)).toEqual({ value: 31, period: '2026-12-31' });
  });

  it('refuses a period in a month that has not started, and writes nothing', async () => {
    const error = await refusal(record(20, '2027-02-01'));
    expect(error.message).toContain('01/02/2027 is in a month that has not started');
    expect(await t.deps.db.kpiReading.count()).toBe(0);
    // The rest of this month is fine: a monthly reading is for the month's end.
    expect((await record(27, '2027-01-31')).reading.period).toBe('2027-01-31');
  });

  it('lets admins and any workstream lead record, and nobody else', async () => {
    await record(30, '2026-10-31', U.admin);
    await record(30, '2026-11-30', U.otherLead);
    for (const user of [U.owner, U.member]) {
      const error = await refusal(record(30, '2026-12-31', user));
      expect(error.code).toBe('forbidden');
      expect(error.message).toContain('Only an admin or a workstream lead can record KPI readings');
    }
    expect(await t.deps.db.kpiReading.count()).toBe(2);
  });

  it('finds a KPI by an unambiguous prefix, and lists the choices when ambiguous or unknown', async () => {
    await addKpi(
      { name: 'Care leavers in touch', unit: '%', direction: 'higher', targets: [] },
      t.deps,
      as(U.admin),
    );
    expect((await recordKpiReading({ kpi: 'caseload', value: 28 }, t.deps, as(U.lead))).kpi.name).toBe(
      'Caseload average',
    );
    const ambiguous = await refusal(recordKpiReading({ kpi: 'ca', value: 28 }, t.deps, as(U.lead)));
    expect(ambiguous.code).toBe('ambiguous');
    expect(ambiguous.message).toContain('“Care leavers in touch”, “Caseload average”');
    const unknown = await refusal(recordKpiReading({ kpi: 'staff turnover', value: 28 }, t.deps, as(U.lead)));
    expect(unknown.code).toBe('not_found');
  });
});

describe('adding KPIs and the scorecard', () => {
  it('refuses a duplicate name and two targets on one date', async () => {
    expect(
      (
        await refusal(
          addKpi(
            { name: 'caseload AVERAGE', unit: 'cases', direction: 'lower', targets: [] },
            t.deps,
            as(U.admin),
          ),
        )
      ).code,
    ).toBe('conflict');
    const twice = await refusal(
      addKpi(
        {
          name: 'Visits',
          unit: '%',
          direction: 'higher',
          targets: [
            { value: 75, byDate: '2027-03-31' },
            { value: 80, byDate: '2027-03-31' },
          ],
        },
        t.deps,
        as(U.admin),
      ),
    );
    expect(twice.message).toContain('two targets for 31/03/2027');
    expect(await t.deps.db.kpi.count()).toBe(1);
  });

  it('shows each KPI’s latest reading, the target it is judged against, its verdict and the trend', async () => {
    await addKpi(
      {
        name: 'CP visits in timescale',
        unit: '%',
        direction: 'higher',
        targets: [{ value: 75, byDate: '2027-03-31' }],
      },
      t.deps,
      as(U.admin),
    );
    await record(31, '2026-11-30');
    await record(29, '2026-12-31');
    const { rows } = await kpiScorecard(t.deps, as(U.member));
    expect(
      rows.map((r) => [
        r.kpi.name,
        r.latest?.value ?? null,
        r.target?.value ?? null,
        r.verdict.state,
        r.trend,
        r.next?.value ?? null,
      ]),
    ).toEqual([
      ['Caseload average', 29, 25, 'on_track', 'improving', null],
      ['CP visits in timescale', null, 75, 'no_reading', null, null],
    ]);
    expect((await kpiScorecard(t.deps, as(U.member, OTHER_TEAM))).rows).toEqual([]);
  });
});
