/** `npm run digest -- --programme <id> --dry-run`: the real script, in its own process, with no Slack credentials. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { databaseUrl } from '../support/digest-child-runner.js';
import { TEAM } from '../support/factories.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NOW = new Date('2026-11-23T09:00:00Z');

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase({ now: NOW });
});
afterEach(async () => {
  await t.close();
});

function digestCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Only what the CLI needs: no Slack credentials at all.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl(t.target) };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/digest-cli.ts'), ...args], {
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

it('prints the digest as readable text: the demo programme’s, exactly as its snapshot', async () => {
  const { programmeId } = await seedDemo(t.deps.db, { workspaceId: TEAM, now: NOW });
  const out = await digestCli(['--programme', String(programmeId), '--dry-run', '--at', NOW.toISOString()]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  expect(out.stdout.startsWith('Weekly digest: week of Monday 23 November 2026\n')).toBe(true);
  expect(out.stdout).toContain('[R] WS2 Improve Our Practice: Red ↓ from Amber · updated 21 Nov');
  // The headline first, then the detail as the thread's reply; silence is now 14 days by default.
  expect(out.stdout).toContain('Red (4):\n• [R] WS2 Improve Our Practice: 2 overdue actions');
  expect(out.stdout).toContain('>>> Reply 1 in the thread');
  expect(out.stdout).toContain('Every workstream has posted an update in the last 14 days.');
  expect(out.stdout).not.toMatch(/<@|:red_circle:|\*[A-Z]/);
  expect(out.stdout).toBe(readFileSync(join(ROOT, 'test/integration/__snapshots__/digest-demo.txt'), 'utf8'));
});

it('explains what is wrong: no --dry-run, or no such programme', async () => {
  await seedDemo(t.deps.db, { workspaceId: TEAM, now: NOW });
  const noDryRun = await digestCli(['--programme', '1']);
  expect(noDryRun.code).toBe(2);
  expect(noDryRun.stderr).toContain('Only --dry-run is supported here');
  expect(noDryRun.stderr).toContain('Usage: npm run digest -- --programme <id> --dry-run');
  const unknown = await digestCli(['--programme', '999', '--dry-run']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain(
    "There is no programme 999. The programmes are:\n  1: Children's Services Improvement Plan (demo) (workspace T0TEAMA)",
  );
});
