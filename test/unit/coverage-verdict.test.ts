/** The coverage verdict: covered and on time, covered but overdue, not covered. */
import { describe, expect, it } from 'vitest';
import {
  coverageSummary,
  coverageVerdict,
  parseSourceWords,
  refKey,
} from '../../src/domain/recommendation.js';

const today = '2027-03-15';
const open = (dueDate: string) => ({ status: 'open', dueDate });

describe('coverageVerdict', () => {
  it.each([
    ['no actions at all', [], 'not_covered'],
    ['only dropped actions', [{ status: 'dropped', dueDate: '2027-04-01' }], 'not_covered'],
    ['an open action due later', [open('2027-04-01')], 'on_time'],
    ['an open action due today', [open(today)], 'on_time'],
    ['an open action due yesterday', [open('2027-03-14')], 'overdue'],
    ['one late among several on time', [open('2027-04-01'), open('2027-03-01')], 'overdue'],
    ['a late action that was done', [{ status: 'done', dueDate: '2027-01-01' }], 'on_time'],
    ['a late action that was verified', [{ status: 'verified', dueDate: '2027-01-01' }], 'on_time'],
    [
      'a dropped late action beside an on-time one',
      [{ status: 'dropped', dueDate: '2027-01-01' }, open('2027-04-01')],
      'on_time',
    ],
  ] as const)('%s → %s', (_name, actions, verdict) => {
    expect(coverageVerdict(actions, today)).toBe(verdict);
  });
});

describe('the words around recommendations', () => {
  it('summarises the counts in one line', () => {
    expect(coverageSummary({ on_time: 12, overdue: 2, not_covered: 1 })).toBe(
      '12 covered and on time, 2 overdue, 1 not covered',
    );
  });

  it('reads each source, the longest phrase first', () => {
    expect(parseSourceWords(['Inspection', 'report', '14/02/2027'])).toEqual({
      source: 'inspection_report',
      used: 2,
    });
    expect(parseSourceWords(['letter'])).toEqual({ source: 'monitoring_letter', used: 1 });
    expect(parseSourceWords(['improvement', 'notice'])).toEqual({ source: 'improvement_notice', used: 2 });
    expect(parseSourceWords(['commissioner’s', 'report'])).toEqual({
      source: 'commissioners_report',
      used: 2,
    });
    expect(parseSourceWords(['newspaper'])).toBeNull();
  });

  it('compares references without case or dashes', () => {
    expect(refKey('PA-3')).toBe(refKey('pa3'));
    expect(refKey('R1')).not.toBe(refKey('R11'));
  });
});
