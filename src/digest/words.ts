/** Small phrases the digest's sections share: dates relative to the digest's day, RAG labels. */
import { type Day, daysBetween, formatShortDate, formatShortDateWithYear } from '../domain/dates.js';
import { eventKindLabel, eventRef } from '../domain/event-kind.js';
import { type Rag, ragLabel, ragMark } from '../domain/rag.js';
import { toSafeText } from '../domain/text.js';
import type { DigestEvent } from './types.js';

/** '31 Mar', or '31 Mar 2027' when the year is not the digest's year. */
export function shortDay(day: Day, today: Day): string {
  return day.slice(0, 4) === today.slice(0, 4) ? formatShortDate(day) : formatShortDateWithYear(day);
}

/** 'today', 'tomorrow', 'in 23 days'. */
export function countdown(day: Day, today: Day): string {
  const days = daysBetween(today, day);
  if (days <= 0) return 'today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** '<rag:red> Red'. */
export const ragWord = (rag: Rag): string => `${ragMark(rag)} ${ragLabel(rag)}`;

/** 'Monitoring visit V-3, 16 Dec to 17 Dec: Care leavers' (without the kind when the heading says it). */
export function eventPhrase(event: DigestEvent, today: Day, options: { kind?: boolean } = {}): string {
  const span =
    event.endDate && event.endDate !== event.startDate
      ? `${shortDay(event.startDate, today)} to ${shortDay(event.endDate, today)}`
      : shortDay(event.startDate, today);
  const theme = event.theme ? `: ${toSafeText(event.theme)}` : '';
  const kind = options.kind === false ? '' : `${eventKindLabel(event.kind)} `;
  return `${kind}${eventRef(event.number)}, ${span}${theme}`;
}

/** 'in 23 days', or 'under way' for a visit that has started and not ended. */
export function eventCountdown(event: DigestEvent, today: Day): string {
  return event.startDate < today ? 'under way' : countdown(event.startDate, today);
}
