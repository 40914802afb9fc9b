/** `npm run backup` while the database is being written, then `npm run restore` into a fresh folder and start the bot there. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../src/services/audit.js';
import { onPostgres, type TestDatabase, testDatabase } from '../support/database.js';
import { type AppProcess, ROOT, spawnApp } from '../support/processes.js';

const SLACK = {
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'backup-test-secret',
  SCHEDULER_ENABLED: 'false',
  PORT: '0',
};

function cli(script: string, args: string[], databaseUrl: string) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: databaseUrl };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}
const backup = (args: string[], url: string) => cli('src/backup-cli.ts', args, url);
const restore = (args: string[], url: string) => cli('src/restore-cli.ts', args, url);

let t: TestDatabase | undefined;
const running: AppProcess[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
  await t?.close();
  t = undefined;
});

describe.skipIf(onPostgres())('npm run backup and npm run restore (SQLite; PostgreSQL uses pg_dump)', () => {
  it('backs up while rows are being written, and the restored copy starts and holds them', async () => {
    t = await testDatabase();
    if (t.target.provider !== 'sqlite') throw new Error('SQLite only');
    const url = `file:${t.target.file}`;
    const db = t.deps.db;
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        written += 1;
        await audit(db, {
          workspaceId: 'T1',
          actor: 'U1',
          action: 'backup.test',
          entity: 'row',
          entityId: written,
          at: t!.clock.now(),
        });
      }
    })();
    while (written < 50) await new Promise((r) => setTimeout(r, 10));
    const out = join(mkdtempSync(join(tmpdir(), 'backup-')), 'copy.db');
    const run = await backup(['--out', out], url);
    const writtenAtEnd = written;
    writing = false;
    await writer;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Backed up .* to .*copy\.db \(\d+ KB, integrity check ok\)\./);
    expect(writtenAtEnd).toBeGreaterThan(50);

    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = (
      copy.prepare("SELECT entityId FROM AuditLog WHERE action = 'backup.test'").all() as {
        entityId: string;
      }[]
    )
      .map((r) => Number(r.entityId))
      .sort((a, b) => a - b);
    copy.close();
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1)); // a prefix, no gaps

    // Never overwrites; names what is missing.
    const again = await backup(['--out', out], url);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      `${out} already exists: choose a new file name (a backup never overwrites).`,
    );
    expect((await backup([], url)).stderr).toMatch(
      /^Say which file to write the backup to with --out <file>\./,
    );
    const pg = await backup(['--out', `${out}.2`], 'postgresql://postgres@127.0.0.1:5432/improvement');
    expect(pg.code).toBe(1);
    expect(pg.stderr.trim()).toBe(
      "DATABASE_URL is PostgreSQL: back it up with pg_dump, as the README's Backups section says.",
    );
    expect(existsSync(`${out}.2`)).toBe(false);

    // Restore into a fresh folder, which already has a database to keep.
    const dir = mkdtempSync(join(tmpdir(), 'restore-'));
    const target = join(dir, 'improvement.db');
    writeFileSync(target, '');
    new Database(target).exec('CREATE TABLE old (x INTEGER)');
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'not a database at all, just some text to make it long enough');
    const bad = await restore(['--from', notDb], `file:${target}`);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(`${notDb} is not a SQLite database.`);
    const noMigrations = await restore(['--from', target], `file:${join(dir, 'other.db')}`);
    expect(noMigrations.stderr.trim()).toMatch(/has no _prisma_migrations table/);

    const done = await restore(['--from', out], `file:${target}`);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/previous database is kept as .*improvement\.db\.before-restore-/);
    expect(readdirSync(dir).some((f) => f.startsWith('improvement.db.before-restore-'))).toBe(true);
    expect(statSync(target).size).toBe(statSync(out).size);

    const app = spawnApp({ ...SLACK, DATABASE_URL: `file:${target}` });
    running.push(app);
    const { port } = JSON.parse(await app.waitFor(/improvement-bot is running/)) as { port: number };
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

    // While the bot has it open, restore refuses.
    const busy = await restore(['--from', out], `file:${target}`);
    expect(busy.code).toBe(1);
    expect(busy.stderr.trim()).toBe(`${target} is in use: stop the bot first, then run the restore again.`);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const restored = new Database(target, { readonly: true });
    const count = restored
      .prepare("SELECT COUNT(*) AS n FROM AuditLog WHERE action = 'backup.test'")
      .get() as {
      n: number;
    };
    restored.close();
    expect(count.n).toBe(ids.length);
  }, 120_000);
});
