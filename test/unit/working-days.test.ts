import { describe, expect, it } from 'vitest';
import published from '../../src/domain/bank-holidays-england-wales.json' with { type: 'json' };
import { isoWeekday, isValidDay } from '../../src/domain/dates.js';
import {
  bankHolidayName,
  bankHolidays,
  easterSunday,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  standardBankHolidays,
} from '../../src/domain/working-days.js';

describe('the England and Wales bank holiday data', () => {
  it('is well formed: real weekdays, in order, no repeats, 2020 to 2030', () => {
    const dates = published.map((holiday) => holiday.date);
    expect(dates.every(isValidDay)).toBe(true);
    expect(dates.every((date) => isoWeekday(date) <= 5)).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates[0]).toBe('2020-01-01');
    expect(dates.at(-1)).toBe('2030-12-26');
  });

  // A typo in the data would otherwise go unnoticed until a reminder went out on Christmas Day.
  it.each([2021, 2024, 2025, 2026, 2027, 2028, 2029, 2030])('matches the statutory pattern in %i', (year) => {
    const inData = published.filter((holiday) => holiday.date.startsWith(`${year}-`));
    expect(inData).toEqual(standardBankHolidays(year));
  });

  it('keeps the one-off changes of 2020, 2022 and 2023', () => {
    const holidays = bankHolidays();
    expect(bankHolidayName('2020-05-08')).toBe('Early May bank holiday (VE day)');
    expect(holidays.has('2020-05-04')).toBe(false);
    expect(bankHolidayName('2022-06-02')).toBe('Spring bank holiday');
    expect(bankHolidayName('2022-06-03')).toBe('Platinum Jubilee bank holiday');
    expect(holidays.has('2022-05-30')).toBe(false);
    expect(bankHolidayName('2022-09-19')).toBe('Bank holiday for the State Funeral of Queen Elizabeth II');
    expect(bankHolidayName('2023-05-08')).toBe('Bank holiday for the coronation of King Charles III');
    expect(holidays.size).toBe(8 * 11 + 3);
  });
});

describe('computed bank holidays', () => {
  it.each([
    [2020, '2020-04-12'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });

  it('puts Easter 2026 on Friday 3 and Monday 6 April', () => {
    expect(bankHolidayName('2026-04-03')).toBe('Good Friday');
    expect(bankHolidayName('2026-04-06')).toBe('Easter Monday');
  });

  it('moves both Christmas holidays of 2027 to Monday 27 and Tuesday 28 December', () => {
    expect(standardBankHolidays(2027).filter((holiday) => holiday.date >= '2027-12-01')).toEqual([
      { date: '2027-12-27', title: 'Christmas Day (substitute day)' },
      { date: '2027-12-28', title: 'Boxing Day (substitute day)' },
    ]);
    expect(bankHolidays().has('2027-12-25')).toBe(false);
    expect(bankHolidayName('2027-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('keeps Boxing Day on the Monday when Christmas is a Sunday (2022)', () => {
    expect(standardBankHolidays(2022).filter((holiday) => holiday.date >= '2022-12-01')).toEqual([
      { date: '2022-12-26', title: 'Boxing Day' },
      { date: '2022-12-27', title: 'Christmas Day (substitute day)' },
    ]);
  });

  it('moves New Year’s Day off a weekend', () => {
    expect(standardBankHolidays(2028)[0]).toEqual({
      date: '2028-01-03',
      title: "New Year's Day (substitute day)",
    });
  });
});

describe('working days', () => {
  const holidays = bankHolidays();

  it('treats the summer bank holiday of 2025 (Monday 25 August) as a day off', () => {
    expect(bankHolidayName('2025-08-25')).toBe('Summer bank holiday');
    expect(isWorkingDay('2025-08-25', holidays)).toBe(false);
    expect(nextWorkingDay('2025-08-22', holidays)).toBe('2025-08-26');
    expect(previousWorkingDay('2025-08-26', holidays)).toBe('2025-08-22');
  });

  it('skips weekends', () => {
    expect(isWorkingDay('2026-03-13', holidays)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14', holidays)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15', holidays)).toBe(false); // Sunday
    expect(nextWorkingDay('2026-03-13', holidays)).toBe('2026-03-16');
    expect(nextWorkingDay('2026-03-14', holidays)).toBe('2026-03-16');
    expect(previousWorkingDay('2026-03-16', holidays)).toBe('2026-03-13');
  });

  it('skips the Easter weekend and the Christmas break together', () => {
    expect(nextWorkingDay('2026-04-02', holidays)).toBe('2026-04-07');
    expect(previousWorkingDay('2026-04-07', holidays)).toBe('2026-04-02');
    expect(nextWorkingDay('2027-12-24', holidays)).toBe('2027-12-29');
    expect(previousWorkingDay('2028-01-04', holidays)).toBe('2027-12-31');
  });

  it('is not a bank holiday on an ordinary day', () => {
    expect(bankHolidayName('2026-03-31')).toBeUndefined();
  });
});

describe('overrides', () => {
  it('adds a local closure day and removes a holiday, in order', () => {
    const holidays = bankHolidays([
      { date: '2026-12-29', isHoliday: true },
      { date: '2026-05-04', isHoliday: false },
    ]);
    expect(isWorkingDay('2026-12-29', holidays)).toBe(false);
    expect(nextWorkingDay('2026-12-24', holidays)).toBe('2026-12-30');
    expect(isWorkingDay('2026-05-04', holidays)).toBe(true);
    expect(isWorkingDay('2026-04-06', holidays)).toBe(false);
  });

  it('lets a later override undo an earlier one', () => {
    const holidays = bankHolidays([
      { date: '2026-12-29', isHoliday: true },
      { date: '2026-12-29', isHoliday: false },
    ]);
    expect(holidays.has('2026-12-29')).toBe(false);
  });

  it('does not change the shared data', () => {
    bankHolidays([{ date: '2026-12-25', isHoliday: false }]);
    expect(bankHolidays().has('2026-12-25')).toBe(true);
  });
});
