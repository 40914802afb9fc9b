/**
 * `npm run pack -- --programme <id> [--date 31/03/2027] --out <dir>`: produces a programme's
 * board pack from the database DATABASE_URL names and writes its files (PDF, Word, Excel, CSV)
 * into a folder, for a programme officer assembling committee papers on the server. Like
 * `/improve pack`, it stores the pack's snapshot, so the next pack shows movement since it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseProgramme } from './choose-programme.js';
import { ConfigError, loadConfig } from './config/index.js';
import { openDatabase } from './db/client.js';
import { systemClock } from './domain/clock.js';
import { formatLongDate, todayIn } from './domain/dates.js';
import { isAppError } from './domain/errors.js';
import { parseDate } from './domain/parse-date.js';
import { createLogger } from './logger.js';
import { checkBoardDate, writeBoardPack } from './services/board-pack/produce-board-pack.js';

if (existsSync('.env')) process.loadEnvFile('.env');

const USAGE = 'Usage: npm run pack -- --programme <id> [--date 31/03/2027] --out <folder>';

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

function readOptions() {
  const { values } = parseArgs({
    options: { programme: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  if (!values.out) fail('Say which folder to write the files into with --out <folder>.');
  return { programme: values.programme, date: values.date, out: values.out };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions();
  } catch (error) {
    fail((error as Error).message);
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const db = database.prisma;
    const chosen = await chooseProgramme(db, options.programme);
    if ('problem' in chosen) fail(chosen.problem);
    const { programme } = chosen;
    const deps = { db, sql: database.sql, clock: systemClock, logger: createLogger('warn') };
    let boardDate: string | undefined;
    if (options.date) {
      const parsed = parseDate(options.date, todayIn(systemClock.now(), programme.timezone));
      if (!parsed.ok) fail(`--date: ${parsed.message}`);
      boardDate = parsed.day;
    }
    const day = await checkBoardDate(deps, programme, boardDate);
    const pack = await writeBoardPack(deps, {
      programme,
      boardDate: day,
      actorId: 'system',
      producedBy: 'the programme office (npm run pack)',
    });
    mkdirSync(options.out, { recursive: true });
    for (const file of pack.files) writeFileSync(join(options.out, file.filename), file.bytes);
    console.log(
      `Board pack ${pack.id} for ${formatLongDate(day)} written to ${options.out}:\n${pack.files.map((f) => `  ${f.filename}`).join('\n')}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || isAppError(error)) fail(error.message, 1);
  console.error(error);
  process.exit(1);
});
