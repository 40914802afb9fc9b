/**
 * `npm start` as a real process: two replicas starting together migrate once and both come up;
 * SIGTERM stops cleanly; bad configuration fails with one clear line per problem and writes
 * nothing.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createTarget } from '../support/database.js';
import { type AppProcess, spawnApp } from '../support/processes.js';

const running: AppProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
});

const SLACK = {
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'startup-test-secret',
  SCHEDULER_ENABLED: 'false',
  PORT: '0',
};
const databaseUrl = (target: Awaited<ReturnType<typeof createTarget>>['target']) =>
  target.provider === 'sqlite' ? `file:${target.file}` : target.url;

describe('npm start', () => {
  it('two replicas starting at the same moment migrate once, both come up, and stop cleanly on SIGTERM', async () => {
    const { target, drop } = await createTarget();
    try {
      const env = { ...SLACK, DATABASE_URL: databaseUrl(target) };
      // What `npm start` runs: the compiled app (dist/main.js), built first if it is stale.
      const replicas = [spawnApp(env, 'scripts/start.mjs'), spawnApp(env, 'scripts/start.mjs')];
      running.push(...replicas);
      const lines = await Promise.all(replicas.map((r) => r.waitFor(/improvement-bot is running/)));
      for (const line of lines) {
        const { port } = JSON.parse(line) as { port: number };
        const health = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
      }
      const applied = replicas.map((r) => /"applied":\[([^\]]*)\]/.exec(r.output())![1]);
      expect(applied.filter((a) => a !== '')).toHaveLength(1);
      const database = await openDatabase(target);
      const rows = await database.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM "_prisma_migrations"',
      );
      await database.close();
      expect(new Set(rows.map((r) => r.migration_name)).size).toBe(rows.length);
      expect((await migrate(target)).applied).toEqual([]);
      for (const r of replicas) r.child.kill('SIGTERM');
      expect(await Promise.all(replicas.map((r) => r.exited))).toEqual([0, 0]);
      expect(replicas.every((r) => r.output().includes('stopped cleanly'))).toBe(true);
    } finally {
      await drop();
    }
  });

  it('refuses bad configuration with one line per problem and creates no database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-config-'));
    const file = join(dir, 'never.db');
    const app = spawnApp({
      ...SLACK,
      DATABASE_URL: `file:${file}`,
      DEFAULT_TIMEZONE: 'Mars/Olympus_Mons',
      DEFAULT_DIGEST_TIME: '25:00',
      SCHEDULER_CRON: 'every minute please',
      PORT: 'eighty',
    });
    expect(await app.exited).toBe(1);
    const problems = app
      .output()
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(problems).toHaveLength(4);
    expect(app.output()).toMatch(/DEFAULT_TIMEZONE must be an IANA timezone like Europe\/London/);
    expect(app.output()).toMatch(/DEFAULT_DIGEST_TIME must be a time of day like 09:00/);
    expect(app.output()).toMatch(/SCHEDULER_CRON must be a cron expression/);
    expect(app.output()).toMatch(/PORT/);
    expect(app.output()).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(file)).toBe(false);
  });

  it('names a malformed DATABASE_URL and a half-configured Slack app', async () => {
    const app = spawnApp({
      SLACK_BOT_TOKEN: 'xoxb-only',
      DATABASE_URL: 'mysql://root@localhost/x',
      PORT: '0',
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain(
      'DATABASE_URL must be file:./data/improvement.db (SQLite) or postgresql://user@host:5432/name (PostgreSQL)',
    );
    expect(app.output()).toContain(
      'SLACK_SIGNING_SECRET is missing (verifies that requests come from Slack).',
    );
  });
});
