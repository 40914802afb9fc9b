/**
 * Every subcommand in the registry, typed as an admin on each platform through its real app
 * (issue 13: "every command"): its help example is answered, in the channel or to the person,
 * and never with the apology for a fault of ours. Examples that name people use `@{role}` for a
 * real mention where the grammar needs one; others are answered with a polite refusal, which
 * counts: the point is that no command falls through on either platform.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SUBCOMMANDS } from '../../commands/index.js';
import { forEachPlatform, type Platform, startPlatform } from '../support/platforms.js';

/** The example as a person on this platform would type it: `@jo.bloggs` and friends as a real mention. */
const asTyped = (example: string) => example.replace(/@[a-z][\w.]*/gi, '@{owner}');

const OUR_FAULT = /something went wrong on our side/;

forEachPlatform((name) => {
  let p: Platform;
  beforeEach(async () => {
    // The board pack is shared as files on Slack (files.uploadV2); Teams is told to use npm run pack.
    p = await startPlatform(name, {
      slackMethods: ['files.getUploadURLExternal', 'files.completeUploadExternal'],
    });
    await p.seed();
  });
  afterEach(async () => {
    p.assertExpected();
    await p.close();
  });

  it.each(SUBCOMMANDS.map((s) => [s.name, s.examples[0] ?? s.name] as const))(
    '%s: “%s” is answered',
    async (_name, example) => {
      const out = await p.command(asTyped(example), 'admin');
      const shown = [out.reply, ...out.posts, ...out.edits].join('\n');
      expect(shown.trim().length + out.opened).toBeGreaterThan(0);
      expect(shown).not.toMatch(OUR_FAULT);
    },
  );
});
