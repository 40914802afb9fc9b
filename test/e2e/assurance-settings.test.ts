/**
 * The assurance settings through the real Bolt app: evidence needed to mark done, evidence needed
 * to verify (on by default), the lead's approval of new dates; the settings form's switches and
 * its board channel picker. Refusals say how to put it right and write nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const programme = () => e.t.deps.db.programme.findFirstOrThrow();
const a1 = () => e.t.deps.db.action.findFirstOrThrow({ where: { number: 1 } });
const shown = (m: { text: string; blocks?: unknown[] }) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`;
const seedAction = (ownerUserId: string = U.owner) =>
  addAction(
    { workstream: 'WS1', ownerUserId, dueDate: '2026-12-04', text: 'Audit duty team assessments' },
    e.t.deps,
    as(U.lead),
  );
const FORM = {
  digestDay: 'option:1',
  digestTime: '09:00',
  reminderTime: '09:30',
  silenceDays: '14',
  countdownDays: '28, 14, 7, 2, 1, 0',
  digestExceptionsOnly: 'option:off',
  evidenceOnDone: 'option:off',
  evidenceForVerify: 'option:on',
  extensionApproval: 'option:off',
};

describe('the assurance settings, by text', () => {
  it.each([
    ['evidence-on-done on', 'evidenceOnDone', false, true, '*evidence needed to mark done*: off'],
    ['evidence-for-verify off', 'evidenceForVerify', true, false, '*evidence needed to verify*: on'],
    ['extension-approval on', 'extensionApproval', false, true, '*lead’s approval of new due dates*: off'],
  ] as const)('settings %s changes it, audited before and after', async (text, key, from, to, said) => {
    expect((await programme())[key]).toBe(from);
    const out = await e.command(`settings ${text}`, U.admin);
    expect(out.reply).toContain(said);
    expect((await programme())[key]).toBe(to);
    const row = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: `settings.${key}` } });
    expect([JSON.parse(row.before!), JSON.parse(row.after!)]).toEqual([{ [key]: from }, { [key]: to }]);
  });

  it('refuses a value that is not on or off, and anyone but an admin, writing nothing', async () => {
    const before = await countRows(e.t.deps.db);
    const bad = await e.command('settings evidence-on-done sometimes', U.admin);
    expect(bad.reply).toContain('Say on or off after evidence-on-done, not “sometimes”.');
    for (const userId of [U.lead, U.member]) {
      const out = await e.command('settings extension-approval on', userId);
      expect(out.reply).toContain('Only an admin can change the programme’s settings');
    }
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});

describe('the settings form', () => {
  async function openForm() {
    await e.command('settings', U.admin);
    return e.slack.views.at(-1)!.view;
  }

  it('shows the switches and a channel picker holding the board channel; picking another changes it', async () => {
    const view = await openForm();
    const blocks = JSON.stringify(view.blocks);
    expect(blocks).toContain('"type":"conversations_select"');
    expect(blocks).toContain(`"initial_conversation":"${(await programme()).boardChannelId}"`);
    expect(blocks).toContain('Need the workstream lead’s approval');
    const ack = await e.submit({
      userId: U.admin,
      callbackId: 'settings_modal',
      privateMetadata: String(view.private_metadata),
      values: { ...FORM, boardChannelId: 'channel:C0NEWBOARD', evidenceOnDone: 'option:on' },
    });
    expect(ack.status).toBe(200);
    expect(await programme()).toMatchObject({ boardChannelId: 'C0NEWBOARD', evidenceOnDone: true });
    const rows = await e.t.deps.db.auditLog.findMany({ where: { action: { startsWith: 'settings.' } } });
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['settings.boardChannelId', 'settings.evidenceOnDone']),
    );
  });

  it('an empty channel picker, or a forged channel, keeps the board channel', async () => {
    const board = (await programme()).boardChannelId;
    for (const picked of ['', 'channel:<https://evil.example|Click>']) {
      const view = await openForm();
      await e.submit({
        userId: U.admin,
        callbackId: 'settings_modal',
        privateMetadata: String(view.private_metadata),
        values: { ...FORM, boardChannelId: picked },
      });
      expect((await programme()).boardChannelId).toBe(board);
      expect(await e.t.deps.db.auditLog.count({ where: { action: 'settings.boardChannelId' } })).toBe(0);
    }
  });
});

describe('evidence on done and for verify', () => {
  it('when the programme needs evidence, done without it is refused and writes nothing; with it, done', async () => {
    await e.t.deps.db.programme.updateMany({ data: { evidenceOnDone: true } });
    await seedAction();
    const before = await countRows(e.t.deps.db);
    const bare = await e.command('action done A-1', U.owner);
    expect(bare.reply).toContain('This programme needs the evidence when an action is marked done');
    expect(bare.reply).toContain('/improve action done A-1 &lt;evidence&gt;');
    expect(bare.posts).toEqual([]);
    expect(await countRows(e.t.deps.db)).toEqual(before);
    const done = await e.command('action done A-1 Audit report in the Quality folder', U.owner);
    expect(shown(done.posts[0]!)).toContain('*Evidence:* Audit report in the Quality folder');
    expect(await a1()).toMatchObject({ status: 'done', evidenceNote: 'Audit report in the Quality folder' });
  });

  it('verify refuses a done action with no evidence, writing nothing, and says how to add it; added, it is verified', async () => {
    await seedAction();
    await e.command('action done A-1', U.owner);
    const before = await countRows(e.t.deps.db);
    const refused = await e.command('action verify A-1', U.lead);
    expect(refused.reply).toContain('A-1 has no evidence yet, so there is nothing to verify');
    expect(refused.reply).toContain('/improve action done A-1 &lt;evidence&gt;');
    expect(refused.posts).toEqual([]);
    expect(await countRows(e.t.deps.db)).toEqual(before);
    // Someone who is neither its owner, a lead nor an admin cannot add it.
    const stranger = await e.command('action done A-1 Report on SharePoint', U.member);
    expect(stranger.posts).toEqual([]);
    expect(await countRows(e.t.deps.db)).toEqual(before);
    const added = await e.command('action done A-1 Audit report in the Quality folder', U.owner);
    expect(added.posts).toHaveLength(1);
    expect(await a1()).toMatchObject({ status: 'done', evidenceNote: 'Audit report in the Quality folder' });
    const audit = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'action.evidence' } });
    expect(JSON.parse(audit.before!).evidenceNote).toBeNull();
    expect(JSON.parse(audit.after!).evidenceNote).toBe('Audit report in the Quality folder');
    const again = await e.command('action done A-1 Something else', U.owner);
    expect(again.reply).toContain('A-1 was already marked done');
    const verified = await e.command('action verify A-1', U.lead);
    expect(shown(verified.posts[0]!)).toContain('*Evidence:* Audit report in the Quality folder');
    expect(await a1()).toMatchObject({ status: 'verified' });
  });

  it('with evidence-for-verify off, a lead verifies without evidence and the reply says there was none', async () => {
    await e.command('settings evidence-for-verify off', U.admin);
    await seedAction();
    await e.command('action done A-1', U.owner);
    const verified = await e.command('action verify A-1', U.lead);
    expect(shown(verified.posts[0]!)).toContain('No evidence note (not required by this programme)');
    expect(await a1()).toMatchObject({ status: 'verified' });
  });

  it.each([
    ['the owner', U.owner, false],
    ['a member', U.member, false],
    ['a lead of another workstream', U.otherLead, false],
    ['the workstream lead', U.lead, true],
    ['an admin', U.admin, true],
  ])('who may verify evidence: %s', async (_who, userId, allowed) => {
    await seedAction();
    await e.command('action done A-1 Audit report in the Quality folder', U.owner);
    const before = await countRows(e.t.deps.db);
    await e.command('action verify A-1', userId);
    expect((await a1()).status).toBe(allowed ? 'verified' : 'done');
    if (!allowed) expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});
