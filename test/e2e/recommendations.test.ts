/** /improve recommendation add, link, list and /improve coverage (with its post button), through the real Bolt app. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST_COVERAGE_ACTION } from '../../commands/recommendation-format.js';
import { addAction } from '../../src/services/add-action.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';
import { buttonIn, visibleText } from '../support/visible.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('/improve recommendation add', () => {
  it('records a recommendation with its source and date, and says it is not covered yet', async () => {
    const out = await e.command(
      'recommendation add R1 Improve the quality and timeliness of assessments source inspection report 14/11/2026',
      U.admin,
    );
    expect(out.reply).toContain(
      'Recommendation recorded: *R1* Improve the quality and timeliness of assessments (inspection report of 14/11/2026).',
    );
    expect(out.reply).toContain('It is *not covered* until work is linked to it');
    const row = await e.t.deps.db.recommendation.findFirstOrThrow();
    expect(row).toMatchObject({
      ref: 'R1',
      number: 1,
      source: 'inspection_report',
      sourceDate: '2026-11-14',
      text: 'Improve the quality and timeliness of assessments',
    });
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'recommendation.add' } })).toBe(1);
  });

  it.each([
    ['PA1 Strengthen oversight source monitoring letter 20/11/2026', 'monitoring_letter', '2026-11-20'],
    ['IN1 Caseload at most 25 source improvement notice', 'improvement_notice', null],
    [
      "C1 Appoint a permanent DCS source commissioner's report 01/11/2026",
      'commissioners_report',
      '2026-11-01',
    ],
    ['R2 Use the source data better', 'inspection_report', null],
  ])('reads “%s”', async (text, source, sourceDate) => {
    const out = await e.command(`recommendation add ${text}`, U.admin);
    expect(out.reply).toContain(':white_check_mark:');
    expect(await e.t.deps.db.recommendation.findFirstOrThrow()).toMatchObject({ source, sourceDate });
  });

  it.each([
    ['recommendation add R1', 'Say what the recommendation is'],
    [
      'recommendation add R1 Improve assessments source monitoring letter blue moon',
      'as the document’s date',
    ],
    ['recommendation add R1 Improve assessments source monitoring letter 01/12/2026', 'after today'],
    ['recommendation add R1!? Improve assessments', 'is not a reference I can use'],
  ])('refuses “%s” politely, returning the text and writing nothing', async (text, message) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(message);
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('refuses a duplicate reference, whatever its case, and personal data', async () => {
    await e.command('recommendation add R1 Improve assessments', U.admin);
    const before = await countRows(e.t.deps.db);
    expect((await e.command('recommendation add r1 Something else', U.admin)).reply).toContain(
      'There is already a recommendation R1',
    );
    expect(
      (await e.command('recommendation add R2 Call Jo Bloggs on 07700 900123 about it', U.admin)).reply,
    ).toContain('nothing was saved');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});

describe('/improve recommendation link, list and coverage', () => {
  it('links a workstream and an action, lists them, and gives each recommendation its verdict', async () => {
    await e.command('recommendation add R1 Improve assessments', U.admin);
    await e.command('recommendation add R2 Stable workforce', U.admin);
    await e.command(
      'recommendation add PA1 Management oversight source monitoring letter 20/11/2026',
      U.admin,
    );
    await addAction(
      { workstream: 'WS2', ownerUserId: U.owner, dueDate: '2026-11-30', text: 'Audit 20 assessments' },
      e.t.deps,
      as(U.otherLead),
    );
    await addAction(
      { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-12-15', text: 'Recruit team managers' },
      e.t.deps,
      as(U.lead),
    );
    const linked = await e.command('recommendation link R1 WS2', U.otherLead);
    expect(linked.reply).toContain('*R1* is now addressed by WS2 Improve Our Practice and its actions.');
    expect((await e.command('recommendation link R2 a2', U.lead)).reply).toContain(
      '*R2* is now addressed by A-2 Recruit team managers (WS1).',
    );
    const again = await e.command('recommendation link R2 A-2', U.admin);
    expect(again.reply).toContain('R2 is already linked to A-2; nothing was changed.');

    const list = await e.command('recommendation list', U.member);
    expect(list.reply.split('\n')).toEqual([
      '*Recommendations (3)*',
      '• *R1* Improve assessments (inspection report) · linked: WS2, A-1',
      '• *R2* Stable workforce (inspection report) · linked: A-2',
      '• *PA1* Management oversight (monitoring letter of 20/11/2026) · _nothing linked_',
    ]);

    e.t.clock.set(new Date('2026-12-02T10:00:00Z'));
    const out = await e.command('coverage', U.member, { channelId: 'C0BOARD' });
    expect(out.posts).toEqual([]);
    expect(out.replies[0]!.body.response_type).toBe('ephemeral');
    const shown = visibleText(out.replies[0]!.body.blocks);
    expect(shown).toContain('*Recommendations:* 1 covered and on time, 1 overdue, 1 not covered');
    expect(shown).toContain(':warning: *R1* Improve assessments (inspection report): *covered but overdue*');
    expect(shown).toContain(
      `   • A-1 Audit 20 assessments · WS2 · <@${U.owner}> · *overdue* since 30/11/2026`,
    );
    expect(shown).toContain(
      ':white_check_mark: *R2* Stable workforce (inspection report): *covered and on time*',
    );
    expect(shown).toContain(
      ':x: *PA1* Management oversight (monitoring letter of 20/11/2026): *not covered*',
    );

    const button = buttonIn(out.replies[0]!.body.blocks, POST_COVERAGE_ACTION)!;
    expect(button.text).toEqual(expect.objectContaining({ text: 'Post to channel' }));
    const before = e.slack.messages.length;
    await e.press({
      userId: U.member,
      actionId: POST_COVERAGE_ACTION,
      value: button.value!,
      channelId: 'C0BOARD',
    });
    const posted = e.slack.messages.slice(before).filter((m) => !m.ephemeralFor);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.channel).toBe('C0BOARD');
    const visible = visibleText(posted[0]!.blocks);
    expect(visible).toContain('1 covered and on time, 1 overdue, 1 not covered');
    expect(visible).toContain(`Posted by <@${U.member}> · as of 02/12/2026`);
    expect(visible).not.toContain('Post to channel');
  });

  it('refuses links that name nothing, writing nothing', async () => {
    await e.command('recommendation add R1 Improve assessments', U.admin);
    const before = await countRows(e.t.deps.db);
    expect((await e.command('recommendation link R9 WS1', U.admin)).reply).toContain(
      'There is no recommendation “R9”',
    );
    expect((await e.command('recommendation link R1 A-99', U.admin)).reply).toContain(
      'There is no action A-99',
    );
    expect((await e.command('recommendation link R1 WS7', U.admin)).reply).toContain(
      "I can't find a workstream called “WS7”",
    );
    expect((await e.command('recommendation link R1', U.admin)).reply).toContain('Please give a workstream');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('says so when nothing is recorded, and the digest gains one coverage line only once there is', async () => {
    expect((await e.command('coverage', U.member)).reply).toContain('No recommendations are recorded yet');
    const before = await e.command('digest preview', U.admin);
    expect(JSON.stringify(before.replies[0]!.body)).not.toContain('Recommendations:');
    await e.command('recommendation add R1 Improve assessments', U.admin);
    const after = await e.command('digest preview', U.admin);
    expect(visibleText(after.replies[0]!.body.blocks)).toContain(
      '*Recommendations:* 0 covered and on time, 0 overdue, 1 not covered',
    );
  });
});
