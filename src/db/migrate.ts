/**
 * Applies the committed migrations (prisma/migrations/<provider>/) from the application itself,
 * so the same path works on SQLite and PostgreSQL with no Prisma CLI at run time. Each is
 * recorded in `_prisma_migrations` exactly as Prisma records it, so `prisma migrate status` on a
 * connected machine agrees. Replicas starting together are serialised by a lock: PostgreSQL's
 * advisory lock (Prisma's own key) or SQLite's write lock.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { projectPath } from '../project-files.js';
import type { DatabaseTarget } from './database-url.js';

const MIGRATIONS_ROOT = projectPath('prisma/migrations');
/** The advisory lock key Prisma Migrate uses, so our runner and Prisma's exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed migrations for a provider, oldest first. */
export function listMigrations(provider: DatabaseTarget['provider']): Migration[] {
  const dir = join(MIGRATIONS_ROOT, provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrationResult {
  applied: string[];
}

/** Applies every migration not yet recorded; returns the names it applied. */
export async function migrate(target: DatabaseTarget): Promise<MigrationResult> {
  const migrations = listMigrations(target.provider);
  // Only the configured provider's driver is loaded.
  return target.provider === 'sqlite'
    ? migrateSqlite(target.file, migrations, (await import('better-sqlite3')).default)
    : migratePostgres(target.url, migrations);
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

function migrateSqlite(file: string, migrations: Migration[], Driver: typeof Sqlite): MigrationResult {
  // A fresh clone has no data/ folder (it is git-ignored); the first `npm start` must not fail on it.
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Driver(file, { timeout: 30_000 });
  try {
    db.pragma('journal_mode = WAL');
    // As on the app's connection (client.ts): a migration that rebuilds a table leaves no old rows in free pages.
    db.pragma('secure_delete = ON');
    // Off while migrating, as SQLite's table-rebuild procedure requires: a migration that
    // redefines a table drops the old one, and with foreign keys on that DROP would first delete
    // its rows and cascade the delete into every child table. (The pragma is a no-op inside a
    // transaction, so it is set here; the app's own connections keep foreign keys on.)
    db.pragma('foreign_keys = OFF');
    db.exec(SQLITE_TABLE);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock up front: a second process waits, then finds nothing to do.
    db.transaction(() => {
      const done = recorded(
        db
          .prepare(
            'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
          )
          .all() as Row[],
        migrations,
      );
      for (const m of migrations.filter((m) => !done.has(m.name))) {
        const now = new Date().toISOString();
        db.exec(m.sql);
        db.prepare(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
        ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, now);
        applied.push(m.name);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length)
        throw new Error(`Migrations left ${broken.length} rows whose foreign keys point nowhere`);
    }).immediate();
    return { applied };
  } finally {
    db.close();
  }
}

const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrationResult> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(PG_TABLE);
    const rows = await client.query<Row>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
    );
    const done = recorded(rows.rows, migrations);
    const applied: string[] = [];
    for (const m of migrations.filter((m) => !done.has(m.name))) {
      await client.query('BEGIN');
      try {
        const started = new Date();
        await client.query(m.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)',
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}

type Row = { migration_name: string; checksum: string };

/** Names already applied; a committed migration edited after it was applied is refused. */
function recorded(rows: Row[], migrations: Migration[]): Set<string> {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of rows) {
    const m = byName.get(row.migration_name);
    if (m && m.checksum !== row.checksum) {
      throw new Error(
        `Migration ${row.migration_name} was changed after it was applied: restore the committed file, or write a new migration with npm run db:migration -- <name>.`,
      );
    }
  }
  return new Set(rows.map((r) => r.migration_name));
}
