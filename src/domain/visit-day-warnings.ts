/**
 * A visit, deadline or board meeting that falls on a weekend or a bank holiday is almost always a
 * slip of the date: Ofsted agrees visits on working days. The warning names each such day.
 */
import { addDays, type Day, formatWeekdayUkDate, isoWeekday } from './dates.js';
import { bankHolidayName } from './working-days.js';

/** 'Saturday 13/03/2027 is a weekend day', 'Monday 03/05/2027 is a bank holiday (Early May bank holiday)'. */
export function nonWorkingDayWarnings(start: Day, end: Day | null): string[] {
  const warnings: string[] = [];
  for (let day = start; day <= (end ?? start) && warnings.length < 31; day = addDays(day, 1)) {
    const holiday = bankHolidayName(day);
    if (holiday) warnings.push(`${formatWeekdayUkDate(day)} is a bank holiday (${holiday})`);
    else if (isoWeekday(day) >= 6) warnings.push(`${formatWeekdayUkDate(day)} is a weekend day`);
  }
  return warnings;
}
