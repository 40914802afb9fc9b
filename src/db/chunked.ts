import type { Query } from './sql.js';

/**
 * Lists built from data (ids of every red item, every owner on a page) never go into one
 * `IN (…)`: SQLite refuses a statement with more than 999 bound parameters (Prisma P2029) and
 * PostgreSQL one with more than 65,535. A query whose list follows the data either becomes a join
 * (a relation filter) or runs through `chunked`, a bounded number of values at a time.
 */

/** Values per `IN (…)` list: with the rest of a query's parameters, well under SQLite's 999. */
export const IN_LIST_MAX = 500;

/**
 * Runs `load` on `values` at most `size` at a time, one chunk after another (SQLite has one
 * connection, and a transaction's queries must not overlap), and concatenates the rows. An empty
 * list runs no query. Rows come back chunk by chunk: callers that need an order sort them.
 */
export async function chunked<T, R>(
  values: readonly T[],
  load: (chunk: T[]) => Promise<R[]>,
  size = IN_LIST_MAX,
): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < values.length; i += size) rows.push(...(await load(values.slice(i, i + size))));
  return rows;
}

/**
 * `head` followed by a bound `(…)` list of `values` and then `tail`, for hand-written SQL
 * (db/sql.ts): `inList(sql\`SELECT … WHERE "id" IN \`, ids)`. `values` must not be empty, and
 * should come from `chunked` when it follows the data.
 */
export function inList(head: Query, values: readonly unknown[], tail = ''): Query {
  if (values.length === 0) throw new RangeError('inList: an IN list needs at least one value');
  const strings = [...head.strings];
  strings[strings.length - 1] += '(';
  for (let i = 1; i < values.length; i++) strings.push(', ');
  strings.push(`)${tail}`);
  return { strings, values: [...head.values, ...values] };
}
