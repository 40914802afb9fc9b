/** `npm run pack`: the real script, in its own process, writing the pack's files into a folder. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { seedDemo } from '../../src/seed/demo.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { databaseUrl } from '../support/digest-child-runner.js';
import { TEAM } from '../support/factories.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let t: TestDatabase;
let programmeId: number;
beforeEach(async () => {
  // The script reads the machine's clock, so the plan is seeded relative to it.
  t = await testDatabase({ now: systemClock.now() });
  programmeId = (await seedDemo(t.deps.db, { workspaceId: TEAM, now: systemClock.now() })).programmeId;
});
afterEach(async () => {
  await t.close();
});

function packCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // The script reads the machine's clock: under faketime (CI runs the suite at other dates) it
  // must read the same faked clock as this process, which seeded the plan by it.
  const faked = Object.entries(process.env).filter(([key]) => /^(LD_PRELOAD|FAKETIME|DONT_FAKE)/.test(key));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: databaseUrl(t.target),
    ...Object.fromEntries(faked),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/pack-cli.ts'), ...args], {
    cwd: ROOT,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

it('writes the PDF, Word file, workbook and CSVs, and stores the pack', async () => {
  const out = mkdtempSync(join(tmpdir(), 'pack-cli-'));
  const run = await packCli(['--programme', String(programmeId), '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Board pack \d+ for \w+day \d+ \w+ \d{4} written to /);
  expect(readdirSync(out).sort()).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^board-pack-.*\.pdf$/),
      expect.stringMatching(/^board-pack-.*\.docx$/),
    ]),
  );
  const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
  expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  const stored = await t.deps.db.boardPack.findMany();
  expect(stored).toHaveLength(1);
  expect(stored[0]!.producedBy).toBe('system');
  expect(await t.deps.db.auditLog.count({ where: { action: 'board_pack.produce', actor: 'system' } })).toBe(
    1,
  );
}, 120_000);

it('refuses a date it cannot read and a programme that does not exist, writing nothing', async () => {
  const out = mkdtempSync(join(tmpdir(), 'pack-cli-'));
  const bad = await packCli(['--programme', String(programmeId), '--date', '31/02/2027', '--out', out]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--date:');
  const missing = await packCli(['--programme', '999', '--out', out]);
  expect(missing.stderr).toContain('There is no programme 999.');
  expect(readdirSync(out)).toEqual([]);
  expect(await t.deps.db.boardPack.count()).toBe(0);
}, 120_000);
