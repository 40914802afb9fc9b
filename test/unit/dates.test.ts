import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  endOfMonth,
  formatDateTimeUk,
  formatLongDate,
  formatShortDate,
  formatShortDateWithYear,
  formatUkDate,
  isoWeekday,
  isValidDay,
  isValidTimezone,
  parseTimeOfDay,
  timeOfDayIn,
  todayIn,
  weekStart,
  zonedInstant,
} from '../../src/domain/dates.js';

describe('zonedInstant across the 2026 clock changes (Europe/London)', () => {
  // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
  it.each([
    ['2026-03-28', '09:00', '2026-03-28T09:00:00.000Z'], // Saturday before: GMT
    ['2026-03-29', '00:30', '2026-03-29T00:30:00.000Z'], // still GMT just before 01:00
    ['2026-03-29', '09:00', '2026-03-29T08:00:00.000Z'], // same Sunday, now BST
    ['2026-03-30', '09:00', '2026-03-30T08:00:00.000Z'], // Monday after: BST
    ['2026-10-24', '09:00', '2026-10-24T08:00:00.000Z'], // Saturday before: BST
    ['2026-10-25', '09:00', '2026-10-25T09:00:00.000Z'], // same Sunday, back to GMT
    ['2026-10-26', '09:00', '2026-10-26T09:00:00.000Z'], // Monday after: GMT
    ['2026-03-31', '23:30', '2026-03-31T22:30:00.000Z'],
  ])('%s %s London is %s', (day, time, iso) => {
    expect(zonedInstant(day, time, 'Europe/London').toISOString()).toBe(iso);
  });

  it('moves a wall-clock time skipped by the spring change an hour later', () => {
    expect(zonedInstant('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('works in other timezones', () => {
    expect(zonedInstant('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
  });

  it('refuses a time that is not HH:mm', () => {
    expect(() => zonedInstant('2026-03-31', '9am', 'Europe/London')).toThrow(RangeError);
  });
});

describe('todayIn and timeOfDayIn', () => {
  it('uses the clocks of the timezone, not UTC', () => {
    const lateOnTheLastOfMarch = new Date('2026-03-31T23:30:00Z'); // 00:30 BST on 1 April
    expect(todayIn(lateOnTheLastOfMarch, 'Europe/London')).toBe('2026-04-01');
    expect(timeOfDayIn(lateOnTheLastOfMarch, 'Europe/London')).toBe('00:30');
    expect(todayIn(lateOnTheLastOfMarch, 'UTC')).toBe('2026-03-31');
  });

  it('matches UTC in winter', () => {
    const winter = new Date('2026-01-31T23:30:00Z');
    expect(todayIn(winter, 'Europe/London')).toBe('2026-01-31');
    expect(timeOfDayIn(winter, 'Europe/London')).toBe('23:30');
  });
});

describe('isValidTimezone', () => {
  it.each([
    ['Europe/London', true],
    ['UTC', true],
    ['America/New_York', true],
    ['Mars/Olympus', false],
    ['', false],
    ['London', false],
  ])('%s → %s', (timezone, valid) => {
    expect(isValidTimezone(timezone)).toBe(valid);
  });
});

describe('parseTimeOfDay', () => {
  it.each([
    ['9:00', '09:00'],
    ['09:00', '09:00'],
    ['0930', '09:30'],
    ['930', '09:30'],
    ['9.30', '09:30'],
    [' 14:05 ', '14:05'],
    ['23:59', '23:59'],
    ['00:00', '00:00'],
    ['9am', '09:00'],
    ['2:30pm', '14:30'],
    ['12pm', '12:00'],
    ['12am', '00:00'],
    ['25:00', null],
    ['24:00', null],
    ['9:60', null],
    ['13pm', null],
    ['9', null],
    ['nine', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseTimeOfDay(input)).toBe(expected);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('counts days from one day to another', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-03-28', '2026-10-26')).toBe(212);
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
  });

  it('adds months, holding to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2026-12-31')).toBe('2026-12-31');
  });

  it('numbers weekdays from Monday and starts weeks on Monday', () => {
    expect(isoWeekday('2026-03-30')).toBe(1); // Monday
    expect(isoWeekday('2026-03-31')).toBe(2);
    expect(isoWeekday('2026-04-05')).toBe(7); // Sunday
    expect(weekStart('2026-04-05')).toBe('2026-03-30');
    expect(weekStart('2026-03-30')).toBe('2026-03-30');
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });

  it.each([
    ['2026-03-31', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-02-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-3-31', false],
    ['31/03/2026', false],
    ['', false],
  ])('isValidDay(%j) is %s', (s, valid) => {
    expect(isValidDay(s)).toBe(valid);
  });

  it('refuses a malformed day rather than guessing', () => {
    expect(() => addDays('2026-02-31', 1)).toThrow(RangeError);
  });
});

describe('UK formatting', () => {
  it('formats days as UK readers expect', () => {
    expect(formatUkDate('2026-03-31')).toBe('31/03/2026');
    expect(formatUkDate('2026-04-01')).toBe('01/04/2026');
    expect(formatShortDate('2026-03-31')).toBe('31 Mar');
    expect(formatShortDate('2026-04-01')).toBe('1 Apr');
    expect(formatShortDateWithYear('2026-03-31')).toBe('31 Mar 2026');
    expect(formatLongDate('2026-03-31')).toBe('Tuesday 31 March 2026');
  });

  it('formats an instant on the clocks of the timezone', () => {
    expect(formatDateTimeUk(new Date('2026-03-31T13:05:00Z'), 'Europe/London')).toBe('31/03/2026 14:05');
    expect(formatDateTimeUk(new Date('2026-01-31T13:05:00Z'), 'Europe/London')).toBe('31/01/2026 13:05');
  });
});

describe('zonedInstant at the autumn change', () => {
  it('takes a wall-clock time repeated when the clocks go back the second time round', () => {
    expect(zonedInstant('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });
});

describe('wall clocks on the day the clocks change', () => {
  it('reads the offset of the very minute, either side of the change', () => {
    expect(formatDateTimeUk(new Date('2026-03-29T00:59:00Z'), 'Europe/London')).toBe('29/03/2026 00:59');
    expect(formatDateTimeUk(new Date('2026-03-29T01:00:00Z'), 'Europe/London')).toBe('29/03/2026 02:00');
    expect(formatDateTimeUk(new Date('2026-10-25T00:59:00Z'), 'Europe/London')).toBe('25/10/2026 01:59');
    expect(formatDateTimeUk(new Date('2026-10-25T01:00:00Z'), 'Europe/London')).toBe('25/10/2026 01:00');
    expect(todayIn(new Date('2026-03-28T23:30:00Z'), 'Australia/Lord_Howe')).toBe('2026-03-29');
  });
});
