/**
 * `/improve visit pack <ref>` through the real Bolt app: an ephemeral "producing" reply, then the
 * pre-visit pack's PDF and Word file shared in the channel by the board pack's upload
 * (files.uploadV2), with its audit row. Refusals (not a lead or admin, a reference that names no
 * visit or names a board meeting, a word it cannot read) write nothing and upload nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { E2E } from '../support/e2e.js';
import { U } from '../support/factories.js';
import { closePackE2E, replyTexts, startPackE2E } from '../support/pack-e2e.js';
import { countRows } from '../support/row-counts.js';

const CHANNEL = 'C0VISITPACK';
let e: E2E;

beforeEach(async () => {
  e = await startPackE2E();
});
afterEach(() => closePackE2E(e));

const texts = replyTexts;

const pdfText = (bytes: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'visit-pack-'));
  writeFileSync(join(dir, 'pack.pdf'), bytes);
  return execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
};

describe('/improve visit pack', () => {
  it('says it is working, then shares the PDF and Word file in the channel, audited', async () => {
    const out = await e.command('visit pack V-1', U.lead, { channelId: CHANNEL });
    expect(out.replies.map((r) => r.body.response_type)).toEqual(['ephemeral', 'ephemeral']);
    expect(texts(out)[0]).toContain(
      'Producing the pre-visit pack for V-1 Monitoring visit on Wednesday 16 December 2026',
    );
    expect(texts(out)[1]).toContain(`The pre-visit pack for V-1 Monitoring visit is in <#${CHANNEL}>`);
    const methods = e.slack.calls.map((c) => c.method).filter((m) => m.startsWith('files.'));
    expect(methods).toEqual([...Array(2).fill('files.getUploadURLExternal'), 'files.completeUploadExternal']);
    const shared = e.slack.messages.filter((m) => m.files && !m.ephemeralFor);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.channel).toBe(CHANNEL);
    expect(shared[0]!.text).toContain(
      '*Pre-visit pack* for V-1 Monitoring visit on Wednesday 16 December 2026, produced by <@U0LEAD1>',
    );
    expect(shared[0]!.files!.map((f) => f.name)).toEqual([
      'visit-pack-V-1-2026-12-16.pdf',
      'visit-pack-V-1-2026-12-16.docx',
    ]);
    const pdf = [...e.slack.files.values()].find((f) => f.filename.endsWith('.pdf'))!;
    const text = pdfText(pdf.bytes!);
    expect(text).toContain('pre-visit pack');
    expect(text).toContain('Workstreams at a glance');
    expect(text).toContain('RAG history since');
    expect(text).toContain('Evidence of completion');
    const audit = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'visit_pack.produce' } });
    expect(audit).toMatchObject({ actor: U.lead, entity: 'Event' });
    expect(JSON.parse(audit.after!)).toMatchObject({ visit: 'V-1', format: 'both' });
  });

  it('shares only the format named', async () => {
    await e.command('visit pack v1 docx', U.admin, { channelId: CHANNEL });
    const shared = e.slack.messages.filter((m) => m.files && !m.ephemeralFor);
    expect(shared[0]!.files!.map((f) => f.name)).toEqual(['visit-pack-V-1-2026-12-16.docx']);
  });

  it('shows every open workstream for a visit that links none, counting from the last visit already over', async () => {
    const added = await e.command('visit add focused 20/01/2027 Care leavers', U.admin, {
      channelId: CHANNEL,
    });
    expect(added.reply).toContain('V-4');
    await e.command('visit pack V-4 pdf', U.admin, { channelId: CHANNEL });
    const pdfs = () => [...e.slack.files.values()].filter((f) => f.filename.endsWith('.pdf'));
    const before = pdfText(pdfs().at(-1)!.bytes!).replace(/\s+/g, ' ');
    // V-1 (16-17/12/2026) has not happened yet, so there is no end to count from.
    expect(before).toContain('since the plan began');
    expect(before).toContain('The visit links no workstream, so every open workstream is shown.');
    for (const code of ['WS1', 'WS2', 'WS3', 'WS4', 'WS5']) expect(before).toContain(`${code} `);
    e.t.clock.set(new Date('2027-01-06T10:00:00Z'));
    await e.command('visit pack V-4 pdf', U.admin, { channelId: CHANNEL });
    const after = pdfText(pdfs().at(-1)!.bytes!).replace(/\s+/g, ' ');
    expect(after).toContain(
      'This pack covers 18/12/2026 to 06/01/2027, since the end of the previous visit, V-1 Monitoring visit (16/12/2026 to 17/12/2026).',
    );
    expect(after).toContain('in 14 days');
  });

  it('refuses a member, an unknown reference, a board meeting and a stray word, writing and uploading nothing', async () => {
    const before = await countRows(e.t.deps.db);
    const member = await e.command('visit pack V-1', U.member, { channelId: CHANNEL });
    expect(member.reply).toContain('Only an admin or a workstream lead can produce a pre-visit pack.');
    const unknown = await e.command('visit pack V-99', U.admin, { channelId: CHANNEL });
    expect(unknown.reply).toContain('There is no V-99.');
    const notRef = await e.command('visit pack caseloads', U.admin, { channelId: CHANNEL });
    expect(notRef.reply).toContain('“caseloads” is not a visit reference.');
    const board = await e.command('visit pack V-2', U.admin, { channelId: CHANNEL });
    expect(board.reply).toContain('V-2 is a board meeting: a pre-visit pack is for a monitoring visit');
    const stray = await e.command('visit pack V-1 excel', U.admin, { channelId: CHANNEL });
    expect(stray.reply).toContain('takes only pdf or docx (I read “excel”)');
    for (const [out, typed] of [
      [member, 'visit pack V-1'],
      [unknown, 'visit pack V-99'],
      [notRef, 'visit pack caseloads'],
      [board, 'visit pack V-2'],
      [stray, 'visit pack V-1 excel'],
    ] as const) {
      expect(out.replies).toHaveLength(1);
      expect(out.replies[0]!.body.response_type).toBe('ephemeral');
      expect(JSON.stringify(out.replies[0]!.body.blocks)).toContain(`/improve ${typed}`);
    }
    expect(await countRows(e.t.deps.db)).toEqual(before);
    expect(e.slack.calls.filter((c) => c.method.startsWith('files.'))).toEqual([]);
  });

  it('is explained by help, with the other visit forms', async () => {
    const out = await e.command('help visit', U.member);
    const shown = `${out.reply} ${JSON.stringify(out.replies[0]!.body.blocks)}`;
    expect(shown).toContain('/improve visit pack &lt;ref&gt; [pdf|docx]');
    expect(shown).toContain('Produces the pre-visit pack for a visit (admins and leads)');
  });
});
