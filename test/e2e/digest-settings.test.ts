/**
 * /improve settings exceptions-only on|off and silence-days through the real Bolt app:
 * admins only, audited, and the next digest reads the new setting without a restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T08:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const programme = () => e.t.deps.db.programme.findFirstOrThrow();
const lastAudit = () => e.t.deps.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
const previewText = async () =>
  (await e.command('digest preview', U.member)).replies.map((r) => JSON.stringify(r.body.blocks)).join('\n');

describe('/improve settings for the digest', () => {
  it('turns the exceptions-only digest on and off, audited, read by the next digest', async () => {
    expect(await previewText()).toContain('*RAG at a glance*');
    const on = await e.command('settings exceptions-only on', U.admin);
    expect(on.reply).toContain(
      '*exceptions-only digest*: off (the full digest) → on (Reds, RAG changes, silence, overdue actions, KPIs not on track)',
    );
    expect((await programme()).digestExceptionsOnly).toBe(true);
    expect(await lastAudit()).toMatchObject({
      action: 'settings.digestExceptionsOnly',
      actor: U.admin,
      before: JSON.stringify({ digestExceptionsOnly: false }),
      after: JSON.stringify({ digestExceptionsOnly: true }),
    });
    const text = await previewText();
    expect(text).toContain('Weekly digest (exceptions only): week of Monday 23 November 2026');
    expect(text).not.toContain('*RAG at a glance*');
    expect(text).not.toContain('*Coming up in the next 8 weeks*');
    expect(text).toContain('*Exceptions: what is Red*');
    const off = await e.command('settings exceptions-only off', U.admin);
    expect(off.reply).toContain('→ off (the full digest)');
    expect((await programme()).digestExceptionsOnly).toBe(false);
  });

  it('sets the silence threshold, within bounds that never flag a weekly updater', async () => {
    const out = await e.command('settings silence-days 21', U.admin);
    expect(out.reply).toContain('*silence threshold*: 14 days → 21 days');
    expect((await programme()).silenceDays).toBe(21);
    expect(await lastAudit()).toMatchObject({
      action: 'settings.silenceDays',
      before: JSON.stringify({ silenceDays: 14 }),
      after: JSON.stringify({ silenceDays: 21 }),
    });
    expect(await previewText()).toContain('*Silence: no update for 21 days or more*');
  });

  it.each([
    ['settings silence-days 3', 'from 7 to 90: under 7 would flag leads who update every week'],
    ['settings silence-days soon', '“soon” is not a number of days'],
    ['settings exceptions-only maybe', 'Say on or off after exceptions-only'],
    ['settings colour blue', "I don't know the setting “colour”"],
    ['settings exceptions-only on please', 'Say on or off after exceptions-only, not “on please”'],
  ])('refuses “%s” politely, returning the text and writing nothing', async (text, why) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(why);
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it.each([
    ['a workstream lead', U.lead],
    ['a member', U.member],
  ])('refuses %s: only admins change the digest settings', async (_who, user) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command('settings exceptions-only on', user);
    expect(out.reply).toContain('Only an admin can change the programme’s settings');
    expect(await countRows(e.t.deps.db)).toEqual(before);
    expect((await programme()).digestExceptionsOnly).toBe(false);
  });
});
