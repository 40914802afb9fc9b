/**
 * A pack is produced once per request, through the real Bolt app: a retried `pack` or `visit pack`
 * (the same trigger id) stores no second snapshot, writes no second audit row and shares nothing
 * twice, and answers as the first attempt did. A retry after the first attempt died between
 * storing and sharing shares the stored pack, once its sharing lease has passed. A new request
 * (a new trigger id) still produces a new pack.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARE_LEASE_MS, sharePackOnce } from '../../src/services/board-pack/pack-request.js';
import { produceBoardPack } from '../../src/services/board-pack/produce-board-pack.js';
import { deleteOldRecords } from '../../src/services/retention/delete-old-records.js';
import { produceVisitPack } from '../../src/services/visit-pack/produce-visit-pack.js';
import type { E2E } from '../support/e2e.js';
import { as, TEAM, U } from '../support/factories.js';
import { closePackE2E, replyTexts, startPackE2E } from '../support/pack-e2e.js';

const CHANNEL = 'C0BOARDPACK';
const TRIGGER = '1234567890.retried.abcdef';
let e: E2E;

beforeEach(async () => {
  e = await startPackE2E();
});
afterEach(() => closePackE2E(e));

const texts = replyTexts;
const shared = () => e.slack.messages.filter((m) => m.files && !m.ephemeralFor);
const uploads = () => e.slack.calls.filter((c) => c.method === 'files.completeUploadExternal').length;
const audits = (action: string) => e.t.deps.db.auditLog.count({ where: { action } });

describe('a retried /improve pack', () => {
  it('answers as the first attempt did, storing, auditing and sharing nothing more', async () => {
    const first = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    const pack = await e.t.deps.db.boardPack.findFirstOrThrow();
    const retry = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });

    expect(texts(retry)).toEqual([texts(first)[1]]);
    expect(texts(retry)[0]).toContain(
      `The board pack for Thursday 10 December 2026 is in <#${CHANNEL}> (pack ${pack.id})`,
    );
    expect(retry.replies[0]!.body.response_type).toBe('ephemeral');
    expect(await e.t.deps.db.boardPack.count()).toBe(1);
    expect(await audits('board_pack.produce')).toBe(1);
    expect(shared()).toHaveLength(1);
    expect(uploads()).toBe(1);
  });

  it('produces one pack when the retry arrives while the first attempt is still at work', async () => {
    const both = await Promise.all([
      e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER }),
      e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER }),
    ]);
    const pack = await e.t.deps.db.boardPack.findFirstOrThrow();
    const last = both.map((out) => texts(out).at(-1)!);
    expect(last.filter((t) => t.includes(`is in <#${CHANNEL}> (pack ${pack.id})`)).length).toBeGreaterThan(0);
    expect(last.every((t) => /is in <#|already on its way/.test(t))).toBe(true);
    expect(await e.t.deps.db.boardPack.count()).toBe(1);
    expect(await audits('board_pack.produce')).toBe(1);
    expect(shared()).toHaveLength(1);
  });

  it('still produces a new pack for a new request', async () => {
    await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL });
    expect(await e.t.deps.db.boardPack.count()).toBe(2);
    expect(await audits('board_pack.produce')).toBe(2);
    expect(shared()).toHaveLength(2);
  });

  it('shares the stored pack when the first attempt died between storing and sharing', async () => {
    // The first attempt stored its pack and audit row, then the process died before the upload.
    const stored = await produceBoardPack(e.t.deps, as(U.lead, TEAM, `command:${TRIGGER}`), '2026-12-10');

    const early = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    expect(texts(early)).toEqual([
      `:hourglass: The board pack for the board on Thursday 10 December 2026 is already on its way: the files will appear in <#${CHANNEL}> in a moment.`,
    ]);
    expect(uploads()).toBe(0);

    e.t.clock.advance(SHARE_LEASE_MS);
    const retry = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    expect(texts(retry)[1]).toContain(`is in <#${CHANNEL}> (pack ${stored.id})`);
    expect(shared()).toHaveLength(1);
    expect(shared()[0]!.files!.map((f) => f.name)).toContain('board-pack-2026-12-10.pdf');
    const pdf = [...e.slack.files.values()].find((f) => f.filename.endsWith('.pdf'))!;
    expect(Buffer.compare(pdf.bytes!, stored.files.find((f) => f.filename.endsWith('.pdf'))!.bytes)).toBe(0);

    const again = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    expect(texts(again)).toEqual([texts(retry)[1]]);
    expect(await e.t.deps.db.boardPack.count()).toBe(1);
    expect(await audits('board_pack.produce')).toBe(1);
    expect(shared()).toHaveLength(1);
  });

  it('a first attempt slower than its lease leaves the sharing to the retry that took it over', async () => {
    const actor = as(U.lead, TEAM, `command:${TRIGGER}`);
    const slow = await produceBoardPack(e.t.deps, actor, '2026-12-10');
    expect(slow.lease).toBeDefined();
    e.t.clock.advance(SHARE_LEASE_MS);
    const retry = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    expect(texts(retry)[1]).toContain(`is in <#${CHANNEL}> (pack ${slow.id})`);
    expect(shared()).toHaveLength(1);

    // The slow first attempt reaches its upload at last: its lease has passed to the retry.
    let uploaded = false;
    const late = await sharePackOnce(e.t.deps, actor, slow.lease, async () => {
      uploaded = true;
    });
    expect(late).toBe(false);
    expect(uploaded).toBe(false);
    expect(shared()).toHaveLength(1);
  });

  it('lets a retry share the pack whose upload failed', async () => {
    e.slack.failNext('files.completeUploadExternal', { error: 'internal_error' });
    const first = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    expect(texts(first)[1]).toContain('the files could not be shared just now');
    expect(shared()).toHaveLength(0);

    const retry = await e.command('pack 10/12/2026', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    expect(texts(retry)[1]).toContain(`is in <#${CHANNEL}>`);
    expect(shared()).toHaveLength(1);
    expect(await e.t.deps.db.boardPack.count()).toBe(1);
    expect(await audits('board_pack.produce')).toBe(1);
  });
});

describe('a retried /improve visit pack', () => {
  it('answers as the first attempt did, auditing and sharing nothing more', async () => {
    const first = await e.command('visit pack V-1', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    const retry = await e.command('visit pack V-1', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    expect(texts(retry)).toEqual([texts(first)[1]]);
    expect(texts(retry)[0]).toContain(`The pre-visit pack for V-1 Monitoring visit is in <#${CHANNEL}>`);
    expect(await audits('visit_pack.produce')).toBe(1);
    expect(shared()).toHaveLength(1);

    await e.command('visit pack V-1', U.lead, { channelId: CHANNEL });
    expect(await audits('visit_pack.produce')).toBe(2);
    expect(shared()).toHaveLength(2);
  });

  it('shares the stored pack, in the format asked for, when the first attempt died before sharing', async () => {
    await produceVisitPack(e.t.deps, as(U.lead, TEAM, `command:${TRIGGER}`), { ref: 'V-1', format: 'docx' });
    e.t.clock.advance(SHARE_LEASE_MS);
    const retry = await e.command('visit pack V-1 docx', U.lead, { channelId: CHANNEL, triggerId: TRIGGER });
    expect(texts(retry)[1]).toContain(`The pre-visit pack for V-1 Monitoring visit is in <#${CHANNEL}>`);
    expect(shared().map((m) => m.files!.map((f) => f.name))).toEqual([['visit-pack-V-1-2026-12-16.docx']]);
    expect(await audits('visit_pack.produce')).toBe(1);
    // Shared, the request keeps no copy of what the pack showed.
    const request = await e.t.deps.db.packRequest.findFirstOrThrow();
    expect(request).toMatchObject({ kind: 'visit_pack', visitPack: null });
    expect(request.sharedAt).not.toBeNull();
  });

  it('redacts the copy an unshared pre-visit pack keeps, so a later retry cannot share the text', async () => {
    await produceVisitPack(e.t.deps, as(U.lead, TEAM, `command:${TRIGGER}`), { ref: 'V-1', format: 'pdf' });
    const kept = (await e.t.deps.db.packRequest.findFirstOrThrow()).visitPack!;
    const updates = await e.t.deps.db.update.findMany({ where: { workspaceId: TEAM } });
    const inPack = updates.find((u) => kept.includes(JSON.stringify(u.text)));
    expect(inPack).toBeDefined();
    const out = await e.command(`redact update ${inPack!.id}`, U.admin);
    expect(out.reply).toContain(`The text of update ${inPack!.id}`);
    const after = (await e.t.deps.db.packRequest.findFirstOrThrow()).visitPack!;
    expect(after).not.toContain(JSON.stringify(inPack!.text));
    expect(after).toContain('personal data');
  });
});

describe('retention', () => {
  it('deletes pack requests older than the setting with the other records', async () => {
    await produceVisitPack(e.t.deps, as(U.lead, TEAM, `command:${TRIGGER}`), { ref: 'V-1', format: 'pdf' });
    e.t.clock.advance(3 * 366 * 24 * 60 * 60_000);
    const counts = await deleteOldRecords({ years: 2 }, e.t.deps);
    expect(counts.get(TEAM)).toMatchObject({ packRequests: 1 });
    expect(await e.t.deps.db.packRequest.count()).toBe(0);
  });
});
