/**
 * Rows read as one JSON value, so that a statement can bring back several lists at once (the
 * workspace's programmes beside a programme's workstreams, say) and a request waits on one round
 * trip instead of one per list.
 */
import { asDate, type Query, type Sql } from './sql.js';

/** Fixed SQL text (from constants in the code, never from input) as a Query. */
export const text = (t: string): Query => ({ strings: [t], values: [] });

/** The queries one after another, as one. */
export function concat(...parts: Query[]): Query {
  const strings: string[] = [];
  const values: unknown[] = [];
  for (const part of parts) {
    if (strings.length === 0) strings.push(...part.strings);
    else {
      strings[strings.length - 1] += part.strings[0]!;
      strings.push(...part.strings.slice(1));
    }
    values.push(...part.values);
  }
  return { strings, values };
}

/**
 * A JSON array of `columns` of the rows of `from` (which names its rows `t`), in `order`; null when
 * there are none. `columns` and `order` are column names from the code, never input.
 */
export function jsonRows(
  provider: Sql['provider'],
  columns: readonly string[],
  from: Query,
  order: string,
): Query {
  const pairs = columns.map((c) => `'${c}', t."${c}"`).join(', ');
  return provider === 'postgresql'
    ? concat(text(`(SELECT json_agg(json_build_object(${pairs}) ORDER BY t."${order}") `), from, text(')'))
    : concat(
        text(`(SELECT json_group_array(json(x)) FROM (SELECT json_object(${pairs}) AS x `),
        from,
        text(` ORDER BY t."${order}"))`),
      );
}

/** A jsonRows value as rows: PostgreSQL parses json columns, SQLite hands back their text. */
export const parsed = <T>(value: unknown): T[] =>
  ((typeof value === 'string' ? JSON.parse(value) : value) as T[] | null) ?? [];

/**
 * The `dates` of a row read through jsonRows as Dates. json_build_object writes a timestamp without
 * its zone (it is UTC); SQLite keeps Prisma's text, with its zone.
 */
export function reviveDates<T>(row: Record<string, unknown>, dates: readonly string[]): T {
  for (const column of dates) {
    const value = row[column];
    if (typeof value !== 'string') continue;
    row[column] =
      /(Z|[+-]\d\d:?\d\d)$/.test(value) || !value.includes('T') ? asDate(value) : new Date(`${value}Z`);
  }
  return row as T;
}
