/**
 * A real, empty, migrated database for one test file: a SQLite file in a temp folder, or, when
 * TEST_DATABASE_URL names a PostgreSQL server, a fresh database created on it and dropped after.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.js';
import type { DatabaseTarget } from '../../src/db/database-url.js';
import { listMigrations, migrate } from '../../src/db/migrate.js';
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

/**
 * A new database target: empty (not yet migrated), or with `migrated`, already migrated. A
 * migrated one is copied from a template migrated once: a template database on PostgreSQL
 * (postgresTemplate), a file on SQLite (sqliteTemplate). Migrating each test's database took
 * about 0.4 s on PostgreSQL, most of its suite's time, and 40 ms on SQLite, as most files start
 * a fresh database for every test.
 */
export async function createTarget(
  options: { migrated?: boolean } = {},
): Promise<{ target: DatabaseTarget; drop(): Promise<void>; migrated: boolean }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl && onPostgres()) {
    const name = `improvement_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const template = options.migrated ? await postgresTemplate(admin, serverUrl) : undefined;
      await createDatabase(admin, name, template);
    } finally {
      await admin.end();
    }
    return {
      target: { provider: 'postgresql', url: databaseUrl(serverUrl, name) },
      migrated: options.migrated === true,
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'improvement-test-'));
  const file = join(dir, 'test.db');
  if (options.migrated) copyFileSync(await sqliteTemplate(), file);
  return {
    target: { provider: 'sqlite', file },
    migrated: options.migrated === true,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const databaseUrl = (serverUrl: string, name: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * The migrated template test databases are copied from, built once per set of migrations (named
 * by their checksums, so a new or changed migration builds a new one) and kept for later runs.
 * Built under a name of its own and renamed when complete, under an advisory lock, so test
 * processes starting together build it once and never copy a half-migrated one.
 */
async function postgresTemplate(admin: pg.Client, serverUrl: string): Promise<string> {
  const name = `improvement_template_${migrationsDigest('postgresql')}`;
  if (templatesReady.has(name)) return name;
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await createDatabase(admin, building);
      await migrate({ provider: 'postgresql', url: databaseUrl(serverUrl, building) });
      await retryWhileInUse(() => admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`));
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
  templatesReady.add(name);
  return name;
}

const templatesReady = new Set<string>();

/** The migrations' names and checksums, as a short name: a new or changed migration gets a new template. */
function migrationsDigest(provider: DatabaseTarget['provider']): string {
  let found = digests.get(provider);
  if (found === undefined) {
    const digest = createHash('sha256');
    for (const m of listMigrations(provider)) digest.update(`${m.name}:${m.checksum}\n`);
    found = digest.digest('hex').slice(0, 16);
    digests.set(provider, found);
  }
  return found;
}

const digests = new Map<DatabaseTarget['provider'], string>();

/**
 * The migrated SQLite file test databases are copied from, kept in the temp folder for later
 * runs. Migrated under a name of its own and renamed into place when complete (rename is atomic),
 * so test processes starting together never copy a half-migrated one; closing the migration's
 * connection folds its write-ahead log into the file, so the file alone is the whole database.
 */
async function sqliteTemplate(): Promise<string> {
  const file = join(tmpdir(), `improvement-template-${migrationsDigest('sqlite')}.db`);
  if (templatesReady.has(file) || existsSync(file)) return file;
  const dir = mkdtempSync(join(tmpdir(), 'improvement-template-'));
  try {
    const building = join(dir, 'template.db');
    await migrate({ provider: 'sqlite', file: building });
    renameSync(building, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  templatesReady.add(file);
  return file;
}
/** Not Prisma's migration lock (72707369): building the template takes that one inside this one. */
const TEMPLATE_LOCK = 72707370;

/** CREATE DATABASE, copying `template` if given (retried while the template's last session closes). */
async function createDatabase(admin: pg.Client, name: string, template?: string): Promise<void> {
  await retryWhileInUse(() =>
    admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`),
  );
}

/** PostgreSQL refuses to copy or rename a database another session is still leaving (55006). */
async function retryWhileInUse(run: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Creates, migrates and opens a database; `close()` removes it. */
export async function testDatabase(
  options: { now?: Date; adminUserIds?: string[] } = {},
): Promise<TestDatabase> {
  const { target, drop, migrated } = await createTarget({ migrated: true });
  if (!migrated) await migrate(target);
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
