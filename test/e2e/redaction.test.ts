/**
 * Redaction through the real Bolt app: `/improve redact update <n>`, `/improve redact A-<n>` and
 * the "Remove personal data" message shortcut. What Slack shows (the post changed in place, the
 * replies), what the database holds (marker, audit rows), and a byte scan proving the removed
 * text is nowhere in the SQLite file, its WAL or free pages, nor in any PostgreSQL row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/local/slack-web-api.js';
import { declineAction } from '../../src/services/decline-action.js';
import { redactText } from '../../src/services/redact-text.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, OTHER_TEAM, seedProgramme, U } from '../support/factories.js';
import { placesHolding } from '../support/leftovers.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const HOUR = 3_600_000;
const FIRST = 'Quillonby rota drafted with the Brackenridge panel for the duty team';
// Two lines and quotes: in the audit log's JSON these are escapes (\n, \"), which the search for copies must still find.
const EDITED = 'Quillonby rota agreed with the "Brackenridge" panel\nfor the duty team';
const MARKER = 'removed by u0admin on 23/11/2026: personal data';
const post = (ts: string): StoredMessage => e.slack.messages.find((m) => m.ts === ts && !m.ephemeralFor)!;
const shown = (m: StoredMessage) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`;
const redactAudits = () => e.t.deps.db.auditLog.findMany({ where: { action: 'redact' } });

/** An amber update, corrected within the window, so three rows and several audit rows hold its words. */
async function postAndEdit(): Promise<{ ts: string; id: number }> {
  const posted = await e.command(`update WS1 amber ${FIRST}`, U.lead);
  expect(posted.posts).toHaveLength(1);
  e.t.clock.advance(10 * 60_000);
  await e.command(`update edit ${EDITED}`, U.lead);
  const update = await e.t.deps.db.update.findFirstOrThrow();
  expect(update).toMatchObject({ text: EDITED, originalText: FIRST });
  return { ts: posted.posts[0]!.ts, id: update.id };
}

describe('/improve redact update <n>', () => {
  it('an admin removes the text from every row, the audit log, the channel post and the database files', async () => {
    const { ts, id } = await postAndEdit();
    // The scan finds the text before the redaction: it can fail.
    expect(await placesHolding(e.t.target, 'Quillonby')).not.toEqual([]);
    e.t.clock.advance(48 * HOUR);
    const out = await e.command(`redact update ${id}`, U.admin);
    expect(out.reply).toContain(`The text of update ${id} (WS1) is removed`);
    expect(out.reply).toContain('removed by u0admin on 25/11/2026: personal data');
    const message = post(ts);
    expect(message.editedAt).toBeDefined();
    expect(shown(message)).toContain('removed by u0admin on 25/11/2026: personal data');
    expect(shown(message)).not.toContain('Quillonby');
    expect(shown(message)).toContain(`update ${id}`);
    const marker = 'removed by u0admin on 25/11/2026: personal data';
    expect(await e.t.deps.db.update.findFirstOrThrow()).toMatchObject({ text: marker, originalText: marker });
    expect(await e.t.deps.db.ragChange.findFirstOrThrow()).toMatchObject({ reason: marker, toRag: 'amber' });
    const audits = await e.t.deps.db.auditLog.findMany();
    expect(audits.filter((a) => `${a.before}${a.after}`.includes('Quillonby'))).toEqual([]);
    expect(audits.filter((a) => `${a.before}${a.after}`.includes(marker)).length).toBeGreaterThanOrEqual(3);
    const [removal] = await redactAudits();
    expect(removal).toMatchObject({ actor: U.admin, entity: 'update', entityId: String(id) });
    expect(JSON.parse(removal!.after!)).toMatchObject({ removed: ['text'], marker });
    expect(await placesHolding(e.t.target, 'Quillonby')).toEqual([]);
    expect(await placesHolding(e.t.target, 'Brackenridge')).toEqual([]);
  });

  it('the author removes their own update at any time', async () => {
    const { ts, id } = await postAndEdit();
    e.t.clock.advance(30 * 24 * HOUR);
    const out = await e.command(`redact update ${id}`, U.lead);
    expect(out.reply).toContain('removed by u0lead1 on 23/12/2026: personal data');
    expect(shown(post(ts))).not.toContain('Quillonby');
    expect((await e.t.deps.db.update.findFirstOrThrow()).text).toBe(
      'removed by u0lead1 on 23/12/2026: personal data',
    );
    expect(await placesHolding(e.t.target, 'Quillonby')).toEqual([]);
  });

  it('refuses anyone else politely, echoing the command, and changes nothing', async () => {
    const { ts, id } = await postAndEdit();
    const before = await e.t.deps.db.auditLog.count();
    for (const who of [U.member, U.otherLead]) {
      const out = await e.command(`redact update ${id}`, who);
      expect(out.reply).toContain(`Only an admin or the person who posted update ${id} can remove its text.`);
      expect(out.reply).toContain(`/improve redact update ${id}`);
    }
    expect(post(ts).text).toContain('Quillonby');
    expect(await e.t.deps.db.update.findFirstOrThrow()).toMatchObject({ text: EDITED, originalText: FIRST });
    expect(await e.t.deps.db.auditLog.count()).toBe(before);
    expect(await redactAudits()).toEqual([]);
  });

  it('says what was wrong with a missing or mistyped reference', async () => {
    const none = await e.command('redact update 99', U.admin);
    expect(none.reply).toContain('There is no update 99.');
    const typo = await e.command('redact update twelve', U.admin);
    expect(typo.reply).toContain('“twelve” is not an update number.');
    expect(typo.reply).toContain('/improve redact update twelve');
    const action = await e.command('redact B-7', U.admin);
    expect(action.reply).toContain('is not an action reference');
  });

  it('keeps workspaces apart: another workspace’s admin cannot reach the update', async () => {
    const { id } = await postAndEdit();
    await seedProgramme(e.t.deps, OTHER_TEAM);
    await expect(redactText({ kind: 'update', id }, e.t.deps, as(U.admin, OTHER_TEAM))).rejects.toThrow(
      `There is no update ${id}.`,
    );
    expect((await e.t.deps.db.update.findFirstOrThrow({ where: { id } })).text).toBe(EDITED);
  });
});

describe('/improve redact A-<n>', () => {
  it('an admin removes the action text, evidence note and notes; the author only their own', async () => {
    await e.command(
      'action add WS1 <@U0OWNER> 31/12/2026 Quillonby placement review with the Brackenridge panel',
      U.lead,
    );
    await e.command('action done A-1 Quillonby evidence filed by the Brackenridge panel', U.owner);
    const byOwner = await e.command('redact A-1', U.owner);
    expect(byOwner.reply).toContain('Removed from A-1: evidence note, 1 note');
    const action = await e.t.deps.db.action.findFirstOrThrow();
    expect(action.text).toContain('Quillonby placement review');
    expect(action.evidenceNote).toBe('removed by u0owner on 23/11/2026: personal data');
    const refused = await e.command('redact A-1', U.member);
    expect(refused.reply).toContain('Only an admin or the person who wrote a text of A-1 can remove it');
    const byAdmin = await e.command('redact A-1', U.admin);
    expect(byAdmin.reply).toContain('Removed from A-1: text');
    expect(byAdmin.reply).toContain('use the message shortcut “Remove personal data”');
    expect((await e.t.deps.db.action.findFirstOrThrow()).text).toBe(MARKER);
    const notes = await e.t.deps.db.actionEvent.findMany({ where: { note: { not: null } } });
    expect(notes.map((n) => n.note)).toEqual(['removed by u0owner on 23/11/2026: personal data']);
    expect((await redactAudits()).map((a) => a.actor)).toEqual([U.owner, U.admin]);
    expect(await placesHolding(e.t.target, 'Quillonby')).toEqual([]);
  });

  it('the owner removes their not-mine note, from the history and from the notices queued to the leads', async () => {
    await e.command('action add WS1 <@U0OWNER> 31/12/2026 Recruit four social workers', U.lead);
    const note = 'Quillonby says the Brackenridge panel owns this';
    await declineAction({ ref: 'A-1', suggestedUserId: U.member, note }, e.t.deps, as(U.owner));
    const notices = () => e.t.deps.db.reminderLog.findMany({ where: { kind: 'not_mine' } });
    expect((await notices()).map((n) => JSON.parse(n.payload).note)).toContain(note);
    const out = await e.command('redact A-1', U.owner);
    expect(out.reply).toContain('Removed from A-1: 1 note');
    const marker = 'removed by u0owner on 23/11/2026: personal data';
    expect((await notices()).map((n) => JSON.parse(n.payload).note)).toEqual(
      (await notices()).map(() => marker),
    );
    expect((await e.t.deps.db.action.findFirstOrThrow()).text).toBe('Recruit four social workers');
    expect(await placesHolding(e.t.target, 'Quillonby')).toEqual([]);
  });
});

describe('the "Remove personal data" message shortcut', () => {
  it('on an update post: finds the update by channel and ts, and changes the post in place', async () => {
    const { ts, id } = await postAndEdit();
    const out = await e.shortcut({ userId: U.admin, callbackId: 'remove_personal_data', message: post(ts) });
    expect(out.http.status).toBe(200);
    expect(out.reply).toContain(`The text of update ${id} (WS1) is removed`);
    expect(shown(post(ts))).toContain(MARKER);
    expect(shown(post(ts))).not.toContain('Quillonby');
    expect((await e.t.deps.db.update.findFirstOrThrow()).text).toBe(MARKER);
    expect(await redactAudits()).toHaveLength(1);
    expect(await placesHolding(e.t.target, 'Quillonby')).toEqual([]);
  });

  it('on an action post: removes the action’s texts and changes that post; a second post follows', async () => {
    const added = await e.command('action add WS1 <@U0OWNER> 31/12/2026 Quillonby placement review', U.lead);
    const done = await e.command('action done A-1 Quillonby evidence filed', U.owner);
    const [first, second] = [added.posts[0]!, done.posts[0]!];
    const out = await e.shortcut({ userId: U.admin, callbackId: 'remove_personal_data', message: first });
    expect(out.reply).toContain('Removed from A-1: text, evidence note, 1 note');
    expect(shown(post(first.ts))).toContain(MARKER);
    expect(shown(post(first.ts))).not.toContain('Quillonby');
    const member = await e.shortcut({
      userId: U.member,
      callbackId: 'remove_personal_data',
      message: second,
    });
    expect(member.reply).toContain('Only an admin or the person who wrote a text of A-1 can remove it');
    expect(shown(post(second.ts))).toContain('Quillonby evidence filed');
    const again = await e.shortcut({ userId: U.admin, callbackId: 'remove_personal_data', message: second });
    expect(again.reply).toContain('the stored texts had already been removed');
    expect(shown(post(second.ts))).not.toContain('Quillonby');
    expect(await placesHolding(e.t.target, 'Quillonby')).toEqual([]);
  });

  it('refuses someone else’s message and a member, changing nothing', async () => {
    const { ts } = await postAndEdit();
    await e.command('action add WS1 <@U0OWNER> 31/12/2026 Quillonby placement review', U.lead);
    // Someone's own message that happens to start with an action reference.
    const theirs: StoredMessage = {
      channel: 'C0GENERAL',
      ts: '1700000000.000100',
      user: U.member,
      text: 'A-1 is in hand',
    };
    const notBot = await e.shortcut({ userId: U.admin, callbackId: 'remove_personal_data', message: theirs });
    expect(notBot.reply).toContain(
      'That message was not posted by the improvement bot, so I hold no text of it to remove.',
    );
    const botPost: StoredMessage = {
      channel: 'C0GENERAL',
      ts: '1700000000.000200',
      user: e.slack.bot.userId,
      text: 'RAG summary',
    };
    const nothing = await e.shortcut({
      userId: U.admin,
      callbackId: 'remove_personal_data',
      message: botPost,
    });
    expect(nothing.reply).toContain('I have no stored text for that message.');
    expect(nothing.reply).toContain('`/improve redact update 12` (its number)');
    const member = await e.shortcut({
      userId: U.member,
      callbackId: 'remove_personal_data',
      message: post(ts),
    });
    expect(member.reply).toContain('Only an admin or the person who posted update');
    expect(post(ts).text).toContain('Quillonby');
    expect((await e.t.deps.db.action.findFirstOrThrow()).text).toBe('Quillonby placement review');
    expect(await redactAudits()).toEqual([]);
  });
});
