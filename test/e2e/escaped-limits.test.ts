/**
 * Slack's 3,000-character section limit counts the text Slack receives, after escaping: a
 * 2,000-character update full of '&', '<' and '>' escapes to several times that. Through the real
 * Bolt app, every section the stand-in receives is within the limit (the stand-in refuses longer
 * ones, as Slack does), and the sections, joined and unescaped, give back every character.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/local/slack-web-api/types.js';
import { type E2E, sealedMetadata, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';

/** Slack shows &lt; &gt; &amp; as < > &. */
const seen = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Slack escapes a slash command's text the same way before sending it. */
const asSlackSends = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Just under the 2,000-character limit: each '&' becomes five characters, each '<' or '>' four. */
function ampersandText(length = 1990): string {
  const words = ['Q&A', '<draft>', 'R&D', 'plan', '&', '>', 'board', '<<&&>>', 'A&E'];
  let text = '';
  for (let i = 0; text.length < length; i += 1) text += `${words[i % words.length]}${i % 17 ? ' ' : '\n'}`;
  return text.slice(0, length).trimEnd();
}

type Section = { type: string; text?: { text: string } };
const sectionsOf = (message: { blocks?: unknown[] }): Section[] =>
  ((message.blocks ?? []) as Section[]).filter((b) => b.type === 'section');

function expectWholeAndWithinLimit(message: StoredMessage | { blocks?: unknown[] }, original: string) {
  const sections = sectionsOf(message);
  expect(sections.length).toBeGreaterThan(1);
  for (const s of sections) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
  const joined = seen(sections.map((s) => s.text!.text).join(''));
  expect(joined.endsWith(original)).toBe(true);
}

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('an update full of & < >', () => {
  it('by command: the channel post is split into sections, nothing cut', async () => {
    const original = ampersandText();
    const out = await e.command(`update WS1 ${asSlackSends(original)}`, U.lead);
    expect(out.posts).toHaveLength(1);
    expect((await e.t.deps.db.update.findFirstOrThrow()).text).toBe(original);
    const post = out.posts[0]!;
    expectWholeAndWithinLimit(post, original);
    expect(seen(sectionsOf(post)[0]!.text!.text)).toMatch(/^\*WS1 .*\*: update\n/);
  });

  it('by the update form: the same', async () => {
    const original = ampersandText(1999);
    await e.submit({
      userId: U.lead,
      callbackId: 'update_modal',
      privateMetadata: sealedMetadata(JSON.stringify({ channelId: 'C0GENERAL' })),
      values: { workstream: 'WS1', text: original },
    });
    const post = e.slack.messages.filter((m) => !m.ephemeralFor).at(-1)!;
    expectWholeAndWithinLimit(post, original);
  });

  it('the status card of its workstream stays within the limit', async () => {
    await e.command(`update WS1 ${asSlackSends(ampersandText())}`, U.lead);
    const out = await e.command('status WS1', U.lead);
    const reply = out.replies[0]!.body as { blocks?: unknown[] };
    for (const s of sectionsOf(reply)) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
    expect(seen(JSON.stringify(reply.blocks))).toContain('Q&A <draft> R&D plan');
  });

  it('a refusal gives the whole text back, every section within the limit', async () => {
    const original = ampersandText();
    const out = await e.command(`update WS9 ${asSlackSends(original)}`, U.lead);
    const quoted = out.replies.flatMap((r) => sectionsOf(r.body as { blocks?: unknown[] }));
    for (const s of quoted) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
    const code = quoted.map((s) => s.text!.text).filter((t) => t.startsWith('```'));
    expect(seen(code.map((t) => t.slice(3, -3)).join(''))).toBe(
      `/improve update WS9 ${original}`.replace(/```/g, '`\u200b``'),
    );
    expect(await e.t.deps.db.update.count()).toBe(0);
  });
});
