/**
 * Two commands that used to go wrong: a 40,000-character one (refused before parsing, politely,
 * with every character handed back) and a second command without a trigger_id (it used to be
 * taken for a retry of the first and dropped without a reply).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type E2E, SIGNING_SECRET, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';
import { postToApp } from '../support/signed-requests.js';
import { slashCommandPayload } from '../support/slack-payloads.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

it('refuses a 40,000-character command of unclosed quotes, returning all of it, writing nothing', async () => {
  const before = await countRows(e.t.deps.db);
  const text = `update WS1 ${'"a '.repeat(13_330)}`;
  expect(text.length).toBeGreaterThan(40_000);
  const out = await e.command(text, U.lead);
  expect(out.reply).toContain('characters long; the most I take is 12,000');
  const blocks = (out.replies[0]!.body.blocks as { text: { text: string } }[]).map((b) => b.text.text);
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(blocks.every((b) => b.length <= 3000)).toBe(true);
  // Every character comes back, in order, inside the quoted sections.
  const echoed = blocks
    .slice(1)
    .map((b) => b.replace(/^```|```$/g, ''))
    .join('');
  const want = `/improve ${text}`.trim();
  expect(echoed).toBe(want);
  expect(out.posts).toEqual([]);
  expect(await countRows(e.t.deps.db)).toEqual(before);
});

it('answers a second command that comes without a trigger_id', async () => {
  const send = async (tag: string, words: string) => {
    const fields = slashCommandPayload({
      teamId: TEAM,
      userId: U.lead,
      channelId: 'C0GENERAL',
      text: words,
      responseUrl: e.slack.responseUrl(tag, { channel: 'C0GENERAL', user: U.lead }),
    });
    const { trigger_id: _dropped, ...withoutTrigger } = fields;
    const res = await postToApp(
      e.url,
      new URLSearchParams(withoutTrigger).toString(),
      'application/x-www-form-urlencoded',
      {
        signingSecret: SIGNING_SECRET,
      },
    );
    await e.runtime.idle();
    expect(res.status).toBe(200);
  };
  await send('first', 'update WS1 Four social workers started');
  await send('second', 'update WS1 Two more started today');
  const posts = e.slack.messages.filter((m) => !m.ephemeralFor).map((m) => m.text);
  expect(posts).toEqual([
    expect.stringContaining('Four social workers'),
    expect.stringContaining('Two more'),
  ]);
  expect(await e.t.deps.db.update.count()).toBe(2);
});
