import { describe, expect, it } from 'vitest';
import { formatUkDate } from '../../src/domain/dates.js';
import {
  type KpiDirection,
  type KpiFrequency,
  type KpiReadingPoint,
  type KpiTargetPoint,
  kpiVerdict,
  readingDueBy,
  verdictIcon,
  verdictWords,
} from '../../src/domain/kpi.js';

// Caseloads, lower is better: at most 30 by the end of December, then at most 25 by the end of March.
const caseload: KpiTargetPoint[] = [
  { value: 25, byDate: '2027-03-31' },
  { value: 30, byDate: '2026-12-31' },
];
// CP visits in timescale, higher is better: at least 75% by March, at least 85% by June.
const visits: KpiTargetPoint[] = [
  { value: 75, byDate: '2027-03-31' },
  { value: 85, byDate: '2027-06-30' },
];
// Two steps where the first has passed: at least 60% by October, at least 75% by March.
const visitsStepped: KpiTargetPoint[] = [
  { value: 60, byDate: '2026-10-31' },
  { value: 75, byDate: '2027-03-31' },
];

const r = (...pairs: [string, number][]): KpiReadingPoint[] =>
  pairs.map(([period, value]) => ({ period, value }));

type Row = [
  string,
  KpiDirection,
  KpiFrequency,
  KpiTargetPoint[],
  KpiReadingPoint[],
  string,
  string,
  number | null,
];

describe('kpiVerdict', () => {
  it.each<Row>([
    ['no readings yet', 'lower', 'monthly', caseload, [], '2026-12-01', 'no_reading', 30],
    ['neither targets nor readings', 'lower', 'monthly', [], [], '2026-12-01', 'no_target', null],
    [
      'readings but no target',
      'lower',
      'monthly',
      [],
      r(['2026-11-30', 31]),
      '2026-12-10',
      'no_target',
      null,
    ],
    [
      'no target and readings stopped',
      'lower',
      'weekly',
      [],
      r(['2026-11-28', 31]),
      '2026-12-17',
      'stale',
      null,
    ],
    // Line from 34 (30/09) to 30 (31/12) is at 31.3 on 30/11: 31 is better.
    [
      'lower: ahead of the line',
      'lower',
      'monthly',
      caseload,
      r(['2026-09-30', 34], ['2026-10-31', 32.5], ['2026-11-30', 31]),
      '2026-12-05',
      'on_track',
      30,
    ],
    // 32 is worse than 31.3, and the trend reaches only about 31 by 31/12.
    [
      'lower: behind the line',
      'lower',
      'monthly',
      caseload,
      r(['2026-09-30', 34], ['2026-10-31', 33], ['2026-11-30', 32]),
      '2026-12-05',
      'off_track',
      30,
    ],
    [
      'lower: already meets the next target',
      'lower',
      'monthly',
      caseload,
      r(['2026-11-30', 29]),
      '2026-12-05',
      'on_track',
      30,
    ],
    // The second step: line from the first target (30 on 31/12) to 25 by 31/03.
    [
      'lower: second step, behind',
      'lower',
      'monthly',
      caseload,
      r(['2026-10-31', 34], ['2026-11-30', 32.5], ['2026-12-31', 31]),
      '2027-01-20',
      'off_track',
      25,
    ],
    [
      'lower: second step, on the line',
      'lower',
      'monthly',
      caseload,
      r(['2026-12-31', 30], ['2027-01-31', 28]),
      '2027-02-10',
      'on_track',
      25,
    ],
    [
      'a target is in force on its own date',
      'lower',
      'monthly',
      caseload,
      r(['2027-02-28', 26]),
      '2027-03-31',
      'on_track',
      25,
    ],
    // After the last date: judged on the 31/03 reading, not the later one.
    [
      'lower: met, later reading ignored',
      'lower',
      'monthly',
      caseload,
      r(['2027-02-28', 27], ['2027-03-31', 25], ['2027-04-07', 27]),
      '2027-04-10',
      'met',
      25,
    ],
    ['lower: missed', 'lower', 'monthly', caseload, r(['2027-03-31', 26]), '2027-04-10', 'missed', 25],
    [
      'lower: met stays met when readings stop',
      'lower',
      'monthly',
      caseload,
      r(['2027-03-31', 24]),
      '2027-09-01',
      'met',
      25,
    ],
    [
      'no reading on or before the last date',
      'lower',
      'monthly',
      caseload,
      r(['2027-04-05', 24]),
      '2027-04-10',
      'no_reading',
      25,
    ],
    [
      'higher: a first reading starts its own line',
      'higher',
      'monthly',
      visits,
      r(['2026-11-30', 60]),
      '2026-12-10',
      'on_track',
      75,
    ],
    [
      'higher: falling behind',
      'higher',
      'monthly',
      visits,
      r(['2026-10-31', 60], ['2026-11-30', 58]),
      '2026-12-10',
      'off_track',
      75,
    ],
    [
      'higher: ahead of the line',
      'higher',
      'monthly',
      visits,
      r(['2026-10-31', 60], ['2026-11-30', 66]),
      '2026-12-10',
      'on_track',
      75,
    ],
    // 62 is below the line from 60 (31/10) to 75 (31/03), about 63 on 30/11, but 50, 54, 62 carried on reach 85.
    [
      'higher: behind the line but recovering fast',
      'higher',
      'monthly',
      visitsStepped,
      r(['2026-09-30', 50], ['2026-10-31', 54], ['2026-11-30', 62]),
      '2026-12-05',
      'on_track',
      75,
    ],
    [
      'higher: behind and recovering too slowly',
      'higher',
      'monthly',
      visitsStepped,
      r(['2026-09-30', 50], ['2026-10-31', 52], ['2026-11-30', 58]),
      '2026-12-05',
      'off_track',
      75,
    ],
    ['higher: met at the end', 'higher', 'monthly', visits, r(['2027-06-30', 86]), '2027-07-02', 'met', 85],
    [
      'higher: missed at the end',
      'higher',
      'monthly',
      visits,
      r(['2027-06-30', 84.9]),
      '2027-07-02',
      'missed',
      85,
    ],
    // Monthly 30/09 reading: October's is due by 13/11 (10 working days after 31/10).
    [
      'monthly: stale before the target date',
      'higher',
      'monthly',
      visits,
      r(['2026-09-30', 80]),
      '2026-12-01',
      'stale',
      75,
    ],
    [
      'monthly: not stale within the grace',
      'higher',
      'monthly',
      visits,
      r(['2026-09-30', 80]),
      '2026-11-13',
      'on_track',
      75,
    ],
    [
      'weekly: stale a fortnight on',
      'lower',
      'weekly',
      caseload,
      r(['2026-11-28', 29]),
      '2026-12-17',
      'stale',
      30,
    ],
    [
      'weekly: fresh a week on',
      'lower',
      'weekly',
      caseload,
      r(['2026-11-28', 29]),
      '2026-12-08',
      'on_track',
      30,
    ],
  ])('%s', (_name, direction, frequency, targets, readings, today, state, target) => {
    const verdict = kpiVerdict({ direction, frequency, targets, readings, today });
    expect(verdict.state).toBe(state);
    expect(verdict.target?.value ?? null).toBe(target);
  });

  it('judges the reading the verdict rests on', () => {
    const readings = r(['2027-03-31', 25], ['2027-04-07', 27]);
    const verdict = kpiVerdict({
      direction: 'lower',
      frequency: 'monthly',
      targets: caseload,
      readings,
      today: '2027-04-10',
    });
    expect(verdict.reading).toEqual({ period: '2027-03-31', value: 25 });
  });
});

describe('readingDueBy', () => {
  it.each([
    // November's reading: December's is due by 15/01 (1 January is a bank holiday).
    ['2026-11-28', 'monthly', '2027-01-15'],
    ['2026-12-31', 'monthly', '2027-02-12'],
    // A week on from Sunday 29/11 is Sunday 06/12, then 3 working days.
    ['2026-11-29', 'weekly', '2026-12-09'],
    // Sunday 27/12, then 3 working days after the substitute holiday on Monday 28/12.
    ['2026-12-20', 'weekly', '2026-12-31'],
  ] as const)('after a reading for %s (%s) the next is due by %s', (period, frequency, due) => {
    expect(readingDueBy(period, frequency)).toBe(due);
  });
});

describe('verdictWords and verdictIcon', () => {
  const reading = { value: 29, period: '2026-11-28' };
  it.each([
    ['on_track', 'on track', '<icon:done>'],
    ['off_track', 'off track', '<icon:warning>'],
    ['met', 'met', '<icon:done>'],
    ['missed', 'missed', '<icon:failed>'],
    ['stale', 'stale: no reading since 28/11/2026', '<icon:question>'],
    ['no_target', 'no target', '<icon:question>'],
    ['no_reading', 'no reading yet', '<icon:question>'],
  ] as const)('%s reads “%s”', (state, words, icon) => {
    expect(verdictWords({ state, target: null, reading }, formatUkDate)).toBe(words);
    expect(verdictIcon({ state })).toBe(icon);
  });
});
