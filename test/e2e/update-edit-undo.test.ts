/** /improve update edit and update undo through the real Bolt app: the channel message changes in place. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const MINUTE = 60_000;
const channelMessage = (ts: string) => e.slack.messages.find((m) => m.ts === ts && !m.ephemeralFor)!;

describe('/improve update edit', () => {
  it('corrects the echoed message in place within 30 minutes and keeps the original in the database', async () => {
    const posted = await e.command('update WS1 Five social workers started this week', U.lead);
    const ts = posted.posts[0]!.ts;
    e.t.clock.advance(29 * MINUTE);
    const out = await e.command('update edit Four social workers started this week', U.lead);
    expect(out.posts).toEqual([]);
    expect(out.reply).toContain('Your update on WS1 now reads as corrected');
    const message = channelMessage(ts);
    expect(message.editedAt).toBeDefined();
    expect(JSON.stringify(message.blocks)).toContain('Four social workers started this week');
    expect(JSON.stringify(message.blocks)).not.toContain('Five');
    expect(JSON.stringify(message.blocks)).toContain('Edited by its author at 10:29');
    expect(await e.t.deps.db.update.findFirstOrThrow()).toMatchObject({
      text: 'Four social workers started this week',
      originalText: 'Five social workers started this week',
    });
  });

  it('refuses after 30 minutes, says how to post a correction, and changes nothing', async () => {
    const posted = await e.command('update WS1 Five social workers started this week', U.lead);
    e.t.clock.advance(31 * MINUTE);
    const out = await e.command('update edit Four social workers started this week', U.lead);
    expect(out.reply).toContain('is more than 30 minutes old, so it can no longer be edited');
    expect(out.reply).toContain('*For example:* `/improve update WS1 Correction to my earlier update: …`');
    expect(out.reply).toContain('/improve update edit Four social workers started this week');
    expect(channelMessage(posted.posts[0]!.ts).editedAt).toBeUndefined();
    expect(await e.t.deps.db.update.findFirstOrThrow()).toMatchObject({
      text: 'Five social workers started this week',
      originalText: null,
    });
  });

  it('refuses personal data in the correction, returning the text', async () => {
    await e.command('update WS1 Caseloads reviewed', U.lead);
    const out = await e.command('update edit Call 07700 900123 about caseloads', U.lead);
    expect(out.reply).toContain('nothing was saved');
    expect((await e.t.deps.db.update.findFirstOrThrow()).text).toBe('Caseloads reviewed');
  });
});

describe('/improve update undo', () => {
  it('withdraws the update, marks the channel message withdrawn, and leaves the RAG change in the history', async () => {
    const posted = await e.command('update WS1 amber Recruitment behind plan', U.lead);
    e.t.clock.advance(5 * MINUTE);
    const out = await e.command('update undo', U.lead);
    expect(out.reply).toContain('Your update on WS1 is withdrawn');
    expect(out.reply).toContain(
      'The RAG change it made (:white_circle: Not started → :large_orange_circle: Amber) stays in the RAG history',
    );
    expect(out.reply).toContain('`/improve rag WS1 not-started &lt;reason&gt;`');
    const message = channelMessage(posted.posts[0]!.ts);
    expect(message.text).toBe('WS1 update withdrawn by its author');
    expect(JSON.stringify(message.blocks)).not.toContain('Recruitment behind plan');
    expect(JSON.stringify(message.blocks)).toContain(`update withdrawn by <@${U.lead}> at 10:05`);
    const stored = await e.t.deps.db.update.findFirstOrThrow();
    expect(stored.withdrawnAt).not.toBeNull();
    expect(stored.text).toBe('Recruitment behind plan');
    expect((await e.t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } })).rag).toBe('amber');
  });

  it('does nothing for someone else: their undo finds no update of theirs', async () => {
    const posted = await e.command('update WS1 Audit complete', U.lead);
    const out = await e.command('update undo', U.admin);
    expect(out.reply).toContain('You have no update to withdraw');
    expect(channelMessage(posted.posts[0]!.ts).editedAt).toBeUndefined();
    expect((await e.t.deps.db.update.findFirstOrThrow()).withdrawnAt).toBeNull();
  });

  it('tells the author when the channel message has gone, but still withdraws', async () => {
    await e.command('update WS1 Audit complete', U.lead);
    e.slack.failNext('chat.update', { error: 'message_not_found' });
    const out = await e.command('update undo', U.lead);
    expect(out.replies.map((r) => r.body.text)).toEqual([
      expect.stringContaining('is withdrawn'),
      expect.stringContaining('could not change the message in the channel'),
    ]);
    expect((await e.t.deps.db.update.findFirstOrThrow()).withdrawnAt).not.toBeNull();
  });
});
