/**
 * `npm run backup -- --out <file>`: a consistent copy of the embedded SQLite database taken with
 * SQLite's online backup while the bot runs and writes, checked with `PRAGMA integrity_check`.
 * PostgreSQL is backed up with pg_dump instead (README, Backups).
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from './config/index.js';

if (existsSync('.env')) process.loadEnvFile('.env');

const USAGE = 'Usage: npm run backup -- --out <file>';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let out: string | undefined;
  try {
    out = parseArgs({ options: { out: { type: 'string' } }, strict: true }).values.out;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const config = loadConfig();
  if (config.database.provider !== 'sqlite')
    fail("DATABASE_URL is PostgreSQL: back it up with pg_dump, as the README's Backups section says.");
  if (!out) fail(`Say which file to write the backup to with --out <file>.\n${USAGE}`);
  if (existsSync(out)) fail(`${out} already exists: choose a new file name (a backup never overwrites).`);
  if (!existsSync(config.database.file)) fail(`There is no database at ${config.database.file}.`);
  const source = new Database(config.database.file, { fileMustExist: true });
  try {
    await source.backup(out);
  } finally {
    source.close();
  }
  const copy = new Database(out, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') fail(`The copy at ${out} failed its integrity check: ${String(check)}`);
  const kb = Math.ceil(statSync(out).size / 1024);
  console.log(`Backed up ${config.database.file} to ${out} (${kb} KB, integrity check ok).`);
}

main().catch((error) => {
  if (error instanceof ConfigError) fail(error.message);
  fail(`Backup failed: ${(error as Error).message}`);
});
