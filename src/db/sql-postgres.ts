/**
 * The Sql interface on PostgreSQL, on the pool Prisma's adapter also uses. Each distinct text is a
 * named prepared statement, parsed once per connection.
 */
import pg from 'pg';
import { brandSql, type Query, queryText, type Sql, utcDate } from './sql.js';

/**
 * Prisma keeps UTC in `timestamp` columns; pg would read them as local time. Read without Date's
 * string parser when the text is the usual 'YYYY-MM-DD HH:MM:SS[.ffffff]' (utcDate).
 */
const utcTimestamp = (text: string): Date =>
  (text.charCodeAt(10) === 32 && utcDate(text)) || new Date(`${text.replace(' ', 'T')}Z`);

const TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.TIMESTAMP
      ? utcTimestamp
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A Date is sent as UTC text, which a `timestamp` column stores as is. */
const bind = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : value === undefined ? null : value;

type Runner = Pick<pg.Pool, 'query'>;

export function postgresSql(pool: pg.Pool, queries: { count: number }): Sql {
  const names = new Map<string, string>();

  async function execute(runner: Runner, query: Query): Promise<pg.QueryResult> {
    const text = queryText(query, (i) => `$${i}`);
    let name = names.get(text);
    if (!name) {
      name = `improvement_${names.size + 1}`;
      names.set(text, name);
    }
    queries.count += 1;
    return runner.query({ name, text, values: query.values.map(bind), types: TYPES });
  }

  const on = (runner: Runner, transaction: Sql['transaction']): Sql =>
    brandSql({
      provider: 'postgresql',
      all: async <T>(query: Query) => (await execute(runner, query)).rows as T[],
      one: async <T>(query: Query) => (await execute(runner, query)).rows[0] as T | undefined,
      run: async (query: Query) => (await execute(runner, query)).rowCount ?? 0,
      transaction,
    });

  return on(pool, async (work) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const inside = on(client, (nested) => nested(inside));
      const result = await work(inside);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection that could not roll back is not given to anyone else.
      client.release(broken);
    }
  });
}
