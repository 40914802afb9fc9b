/**
 * The command grammar's scenario tables (test/scenarios/command-grammar.ts) on Slack and on
 * Teams, through each real app: a near-miss is answered with the guess, the corrected command
 * ready to copy and the person's own text, and nothing is posted or stored; help for a group
 * lists every form of it. Today is Monday 23 November 2026 on the injected clock.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { HELP_GROUPS, NEAR_MISSES } from '../scenarios/command-grammar.js';
import { forEachPlatform, type Platform, startPlatform } from '../support/platforms.js';

forEachPlatform((name) => {
  let p: Platform;
  beforeEach(async () => {
    p = await startPlatform(name);
    await p.seed();
  });
  afterEach(async () => {
    p.assertExpected();
    await p.close();
  });

  it.each(NEAR_MISSES)('near-miss: %s', async (text, guess, corrected) => {
    const before = await p.countRows();
    const out = await p.command(text, 'lead');
    expect(out.posts).toEqual([]);
    expect(out.reply).toContain(guess);
    expect(out.reply).toContain(
      `The corrected command, ready to copy:\n\`\`\`${p.invocation} ${corrected}\`\`\``,
    );
    expect(out.reply).toContain(`Your text, so nothing is lost:\n\`\`\`${p.invocation} ${text}`);
    expect(await p.db.update.count()).toBe(0);
    expect(await p.db.ragChange.count()).toBe(0);
    expect(await p.countRows()).toEqual(before);
  });

  it.each(HELP_GROUPS)('%s lists every form of it', async (text, forms) => {
    const out = await p.command(text, 'member');
    for (const form of forms) expect(out.reply).toContain(`${p.invocation} ${form}`);
  });
});
