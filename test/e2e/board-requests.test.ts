/**
 * /improve ask through the real Bolt app: a board request is recorded as an action of kind
 * 'board_request', posted in the channel, reminded to its owner like any action, listed in the
 * digest until it is done, and closed with `action done`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';
import { countRows } from '../support/row-counts.js';
import { visibleText } from '../support/visible.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  at(e, '2026-11-23 10:00');
  await seedProgramme(e.t.deps);
  roster(e, everyone());
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('/improve ask', () => {
  it('records what the board asked for, reminds the owner, shows it in the digest until it is done', async () => {
    const out = await e.command(
      `ask WS1 <@${U.owner}|owner> 26/11/2026 A report on agency social worker numbers by team`,
      U.admin,
      { channelId: 'C0BOARD' },
    );
    expect(out.posts).toHaveLength(1);
    const post = visibleText(out.posts[0]!.blocks);
    expect(post).toContain('*The board asked for* (WS1 Support and Develop Our Workforce):');
    expect(post).toContain('*A-1* A report on agency social worker numbers by team');
    expect(post).toContain(`Board request · owner <@${U.owner}> · due *26/11/2026*`);
    const row = await e.t.deps.db.action.findFirstOrThrow();
    expect(row).toMatchObject({ number: 1, kind: 'board_request', status: 'open', dueDate: '2026-11-26' });
    expect(
      await e.t.deps.db.auditLog.count({ where: { action: 'action.created', entityId: String(row.id) } }),
    ).toBe(1);

    const preview = await e.command('digest preview', U.admin);
    const digest = preview.replies.map((r) => visibleText(r.body.blocks)).join('\n');
    expect(digest).toContain('Board requests still open (1)');
    expect(digest).toContain('A report on agency social worker numbers by team');

    // Due in 3 days on Monday 23/11: the owner's reminder lists it like any action.
    await job(e).run(at(e, '2026-11-24 09:30'));
    const [dm] = dmsTo(e, U.owner);
    expect(shown(dm)).toContain('A report on agency social worker numbers by team');

    at(e, '2026-11-25 10:00');
    const done = await e.command('action done A-1 Report tabled at the board on 25/11', U.owner);
    expect(visibleText(done.posts[0]!.blocks)).toContain(
      'Done: *A-1* A report on agency social worker numbers',
    );
    const after = await e.command('digest preview', U.admin);
    expect(after.replies.map((r) => visibleText(r.body.blocks)).join('\n')).not.toContain(
      'Board requests still open',
    );
  });

  it('refuses bad input politely, returning the text and writing nothing', async () => {
    const before = await countRows(e.t.deps.db);
    for (const [text, message] of [
      [`ask WS1 <@${U.owner}|owner> 26/11/2026`, 'Say what the board asked for'],
      [`ask WS1 owner 26/11/2026 A report`, 'is not a Slack mention'],
      [`ask WS1 <@${U.owner}|owner> 01/11/2026 A report`, '01/11/2026 is in the past'],
      [`ask WS9 <@${U.owner}|owner> 26/11/2026 A report`, "I can't find a workstream called “WS9”"],
    ] as const) {
      const out = await e.command(text, U.admin);
      expect(out.reply).toContain(message);
      expect(out.reply).toContain('Your text, so nothing is lost');
      expect(out.reply).not.toContain('action add');
    }
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});
