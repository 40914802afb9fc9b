/**
 * Rows the reminder sweep reads with hand-written SQL (db/sql.ts), made what Prisma returns:
 * dates as Date and booleans as boolean, whichever database they came from (SQLite can lose a
 * column's declared type through a join or subquery, and then hands back text and 0/1).
 */
import type { Person, Workstream } from '../db/generated/sqlite/client.js';
import { asDate } from '../db/sql.js';

export function asPerson(row: Person): Person {
  row.timezoneCheckedAt = asDate(row.timezoneCheckedAt);
  row.unreachableAt = asDate(row.unreachableAt);
  row.createdAt = asDate(row.createdAt)!;
  row.remindersOff = Boolean(row.remindersOff);
  return row;
}

export function asWorkstream(row: Workstream): Workstream {
  row.ragChangedAt = asDate(row.ragChangedAt);
  row.closedAt = asDate(row.closedAt);
  row.createdAt = asDate(row.createdAt)!;
  return row;
}
