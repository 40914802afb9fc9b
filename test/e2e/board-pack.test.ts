/**
 * `/improve pack` through the real Bolt app: an ephemeral "producing" reply, then the files
 * shared in the channel with files.uploadV2 (files.getUploadURLExternal, the bytes POSTed to
 * each upload URL, files.completeUploadExternal), the pack stored with its audit row; the next
 * pack shows movement since it. Refusals (not a lead or admin, a bad or past date) write nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeRag } from '../../src/services/change-rag.js';
import type { E2E } from '../support/e2e.js';
import { as, TEAM, U } from '../support/factories.js';
import { closePackE2E, replyTexts, startPackE2E } from '../support/pack-e2e.js';
import { countRows } from '../support/row-counts.js';

const CHANNEL = 'C0BOARDPACK';
let e: E2E;

beforeEach(async () => {
  e = await startPackE2E();
});
afterEach(() => closePackE2E(e));

/** Each table row of the Word file as its cells' text joined by ' | '. */
async function docxRows(bytes: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((row) =>
    [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)]
      .map((c) => [...c[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' '))
      .join(' | ')
      // A RAG-coloured cell starts with its dot.
      .replace(/●\s*/g, ''),
  );
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pack-e2e-'));
  writeFileSync(join(dir, 'pack.pdf'), bytes);
  writeFileSync(join(tmpdir(), 'board-pack-evidence.pdf'), bytes);
  return execFileSync('pdftotext', [join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const texts = replyTexts;

describe('/improve pack', () => {
  it('says it is working, then shares the PDF, Word file, workbook and CSVs in the channel', async () => {
    const out = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL });
    expect(out.replies.map((r) => r.body.response_type)).toEqual(['ephemeral', 'ephemeral']);
    expect(texts(out)[0]).toContain('Producing the board pack for the board on Thursday 10 December 2026');
    const row = await e.t.deps.db.boardPack.findFirstOrThrow();
    expect(texts(out)[1]).toContain(
      `The board pack for Thursday 10 December 2026 is in <#${CHANNEL}> (pack ${row.id})`,
    );

    const methods = e.slack.calls.map((c) => c.method).filter((m) => m.startsWith('files.'));
    expect(methods).toEqual([...Array(5).fill('files.getUploadURLExternal'), 'files.completeUploadExternal']);
    expect(e.slack.uploads.map((u) => u.status)).toEqual([200, 200, 200, 200, 200]);
    const shared = e.slack.messages.filter((m) => m.files && !m.ephemeralFor);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.channel).toBe(CHANNEL);
    expect(shared[0]!.text).toContain(
      '*Board pack* for the board on Thursday 10 December 2026, produced by <@U0LEAD1>',
    );
    expect(shared[0]!.text).toMatch(
      /the board requests \(0\), recommendation coverage \(0 not covered\) and the audit trail \(\d+ changes?\), as PDF, Word and Excel\./,
    );
    expect(shared[0]!.files!.map((f) => f.name)).toEqual([
      'board-pack-2026-12-10.pdf',
      'board-pack-2026-12-10.docx',
      'board-pack-2026-12-10.xlsx',
      'rag-summary-2026-12-10.csv',
      'action-log-2026-12-10.csv',
    ]);
    const pdf = [...e.slack.files.values()].find((f) => f.filename.endsWith('.pdf'))!;
    expect(pdf.bytes!.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = [...e.slack.files.values()].find((f) => f.filename.endsWith('.xlsx'))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as never);
    expect(book.getWorksheet('RAG summary sheet')!.getRow(2).getCell(1).value).toBe(
      'WS1 Support and Develop Our Workforce',
    );

    expect(row).toMatchObject({ workspaceId: TEAM, boardDate: '2026-12-10', producedBy: U.lead });
    const audit = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'board_pack.produce' } });
    expect(audit).toMatchObject({ actor: U.lead, entity: 'BoardPack', entityId: String(row.id) });
  });

  it('shows movement since the last pack in the next one', async () => {
    await e.command('pack 10/12/2026', U.admin, { channelId: CHANNEL });
    e.t.clock.advance(7 * 86_400_000);
    await changeRag(
      { workstream: 'WS3', rag: 'red', reason: 'Audit programme has stalled' },
      e.t.deps,
      as(U.admin),
    );
    await e.command('pack 07/01/2027', U.admin, { channelId: CHANNEL });
    const second = await e.t.deps.db.boardPack.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const sheet = JSON.parse(second.snapshot).ragSheet as {
      code: string;
      project: string | null;
      rag: string;
      previousRag: string;
    }[];
    expect(sheet.find((r) => r.code === 'WS3' && !r.project)).toMatchObject({
      rag: 'red',
      previousRag: 'green',
    });
    const csv = [...e.slack.files.values()].filter((f) => f.filename === 'rag-summary-2027-01-07.csv')[0]!;
    expect(csv.bytes!.toString('utf8')).toContain(
      '"WS3 Commitment to Continuous Improvement","Red","↓ from Green","Audit programme has stalled"',
    );
  });

  it('lists the board requests, the coverage of each recommendation and the audit trail of the period', async () => {
    const ok = async (text: string) => {
      const out = await e.command(text, U.admin, { channelId: CHANNEL });
      expect(out.reply ?? '', text).not.toMatch(/warning|can't|cannot/i);
      return out;
    };
    const next = async () => (await e.t.deps.db.action.aggregate({ _max: { number: true } }))._max.number!;
    await ok(`ask WS1 <@${U.member}|member> 30/11/2026 A report on agency numbers by team`);
    const delivered = await next();
    await ok(`action done A-${delivered} Report tabled, see the board papers`);
    await ok(`ask WS2 <@${U.member}|member> 25/11/2026 A dip-sample of strategy discussions`);
    const late = await next();
    await ok(`ask WS1 <@${U.member}|member> 31/01/2027 An agency reduction plan`);
    const open = await next();
    await ok(`ask WS1 <@${U.member}|member> 31/01/2027 A visit to the duty team`);
    const dropped = await next();
    await ok(`action drop A-${dropped} Superseded by the monitoring visit`);
    await ok('recommendation add R1 Improve the quality of assessments source inspection report 14/02/2026');
    await ok('recommendation add R2 Reduce reliance on agency staff source monitoring letter 20/05/2026');
    await ok('recommendation add R3 Listen to children in care source inspection report 14/02/2026');
    await ok(`recommendation link R1 A-${open}`);
    await ok(`recommendation link R2 A-${late}`);
    await ok('recommendation add R4 Stabilise the workforce source improvement notice 01/06/2026');
    await ok('recommendation link R4 WS1');
    e.t.clock.advance(3 * 86_400_000);
    await e.command('pack 10/12/2026', U.admin, { channelId: CHANNEL });

    const row = await e.t.deps.db.boardPack.findFirstOrThrow();
    const snapshot = JSON.parse(row.snapshot);
    expect(snapshot.coverage.rows.map((r: { ref: string; verdict: string }) => [r.ref, r.verdict])).toEqual([
      ['R1', 'on_time'],
      ['R2', 'overdue'],
      ['R3', 'not_covered'],
      ['R4', 'overdue'],
    ]);
    expect(
      snapshot.boardRequests.map((r: { number: number; outcome: string }) => [r.number, r.outcome]),
    ).toEqual([
      [late, 'overdue'],
      [delivered, 'done'],
      [open, 'open'],
      [dropped, 'dropped'],
    ]);
    const file = (suffix: string) =>
      [...e.slack.files.values()].find((f) => f.filename.endsWith(suffix))!.bytes!;

    const pdf = pdfText(file('.pdf'));
    for (const heading of ['Board requests', 'Recommendation coverage', 'Appendix: audit trail'])
      expect(pdf).toContain(heading);
    expect(pdf).toContain('1 done, 1 overdue, 1 open, 1 dropped');
    expect(pdf).toContain('Report tabled, see the board papers');
    expect(pdf).toContain('Superseded by the monitoring visit');
    expect(pdf).toContain(
      '4 recommendations and priority actions on 26/11/2026: 1 covered and on time, 2 overdue, 1 not covered',
    );
    expect(pdf).toContain('Monitoring letter, 20/05/2026');
    expect(pdf).toContain('recommendation R3 added: Listen to children in care');
    expect(pdf).toContain('npm run audit -- --programme');

    const rows = await docxRows(file('.docx'));
    expect(rows).toContainEqual(
      expect.stringMatching(
        /^R1 Improve the quality of assessments \| Inspection report, 14\/02\/2026 \| A-\d+ An agency reduction plan .*\| Covered and on time$/,
      ),
    );
    expect(rows).toContainEqual(
      expect.stringMatching(/^R2 Reduce reliance on agency staff .*\| Covered but overdue$/),
    );
    expect(rows).toContainEqual(
      'R3 Listen to children in care | Inspection report, 14/02/2026 | None | Not covered',
    );
    expect(rows).toContainEqual(
      `A-${late} A dip-sample of strategy discussions | WS2 | ${snapshot.boardRequests[0].owner} | 25/11/2026 | Overdue (1 day) | Not yet delivered.`,
    );
    expect(rows).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^A-${delivered} A report on agency numbers by team .*\\| Done \\| Completed 23/11/2026: Report tabled, see the board papers$`,
        ),
      ),
    );

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file('.xlsx') as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'RAG summary sheet',
      'Action log',
      'Board requests',
      'Recommendation coverage',
      'Audit trail',
    ]);
    const coverage = book.getWorksheet('Recommendation coverage')!;
    expect(coverage.getColumn(4).values.slice(2)).toEqual([
      'Covered and on time',
      'Covered but overdue',
      'Not covered',
      'Covered but overdue',
    ]);
    const requests = book.getWorksheet('Board requests')!;
    expect(requests.getColumn(5).values.slice(2)).toEqual(['Overdue (1 day)', 'Done', 'Open', 'Dropped']);
    const trail = book.getWorksheet('Audit trail')!;
    expect(trail.getRow(1).values).toEqual([
      undefined,
      'When',
      'Who',
      'What',
      'Action',
      'Entity',
      'Entity id',
    ]);
    const whats = trail.getColumn(3).values.slice(2).map(String);
    expect(trail.rowCount - 1).toBe(snapshot.audit.rows.length);
    expect(whats).toContain(`A-${dropped} dropped`);
    expect(whats).toContain('recommendation R2 added: Reduce reliance on agency staff');
    const audit = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'board_pack.produce' } });
    expect(audit.entityId).toBe(String(row.id));
  });

  it('lists a board request closed since the last pack, and not one closed before it', async () => {
    const ask = (text: string) =>
      e.command(`ask WS1 <@${U.member}|member> 31/01/2027 ${text}`, U.admin, { channelId: CHANNEL });
    const number = async () => (await e.t.deps.db.action.aggregate({ _max: { number: true } }))._max.number!;
    await ask('A report on agency numbers by team');
    const early = await number();
    await e.command(`action done A-${early} Tabled on 23/11`, U.admin);
    e.t.clock.advance(86_400_000);
    await e.command('pack 10/12/2026', U.admin, { channelId: CHANNEL });
    await ask('An agency reduction plan');
    const later = await number();
    e.t.clock.advance(7 * 86_400_000);
    await e.command(`action drop A-${later} Folded into the workforce strategy`, U.admin);
    await e.command('pack 07/01/2027', U.admin, { channelId: CHANNEL });
    const [first, second] = (await e.t.deps.db.boardPack.findMany({ orderBy: { id: 'asc' } })).map(
      (p) => JSON.parse(p.snapshot).boardRequests as { number: number; outcome: string }[],
    );
    expect(first!.map((r) => [r.number, r.outcome])).toEqual([[early, 'done']]);
    expect(second!.map((r) => [r.number, r.outcome])).toEqual([[later, 'dropped']]);
    const pdf = pdfText(
      [...e.slack.files.values()].find((f) => f.filename === 'board-pack-2027-01-07.pdf')!.bytes!,
    );
    expect(pdf).toContain('open or closed since 24/11/2026: 0 done, 0 overdue, 0 open, 1 dropped');
    expect(pdf).toContain('Dropped 01/12/2026: Folded into the workforce strategy');
    expect(pdf).not.toContain('Tabled on 23/11');
  });

  it('carries only its own programme’s changes, requests and recommendations when the workspace runs two', async () => {
    const demoBoard = 'C0BOARD001';
    const send = 'C0SENDBOARD';
    const as = (text: string, channelId: string) => e.command(text, U.admin, { channelId });
    await as('setup "SEND plan"', send);
    await as(`workstream add WS1 "SEND sufficiency" lead <@${U.lead}|lead>`, send);
    await as(`ask WS1 <@${U.member}|member> 31/01/2027 A review of the EHCP backlog`, send);
    await as('recommendation add S1 Reduce the EHCP backlog source monitoring letter 20/05/2026', send);
    await as(`ask WS1 <@${U.member}|member> 31/01/2027 A report on agency numbers by team`, demoBoard);
    await as('recommendation add R1 Improve the quality of assessments', demoBoard);
    await as('pack 10/12/2026', demoBoard);
    const row = await e.t.deps.db.boardPack.findFirstOrThrow();
    const snapshot = JSON.parse(row.snapshot);
    expect(snapshot.boardRequests.map((r: { text: string }) => r.text)).toEqual([
      'A report on agency numbers by team',
    ]);
    expect(snapshot.coverage.rows.map((r: { ref: string }) => r.ref)).toEqual(['R1']);
    const whats = snapshot.audit.rows.map((r: { what: string }) => r.what).join('\n');
    expect(whats).toContain('recommendation R1 added');
    expect(whats).toContain('A report on agency numbers by team');
    expect(whats).not.toContain('EHCP');
    expect(whats).not.toContain('SEND sufficiency');
  });

  it('refuses a member, a past date and a date it cannot read, writing and uploading nothing', async () => {
    const before = await countRows(e.t.deps.db);
    const member = await e.command('pack 10/12/2026', U.member, { channelId: CHANNEL });
    expect(member.reply).toContain('Only an admin or a workstream lead can produce the board pack.');
    const past = await e.command('pack 01/11/2026', U.admin, { channelId: CHANNEL });
    expect(past.reply).toContain('01/11/2026 has passed.');
    const nonsense = await e.command('pack 31/02/2027', U.admin, { channelId: CHANNEL });
    expect(nonsense.reply).toMatch(/31\/02\/2027|February/);
    for (const out of [member, past, nonsense]) {
      expect(out.replies).toHaveLength(1);
      expect(out.replies[0]!.body.response_type).toBe('ephemeral');
      expect(JSON.stringify(out.replies[0]!.body.blocks)).toContain('/improve pack');
    }
    expect(await countRows(e.t.deps.db)).toEqual(before);
    expect(e.slack.calls.filter((c) => c.method.startsWith('files.'))).toEqual([]);
  });

  it('is explained by help, generated from the registry', async () => {
    const out = await e.command('help pack', U.member);
    const shown = `${out.reply} ${JSON.stringify(out.replies[0]!.body.blocks)}`;
    expect(shown).toContain('/improve pack [board date]');
    expect(shown).toContain('Produces the board pack for a board meeting (admins and leads)');
    expect(shown).toContain(
      'board requests, recommendation coverage and the audit trail since the last pack',
    );
    expect(shown).toContain('/improve pack 15/01/2027');
  });
});
