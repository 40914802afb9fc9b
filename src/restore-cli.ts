/**
 * `npm run restore -- --from <file>`: puts a backup taken with `npm run backup` in place of the
 * embedded SQLite database, keeping the current one as `<db>.before-restore-<timestamp>`. Stop
 * the bot first; the next start applies any newer migrations.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from './config/index.js';
import { systemClock } from './domain/clock.js';

if (existsSync('.env')) process.loadEnvFile('.env');

const USAGE = 'Usage: npm run restore -- --from <file>';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Whether the file is an intact SQLite database holding this app's migration record. */
function checkBackup(file: string): string | null {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return `${file} is not a SQLite database.`;
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return `${file} failed its integrity check: ${String(check)}`;
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return `${file} is not an improvement-bot database (it has no _prisma_migrations table).`;
    return null;
  } catch {
    return `${file} is not a SQLite database.`;
  } finally {
    db.close();
  }
}

/** A cheap sign the bot has the database open: a lock another process holds. */
function inUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    // Exclusive locking mode needs the file's own lock, which every open WAL connection shares.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; ROLLBACK;');
    return false;
  } catch {
    return true;
  } finally {
    db.close();
  }
}

function main(): void {
  let from: string | undefined;
  try {
    from = parseArgs({ options: { from: { type: 'string' } }, strict: true }).values.from;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const config = loadConfig();
  if (config.database.provider !== 'sqlite')
    fail("DATABASE_URL is PostgreSQL: restore it with pg_restore, as the README's Backups section says.");
  if (!from) fail(`Say which backup to restore with --from <file>.\n${USAGE}`);
  if (!existsSync(from)) fail(`There is no file ${from}.`);
  const problem = checkBackup(from);
  if (problem) fail(problem);
  const target = config.database.file;
  if (inUse(target)) fail(`${target} is in use: stop the bot first, then run the restore again.`);
  let kept = '';
  if (existsSync(target)) {
    const stamp = systemClock.now().toISOString().replace(/[:.]/g, '-');
    kept = `${target}.before-restore-${stamp}`;
    // Fold any WAL into the file so the kept copy is whole.
    const db = new Database(target, { fileMustExist: true });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    renameSync(target, kept);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(from, target);
  console.log(
    `Restored ${from} to ${target}${kept ? `; the previous database is kept as ${kept}` : ''}. Start the bot: it applies any newer migrations.`,
  );
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  fail(`Restore failed: ${(error as Error).message}`);
}
