/**
 * The Prisma client for either provider. Both generated clients share one API; the SQLite one's
 * type is the project's `Db` type, and the PostgreSQL client is used through it.
 *
 * Only the configured provider's client, adapter and driver are loaded (dynamic imports): a
 * SQLite bot never loads pg, nor a PostgreSQL one better-sqlite3, and start-up pays for one
 * generated client, not two. Prisma connects (and compiles its query compiler) on first use: the
 * requests Slack waits on, and /healthz, go through `sql`, which on PostgreSQL has its own pool
 * and on SQLite opens the adapter's one connection without Prisma (see sqliteConnection below).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseTarget } from './database-url.js';
import type { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client.js';
import type { Sql } from './sql.js';
import { sqliteSql } from './sql-sqlite.js';
import { Lock, serialiseQueries } from './sqlite-serialised.js';

export type Db = SqlitePrismaClient;
/** A Prisma interactive transaction client. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface Database {
  prisma: Db;
  /** Hand-written SQL on the same connections, for the request paths Slack waits on (sql.ts). */
  sql: Sql;
  target: DatabaseTarget;
  /** Counts SQL statements sent, for benchmarks: reset it, run, read it. */
  queries: { count: number };
  close(): Promise<void>;
}

/** Opens a client. Migrations are applied separately (see migrate.ts), before this is used. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { poolSize?: number } = {},
): Promise<Database> {
  const queries = { count: 0 };
  const log = [{ emit: 'event' as const, level: 'query' as const }];
  let prisma: Db;
  let sql: Sql;
  // PostgreSQL's pool, or SQLite's connection when only `sql` opened it (Prisma closes it otherwise).
  let endPool: () => Promise<void> = async () => {};
  if (target.provider === 'sqlite') {
    const [{ PrismaBetterSQLite3 }, { PrismaClient }] = await Promise.all([
      import('@prisma/adapter-better-sqlite3'),
      import('./generated/sqlite/client.js'),
    ]);
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const lock = new Lock();
    let connection: BetterSqlite3.Database | undefined;
    // A generous busy timeout: several processes may share the file (tests that kill replicas).
    const factory = serialiseQueries(
      new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: 10_000 }),
      lock,
      (opened) => {
        connection = opened as BetterSqlite3.Database;
        // A checkpoint copies the WAL into the database and syncs both, synchronously, inside
        // whichever request's COMMIT crosses the threshold. SQLite's default (1,000 pages, 4 MB)
        // made that every hundred or so updates; at 10,000 pages the hot pages are copied ten
        // times less often: 7,000 updates took 2.0 s of app time instead of 2.4 s.
        connection.pragma('wal_autocheckpoint = 10000');
        // Deleted and overwritten content is zeroed, not left in free space: a redacted text
        // (services/redact-text.ts) must not survive in a free page or a cell's old bytes.
        connection.pragma('secure_delete = ON');
      },
    );
    prisma = new PrismaClient({ adapter: factory, log });
    endPool = async () => {
      if (connection?.open) connection.close();
    };
    sql = sqliteSql({
      lock,
      queries,
      async connection() {
        // The adapter's one connection, opened here when `sql` is used first (connect is
        // memoised: Prisma's own $connect later gets the same adapter), so a request on `sql`
        // does not wait for Prisma to start its query compiler.
        if (!connection?.open) await factory.connect();
        if (!connection) throw new Error('The SQLite adapter did not open its connection');
        return connection;
      },
    });
  } else {
    const [{ default: pg }, { PrismaPg }, { PrismaClient }, { postgresSql }] = await Promise.all([
      import('pg'),
      import('@prisma/adapter-pg'),
      import('./generated/postgresql/client.js'),
      import('./sql-postgres.js'),
    ]);
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server is replaced on next use; without a listener it would end the process.
    pool.on('error', () => undefined);
    prisma = new PrismaClient({ adapter: new PrismaPg(pool), log }) as unknown as Db;
    sql = postgresSql(pool, queries);
    endPool = () => pool.end();
  }
  (prisma as unknown as { $on(e: 'query', cb: () => void): void }).$on('query', () => {
    queries.count += 1;
  });
  return {
    prisma,
    sql,
    target,
    queries,
    async close() {
      await prisma.$disconnect();
      await endPool();
    },
  };
}
