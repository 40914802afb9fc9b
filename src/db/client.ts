/**
 * The Prisma client for either provider. Both generated clients share one API; the SQLite one's
 * type is the project's `Db` type, and the PostgreSQL client is used through it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './database-url.js';
import { PrismaClient as PgPrismaClient } from './generated/postgresql/client.js';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client.js';
import { serialiseQueries } from './sqlite-serialised.js';

export type Db = SqlitePrismaClient;
/** A Prisma interactive transaction client. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface Database {
  prisma: Db;
  target: DatabaseTarget;
  /** Counts SQL statements sent, for benchmarks: reset it, run, read it. */
  queries: { count: number };
  close(): Promise<void>;
}

/** Opens a client. Migrations are applied separately (see migrate.ts), before this is used. */
export function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): Database {
  const queries = { count: 0 };
  const log = [{ emit: 'event' as const, level: 'query' as const }];
  let prisma: Db;
  if (target.provider === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    // A generous busy timeout: several processes may share the file (tests that kill replicas).
    const adapter = serialiseQueries(
      new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: 10_000 }),
    );
    prisma = new SqlitePrismaClient({ adapter, log });
  } else {
    const adapter = new PrismaPg({ connectionString: target.url, max: options.poolSize ?? 10 });
    prisma = new PgPrismaClient({ adapter, log }) as unknown as Db;
  }
  (prisma as unknown as { $on(e: 'query', cb: () => void): void }).$on('query', () => {
    queries.count += 1;
  });
  return { prisma, target, queries, close: () => prisma.$disconnect() };
}
