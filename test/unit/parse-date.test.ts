import { describe, expect, it } from 'vitest';
import { parseDate, parseDateAtStart } from '../../src/domain/parse-date.js';

// Wednesday 11 March 2026; the week runs Monday 9 to Sunday 15 March.
const WED = '2026-03-11';
const MON = '2026-03-09';
const FRI = '2026-03-13';
const SAT = '2026-03-14';
const SUN = '2026-03-15';

describe('parseDate: the forms people type', () => {
  it.each([
    // Numeric, always day/month/year.
    ['31/03/2026', WED, '2026-03-31'],
    ['31/3/26', WED, '2026-03-31'],
    ['31-03-2026', WED, '2026-03-31'],
    ['31.03.2026', WED, '2026-03-31'],
    ['5/4/2027', WED, '2027-04-05'],
    ['31/12/2026', WED, '2026-12-31'],
    ['31/03/2026,', WED, '2026-03-31'],
    ['29/02/2028', WED, '2028-02-29'],
    // No year: this year if today or later, otherwise next year.
    ['31/3', WED, '2026-03-31'],
    ['11/3', WED, '2026-03-11'],
    ['10/3', WED, '2027-03-10'],
    ['1/1', WED, '2027-01-01'],
    // Month names, either order, with ordinals, commas and any case.
    ['31 Mar', WED, '2026-03-31'],
    ['31 March', WED, '2026-03-31'],
    ['31 Mar 2026', WED, '2026-03-31'],
    ['31st March 2026', WED, '2026-03-31'],
    ['1st april', WED, '2026-04-01'],
    ['29 Feb 2028', WED, '2028-02-29'],
    ['March 31', WED, '2026-03-31'],
    ['Mar 31st, 2026', WED, '2026-03-31'],
    ['sept 1', WED, '2026-09-01'],
    ['Tuesday 31 March 2026', WED, '2026-03-31'],
    ['2026-03-31', WED, '2026-03-31'],
    // Words.
    ['today', WED, '2026-03-11'],
    ['TODAY', WED, '2026-03-11'],
    ['tomorrow', WED, '2026-03-12'],
    ['tomorrow', '2026-12-31', '2027-01-01'],
    // Weekdays: the coming one, today excluded.
    ['friday', WED, '2026-03-13'],
    ['fri', WED, '2026-03-13'],
    ['Friday,', WED, '2026-03-13'],
    ['friday', FRI, '2026-03-20'],
    ['wednesday', WED, '2026-03-18'],
    ['mon', WED, '2026-03-16'],
    ['thurs', WED, '2026-03-12'],
    // 'this': today counts; 'next': the named day of next week.
    ['this friday', WED, '2026-03-13'],
    ['this friday', FRI, '2026-03-13'],
    ['this monday', WED, '2026-03-16'],
    ['next friday', WED, '2026-03-20'],
    ['next friday', MON, '2026-03-20'],
    ['next friday', FRI, '2026-03-20'],
    ['next Monday', SUN, '2026-03-16'],
    ['next wed', WED, '2026-03-18'],
    // Periods from today.
    ['in 3 days', WED, '2026-03-14'],
    ['in 1 day', WED, '2026-03-12'],
    ['in 2 weeks', WED, '2026-03-25'],
    ['in a week', WED, '2026-03-18'],
    ['in two weeks', WED, '2026-03-25'],
    ['in a fortnight', WED, '2026-03-25'],
    ['in 1 month', WED, '2026-04-11'],
    ['in 1 month', '2026-01-31', '2026-02-28'],
    ['in 3 months', WED, '2026-06-11'],
    // Ends of periods.
    ['end of month', WED, '2026-03-31'],
    ['eom', WED, '2026-03-31'],
    ['EOM', '2026-03-31', '2026-03-31'],
    ['end of the month', WED, '2026-03-31'],
    ['End of Month,', WED, '2026-03-31'],
    ['end of next month', WED, '2026-04-30'],
    ['end of next month', '2026-01-31', '2026-02-28'],
    ['end of week', WED, '2026-03-13'],
    ['end of the week', FRI, '2026-03-13'],
    ['end of week', SAT, '2026-03-20'],
    ['end of next week', WED, '2026-03-20'],
    ['end of March', WED, '2026-03-31'],
    // A month alone is its last day, like 'end of March'; without a year, its next end.
    ['March 2027', WED, '2027-03-31'],
    ['march', WED, '2026-03-31'],
    ['Feb', WED, '2027-02-28'],
    ['February 2028', WED, '2028-02-29'],
    ['sept 2026', WED, '2026-09-30'],
    ['end of feb', WED, '2027-02-28'],
    ['end of Feb 2028', WED, '2028-02-29'],
    ['end of quarter', WED, '2026-03-31'],
    ['end of the quarter', '2026-04-01', '2026-06-30'],
    ['end of quarter', '2026-12-31', '2026-12-31'],
    ['in twelve days', WED, '2026-03-23'],
  ])('%j on %s is %s', (text, today, expected) => {
    expect(parseDate(text, today)).toEqual({ ok: true, day: expected });
  });
});

describe('parseDate: helpful refusals', () => {
  it.each([
    ['31/02/2026', '31/02/2026 is not a real date: February 2026 has 28 days.'],
    ['29/02/2027', '29/02/2027 is not a real date: February 2027 has 28 days.'],
    ['29 Feb 2027', '29 Feb 2027 is not a real date: February 2027 has 28 days.'],
    ['30 Feb 2028', '30 Feb 2028 is not a real date: February 2028 has 29 days.'],
    ['32/01/2026', '32/01/2026 is not a real date: January 2026 has 31 days.'],
    ['2026-02-31', '2026-02-31 is not a real date: February 2026 has 28 days.'],
    ['31/4', '31/4 is not a real date: April never has more than 30 days.'],
    ['0/3/2026', '0/3/2026 is not a real date: days of the month start at 1.'],
    ['13/13/2026', '13/13/2026 is not a real date: there is no month 13. Dates are day/month/year.'],
    ['2026-13-01', '2026-13-01 is not a real date: there is no month 13.'],
  ])('%j', (text, message) => {
    expect(parseDate(text, WED)).toEqual({ ok: false, message });
  });

  it.each([
    ['03/31/2026', '31/03/2026'],
    ['12/25/26', '25/12/2026'],
    ['3/31', '31/03'],
  ])('%j looks like US order and suggests %s', (text, suggestion) => {
    const result = parseDate(text, WED);
    expect(result).toEqual({
      ok: false,
      message: `${text} looks like US month/day order. Dates here are day/month/year: did you mean ${suggestion}?`,
      suggestion,
    });
  });

  it('refuses 29/2 without a year when the next one falls in a common year', () => {
    expect(parseDate('29/2', WED)).toEqual({
      ok: false,
      message: '29/2 would fall in 2027, which is not a leap year. Give the year, e.g. 29/02/2028.',
      suggestion: '29/02/2028',
    });
  });

  it('refuses a weekday that does not match the date, naming the real one', () => {
    expect(parseDate('Friday 31 March 2026', WED)).toEqual({
      ok: false,
      message: 'Friday 31 March 2026 does not add up: that date is Tuesday 31 March 2026.',
      suggestion: 'Tuesday 31 March 2026',
    });
  });

  it.each([
    ['blah', 'blah'],
    ['in 2 sprints', 'in 2 sprints'],
    ['next year', 'next year'],
    ['31/03/2026/1', '31/03/2026/1'],
  ])('says which forms it understands when it cannot read %j', (text, quoted) => {
    const result = parseDate(text, WED);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(
      new RegExp(
        `^I could not read "${quoted}" as a date\\. I understand dates such as 31/03/2026, 31/3, 31 Mar, `,
      ),
    );
    expect(result.message).toContain('next friday, in 3 days, in 2 weeks');
  });

  it('refuses an empty date', () => {
    const result = parseDate('   ', WED);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^No date given\. I understand dates such as /),
    });
  });

  it('refuses a date followed by anything else', () => {
    expect(parseDate('31/03/2026 please', WED)).toEqual({
      ok: false,
      message: 'I read "31/03/2026" as a date but could not make sense of "please".',
    });
  });
});

describe('parseDateAtStart: the date, then free text', () => {
  it.each([
    [['next', 'friday', 'Run', 'audit'], '2026-03-20', 2],
    [['31/03/2026', 'Board', 'paper'], '2026-03-31', 1],
    [['31', 'March', '2026', 'Submit', 'plan'], '2026-03-31', 3],
    [['31', 'March', 'Submit', 'plan'], '2026-03-31', 2],
    [['31', 'Mar', '2026,', 'check', 'caseloads'], '2026-03-31', 3],
    [['friday', '3', 'things', 'to', 'chase'], '2026-03-13', 1],
    [['in', '2', 'weeks', 'chase', 'DfE'], '2026-03-25', 3],
    [['end', 'of', 'month', 'KPI', 'return'], '2026-03-31', 3],
    // The last words of a command: 'end of month' is three tokens, not four (a crash in visit add).
    [['end', 'of', 'month'], '2026-03-31', 3],
    [['March', '2027', 'target', '25'], '2027-03-31', 2],
    [['March', '31', 'Submit', 'plan'], '2026-03-31', 2],
    [['end', 'of', 'the', 'month,', 'then', 'review'], '2026-03-31', 4],
    [['tomorrow:', 'chase', 'health'], '2026-03-12', 1],
    [['Tue', '31', 'Mar', 'review'], '2026-03-31', 3],
    [['this', 'friday'], '2026-03-13', 2],
  ])('%j uses the date %s and %i tokens', (tokens, day, used) => {
    expect(parseDateAtStart(tokens, WED)).toEqual({ ok: true, day, used });
  });

  it('explains an impossible date even when text follows it', () => {
    expect(parseDateAtStart(['31/02/2026', 'Submit', 'plan'], WED)).toEqual({
      ok: false,
      message: '31/02/2026 is not a real date: February 2026 has 28 days.',
    });
  });

  it('refuses when no tokens are given', () => {
    expect(parseDateAtStart([], WED).ok).toBe(false);
  });
});
