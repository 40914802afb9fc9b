/**
 * A real, empty, migrated database for one test file: a SQLite file in a temp folder, or, when
 * TEST_DATABASE_URL names a PostgreSQL server, a fresh database created on it and dropped after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';
import type { DatabaseTarget } from '../../src/db/database-url.js';
import { migrate } from '../../src/db/migrate.js';
import { AdjustableClock } from '../../src/domain/clock.js';
import { silentLogger } from '../../src/logger.js';
import type { Deps } from '../../src/services/deps.js';

export interface TestDatabase {
  target: DatabaseTarget;
  database: Database;
  deps: Deps;
  clock: AdjustableClock;
  close(): Promise<void>;
}

export const onPostgres = (): boolean => /^postgres(ql)?:/.test(process.env.TEST_DATABASE_URL ?? '');

/** A new empty database target (not yet migrated). */
export async function createTarget(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl && onPostgres()) {
    const name = `improvement_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      target: { provider: 'postgresql', url: url.toString() },
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'improvement-test-'));
  return {
    target: { provider: 'sqlite', file: join(dir, 'test.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Creates, migrates and opens a database; `close()` removes it. */
export async function testDatabase(
  options: { now?: Date; adminUserIds?: string[] } = {},
): Promise<TestDatabase> {
  const { target, drop } = await createTarget();
  await migrate(target);
  const database = await openDatabase(target, { poolSize: 4 });
  const clock = new AdjustableClock(options.now ?? new Date('2026-11-23T10:00:00Z'));
  const deps: Deps = {
    db: database.prisma,
    sql: database.sql,
    clock,
    logger: silentLogger,
    adminUserIds: options.adminUserIds ?? [],
    defaults: { timezone: 'Europe/London', digestTime: '09:00', reminderTime: '09:30' },
  };
  return {
    target,
    database,
    deps,
    clock,
    async close() {
      await database.close();
      await drop();
    },
  };
}
