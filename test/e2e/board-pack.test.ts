/**
 * `/improve pack` through the real Bolt app: an ephemeral "producing" reply, then the files
 * shared in the channel with files.uploadV2 (files.getUploadURLExternal, the bytes POSTed to
 * each upload URL, files.completeUploadExternal), the pack stored with its audit row; the next
 * pack shows movement since it. Refusals (not a lead or admin, a bad or past date) write nothing.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import { changeRag } from '../../src/services/change-rag.js';
import { DEFAULT_METHODS, type E2E, startE2E } from '../support/e2e.js';
import { as, TEAM, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

const UPLOAD_METHODS = ['files.getUploadURLExternal', 'files.completeUploadExternal'];
const CHANNEL = 'C0BOARDPACK';
let e: E2E;

beforeEach(async () => {
  e = await startE2E({
    methods: [...DEFAULT_METHODS, ...UPLOAD_METHODS],
    now: new Date('2026-11-23T10:00:00Z'),
  });
  await seedDemo(e.t.deps.db, {
    workspaceId: TEAM,
    now: e.t.clock.now(),
    people: [U.admin, U.lead, U.otherLead, 'U0LEAD3', 'U0LEAD4', U.member],
  });
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const texts = (out: { replies: { body: Record<string, unknown> }[] }) =>
  out.replies.map((r) => String(r.body.text));

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
    expect(shown).toContain('/improve pack 15/01/2027');
  });
});
