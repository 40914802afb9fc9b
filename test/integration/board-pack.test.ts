/**
 * The board pack of the demo programme, read back as a board member's software reads it: the
 * Word file's headings and tables (jszip + its XML), the PDF's text (pdftotext) and first page
 * (pdftoppm, kept in test/artifacts/ to look at), the workbook and CSVs (exceljs). A stored pack
 * produced again later is byte for byte the same; the next pack shows movement since it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import {
  type ProducedPack,
  produceBoardPack,
  reproduceBoardPack,
} from '../../src/services/board-pack/produce-board-pack.js';
import { type TestDatabase, testDatabase } from '../support/database.js';

const WORKSPACE = 'T0DEMO';
const ADMIN = 'U0DEMO0001';
const now = new Date('2026-11-23T10:00:00Z');
let t: TestDatabase;
let pack: ProducedPack;
const file = (name: string) => pack.files.find((f) => f.filename.endsWith(name))!.bytes;

beforeAll(async () => {
  t = await testDatabase({ now });
  await seedDemo(t.deps.db, { workspaceId: WORKSPACE, now });
  pack = await produceBoardPack(t.deps, { workspaceId: WORKSPACE, userId: ADMIN }, '2026-12-10');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const docxText = async (bytes: Buffer) => {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml;
};
const paragraphsWithStyle = (xml: string, style: string) =>
  [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="([^"]+)"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)]
    .filter((m) => m[1] === style)
    .map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('the board pack of the demo programme', () => {
  it('is a Word file with real headings, header rows and the values the board reads', async () => {
    const xml = await docxText(file('.docx'));
    expect(paragraphsWithStyle(xml, 'Heading1')).toEqual([
      'RAG summary sheet',
      'Exception report',
      'KPI scorecard',
      'Action log',
      'Board requests',
      'Recommendation coverage',
      'Appendix: audit trail',
    ]);
    const reds = pack.snapshot.exceptions.map(
      (e) => `${e.code} ${e.name}${e.project ? `: ${e.project}` : ''} (Red)`,
    );
    expect(reds.length).toBeGreaterThan(0);
    expect(paragraphsWithStyle(xml, 'Heading2')).toEqual(expect.arrayContaining(reds));
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(4);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(tables.length);
    expect(xml).toContain('Workstream or project');
    expect(xml).toContain('Average caseload');
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Average caseload: \d+ readings from/);
    const core = await (await JSZip.loadAsync(file('.docx'))).file('docProps/core.xml')!.async('string');
    expect(core).toContain('2026-11-23T10:00:00Z');
  });

  it('is a PDF whose text reads in order, with its first page kept to look at', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-'));
    writeFileSync(join(dir, 'pack.pdf'), file('.pdf'));
    writeFileSync(join(tmpdir(), 'board-pack-demo.pdf'), file('.pdf'));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
    for (const heading of [
      'RAG summary sheet',
      'Exception report',
      'KPI scorecard',
      'Action log',
      'Board requests',
      'Recommendation coverage',
      'Appendix: audit trail',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('For the improvement board on Thursday 10 December 2026');
    expect(text).toContain('The board is asked');
    expect(text).toMatch(/page 1 of \d+/);
    const info = execFileSync('pdfinfo', [join(dir, 'pack.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    for (const page of [1, 2, 3, 4]) {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        join(dir, 'pack.pdf'),
        join(dir, `page-${page}`),
      ]);
      renameSync(join(dir, `page-${page}.png`), join('test/artifacts', `board-pack-page-${page}.png`));
    }
  });

  it('gives the RAG summary sheet and the action log as a workbook and CSVs', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file('.xlsx') as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'RAG summary sheet',
      'Action log',
      'Board requests',
      'Recommendation coverage',
      'Audit trail',
    ]);
    expect(book.getWorksheet('Audit trail')!.rowCount - 1).toBe(pack.snapshot.audit!.rows.length);
    const sheet = book.getWorksheet('RAG summary sheet')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Workstream or project',
      'RAG',
      'Since last board',
      'Latest reason',
      'Reason given',
    ]);
    expect(sheet.rowCount - 1).toBe(pack.snapshot.ragSheet.length);
    const rags = new Set(sheet.getColumn(2).values.slice(2));
    expect(
      [...rags].every((r) => ['Red', 'Amber', 'Green', 'Complete', 'Not started'].includes(String(r))),
    ).toBe(true);
    const log = book.getWorksheet('Action log')!;
    const overdue = pack.snapshot.actions.overdue.length;
    expect(log.getColumn(1).values.filter((v) => v === 'Overdue')).toHaveLength(overdue);
    const csv = file('rag-summary-2026-12-10.csv').toString('utf8');
    expect(csv.startsWith('\uFEFF"Workstream or project","RAG"')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(pack.snapshot.ragSheet.length + 1);
    const logCsv = file('action-log-2026-12-10.csv').toString('utf8');
    expect(logCsv.split('\r\n')[1]).toMatch(/^"Overdue","A-\d+ /);
  });

  it('stores what it showed, with an audit row, and produces the same bytes again later', async () => {
    const row = await t.deps.db.boardPack.findUniqueOrThrow({ where: { id: pack.id } });
    expect(row).toMatchObject({ boardDate: '2026-12-10', producedBy: ADMIN, workspaceId: WORKSPACE });
    expect(JSON.parse(row.snapshot)).toEqual(pack.snapshot);
    expect(
      await t.deps.db.auditLog.count({ where: { action: 'board_pack.produce', entityId: String(pack.id) } }),
    ).toBe(1);
    t.clock.advance(3 * 86_400_000);
    const again = await reproduceBoardPack(t.deps, WORKSPACE, pack.id);
    for (const [i, f] of pack.files.entries())
      expect(again.files[i]!.bytes.equals(f.bytes), f.filename).toBe(true);
  });

  it('produces a pack stored before the evidence sections as it was, without them', async () => {
    const { coverage: _c, boardRequests: _b, audit: _a, ...older } = pack.snapshot;
    const row = await t.deps.db.boardPack.create({
      data: {
        workspaceId: WORKSPACE,
        programmeId: pack.snapshot.programme.id,
        boardDate: '2026-12-10',
        producedAt: now,
        producedBy: ADMIN,
        snapshot: JSON.stringify(older),
      },
    });
    const again = await reproduceBoardPack(t.deps, WORKSPACE, row.id);
    const xml = await docxText(again.files.find((f) => f.filename.endsWith('.docx'))!.bytes);
    expect(paragraphsWithStyle(xml, 'Heading1')).toEqual([
      'RAG summary sheet',
      'Exception report',
      'KPI scorecard',
      'Action log',
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(again.files.find((f) => f.filename.endsWith('.xlsx'))!.bytes as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['RAG summary sheet', 'Action log']);
  });
});
