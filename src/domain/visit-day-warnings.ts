/**
 * A visit, deadline or board meeting that falls on a weekend or a bank holiday is almost always a
 * slip of the date: Ofsted agrees visits on working days. The warning names each such day.
 */
import { addDays, type Day, formatWeekdayUkDate, isoWeekday } from './dates.js';
import { bankHolidayName, bankHolidays, type Holidays } from './working-days.js';

/**
 * 'Saturday 13/03/2027 is a weekend day', 'Monday 03/05/2027 is a bank holiday (Early May bank
 * holiday)', for each such day of the event. `holidays`: England and Wales's, with the council's
 * own changes to the calendar when given (a day an admin added reads 'in your calendar').
 */
export function nonWorkingDayWarnings(
  start: Day,
  end: Day | null,
  holidays: Holidays = bankHolidays(),
): string[] {
  const warnings: string[] = [];
  for (let day = start; day <= (end ?? start) && warnings.length < 31; day = addDays(day, 1)) {
    const name = bankHolidayName(day);
    if (holidays.has(day))
      warnings.push(
        `${formatWeekdayUkDate(day)} is a bank holiday${name ? ` (${name})` : ' in your calendar'}`,
      );
    else if (isoWeekday(day) >= 6) warnings.push(`${formatWeekdayUkDate(day)} is a weekend day`);
  }
  return warnings;
}
