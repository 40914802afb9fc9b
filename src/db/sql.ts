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
  const utc = utcDate(text);
  if (utc) return utc;
  // SQLite's CURRENT_TIMESTAMP default writes 'YYYY-MM-DD HH:MM:SS', in UTC but without saying so.
  return new Date(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text,
  );
}

/** The two digits at `at` as a number; -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const units = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/**
 * The UTC text the stores write, read without Date's string parser (a microsecond a date, four
 * dates a workstream in `/improve status`): Prisma's 'YYYY-MM-DDTHH:MM:SS.sss+00:00' (or 'Z'),
 * and SQLite's and PostgreSQL's 'YYYY-MM-DD HH:MM:SS[.ffffff]', which are UTC without saying so.
 * Null for any other text (a year before 1000, another offset, an impossible day), which the
 * callers leave to `new Date`, reading it as before.
 */
export function utcDate(text: string): Date | null {
  const length = text.length;
  if (length < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const century = twoDigits(text, 0);
  const years = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 10 || years < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    // A fraction: its first three digits are the milliseconds, as Date reads it.
    const start = at + 1;
    for (at = start; at < length; at += 1) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      if (at < start + 3) ms += digit * 10 ** (2 - (at - start));
    }
    if (at === start) return null;
  }
  const zone = text.slice(at);
  const utc =
    text.charCodeAt(10) === 32 ? zone === '' : text[10] === 'T' && (zone === 'Z' || zone === '+00:00');
  if (!utc) return null;
  const date = new Date(Date.UTC(century * 100 + years, month - 1, day, hour, minute, second, ms));
  // A day past the month's end (31 April) rolls into the next month: not a date we read here.
  return date.getUTCDate() === day ? date : null;
}
