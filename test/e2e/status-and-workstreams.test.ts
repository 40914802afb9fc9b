/** /improve status (with its 'Post to channel' button), workstream list and project add, through the real Bolt app. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST_STATUS_ACTION } from '../../commands/status-message.js';
import { addAction } from '../../src/services/add-action.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

type Shown = {
  text?: { text?: string };
  elements?: { text?: string | { text?: string }; action_id?: string; value?: string }[];
};
/** Every piece of text a user would read in Block Kit blocks, one per line. */
const visibleText = (blocks: unknown): string =>
  ((blocks ?? []) as Shown[])
    .flatMap((b) => [
      b.text?.text,
      ...(b.elements ?? []).map((el) => (typeof el.text === 'string' ? el.text : el.text?.text)),
    ])
    .filter(Boolean)
    .join('\n');

describe('/improve status', () => {
  it('shows the RAG summary sheet to the user only; the button posts it to the channel for everyone', async () => {
    await e.command('update WS1 amber Recruitment behind plan: 6 of 12 posts filled', U.lead);
    const out = await e.command('status', U.member, { channelId: 'C0BOARD' });
    expect(out.posts).toEqual([]);
    expect(out.replies).toHaveLength(1);
    expect(out.replies[0]!.body.response_type).toBe('ephemeral');
    const shown = visibleText(out.replies[0]!.body.blocks);
    expect(shown).toContain(
      ':red_circle: Red *0*   :large_orange_circle: Amber *1*   :large_green_circle: Green *0*   :large_blue_circle: Complete *0*   :white_circle: Not started *1*',
    );
    expect(shown).toContain(
      ':large_orange_circle: *WS1* Support and Develop Our Workforce: Amber · last update 23/11/2026',
    );
    expect(shown).toContain(':white_circle: *WS2* Improve Our Practice: Not started · no updates yet');
    const button = (out.replies[0]!.body.blocks as Shown[])
      .flatMap((b) => b.elements ?? [])
      .find((el) => el.action_id === POST_STATUS_ACTION)!;
    expect(button.text).toEqual(expect.objectContaining({ text: 'Post to channel' }));

    const before = e.slack.messages.length;
    await e.press({
      userId: U.member,
      actionId: POST_STATUS_ACTION,
      value: button.value!,
      channelId: 'C0BOARD',
    });
    const posted = e.slack.messages.slice(before).filter((m) => !m.ephemeralFor);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.channel).toBe('C0BOARD');
    const visible = visibleText(posted[0]!.blocks);
    expect(visible).toContain('Amber *1*');
    expect(visible).toContain(`Posted by <@${U.member}>`);
    expect(visible).not.toContain('Post to channel');
  });

  it('answers in one SQL statement: the workspace’s programmes and the chosen one’s workstreams', async () => {
    await e.command('update WS1 amber Recruitment behind plan: 6 of 12 posts filled', U.lead);
    e.t.database.queries.count = 0;
    const out = await e.command('status', U.member, { channelId: 'C0BOARD' });
    expect(e.t.database.queries.count).toBe(1);
    expect(visibleText(out.replies[0]!.body.blocks)).toContain('Amber *1*');
    // Stamped by the command itself with the programme it summarised, not by a second read.
    const button = (out.replies[0]!.body.blocks as Shown[])
      .flatMap((b) => b.elements ?? [])
      .find((el) => el.action_id === POST_STATUS_ACTION)!;
    expect(button.value).toMatch(/^P\d+\/$/);
  });

  it('shows a workstream’s report card: RAG and reason, projects, open and overdue actions, latest update', async () => {
    await e.command('project add WS1 Recruitment and retention', U.lead);
    await e.command('rag WS1/recruitment green All posts advertised', U.lead);
    await e.command('update WS1 red Three leavers this month', U.lead);
    await addAction(
      { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-11-30', text: 'Exit interviews' },
      e.t.deps,
      as(U.lead),
    );
    await addAction(
      { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-12-15', text: 'Agency plan' },
      e.t.deps,
      as(U.lead),
    );
    e.t.clock.set(new Date('2026-12-02T10:00:00Z'));
    const out = await e.command('status workforce', U.member);
    const shown = visibleText(out.replies[0]!.body.blocks);
    expect(shown).toContain('WS1 Support and Develop Our Workforce');
    expect(shown).toContain(
      '*RAG:* :red_circle: Red since 23/11/2026\n*Reason:* Three leavers this month\n*Leads:* <@U0LEAD1>',
    );
    expect(shown).toContain('• :large_green_circle: Green: Recruitment and retention');
    expect(shown).toContain('*Actions:* 2 open, *1 overdue*');
    expect(shown).toContain('*Latest update* (23/11/2026, <@U0LEAD1>):\nThree leavers this month');

    const button = (out.replies[0]!.body.blocks as Shown[])
      .flatMap((b) => b.elements ?? [])
      .find((el) => el.action_id === POST_STATUS_ACTION)!;
    // The value names the programme too, so the button acts on this programme's WS1.
    expect(button.value).toMatch(/^P\d+\/WS1$/);
    await e.press({ userId: U.member, actionId: POST_STATUS_ACTION, value: button.value! });
    expect(visibleText(e.slack.messages.at(-1)!.blocks)).toContain('*Actions:* 2 open, *1 overdue*');
  });

  it('refuses an unknown workstream politely', async () => {
    const out = await e.command('status WS9', U.member);
    expect(out.reply).toContain("I can't find a workstream called “WS9”");
    expect(out.reply).toContain('Your text, so nothing is lost');
  });
});

describe('/improve workstream list and project add', () => {
  it('lists code, name, RAG with emoji, leads and last update date', async () => {
    await e.command('update WS2 green Audit completed', U.otherLead);
    const out = await e.command('workstream list', U.member);
    expect(out.reply.split('\n')).toEqual([
      '*Workstreams*',
      `• :white_circle: *WS1* Support and Develop Our Workforce · Not started · lead <@${U.lead}> · no updates yet`,
      `• :large_green_circle: *WS2* Improve Our Practice · Green · lead <@${U.otherLead}> · last update 23/11/2026`,
    ]);
  });

  it('adds a project for the lead, refuses a duplicate and the lead of another workstream', async () => {
    const out = await e.command('project add workforce "Newly qualified social worker academy"', U.lead);
    expect(out.reply).toContain(
      'Added project *Newly qualified social worker academy* to *WS1 Support and Develop Our Workforce*',
    );
    expect(
      (await e.command('project add WS1 newly qualified social worker academy', U.admin)).reply,
    ).toContain('already has a project called');
    expect((await e.command('project add WS1 Agency reduction', U.otherLead)).reply).toContain(
      `Only the lead of WS1 (<@${U.lead}>) or an admin can add projects to WS1`,
    );
    expect((await e.command('project add WS1', U.lead)).reply).toContain('Give the project a name');
    const projects = await e.t.deps.db.project.findMany();
    expect(projects.map((p) => [p.name, p.rag])).toEqual([
      ['Newly qualified social worker academy', 'not_started'],
    ]);
  });
});
