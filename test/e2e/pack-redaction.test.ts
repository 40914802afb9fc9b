/**
 * Redaction reaches the board packs already produced: a name typed into an update (and its RAG
 * reason) and into an action is in every stored snapshot, printed on one line and, in the audit
 * trail, at the end of a clipped row; `/improve redact` replaces each copy with the marker, the
 * byte scan finds the name nowhere after, the pack's files produced again show the marker, and the
 * next pack still reads the redacted one for "what changed since the last board". A snapshot that
 * is not valid JSON (corrupt, edited by hand) does not stop the removal: it is searched as plain text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reproduceBoardPack } from '../../src/services/board-pack/produce-board-pack.js';
import type { BoardPackSnapshot } from '../../src/services/board-pack/types.js';
import { produceVisitPack } from '../../src/services/visit-pack/produce-visit-pack.js';
import type { E2E } from '../support/e2e.js';
import { as, TEAM, U } from '../support/factories.js';
import { placesHolding } from '../support/leftovers.js';
import { closePackE2E, startPackE2E } from '../support/pack-e2e.js';

const CHANNEL = 'C0BOARDPACK';
const NAME = 'Quarringtonby';
// Two lines and a bold mark: the pack prints it on one line without the marks. Over 200
// characters: the pack's audit trail clips it ('update posted: …').
const UPDATE =
  `*Escalated* after ${NAME} moved placement twice this month;\nthe duty team is short of three social workers, ` +
  'agency cover ends on Friday and the panel has not met since October, so the recovery plan is being redrafted with HR and finance';
const ACTION = `Review the placement plan ${NAME} raised with the duty team`;

let e: E2E;
beforeEach(async () => {
  e = await startPackE2E();
});
afterEach(() => closePackE2E(e));

const packs = async () =>
  (await e.t.deps.db.boardPack.findMany({ orderBy: { id: 'asc' } })).map((p) => ({
    id: p.id,
    json: p.snapshot,
    snapshot: JSON.parse(p.snapshot) as BoardPackSnapshot,
  }));
const csvText = (files: { filename: string; bytes: Buffer }[]) =>
  files
    .filter((f) => f.filename.endsWith('.csv'))
    .map((f) => f.bytes.toString('utf8'))
    .join('\n');

describe('redaction and the board packs', () => {
  it('removes an update’s and an action’s text from every stored pack, which reproduces with the marker', async () => {
    const posted = await e.command(`update WS1 red ${UPDATE}`, U.lead);
    expect(posted.posts).toHaveLength(1);
    await e.command(`action add WS1 <@${U.member}|member> 05/12/2026 ${ACTION}`, U.lead);
    const action = await e.t.deps.db.action.findFirstOrThrow({ where: { text: ACTION } });
    await e.command('pack 10/12/2026', U.admin, { channelId: CHANNEL });
    e.t.clock.advance(86_400_000);
    await e.command('pack 10/12/2026', U.admin, { channelId: CHANNEL });

    const [first] = await packs();
    const ws1 = first!.snapshot.ragSheet.find((r) => r.code === 'WS1' && !r.project)!;
    // The snapshot keeps the printed form, not the stored text: a whole-value match on the stored text misses it.
    expect(ws1.reason).not.toBe(UPDATE);
    expect(ws1.reason).toContain(`Escalated after ${NAME} moved placement twice this month; the duty team`);
    expect(first!.snapshot.exceptions.find((x) => x.code === 'WS1' && !x.project)?.reason).toBe(ws1.reason);
    expect(first!.snapshot.actions.dueBeforeNextBoard.map((a) => a.text)).toContain(ACTION);
    const trail = first!.snapshot.audit!.rows.map((r) => r.what);
    expect(trail.find((w) => w.startsWith('update posted: '))).toMatch(/…$/);
    expect(trail.find((w) => w.startsWith('RAG changed to Red: '))).toContain(NAME);
    expect(trail.find((w) => w.startsWith(`action A-${action.number} added`))).toContain(NAME);
    // The scan can fail: it finds the name before the redaction.
    expect(await placesHolding(e.t.target, NAME)).not.toEqual([]);

    const update = await e.t.deps.db.update.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(update.text).toContain(NAME);
    const byUpdate = await e.command(`redact update ${update.id}`, U.admin);
    const marker = (await e.t.deps.db.update.findUniqueOrThrow({ where: { id: update.id } })).text;
    expect(byUpdate.reply).toContain(`The text of update ${update.id} (WS1) is removed`);
    expect(marker).toMatch(/^removed by .* personal data$/);
    const byAction = await e.command(`redact A-${action.number}`, U.admin);
    expect(byAction.reply).toContain(`Removed from A-${action.number}: text`);

    const after = await packs();
    expect(after).toHaveLength(2);
    for (const pack of after) {
      expect(pack.json).not.toContain(NAME);
      expect(pack.snapshot.ragSheet.find((r) => r.code === 'WS1' && !r.project)?.reason).toBe(marker);
      expect(pack.snapshot.exceptions.find((x) => x.code === 'WS1' && !x.project)?.reason).toBe(marker);
      expect(pack.snapshot.actions.dueBeforeNextBoard.find((a) => a.number === action.number)?.text).toBe(
        marker,
      );
      const words = pack.snapshot.audit!.rows.map((r) => r.what);
      expect(words).toContain(`update posted: ${marker}`);
      expect(words).toContain(`RAG changed to Red: ${marker}`);
      expect(words).toContain(`action A-${action.number} added, due 05/12/2026: ${marker}`);
      // Every other row's words are as they were.
      const before = first!.snapshot.audit!.rows.filter((r) => !r.what.includes(NAME));
      expect(
        pack.snapshot.audit!.rows.filter((r) => !r.what.includes(marker)).slice(0, before.length),
      ).toEqual(before);
    }
    expect(await placesHolding(e.t.target, NAME)).toEqual([]);

    // Produced again from the redacted snapshot: the marker, not the text.
    const again = await reproduceBoardPack(e.t.deps, TEAM, after[0]!.id);
    const csv = csvText(again.files);
    expect(csv).not.toContain(NAME);
    expect(csv).toContain(marker);

    // The next pack reads the redacted one for what moved since the last board.
    e.t.clock.advance(86_400_000);
    const next = await e.command('pack 10/12/2026', U.admin, { channelId: CHANNEL });
    expect(next.replies.at(-1)?.body.text).toContain('The board pack for Thursday 10 December 2026 is in');
    const third = (await packs())[2]!;
    expect(third.snapshot.previous?.producedAt).toBe(after[1]!.snapshot.producedAt);
    expect(third.snapshot.ragSheet.find((r) => r.code === 'WS1' && !r.project)).toMatchObject({
      rag: 'red',
      previousRag: 'red',
      reason: marker,
    });
    expect(third.json).not.toContain(NAME);
  });

  it('removes the printed copy from a pre-visit pack kept for a retry to share', async () => {
    await e.command(`update WS2 amber ${UPDATE}`, U.admin);
    await produceVisitPack(e.t.deps, as(U.lead, TEAM, 'command:1234567890.kept.abcdef'), {
      ref: 'V-1',
      format: 'pdf',
    });
    const kept = (await e.t.deps.db.packRequest.findFirstOrThrow()).visitPack!;
    // Printed on one line, without the marks: not the stored text as a whole value.
    expect(kept).toContain(`Escalated after ${NAME} moved placement twice this month; the duty team`);
    expect(kept).not.toContain(JSON.stringify(UPDATE));
    const update = await e.t.deps.db.update.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await e.command(`redact update ${update.id}`, U.admin);
    const after = (await e.t.deps.db.packRequest.findFirstOrThrow()).visitPack!;
    expect(after).not.toContain(NAME);
    expect(after).toContain('personal data');
    expect(await placesHolding(e.t.target, NAME)).toEqual([]);
  });
  it('removes the text from a snapshot that is not valid JSON where it is whole, and names each such copy to be checked', async () => {
    await e.command(`update WS1 red ${UPDATE}`, U.lead);
    await e.command(`action add WS1 <@${U.member}|member> 05/12/2026 ${ACTION}`, U.lead);
    const action = await e.t.deps.db.action.findFirstOrThrow({ where: { text: ACTION } });
    for (let i = 0; i < 3; i += 1) {
      await e.command('pack 10/12/2026', U.admin, { channelId: CHANNEL });
      e.t.clock.advance(86_400_000);
    }
    const [cut, edited, sound] = await packs();
    // Cut short (its last brace lost), the text still whole inside it.
    await e.t.deps.db.boardPack.update({
      where: { id: cut!.id },
      data: { snapshot: cut!.json.slice(0, -1) },
    });
    // Cut short, and the audit trail's row edited by hand inside the text: only part of it matches.
    const trail = ';\\nthe duty team is short';
    expect(edited!.json).toContain(trail);
    const handEdited = edited!.json.slice(0, -1).replace(trail, ';\\n\\nthe duty team is short');
    await e.t.deps.db.boardPack.update({ where: { id: edited!.id }, data: { snapshot: handEdited } });
    // An audit row found by its `after`, whose `before` is damaged but never held the text: not reported.
    const posting = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'update.post' } });
    expect(posting.after).toContain(NAME);
    await e.t.deps.db.auditLog.update({ where: { id: posting.id }, data: { before: '{"broken' } });
    const warn = vi.spyOn(e.t.deps.logger, 'warn');

    const update = await e.t.deps.db.update.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const byUpdate = await e.command(`redact update ${update.id}`, U.admin);
    const marker = (await e.t.deps.db.update.findUniqueOrThrow({ where: { id: update.id } })).text;
    expect(byUpdate.reply).toContain(`The text of update ${update.id} (WS1) is removed`);
    // Neither is called clean: a damaged copy may hold part of the text where it is not whole.
    expect(byUpdate.reply).toContain(
      `2 stored copies (board pack ${cut!.id}, board pack ${edited!.id}) were not valid JSON: the text was removed from them where it was whole, but part of it may be left; ask whoever runs the bot to check them.`,
    );
    const byAction = await e.command(`redact A-${action.number}`, U.admin);
    expect(byAction.reply).toContain(`Removed from A-${action.number}: text`);

    const rows = await e.t.deps.db.boardPack.findMany({ orderBy: { id: 'asc' } });
    const json = (id: number) => rows.find((r) => r.id === id)!.snapshot;
    expect(json(cut!.id)).not.toContain(NAME);
    expect(json(cut!.id)).toContain(marker);
    // Nothing repairs a damaged row: it is still not JSON, only without the text.
    expect(() => JSON.parse(json(cut!.id))).toThrow();
    // The printed copies are gone from the edited one too; only the hand-edited trail row keeps the name.
    expect(json(edited!.id)).not.toContain(ACTION);
    expect(json(edited!.id).split(NAME)).toHaveLength(2);
    expect(json(edited!.id)).toMatch(
      new RegExp(`(update posted|RAG changed to Red): \\*Escalated\\* after ${NAME}`),
    );
    // The sound pack is redacted as before, and reads.
    expect(json(sound!.id)).not.toContain(NAME);
    expect(JSON.parse(json(sound!.id))).toBeTruthy();

    // Logged by id only, never the text; the removal's audit row names the rows too.
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).toContain(`"id":"${cut!.id}"`);
    expect(logged).not.toContain(NAME);
    const redactedPosting = await e.t.deps.db.auditLog.findUniqueOrThrow({ where: { id: posting.id } });
    expect(redactedPosting.before).toBe('{"broken');
    expect(redactedPosting.after).not.toContain(NAME);
    const audits = await e.t.deps.db.auditLog.findMany({
      where: { action: 'redact' },
      orderBy: { id: 'asc' },
    });
    expect(JSON.parse(audits[0]!.after!).unreadable).toEqual([
      { table: 'BoardPack', id: String(cut!.id) },
      { table: 'BoardPack', id: String(edited!.id) },
    ]);
  });
});
