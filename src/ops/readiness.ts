/**
 * What /readyz checks: the database answers, every committed migration is recorded as applied,
 * and the scheduler is running (or switched off on purpose with SCHEDULER_ENABLED=false). A
 * replica that is not ready gets no traffic but is not restarted; /livez only says the process
 * is up, so a database blip never restarts every pod at once.
 */
import { existsSync } from 'node:fs';
import type { Health } from '../chat/slack/app.js';
import type { Db } from '../db/client.js';
import type { DatabaseTarget } from '../db/database-url.js';
import { listMigrations } from '../db/migrate.js';

/** A check that takes longer than this counts as a failure (a hung database is not ready). */
const CHECK_TIMEOUT_MS = 5_000;

export interface ReadinessInputs {
  db: Db;
  target: DatabaseTarget;
  /** Undefined when SCHEDULER_ENABLED=false: then the scheduler is reported `disabled`, not down. */
  scheduler?: { running(): boolean };
  schedulerEnabled: boolean;
}

/** Runs every check; ready only when all pass. The answer names each check's state. */
export async function checkReadiness(inputs: ReadinessInputs): Promise<Health> {
  const detail: Record<string, string> = {};
  const database = await withTimeout(databaseState(inputs), CHECK_TIMEOUT_MS);
  detail.database = database.ok ? 'ok' : database.problem;
  const migrations = database.ok
    ? await withTimeout(migrationState(inputs), CHECK_TIMEOUT_MS)
    : { ok: false as const, problem: 'not checked: database unreachable' };
  detail.migrations = migrations.ok ? 'ok' : migrations.problem;
  const scheduler = !inputs.schedulerEnabled
    ? { ok: true, state: 'disabled' }
    : inputs.scheduler?.running()
      ? { ok: true, state: 'running' }
      : { ok: false, state: 'not running' };
  detail.scheduler = scheduler.state;
  return { ok: database.ok && migrations.ok && scheduler.ok, detail };
}

type State = { ok: true } | { ok: false; problem: string };

async function databaseState({ db, target }: ReadinessInputs): Promise<State> {
  // An open SQLite connection keeps reading a file whose volume has gone; the next one would not.
  if (target.provider === 'sqlite' && target.file !== ':memory:' && !existsSync(target.file))
    return { ok: false, problem: 'unreachable: the database file is missing' };
  try {
    await db.$queryRawUnsafe('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: `unreachable: ${briefly(error)}` };
  }
}

async function migrationState({ db, target }: ReadinessInputs): Promise<State> {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = listMigrations(target.provider).filter((m) => !applied.has(m.name));
    return missing.length === 0
      ? { ok: true }
      : { ok: false, problem: `${missing.length} not applied (first: ${missing[0]!.name})` };
  } catch (error) {
    return { ok: false, problem: `cannot be read: ${briefly(error)}` };
  }
}

async function withTimeout(check: Promise<State>, ms: number): Promise<State> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<State>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, problem: `no answer within ${ms / 1000} s` }), ms);
  });
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

const briefly = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).trim().split('\n').at(-1)!.slice(0, 200);
