/** `/improve snooze` and `/improve reminders`: a person's own settings, refused politely when wrong. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { at } from '../support/reminders.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
  at(e, '2026-11-23 10:00');
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const me = () =>
  e.t.deps.db.person.findFirstOrThrow({ where: { workspaceId: TEAM, platformUserId: U.owner } });

describe('/improve snooze', () => {
  it('snoozes to a date people type, says when reminders resume, and is audited; off ends it', async () => {
    const out = await e.command('snooze 24 dec', U.owner);
    expect(out.reply).toContain('*Thursday 24 December 2026*');
    expect(out.reply).toContain('The next one can come on Tuesday 29 December 2026');
    expect((await me()).snoozedUntil).toBe('2026-12-24');
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'reminders.snooze', actor: U.owner } })).toBe(
      1,
    );
    await e.command('snooze off', U.owner);
    expect((await me()).snoozedUntil).toBeNull();
  });

  it('refuses a past date with the usage, an example and the text typed, and changes nothing', async () => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command('snooze 01/11/2026', U.owner);
    expect(out.reply).toContain('is in the past');
    expect(out.reply).toContain('*Usage:* `/improve snooze &lt;last day with no reminders&gt;|off`');
    expect(out.reply).toContain('/improve snooze 01/11/2026');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});

describe('/improve reminders', () => {
  it('switches reminders off and on, and refuses anything else', async () => {
    await e.command('reminders off', U.owner);
    expect((await me()).remindersOff).toBe(true);
    const wrong = await e.command('reminders maybe', U.owner);
    expect(wrong.reply).toContain('“maybe” is not on or off');
    expect((await me()).remindersOff).toBe(true);
    const on = await e.command('reminders on', U.owner);
    expect(on.reply).toContain('Reminders are on');
    expect((await me()).remindersOff).toBe(false);
  });
});
