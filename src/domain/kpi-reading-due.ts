/** When a KPI's next reading is due, so a verdict can say it is stale. */
import { addDays, type Day, dayParts, endOfMonth, makeDay } from './dates.js';
import { bankHolidays, type Holidays, isWorkingDay } from './working-days.js';

/** How often a reading is due. */
export type KpiFrequency = 'weekly' | 'monthly';

/** Working days allowed after a period ends for its reading to arrive. */
export const READING_GRACE_WORKING_DAYS: Readonly<Record<KpiFrequency, number>> = { weekly: 3, monthly: 10 };

function afterWorkingDays(day: Day, n: number, holidays: Holidays): Day {
  let at = day;
  for (let left = n; left > 0; ) {
    at = addDays(at, 1);
    if (isWorkingDay(at, holidays)) left -= 1;
  }
  return at;
}

/**
 * The last day the next reading may arrive before the KPI is stale. The next period ends 7 days
 * after the last reading's (weekly) or at the end of the calendar month after it (monthly); its
 * reading then has a grace of 3 (weekly) or 10 (monthly) working days, the time a performance
 * team needs to extract and check the figures. A 28/11/2026 monthly reading is due by 15/01/2027.
 */
export function readingDueBy(lastPeriod: Day, frequency: KpiFrequency, holidays = bankHolidays()): Day {
  const { year, month } = dayParts(lastPeriod);
  const nextPeriodEnd =
    frequency === 'weekly'
      ? addDays(lastPeriod, 7)
      : endOfMonth(makeDay(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) as Day);
  return afterWorkingDays(nextPeriodEnd, READING_GRACE_WORKING_DAYS[frequency], holidays);
}
