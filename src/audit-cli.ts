/**
 * `npm run audit -- --programme <id> --from dd/mm/yyyy --to dd/mm/yyyy --out audit.csv`: writes
 * a programme's audit trail between two days (both included) as CSV, from the database
 * DATABASE_URL names (as the app reads it). Needs no Slack credentials and posts nothing.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/index.js';
import { openDatabase } from './db/client.js';
import { type Day, makeDay } from './domain/dates.js';
import { isAppError } from './domain/errors.js';
import { exportAudit } from './services/evidence/export-audit.js';

if (existsSync('.env')) process.loadEnvFile('.env');

const USAGE = 'Usage: npm run audit -- --programme <id> --from dd/mm/yyyy --to dd/mm/yyyy --out audit.csv';

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

function ukDay(option: string, value: string | undefined): Day {
  if (!value) fail(`Give --${option} as a UK date, such as 01/04/2026.`);
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const day = match ? makeDay(Number(match[3]), Number(match[2]), Number(match[1])) : null;
  if (!day) fail(`--${option} “${value}” is not a date like 01/04/2026 (day, month, year).`);
  return day;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      programme: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const programme = Number(values.programme);
  if (!values.programme || !Number.isInteger(programme)) fail('Say which programme with --programme <id>.');
  if (!values.out) fail('Say where to write the CSV with --out, such as --out audit.csv.');
  return { programme, from: ukDay('from', values.from), to: ukDay('to', values.to), out: values.out };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions();
  } catch (error) {
    fail((error as Error).message);
  }
  const database = await openDatabase(loadConfig().database);
  try {
    const { csv, rows } = await exportAudit(
      { programmeId: options.programme, from: options.from, to: options.to },
      { db: database.prisma },
    );
    writeFileSync(options.out, csv);
    console.log(`Wrote ${rows} audit row${rows === 1 ? '' : 's'} to ${options.out}.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || isAppError(error)) fail(error.message, 1);
  console.error(error);
  process.exit(1);
});
