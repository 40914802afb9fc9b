/**
 * /improve history through the real Bolt app, and `npm run audit` (the real script, in its own
 * process, with no Slack credentials) writing the audit trail as CSV.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/services/evidence/export-audit.js';
import { databaseUrl } from '../support/digest-child-runner.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

/** Runs `npm run audit -- …` as its own process; returns its output and the CSV it wrote. */
function auditCli(
  url: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/audit-cli.ts'), ...args], {
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

describe('/improve history', () => {
  it('shows who changed a workstream, its updates and its actions, newest first, to the user only', async () => {
    await e.command('update WS1 amber Recruitment behind plan', U.lead);
    e.t.clock.set(new Date('2026-11-24T11:30:00Z'));
    await e.command(`action add WS1 <@${U.owner}|owner> 30/11/2026 Exit interviews`, U.lead);
    e.t.clock.set(new Date('2026-11-25T09:15:00Z'));
    await e.command('action done A-1 Held with all four leavers', U.owner);
    await e.command('update WS2 green Audit done', U.otherLead);
    const before = await countRows(e.t.deps.db);
    const out = await e.command('history WS1', U.member);
    expect(out.posts).toEqual([]);
    expect(out.replies[0]!.body.response_type).toBe('ephemeral');
    expect(out.reply.split('\n')).toEqual([
      '*History of WS1 Support and Develop Our Workforce* (5, newest first)',
      `• 25/11/2026 09:15 · <@${U.owner}> · A-1 marked done: Held with all four leavers`,
      `• 24/11/2026 11:30 · <@${U.lead}> · action A-1 added, due 30/11/2026: Exit interviews`,
      `• 23/11/2026 10:00 · <@${U.lead}> · update posted: Recruitment behind plan`,
      `• 23/11/2026 10:00 · <@${U.lead}> · RAG changed to Amber: Recruitment behind plan`,
      `• 23/11/2026 10:00 · <@${U.admin}> · workstream WS1 added: Support and Develop Our Workforce`,
    ]);
    expect(await countRows(e.t.deps.db)).toEqual(before);
    const action = await e.command('history a1', U.member);
    expect(action.reply).toContain('*History of A-1 Exit interviews* (2, newest first)');
  });

  it('caps the list with “and N more”, and finds a KPI by name', async () => {
    await e.command('kpi add "Caseload average" cases lower target 30 by 31/12/2026', U.admin);
    for (let day = 1; day <= 17; day++)
      await e.command(`kpi record caseload ${30 + day} for ${String(day).padStart(2, '0')}/10/2026`, U.lead);
    const out = await e.command('history kpi caseload', U.member);
    const lines = out.reply.split('\n');
    expect(lines[0]).toBe('*History of KPI Caseload average* (18, newest first)');
    expect(lines[1]).toContain(`<@${U.lead}> · reading 47 for 17/10/2026`);
    expect(lines).toHaveLength(17);
    expect(lines.at(-1)).toContain('…and 3 more.');
  });

  it('refuses what names nothing, politely, returning the text', async () => {
    const out = await e.command('history nothing-here', U.member);
    expect(out.reply).toContain('There is no workstream, action or KPI called “nothing-here”');
    expect(out.reply).toContain('Your text, so nothing is lost');
    expect((await e.command('history A-9', U.member)).reply).toContain('There is no action A-9');
    expect((await e.command('history', U.member)).reply).toContain('Please give a workstream (WS1)');
  });
});

describe('npm run audit', () => {
  it('writes the trail between two UK dates as CSV, both days included', async () => {
    await e.command('update WS1 amber Recruitment behind plan, "agency" costs up', U.lead);
    e.t.clock.set(new Date('2026-11-26T10:00:00Z'));
    await e.command('update WS2 red =cmd|calc', U.otherLead);
    const programme = await e.t.deps.db.programme.findFirstOrThrow();
    const out = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.csv');
    const run = await auditCli(databaseUrl(e.t.target), [
      '--programme',
      String(programme.id),
      '--from',
      '23/11/2026',
      '--to',
      '23/11/2026',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const csv = readFileSync(out, 'utf8').split('\r\n');
    expect(csv[0]).toBe('when,who,what,action,entity,entity id,before,after');
    expect(
      csv.some((l) => l.includes('"RAG changed to Amber: Recruitment behind plan, ""agency"" costs up"')),
    ).toBe(true);
    expect(csv.some((l) => l.includes('calc'))).toBe(false);
    expect(run.stdout).toBe(`Wrote ${csv.length - 2} audit rows to ${out}.\n`);

    const later = await auditCli(databaseUrl(e.t.target), [
      '--programme',
      String(programme.id),
      '--from',
      '26/11/2026',
      '--to',
      '26/11/2026',
      '--out',
      out,
    ]);
    expect(later.code).toBe(0);
    const second = readFileSync(out, 'utf8');
    expect(second).toContain(
      '26/11/2026 10:00,u0lead2 (U0LEAD2),RAG changed to Red: =cmd|calc,rag.change,workstream',
    );
    expect(second).not.toContain('23/11/2026');
  });

  it('explains bad options', async () => {
    const run = await auditCli(databaseUrl(e.t.target), [
      '--programme',
      '1',
      '--from',
      '2026-11-01',
      '--to',
      '30/11/2026',
      '--out',
      'x.csv',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from “2026-11-01” is not a date like 01/04/2026');
    expect(run.stderr).toContain('Usage: npm run audit -- --programme <id>');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
  });
});
