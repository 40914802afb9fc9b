/** Visit numbering and the 30-minute edit window for updates, against a real database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { addVisit } from '../../src/services/add-visit.js';
import { editUpdate } from '../../src/services/edit-update.js';
import { postUpdate } from '../../src/services/post-update.js';
import { withdrawUpdate } from '../../src/services/withdraw-update.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { as, OTHER_TEAM, seedProgramme, U } from '../support/factories.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(t.deps);
});
afterEach(async () => {
  await t.close();
});

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};
const MINUTE = 60_000;

describe('visit numbering', () => {
  it('numbers events V-1, V-2… per programme, even when added at the same moment, and never reuses a refused number', async () => {
    const visit = (startDate: string) =>
      addVisit({ kind: 'monitoring_visit', startDate }, t.deps, as(U.admin));
    await refusal(addVisit({ kind: 'deadline', startDate: '2026-01-01' }, t.deps, as(U.admin)));
    const results = await Promise.all(['2027-01-10', '2027-02-10', '2027-03-10', '2027-04-10'].map(visit));
    expect(results.map((r) => r.event.number).sort()).toEqual([1, 2, 3, 4]);
    await seedProgramme(t.deps, OTHER_TEAM);
    const other = await addVisit(
      { kind: 'board_meeting', startDate: '2027-01-15' },
      t.deps,
      as(U.admin, OTHER_TEAM),
    );
    expect(other.event.number).toBe(1);
  });

  it('links only the workstreams whose codes the theme names', async () => {
    const { workstreams } = await addVisit(
      { kind: 'focused_visit', startDate: '2027-02-01', theme: 'Practice (ws2) and workforce' },
      t.deps,
      as(U.admin),
    );
    expect(workstreams.map((w) => w.code)).toEqual(['WS2']);
  });
});

describe('editing and withdrawing an update', () => {
  it('lets the author edit at 29 minutes, keeping the original, and refuses at 31 minutes', async () => {
    const { update } = await postUpdate(
      { workstream: 'WS1', text: 'Five social workers started' },
      t.deps,
      as(U.lead),
    );
    t.clock.advance(29 * MINUTE);
    await editUpdate({ text: 'Four social workers started' }, t.deps, as(U.lead));
    let stored = await t.deps.db.update.findUniqueOrThrow({ where: { id: update.id } });
    expect(stored).toMatchObject({
      text: 'Four social workers started',
      originalText: 'Five social workers started',
    });
    expect(stored.editedAt?.toISOString()).toBe('2026-11-23T10:29:00.000Z');
    const audit = await t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'update.edit' } });
    expect(JSON.parse(audit.before!).text).toBe('Five social workers started');
    expect(JSON.parse(audit.after!).text).toBe('Four social workers started');

    t.clock.advance(2 * MINUTE);
    const late = await refusal(editUpdate({ text: 'Three social workers started' }, t.deps, as(U.lead)));
    expect(late.code).toBe('stale');
    expect(late.message).toContain('more than 30 minutes old');
    expect(late.example).toContain('/improve update WS1 Correction');
    stored = await t.deps.db.update.findUniqueOrThrow({ where: { id: update.id } });
    expect(stored.text).toBe('Four social workers started');
    expect(await t.deps.db.auditLog.count({ where: { action: 'update.edit' } })).toBe(1);
  });

  it('keeps the first-posted text as the original through several edits', async () => {
    await postUpdate({ workstream: 'WS1', text: 'First' }, t.deps, as(U.lead));
    await editUpdate({ text: 'Second' }, t.deps, as(U.lead));
    await editUpdate({ text: 'Third' }, t.deps, as(U.lead));
    expect(await t.deps.db.update.findFirstOrThrow()).toMatchObject({ text: 'Third', originalText: 'First' });
  });

  it('withdraws at 29 minutes, not at 31; the RAG change it made stays in the history', async () => {
    await postUpdate(
      { workstream: 'WS1', rag: 'amber', text: 'Recruitment behind plan' },
      t.deps,
      as(U.lead),
    );
    t.clock.advance(31 * MINUTE);
    expect((await refusal(withdrawUpdate(t.deps, as(U.lead)))).code).toBe('stale');
    expect((await t.deps.db.update.findFirstOrThrow()).withdrawnAt).toBeNull();

    await postUpdate({ workstream: 'WS1', rag: 'red', text: 'Three leavers this month' }, t.deps, as(U.lead));
    t.clock.advance(29 * MINUTE);
    const { ragChange } = await withdrawUpdate(t.deps, as(U.lead));
    expect(ragChange).toMatchObject({ fromRag: 'amber', toRag: 'red' });
    const latest = await t.deps.db.update.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(latest.withdrawnAt?.toISOString()).toBe('2026-11-23T11:00:00.000Z');
    expect(latest.text).toBe('Three leavers this month');
    expect((await t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } })).rag).toBe('red');
    expect(await t.deps.db.ragChange.count()).toBe(2);
    // Withdrawn once is enough: the latest update is withdrawn, so a second undo says so.
    expect((await refusal(withdrawUpdate(t.deps, as(U.lead)))).message).toContain('already been withdrawn');
  });

  it('touches only the author’s own update: anyone else has none to change', async () => {
    await postUpdate({ workstream: 'WS1', text: 'Audit complete' }, t.deps, as(U.lead));
    for (const user of [U.admin, U.otherLead, U.member]) {
      expect((await refusal(withdrawUpdate(t.deps, as(user)))).message).toContain(
        'You have no update to withdraw',
      );
      expect((await refusal(editUpdate({ text: 'Hijacked' }, t.deps, as(user)))).message).toContain(
        'You have no update to edit',
      );
    }
    expect(await t.deps.db.update.findFirstOrThrow()).toMatchObject({
      text: 'Audit complete',
      withdrawnAt: null,
      originalText: null,
    });
  });
});
