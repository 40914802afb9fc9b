/**
 * Hand-written SQL for the requests Slack waits on (`/improve update`, `rag`, `status`). Prisma 6.19
 * compiles every query afresh: a findUnique by key cost 700 µs of CPU here, the same statement
 * prepared once through the driver 4 µs. Everything else keeps using Prisma.
 *
 * Queries are tagged templates, so values are always bound, never spliced into the text:
 *   await deps.sql.one<Person>(sql`SELECT * FROM "Person" WHERE "id" = ${id}`)
 * Rows come back as Prisma returns them (dates as Date, booleans as boolean), and Dates and
 * booleans are written as Prisma writes them, so either can read what the other wrote.
 */

export interface Query {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

export const sql = (strings: TemplateStringsArray, ...values: unknown[]): Query => ({ strings, values });

/** A query's text with the provider's placeholders: `?` for SQLite, `$1…` for PostgreSQL. */
export function queryText(query: Query, placeholder: (index: number) => string): string {
  let text = query.strings[0]!;
  for (let i = 1; i < query.strings.length; i++) text += placeholder(i) + query.strings[i];
  return text;
}

const SQL = Symbol('sql');

/** Tells a Sql handle from a Prisma client, for helpers that take either (loadProgramme, audit…). */
export const isSql = (db: object): db is Sql => (db as { [SQL]?: boolean })[SQL] === true;

/** Marks an object as a Sql handle (see isSql). */
export const brandSql = <T extends Omit<Sql, typeof SQL>>(handle: T): Sql =>
  Object.assign(handle, { [SQL]: true as const });

export interface Sql {
  readonly [SQL]: true;
  readonly provider: 'sqlite' | 'postgresql';
  all<T>(query: Query): Promise<T[]>;
  one<T>(query: Query): Promise<T | undefined>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(query: Query): Promise<number>;
  /**
   * Runs `work` in one transaction, committed when it resolves and rolled back when it throws.
   * Inside, use only the handle `work` is given: on SQLite, Prisma or this object would wait for
   * the transaction to end, which it never would.
   */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

/**
 * A date read from an expression rather than a column (a subquery's `createdAt`), which SQLite
 * cannot type: it hands back Prisma's ISO text, where PostgreSQL gives a Date.
 */
export function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  const text = String(value);
  // SQLite's CURRENT_TIMESTAMP default writes 'YYYY-MM-DD HH:MM:SS', in UTC but without saying so.
  return new Date(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text,
  );
}
