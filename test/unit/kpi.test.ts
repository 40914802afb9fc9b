import { describe, expect, it } from 'vitest';
import {
  describeTarget,
  formatKpiValue,
  isTargetMet,
  type KpiTargetPoint,
  nextTarget,
  targetInForce,
  trend,
  trendArrow,
} from '../../src/domain/kpi.js';

// Stands in for formatUkDate so these tests do not depend on the dates module.
const ukDate = (day: string): string => day.split('-').reverse().join('/');

// Caseloads: lower is better, at most 30 by the end of December, then at most 25 by the end of March.
const caseloadTrajectory: KpiTargetPoint[] = [
  { value: 25, byDate: '2027-03-31' },
  { value: 30, byDate: '2026-12-31' },
];

describe('targetInForce and nextTarget', () => {
  it.each([
    ['2026-06-01', 30, 25],
    ['2026-12-31', 30, 25],
    ['2027-01-01', 25, null],
    ['2027-03-31', 25, null],
    // Once every date has passed, the last target still stands.
    ['2027-09-01', 25, null],
  ])('on %s the target in force is %i, next %j', (day, inForce, next) => {
    expect(targetInForce(caseloadTrajectory, day)?.value).toBe(inForce);
    expect(nextTarget(caseloadTrajectory, day)?.value ?? null).toBe(next);
  });

  it('has nothing to offer for a KPI without targets', () => {
    expect(targetInForce([], '2026-01-01')).toBeNull();
    expect(nextTarget([], '2026-01-01')).toBeNull();
  });

  it('does not reorder the caller’s array', () => {
    const targets = [...caseloadTrajectory];
    targetInForce(targets, '2026-01-01');
    expect(targets).toEqual(caseloadTrajectory);
  });
});

describe('isTargetMet', () => {
  it.each([
    ['lower', 23, 30, true],
    ['lower', 30, 30, true],
    ['lower', 31, 30, false],
    ['higher', 86, 68, true],
    ['higher', 75, 75, true],
    ['higher', 74.9, 75, false],
  ] as const)('%s is better: %d against %d → %s', (direction, value, target, met) => {
    expect(isTargetMet(direction, value, target)).toBe(met);
  });
});

describe('trend', () => {
  it.each([
    ['higher', null, 77, 'first reading', ''],
    ['higher', 77, 77, 'steady', '→'],
    ['higher', 77, 85, 'improving', '↑'],
    ['higher', 90, 85, 'worsening', '↓'],
    // A caseload falling is good news, so its arrow points up.
    ['lower', 28, 23, 'improving', '↑'],
    ['lower', 23, 28, 'worsening', '↓'],
  ] as const)('%s is better: %j → %d is %s', (direction, previous, current, expected, arrow) => {
    const result = trend(direction, previous, current);
    expect(result).toBe(expected);
    expect(trendArrow(result)).toBe(arrow);
  });
});

describe('formatKpiValue', () => {
  it.each([
    [86, '%', '86%'],
    [86.5, '%', '86.5%'],
    [86.54, '%', '86.5%'],
    [86.0, '%', '86%'],
    [12, 'days', '12 days'],
    [1, 'days', '1 day'],
    [23, 'cases', '23'],
    [23, 'count', '23'],
    [1300, '', '1,300'],
    [1250000, '£', '£1,250,000'],
    [3, 'weeks', '3 weeks'],
    [0.04, 'per 1,000', '0.04 per 1,000'],
    [-0.01, '', '-0.01'],
    [0, '%', '0%'],
  ])('%d %j → %j', (value, unit, expected) => {
    expect(formatKpiValue(value, unit)).toBe(expected);
  });
});

describe('describeTarget', () => {
  it('shows the sign, value, unit and date as the board reads them', () => {
    expect(describeTarget('lower', { value: 30, byDate: '2026-12-31' }, ukDate)).toBe('≤ 30 by 31/12/2026');
    expect(describeTarget('higher', { value: 75, byDate: '2027-03-31' }, ukDate, '%')).toBe(
      '≥ 75% by 31/03/2027',
    );
  });
});
