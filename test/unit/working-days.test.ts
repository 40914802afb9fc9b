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

  // A typo in the data would otherwise go unnoticed until a reminder went out on Christmas Day;
  // and the rule, which covers every other year, is proved against eleven years of gov.uk.
  const ONE_OFFS: Record<number, { onlyInData: string[]; onlyByRule: string[] }> = {
    2020: { onlyInData: ['2020-05-08'], onlyByRule: ['2020-05-04'] }, // VE day moved the early May holiday
    2022: { onlyInData: ['2022-06-02', '2022-06-03', '2022-09-19'], onlyByRule: ['2022-05-30'] }, // jubilee, funeral
    2023: { onlyInData: ['2023-05-08'], onlyByRule: [] }, // coronation
  };
  const years = [...new Set(published.map((holiday) => Number(holiday.date.slice(0, 4))))];

  it.each(years)('matches the statutory pattern in %i, apart from its known one-offs', (year) => {
    const inData = published.filter((holiday) => holiday.date.startsWith(`${year}-`));
    const byRule = standardBankHolidays(year);
    const dataDays = new Set(inData.map((h) => h.date));
    const ruleDays = new Set(byRule.map((h) => h.date));
    expect({
      onlyInData: [...dataDays].filter((d) => !ruleDays.has(d)),
      onlyByRule: [...ruleDays].filter((d) => !dataDays.has(d)),
    }).toEqual(ONE_OFFS[year] ?? { onlyInData: [], onlyByRule: [] });
    if (!ONE_OFFS[year]) expect(inData).toEqual(byRule);
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
    expect(published).toHaveLength(8 * 11 + 3);
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

describe('after the published data ends', () => {
  const holidays = bankHolidays();

  it('knows Christmas 2031 and every other holiday of the year by rule', () => {
    expect(isWorkingDay('2031-12-25', holidays)).toBe(false);
    expect(isWorkingDay('2031-12-26', holidays)).toBe(false);
    expect(nextWorkingDay('2031-12-24', holidays)).toBe('2031-12-29');
    expect(
      ['2031-01-01', '2031-04-11', '2031-04-14', '2031-05-05', '2031-05-26', '2031-08-25'].map(
        bankHolidayName,
      ),
    ).toEqual([
      "New Year's Day",
      'Good Friday',
      'Easter Monday',
      'Early May bank holiday',
      'Spring bank holiday',
      'Summer bank holiday',
    ]);
  });

  it('gives substitute days at weekends: Christmas on a Saturday in 2032, New Year on a Saturday in 2033', () => {
    expect(bankHolidayName('2032-12-27')).toBe('Christmas Day (substitute day)');
    expect(bankHolidayName('2032-12-28')).toBe('Boxing Day (substitute day)');
    expect(isWorkingDay('2032-12-24', holidays)).toBe(true);
    expect(bankHolidayName('2033-01-03')).toBe("New Year's Day (substitute day)");
    expect(isWorkingDay('2033-01-04', holidays)).toBe(true);
  });

  it('keeps admin overrides in computed years', () => {
    const changed = bankHolidays([
      { date: '2031-12-29', isHoliday: true },
      { date: '2031-12-26', isHoliday: false },
    ]);
    expect(isWorkingDay('2031-12-29', changed)).toBe(false);
    expect(isWorkingDay('2031-12-26', changed)).toBe(true);
    expect(isWorkingDay('2031-12-25', changed)).toBe(false);
  });

  it('has eight holidays on eight different weekdays every year to 2200', () => {
    for (let year = 2031; year <= 2200; year++) {
      const days = standardBankHolidays(year).map((holiday) => holiday.date);
      expect(new Set(days).size).toBe(8);
      expect(days.every((day) => isoWeekday(day) <= 5 && day.startsWith(`${year}-`))).toBe(true);
    }
  });
});

describe('Easter (the computus)', () => {
  // Gauss's method as Lichtenberg restated it: a different route to the same date, so a slip in
  // either formula shows. Returns the day of March (32 = 1 April).
  function gaussEasterMarchDay(year: number): number {
    const k = Math.floor(year / 100);
    const m = 15 + Math.floor((3 * k + 3) / 4) - Math.floor((8 * k + 13) / 25);
    const s = 2 - Math.floor((3 * k + 3) / 4);
    const a = year % 19;
    const d = (19 * a + m) % 30;
    const r = Math.floor((d + Math.floor(a / 11)) / 29);
    const fullMoon = 21 + d - r;
    const firstSunday = 7 - ((year + Math.floor(year / 4) + s) % 7);
    return fullMoon + 7 - ((fullMoon - firstSunday) % 7);
  }
  const asDay = (year: number, marchDay: number) =>
    marchDay > 31
      ? `${year}-04-${String(marchDay - 31).padStart(2, '0')}`
      : `${year}-03-${String(marchDay).padStart(2, '0')}`;

  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2031, '2031-04-13'],
    [2032, '2032-03-28'],
    [2035, '2035-03-25'],
    [2039, '2039-04-10'],
    [2040, '2040-04-01'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });

  it('agrees with Gauss’s method and is a Sunday from 22 March to 25 April, 1583 to 4099', () => {
    for (let year = 1583; year <= 4099; year++) {
      const easter = easterSunday(year);
      expect(easter).toBe(asDay(year, gaussEasterMarchDay(year)));
      expect(isoWeekday(easter)).toBe(7);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });
});
