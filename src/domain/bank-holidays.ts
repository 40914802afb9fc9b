/**
 * England and Wales bank holidays by rule: the statutory pattern (Banking and Financial Dealings
 * Act 1971 and the royal proclamations that have repeated it every year since 1978), with
 * substitute weekdays for holidays that fall at a weekend. One-off holidays (jubilees, royal
 * funerals, a coronation) and one-off moves (VE day 2020) cannot be computed: the published data
 * in working-days.ts covers the years it lists, and this rule every other year.
 */
import { addDays, type Day, isoWeekday, makeDay } from './dates.js';

/** One bank holiday as gov.uk lists it. */
export interface BankHoliday {
  date: Day;
  title: string;
}

/** The bank holidays England and Wales have in `year` when no one-off change is proclaimed. */
export function standardBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const fixed = withSubstituteDays([
    { date: must(makeDay(year, 1, 1)), title: "New Year's Day" },
    { date: must(makeDay(year, 12, 25)), title: 'Christmas Day' },
    { date: must(makeDay(year, 12, 26)), title: 'Boxing Day' },
  ]);
  const moveable: BankHoliday[] = [
    { date: addDays(easter, -2), title: 'Good Friday' },
    { date: addDays(easter, 1), title: 'Easter Monday' },
    { date: firstMonday(year, 5), title: 'Early May bank holiday' },
    { date: lastMonday(year, 5), title: 'Spring bank holiday' },
    { date: lastMonday(year, 8), title: 'Summer bank holiday' },
  ];
  return [...fixed, ...moveable].sort((a, b) => a.date.localeCompare(b.date));
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthAndDay = h + l - 7 * m + 114;
  return must(makeDay(year, Math.floor(monthAndDay / 31), (monthAndDay % 31) + 1));
}

// A holiday on a weekday keeps its date; one at a weekend moves to the next
// weekday not already taken. Weekday ones are placed first, which is why
// Christmas on a Sunday gives Boxing Day on Monday and Christmas on Tuesday.
function withSubstituteDays(holidays: BankHoliday[]): BankHoliday[] {
  const isWeekend = (day: Day) => isoWeekday(day) >= 6;
  const placed = holidays.filter((holiday) => !isWeekend(holiday.date));
  const taken = new Set(placed.map((holiday) => holiday.date));
  for (const holiday of holidays.filter((h) => isWeekend(h.date))) {
    let date = holiday.date;
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    placed.push({ date, title: `${holiday.title} (substitute day)` });
  }
  return placed;
}

function firstMonday(year: number, month: number): Day {
  const first = must(makeDay(year, month, 1));
  return addDays(first, (8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number): Day {
  const nextMonthFirst = month === 12 ? must(makeDay(year + 1, 1, 1)) : must(makeDay(year, month + 1, 1));
  const last = addDays(nextMonthFirst, -1);
  return addDays(last, -((isoWeekday(last) + 6) % 7));
}

function must(day: Day | null): Day {
  if (day === null) throw new RangeError('Impossible calendar day in the bank holiday rules');
  return day;
}
