import { type BankHoliday, standardBankHolidays } from './bank-holidays.js';
import publishedHolidays from './bank-holidays-england-wales.json' with { type: 'json' };
import { addDays, type Day, isoWeekday } from './dates.js';

export { type BankHoliday, easterSunday, standardBankHolidays } from './bank-holidays.js';

/** A local change to the calendar: a council closure day added, or a holiday removed. */
export interface HolidayOverride {
  date: Day;
  isHoliday: boolean;
}

/** Which days are bank holidays. Any year answers, so it is a question rather than a list. */
export interface Holidays {
  has(day: Day): boolean;
}

// The published England and Wales list (2020-2030), one-off holidays included.
// For the years it lists it wins over the rule, because one-offs (jubilees, funerals,
// coronations) cannot be computed; every other year, before or after, comes from
// `standardBankHolidays` (the best guess there is: a later one-off needs an admin override).
// The unit tests cross-check the regular years against the rule so a typo cannot slip in.
const PUBLISHED: readonly BankHoliday[] = publishedHolidays;
const yearOf = (day: Day): number => Number(day.slice(0, 4));
const PUBLISHED_YEARS = new Set(PUBLISHED.map((holiday) => yearOf(holiday.date)));
const byYear = new Map<number, ReadonlyMap<Day, string>>();

/** The year's holidays by date with their names: the published ones, or the rule's. */
function holidaysOf(year: number): ReadonlyMap<Day, string> {
  let names = byYear.get(year);
  if (!names) {
    const list = PUBLISHED_YEARS.has(year)
      ? PUBLISHED.filter((holiday) => yearOf(holiday.date) === year)
      : standardBankHolidays(year);
    names = new Map(list.map((holiday) => [holiday.date, holiday.title]));
    byYear.set(year, names);
  }
  return names;
}

/**
 * The bank holidays in England and Wales, in any year, with `overrides` applied in order
 * (isHoliday true adds a day, false removes one; the last override of a day wins).
 */
export function bankHolidays(overrides: readonly HolidayOverride[] = []): Holidays {
  const overridden = new Map(overrides.map((override) => [override.date, override.isHoliday]));
  return {
    has: (day) => overridden.get(day) ?? bankHolidayName(day) !== undefined,
  };
}

/** The name of the bank holiday on `day` ('Easter Monday'), if it is one. */
export function bankHolidayName(day: Day): string | undefined {
  return holidaysOf(yearOf(day)).get(day);
}

/** True on Monday to Friday when the day is not in `holidays`. */
export function isWorkingDay(day: Day, holidays: Holidays): boolean {
  return isoWeekday(day) <= 5 && !holidays.has(day);
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(day: Day, holidays: Holidays): Day {
  let candidate = addDays(day, 1);
  while (!isWorkingDay(candidate, holidays)) candidate = addDays(candidate, 1);
  return candidate;
}

/** The last working day strictly before `day`. */
export function previousWorkingDay(day: Day, holidays: Holidays): Day {
  let candidate = addDays(day, -1);
  while (!isWorkingDay(candidate, holidays)) candidate = addDays(candidate, -1);
  return candidate;
}
