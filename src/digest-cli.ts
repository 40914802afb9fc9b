/**
 * `npm run digest -- --programme <id> --dry-run [--at 2026-11-23T09:00:00Z]`: prints a
 * programme's weekly digest as readable text, from the database DATABASE_URL names (as the app
 * reads it). Needs no Slack credentials and posts nothing.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chooseProgramme } from './choose-programme.js';
import { ConfigError, loadConfig } from './config/index.js';
import { openDatabase } from './db/client.js';
import { toPlainText } from './digest/plain-text.js';
import { renderDigest } from './digest/render-digest.js';
import { AdjustableClock, type Clock, systemClock } from './domain/clock.js';
import { isAppError } from './domain/errors.js';
import { buildDigest } from './services/build-digest.js';

// As the app does: a local .env is read when present; variables already set win.
if (existsSync('.env')) process.loadEnvFile('.env');

const USAGE = 'Usage: npm run digest -- --programme <id> --dry-run [--at <ISO date-time>]';

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      programme: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      at: { type: 'string' },
    },
    strict: true,
  });
  if (!values['dry-run']) {
    fail(
      'Only --dry-run is supported here: the digest is posted by the schedule, or by an admin with `/improve digest send`.',
    );
  }
  const at = values.at ? new Date(values.at) : undefined;
  if (at && Number.isNaN(at.getTime()))
    fail(`--at “${values.at}” is not a date and time like 2026-11-23T09:00:00Z.`);
  return { programme: values.programme, at };
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
    const clock: Clock = options.at ? new AdjustableClock(options.at) : systemClock;
    const digest = await buildDigest(
      { workspaceId: programme.workspaceId, programmeId: programme.id },
      { db, clock },
    );
    const people = await db.person.findMany({
      where: { workspaceId: programme.workspaceId },
      select: { platformUserId: true, displayName: true },
    });
    const names = new Map(people.filter((p) => p.displayName).map((p) => [p.platformUserId, p.displayName]));
    process.stdout.write(toPlainText(renderDigest(digest), names));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || isAppError(error)) fail(error.message, 1);
  console.error(error);
  process.exit(1);
});
