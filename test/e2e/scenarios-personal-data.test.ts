/**
 * The personal-data refusals table (test/scenarios/personal-data.ts) on Slack and on Teams,
 * through each real app: every command that stores free text refuses personal data, names what
 * it found, posts nothing, writes nothing anywhere (every table's row count), and gives the
 * person's whole text back. On Teams the command is typed in a channel, so the refusal also asks
 * the person to delete their channel message (messages.ts); that is checked too.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  PERSONAL_DATA_BUTTON_FORMS,
  PERSONAL_DATA_COMMANDS,
  PERSONAL_DATA_FORMS,
  seedPersonalDataScenarios,
} from '../scenarios/personal-data.js';
import { forEachPlatform, type Platform, startPlatform } from '../support/platforms.js';

forEachPlatform((name) => {
  let p: Platform;
  let ids: { silence: number; ws1: number };
  beforeEach(async () => {
    p = await startPlatform(name, { now: new Date('2026-11-23T10:00:00Z') });
    ids = await seedPersonalDataScenarios(p);
  });
  afterEach(async () => {
    p.assertExpected();
    await p.close();
  });

  it.each(PERSONAL_DATA_COMMANDS)('%s', async (_what, typed, role, named) => {
    const before = await p.countRows();
    const out = await p.command(typed, role);
    expect(out.reply).toMatch(/^\[warning\] It looks like it contains /);
    expect(out.reply).toContain(named);
    expect(out.reply).toContain('nothing was saved');
    expect(out.echoed).toBe(`${p.invocation} ${p.typed(typed)}`);
    expect(out.posts).toEqual([]);
    expect(await p.countRows()).toEqual(before);
    if (p.name === 'teams') expect(out.replies.at(-1)).toContain('Please delete it now');
  });

  it.each(PERSONAL_DATA_FORMS)('%s', async (_what, command, values, role) => {
    const before = await p.countRows();
    const out = await p.form(command, values, role);
    // The form stays open with the person's text in it, and the problem on the field.
    expect(out.reply).toMatch(/It looks like it contains .*never about a child, so nothing was saved/);
    expect(out.posts).toEqual([]);
    expect(out.elsewhere).toEqual([]);
    expect(await p.countRows()).toEqual(before);
  });

  it.each(PERSONAL_DATA_BUTTON_FORMS)('%s', async (_what, actionId, value, values, role) => {
    const before = await p.countRows();
    const out = await p.pressForm(actionId, value(ids), values, role);
    expect(out.reply).toMatch(/It looks like it contains .*never about a child, so nothing was saved/);
    expect(out.posts).toEqual([]);
    expect(out.edits).toEqual([]);
    expect(out.elsewhere).toEqual([]);
    expect(await p.countRows()).toEqual(before);
  });
});
