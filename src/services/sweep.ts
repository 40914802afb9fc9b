/** What one programme's reminder sweep carries from step to step. */
import type { Day } from '../domain/dates.js';
import type { Holidays } from '../domain/working-days.js';
import type { Outcome } from './deliver-reminder.js';
import type { ChatDeps } from './deps.js';
import type { RecipientCheck } from './reminder-recipients.js';

export type Tally = Record<Outcome, number>;

export const emptyTally = (): Tally => ({ sent: 0, done: 0, later: 0, skipped: 0 });

export interface Sweep {
  deps: ChatDeps;
  check: RecipientCheck;
  now: Date;
  /** The programme's reminder day. */
  day: Day;
  holidays: Holidays;
  tally: Tally;
  count(outcome: Outcome): void;
  /** Keeps the programme's claim alive through a long sweep. */
  heartbeat(): Promise<void>;
}
