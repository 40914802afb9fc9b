/**
 * A council's year after an inadequate judgement, replayed through the real Bolt app: the
 * inspection's recommendations, the plan's workstreams and actions, two monitoring visits whose
 * letters add priority actions, an improvement notice with dated measures, and board requests.
 * The shape follows published Ofsted letters and DfE notices (three priority actions after one
 * visit, more after the next with insufficient progress; caseload and timeliness measures with
 * deadlines); the wording is ours. At each step it checks the coverage the board would see and
 * the audit export an inspector would be given, and a fortnight before each visit the pre-visit
 * pack the countdown points to (its PDF read back with pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/services/evidence/export-audit.js';
import { DEFAULT_METHODS, type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { visibleText } from '../support/visible.js';

let e: E2E;
let programmeId: number;
beforeAll(async () => {
  e = await startE2E({
    methods: [...DEFAULT_METHODS, 'files.getUploadURLExternal', 'files.completeUploadExternal'],
    now: new Date('2026-01-12T10:00:00Z'),
  });
  programmeId = (await seedProgramme(e.t.deps)).programme.id;
});
afterAll(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const owner = `<@${U.owner}|owner>`;
const on = (iso: string) => e.t.clock.set(new Date(`${iso}T10:00:00Z`));
async function ok(text: string, who: string = U.admin) {
  const out = await e.command(text, who);
  expect(out.reply, text).not.toContain(':warning:');
  return out;
}
async function coverageLine(): Promise<string> {
  const out = await e.command('coverage', U.member);
  return /\*Recommendations:\* ([^\n]+)/.exec(visibleText(out.replies[0]!.body.blocks))?.[1] ?? '';
}
/** The pre-visit pack's PDF as shared in the channel, as text (pdftotext keeps the reading order). */
async function visitPack(ref: string, who: string): Promise<string> {
  const out = await ok(`visit pack ${ref} pdf`, who);
  expect(out.replies.at(-1)!.body.text).toContain(`The pre-visit pack for ${ref} Monitoring visit is in`);
  const pdf = [...e.slack.files.values()].filter((f) => f.filename.startsWith(`visit-pack-${ref}-`)).at(-1)!;
  const dir = mkdtempSync(join(tmpdir(), 'scenario-visit-pack-'));
  writeFileSync(join(dir, 'pack.pdf'), pdf.bytes!);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
  return text.replace(/\s+/g, ' ');
}
/** The export as `npm run audit` writes it, between two UK dates. */
async function audit(from: string, to: string) {
  const iso = (uk: string) => uk.split('/').reverse().join('-');
  const { csv, rows } = await exportAudit({ programmeId, from: iso(from), to: iso(to) }, e.t.deps);
  return { lines: csv.split('\r\n'), rows };
}

describe('a council’s year under an inadequate judgement', () => {
  it('January: the inspection report’s recommendations, not covered until the plan links work', async () => {
    await ok(
      'recommendation add R1 Improve the quality and timeliness of assessments source inspection report 08/01/2026',
    );
    await ok(
      'recommendation add R2 Reduce caseloads and reliance on agency staff source inspection report 08/01/2026',
    );
    await ok(
      'recommendation add R3 Strengthen management oversight and supervision source inspection report 08/01/2026',
    );
    expect(await coverageLine()).toBe('0 covered and on time, 0 overdue, 3 not covered');
    const { lines, rows } = await audit('12/01/2026', '12/01/2026');
    expect(rows).toBe(3 + 3); // the set-up (programme, two workstreams) and three recommendations
    expect(lines.filter((l) => l.includes('recommendation.add'))).toHaveLength(3);
  });

  it('February: the plan’s workstreams and actions cover every recommendation', async () => {
    on('2026-02-02');
    await ok(
      'workstream add WS3 "Leadership and Management Oversight" lead @admin'.replace(
        '@admin',
        `<@${U.admin}|admin>`,
      ),
    );
    await ok(`action add WS2 ${owner} 31/03/2026 Dip-sample 20 assessments a month`, U.otherLead);
    await ok(`action add WS1 ${owner} 30/04/2026 Recruit eight permanent social workers`, U.lead);
    await ok(`action add WS3 ${owner} 31/03/2026 Supervision audit across all teams`);
    await ok('recommendation link R1 WS2', U.otherLead);
    await ok('recommendation link R2 A-2', U.lead);
    await ok('recommendation link R3 WS3');
    expect(await coverageLine()).toBe('3 covered and on time, 0 overdue, 0 not covered');
    const { lines } = await audit('02/02/2026', '02/02/2026');
    expect(lines.filter((l) => l.includes('recommendation.link'))).toHaveLength(3);
    expect(lines.some((l) => l.includes('R2 linked to A-2'))).toBe(true);
  });

  it('March: the first monitoring visit’s letter adds three priority actions', async () => {
    await ok('visit add monitoring 10/03/2026-11/03/2026 Front door and assessment WS2');
    // A fortnight before, WS2's lead produces the pre-visit pack: the first visit, so since the plan began.
    on('2026-02-24');
    const pack = await visitPack('V-1', U.otherLead);
    expect(pack).toContain(
      'Monitoring visit V-1: Tuesday 10 March 2026 to Wednesday 11 March 2026, in 14 days.',
    );
    expect(pack).toContain('This pack covers 12/01/2026 to 24/02/2026, since the plan began.');
    expect(pack).toContain('Workstreams linked to the visit: WS2.');
    expect(pack).not.toContain('WS1 ');
    expect(pack).toContain('A-1 Dip-sample 20 assessments a month');
    expect(pack).toContain('No RAG change since 12/01/2026.');
    expect(pack).toMatch(
      /R1 Improve the quality and timeliness of assessments Inspection report Covered and on time/,
    );
    on('2026-03-25');
    const out = await ok(
      'visit done V-1 letter 24/03/2026 Some progress, but too slow in the front door priority actions: Management oversight of contacts; Timeliness of strategy discussions; Quality of child protection plans',
    );
    expect(out.reply).toContain('*New priority actions (3):*');
    expect(await coverageLine()).toBe('3 covered and on time, 0 overdue, 3 not covered');
    await ok(`action add WS2 ${owner} 30/06/2026 Daily management review of contacts`, U.otherLead);
    await ok('recommendation link V1-PA1 A-4', U.otherLead);
    await ok('recommendation link V1-PA2 WS2', U.otherLead);
    await ok('recommendation link V1-PA3 WS2', U.otherLead);
    // were due on 31/03: still open a week later, so R1, R3 and the WS2 priority actions slip.
    on('2026-04-07');
    // R2 (A-2, due 30/04) and V1-PA1 (A-4, due 30/06) are on time.
    expect(await coverageLine()).toBe('2 covered and on time, 4 overdue, 0 not covered');
    const { lines } = await audit('25/03/2026', '25/03/2026');
    expect(lines.some((l) => l.includes('V-1 outcome: Some progress, but too slow in the front door'))).toBe(
      true,
    );
    expect(lines.filter((l) => l.includes('recommendation.add'))).toHaveLength(3);
  });

  it('May: the improvement notice adds dated measures, the board asks for evidence', async () => {
    on('2026-05-11');
    await ok('action done A-1 Dip-sampling in place, 60 cases audited', U.owner);
    await ok('action done A-3 Audit complete, report to board', U.owner);
    await ok(
      'recommendation add IN1 Average caseload at most 20 by 31/12/2026 source improvement notice 05/05/2026',
    );
    await ok(
      'recommendation add IN2 Child protection visits in timescale at least 85% by 30/06/2026 source notice 05/05/2026',
    );
    await ok('kpi add "Caseload average" cases lower target 20 by 31/12/2026');
    await ok('recommendation link IN1 A-2');
    await ok(`ask WS2 ${owner} 01/06/2026 Evidence that child protection visits are within timescale`);
    await ok('recommendation link IN2 A-5');
    // are done; A-2 (recruitment, due 30/04) is late, so R2 and IN1 are overdue.
    expect(await coverageLine()).toBe('6 covered and on time, 2 overdue, 0 not covered');
    const preview = await e.command('digest preview', U.admin);
    const digest = preview.replies.map((r) => visibleText(r.body.blocks)).join('\n');
    expect(digest).toContain('*Recommendations:* 6 covered and on time, 2 overdue, 0 not covered');
    expect(digest).toContain('Board requests still open (1)');
    const { lines } = await audit('11/05/2026', '11/05/2026');
    expect(lines.some((l) => l.includes('board request A-5 added, due 01/06/2026'))).toBe(true);
  });

  it('July: the second visit finds insufficient progress and adds two more; the board request is overdue', async () => {
    await ok('visit add monitoring 07/07/2026-08/07/2026 Child protection WS2');
    on('2026-06-15');
    await ok('rag WS2 red Strategy discussions still late in half of cases', U.otherLead);
    await ok('update WS2 Conference attendance tracker started with police and health', U.otherLead);
    // A fortnight before V-2: everything on WS2 since V-1 ended, with V-1's priority actions.
    on('2026-06-23');
    const pack = await visitPack('V-2', U.otherLead);
    expect(pack).toContain(
      'This pack covers 12/03/2026 to 23/06/2026, since the end of the previous visit, V-1',
    );
    expect(pack).toContain("V-1's letter (24/03/2026): Some progress, but too slow in the front door.");
    // V-1's priority actions as they stand: PA1's action (A-4, due 30/06) on time, PA2 and PA3 overdue.
    expect(pack).toMatch(
      /V1-PA1 Management oversight of contacts Monitoring letter Covered and on time A-4 \(open\)/,
    );
    expect(pack).toMatch(/V1-PA2 Timeliness of strategy discussions Monitoring letter Covered but overdue/);
    expect(pack).toMatch(
      /15\/06\/2026 WS2 Not started to Red Strategy discussions still late in half of cases/,
    );
    expect(pack).toContain('Conference attendance tracker started with police and health');
    expect(pack).toMatch(
      /A-1 Dip-sample 20 assessments a month .*Done 11\/05\/2026 Dip-sampling in place, 60 cases audited/,
    );
    expect(pack).toMatch(/A-5 \(board request\) Evidence that child protection visits are within .*Overdue/);
    expect(pack).toContain('Programme KPIs');
    expect(pack).toContain('Caseload average');
    on('2026-07-20');
    await ok(
      'visit done V-2 letter 17/07/2026 Insufficient progress in child protection priority actions: Multi-agency attendance at conferences; Review of children subject to plans for over two years',
    );
    const line = await coverageLine();
    // WS2's open A-4 (due 30/06) and the board request A-5 (due 01/06) are now late as well as A-2:
    // only R3 (WS3, its audit done) is on time; the two new priority actions are not covered.
    expect(line).toBe('1 covered and on time, 7 overdue, 2 not covered');
    const out = await e.command('coverage', U.member);
    const shown = visibleText(out.replies[0]!.body.blocks);
    expect(shown).toContain(
      '*V2-PA1* Multi-agency attendance at conferences (monitoring letter of 17/07/2026): *not covered*',
    );
    expect(shown).toContain(
      '• A-5 (board request) Evidence that child protection visits are within timescale',
    );
    const history = await e.command('history A-5', U.member);
    expect(history.reply).toContain('board request A-5 added, due 01/06/2026');
    const year = await audit('01/01/2026', '31/12/2026');
    expect(year.lines[0]).toBe('when,who,what,action,entity,entity id,before,after');
    expect(year.rows).toBe(year.lines.length - 2);
    expect(year.lines.filter((l) => l.includes(',event.done,'))).toHaveLength(2);
    expect(year.lines.filter((l) => l.includes(',recommendation.add,'))).toHaveLength(10);
    expect(year.lines.filter((l) => l.includes(',visit_pack.produce,'))).toHaveLength(2);
  });
});
