/** /improve update and /improve rag through the real Bolt app over HTTP, with the Slack stand-in. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('/improve update', () => {
  it('echoes the update in the channel with the RAG move and stores it', async () => {
    const out = await e.command('update WS1 amber Recruitment behind plan: 6 of 12 posts filled', U.lead);
    expect(out.http.status).toBe(200);
    expect(out.posts).toHaveLength(1);
    const post = out.posts[0]!;
    expect(post.channel).toBe('C0GENERAL');
    expect(JSON.stringify(post.blocks)).toContain('Recruitment behind plan: 6 of 12 posts filled');
    expect(JSON.stringify(post.blocks)).toContain('Not started → :large_orange_circle: *Amber*');
    const stored = await e.t.deps.db.update.findFirstOrThrow();
    expect(stored).toMatchObject({
      text: 'Recruitment behind plan: 6 of 12 posts filled',
      rag: 'amber',
      channelId: 'C0GENERAL',
      messageId: post.ts,
    });
  });

  it('refuses a member politely, returns their text and writes nothing', async () => {
    const out = await e.command('update WS1 Great week', U.member);
    expect(out.reply).toContain('Only the lead of WS1');
    expect(out.reply).toContain('/improve update WS1 Great week');
    expect(out.posts).toEqual([]);
    expect(await e.t.deps.db.update.count()).toBe(0);
  });

  it('never re-broadcasts @channel', async () => {
    await e.command('update WS1 <!channel> please read the audit', U.lead);
    const post = e.slack.messages.at(-1)!;
    expect(JSON.stringify(post.blocks)).not.toContain('<!channel>');
  });

  it('opens a modal with no arguments, and its submission posts the update', async () => {
    const out = await e.command('update', U.lead);
    expect(out.replies).toEqual([]);
    const view = e.slack.views.at(-1)!;
    expect(view.view.callback_id).toBe('update_modal');
    const ack = await e.submit({
      userId: U.lead,
      callbackId: 'update_modal',
      privateMetadata: String(view.view.private_metadata),
      values: { workstream: 'option:WS1', rag: 'option:green', text: 'All posts filled' },
    });
    expect(ack.status).toBe(200);
    expect(e.slack.messages.at(-1)?.text).toContain('All posts filled');
    expect((await e.t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } })).rag).toBe('green');
  });
});

describe('/improve rag', () => {
  it('shows from → to and requires a reason', async () => {
    const missing = await e.command('rag WS2 red', U.otherLead);
    expect(missing.reply).toContain('needs a reason');
    expect(missing.reply).toContain('Your text, so nothing is lost');
    const ok = await e.command('rag WS2 red Audit found 40% of assessments out of timescale', U.otherLead);
    expect(JSON.stringify(ok.posts[0]!.blocks)).toContain('Not started → :red_circle: *Red*');
    expect(await e.t.deps.db.ragChange.count()).toBe(1);
  });
});
