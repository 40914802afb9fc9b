/** How visits, deadlines and board meetings read in replies: 'V-3 Monitoring visit · 12/03/2027 to 13/03/2027 · in 109 days'. */
import type { Event } from '../src/db/generated/sqlite/client.js';
import { type Day, daysBetween, formatUkDate } from '../src/domain/dates.js';
import { eventKindLabel, eventRef } from '../src/domain/event-kind.js';
import { toSafeText } from '../src/domain/text.js';

/** '12/03/2027', or '12/03/2027 to 13/03/2027' for a range; a confirmation adds the weekdays. */
export function eventDates(
  event: Pick<Event, 'startDate' | 'endDate'>,
  formatDate: (day: Day) => string = formatUkDate,
): string {
  return event.endDate
    ? `${formatDate(event.startDate)} to ${formatDate(event.endDate)}`
    : formatDate(event.startDate);
}

/** The countdown: 'today', 'tomorrow', 'in 12 days', 'under way', 'yesterday', '40 days ago'. */
export function countdown(event: Pick<Event, 'startDate' | 'endDate'>, today: Day): string {
  const toStart = daysBetween(today, event.startDate);
  const end = event.endDate ?? event.startDate;
  if (toStart > 1) return `in ${toStart} days`;
  if (toStart === 1) return 'tomorrow';
  if (toStart === 0) return 'today';
  if (end >= today) return `under way, ends ${end === today ? 'today' : formatUkDate(end)}`;
  const since = daysBetween(end, today);
  return since === 1 ? 'yesterday' : `${since} days ago`;
}

/** One line of a list: ref, kind, dates, countdown, theme and linked workstreams. */
export function eventLine(event: Event & { workstreamCodes?: string[] }, today: Day): string {
  const parts = [
    `*${eventRef(event.number)}* ${eventKindLabel(event.kind)}`,
    eventDates(event),
    `_${countdown(event, today)}_`,
  ];
  if (event.theme) parts.push(`theme: ${toSafeText(event.theme)}`);
  if (event.workstreamCodes?.length) parts.push(event.workstreamCodes.join(', '));
  if (event.outcome) parts.push(`outcome: ${toSafeText(event.outcome)}`);
  return parts.join(' · ');
}
