/**
 * The Sql interface on SQLite: the same better-sqlite3 connection Prisma uses, behind the same
 * lock (see sqlite-serialised.ts), so a statement here never lands inside one of Prisma's
 * transactions, nor one of Prisma's inside ours. Statements are prepared once and kept.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { asDate, brandSql, type Query, queryText, type Sql } from './sql.js';
import type { Lock } from './sqlite-serialised.js';

type Row = Record<string, unknown>;

interface Prepared {
  statement: BetterSqlite3.Statement;
  /**
   * A reader's rows as objects, from the arrays the statement returns (raw mode): building them
   * here costs a third less than better-sqlite3's own objects, which look each column's name up
   * again for every row. Stored text and 0/1 become what Prisma returns, by the columns' declared
   * types, on the way.
   */
  toRow: ((values: unknown[]) => Row) | null;
}

/** Written as Prisma's better-sqlite3 adapter writes them. */
function bind(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}

function rowBuilder(statement: BetterSqlite3.Statement): Prepared['toRow'] {
  const columns = statement.columns();
  const names = columns.map((c) => c.name);
  const types = columns.map((c) => c.type);
  statement.raw(true);
  return (values) => {
    const row: Row = {};
    for (let i = 0; i < names.length; i++) {
      const value = values[i];
      // Later columns of the same name win, as in better-sqlite3's objects.
      row[names[i]!] =
        types[i] === 'DATETIME'
          ? asDate(value)
          : types[i] === 'BOOLEAN' && value !== null
            ? Boolean(value)
            : value;
    }
    return row;
  };
}

export function sqliteSql(options: {
  connection: () => Promise<BetterSqlite3.Database>;
  lock: Lock;
  queries: { count: number };
}): Sql {
  const { lock, queries } = options;
  // By connection: Prisma opens a new one if it reconnects.
  const preparedOn = new WeakMap<BetterSqlite3.Database, Map<string, Prepared>>();

  function prepare(db: BetterSqlite3.Database, query: Query): { found: Prepared; args: unknown[] } {
    const text = queryText(query, () => '?');
    let prepared = preparedOn.get(db);
    if (!prepared) {
      prepared = new Map();
      preparedOn.set(db, prepared);
    }
    let found = prepared.get(text);
    if (!found) {
      const statement = db.prepare(text);
      // Prisma's adapter makes the connection return BigInts; our ids fit in a number.
      if (statement.reader) statement.safeIntegers(false);
      found = { statement, toRow: statement.reader ? rowBuilder(statement) : null };
      prepared.set(text, found);
    }
    queries.count += 1;
    return { found, args: query.values.map(bind) };
  }

  /** The statements, run on the connection by whoever holds the lock. */
  const direct = (db: BetterSqlite3.Database): Sql =>
    brandSql({
      provider: 'sqlite',
      async all<T>(query: Query) {
        const { found, args } = prepare(db, query);
        const rows = found.statement.all(...args) as unknown[];
        return (found.toRow ? (rows as unknown[][]).map(found.toRow) : rows) as T[];
      },
      async one<T>(query: Query) {
        return (await this.all<T>(query))[0];
      },
      async run(query: Query) {
        const { found, args } = prepare(db, query);
        if (found.statement.reader) return found.statement.all(...args).length;
        return found.statement.run(...args).changes;
      },
      transaction: (work) => work(direct(db)),
    });

  async function locked<T>(work: (db: BetterSqlite3.Database) => Promise<T>): Promise<T> {
    const db = await options.connection();
    const release = await lock.acquire();
    try {
      return await work(db);
    } finally {
      release();
    }
  }

  return brandSql({
    provider: 'sqlite',
    all: (query) => locked((db) => direct(db).all(query)),
    one: (query) => locked((db) => direct(db).one(query)),
    run: (query) => locked((db) => direct(db).run(query)),
    transaction: (work) =>
      locked(async (db) => {
        // IMMEDIATE: take the write lock now, so another process cannot make us fail half-way.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct(db));
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
  });
}
