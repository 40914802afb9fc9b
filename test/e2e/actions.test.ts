/**
 * Every /improve action subcommand and the action add modal through the real Bolt app over HTTP,
 * with the Slack stand-in: what the user sees, and what the database holds afterwards.
 * The clock starts on Monday 23 November 2026.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { completeAction } from '../../src/services/complete-action.js';
import { type E2E, sealedMetadata, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const mention = (id: string) => `<@${id}>`;
/** Slack shows &lt; &gt; &amp; in mrkdwn as < > &. */
const seen = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const shown = (m: { text: string; blocks?: unknown[] }) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`;
const seedAction = (dueDate = '2026-12-04', ownerUserId: string = U.owner) =>
  addAction(
    // The same text on purpose: a second copy is confirmed with `anyway`, as `--anyway` does.
    {
      workstream: 'WS1',
      ownerUserId,
      dueDate,
      text: 'Recruit four newly qualified social workers',
      anyway: true,
    },
    e.t.deps,
    as(U.lead),
  );
const a1 = () => e.t.deps.db.action.findFirstOrThrow({ where: { number: 1 } });
const kinds = async () =>
  (await e.t.deps.db.actionEvent.findMany({ orderBy: { id: 'asc' } })).map((x) => x.kind);
const state = async () => ({
  actions: await e.t.deps.db.action.findMany({ orderBy: { id: 'asc' } }),
  events: await e.t.deps.db.actionEvent.count(),
  audits: await e.t.deps.db.auditLog.count(),
});

describe('/improve action add', () => {
  it('posts the new action in the channel with its reference, owner and UK due date', async () => {
    const out = await e.command(
      `action add WS1 ${mention(U.owner)} 31/03/2027 Recruit four newly qualified social workers`,
      U.lead,
    );
    expect(out.replies).toEqual([]);
    expect(out.posts).toHaveLength(1);
    const post = shown(out.posts[0]!);
    expect(out.posts[0]!.channel).toBe('C0GENERAL');
    for (const part of [
      '*A-1* Recruit four newly qualified social workers',
      `Owner ${mention(U.owner)}`,
      'due *31/03/2027*',
      'Wednesday 31 March 2027',
      'WS1 Support and Develop Our Workforce',
    ]) {
      expect(post).toContain(part);
    }
    expect(await a1()).toMatchObject({
      dueDate: '2027-03-31',
      status: 'open',
      text: 'Recruit four newly qualified social workers',
    });
    expect(await kinds()).toEqual(['created']);
  });

  it('takes a quoted workstream name, "me" as the owner, and dates like "next friday"', async () => {
    const out = await e.command(
      'action add “Improve Our Practice” me next friday Dip-sample 20 assessments',
      U.otherLead,
    );
    expect(shown(out.posts[0]!)).toContain(`Owner ${mention(U.otherLead)} · due *04/12/2026*`);
    const owner = await e.t.deps.db.person.findFirstOrThrow({ where: { platformUserId: U.otherLead } });
    expect(await a1()).toMatchObject({
      ownerId: owner.id,
      dueDate: '2026-12-04',
      text: 'Dip-sample 20 assessments',
    });
  });

  it('never re-broadcasts @channel from the action text', async () => {
    const out = await e.command(
      `action add WS1 ${mention(U.owner)} friday <!channel> read the audit`,
      U.lead,
    );
    expect(shown(out.posts[0]!)).not.toContain('<!channel>');
    expect(shown(out.posts[0]!)).toContain('@\u200Dchannel read the audit');
  });

  it.each([
    ['31/02 as the due date', `action add WS1 ${mention(U.owner)} 31/02 Recruit`, '31/02 is not a real date'],
    [
      'a past due date',
      `action add WS1 ${mention(U.owner)} 01/11/2026 Recruit`,
      '01/11/2026 is in the past: the due date must be today (23/11/2026) or later',
    ],
    ['an owner who is not a mention', 'action add WS1 jo 31/03/2027 Recruit', '“jo” is not a Slack mention'],
    ['no text', `action add WS1 ${mention(U.owner)} 31/03/2027`, 'Say what the action is'],
    [
      'an unknown workstream',
      `action add WS9 ${mention(U.owner)} 31/03/2027 Recruit`,
      "I can't find a workstream called “WS9”",
    ],
    [
      'personal data',
      `action add WS1 ${mention(U.owner)} 31/03/2027 Email jane.smith@example.org`,
      'nothing was saved',
    ],
  ])(
    'refuses %s with the usage, an example and the user’s text, and writes nothing',
    async (_what, text, message) => {
      const before = await state();
      const out = await e.command(text, U.lead);
      expect(out.posts).toEqual([]);
      expect(out.replies).toHaveLength(1);
      expect(out.replies[0]!.body.response_type).toBe('ephemeral');
      expect(out.reply).toContain(message);
      expect(out.reply).toContain('*For example:* `/improve action add');
      expect(out.reply).toContain('Your text, so nothing is lost');
      expect(out.reply).toContain(`/improve ${text.split(' ').slice(0, 3).join(' ')}`);
      expect(await state()).toEqual(before);
    },
  );
});

describe('the action add modal', () => {
  it('opens with pickers, and its submission posts the action', async () => {
    const out = await e.command('action add', U.lead, { channelId: 'C0PLAN' });
    expect(out.replies).toEqual([]);
    const view = e.slack.views.at(-1)!.view;
    expect(view.callback_id).toBe('action_add_modal');
    const elements = (view.blocks as { block_id: string; element: { type: string } }[]).map((b) => [
      b.block_id,
      b.element.type,
    ]);
    expect(elements).toEqual([
      ['workstream', 'static_select'],
      ['owner', 'users_select'],
      ['due', 'datepicker'],
      ['text', 'plain_text_input'],
    ]);
    const ack = await e.submit({
      userId: U.lead,
      callbackId: 'action_add_modal',
      privateMetadata: String(view.private_metadata),
      values: {
        workstream: 'option:WS1',
        owner: `user:${U.owner}`,
        due: 'date:2026-12-18',
        text: 'Launch the induction programme',
      },
    });
    expect(ack.status).toBe(200);
    const post = e.slack.messages.at(-1)!;
    expect(post.channel).toBe('C0PLAN');
    expect(shown(post)).toContain('*A-1* Launch the induction programme');
    expect(shown(post)).toContain(`Owner ${mention(U.owner)} · due *18/12/2026*`);
    expect(await a1()).toMatchObject({ dueDate: '2026-12-18', status: 'open' });
  });

  it('shows errors beside the fields and writes nothing', async () => {
    const submit = (values: Record<string, string>, userId: string = U.lead) =>
      e.submit({
        userId,
        callbackId: 'action_add_modal',
        privateMetadata: sealedMetadata(JSON.stringify({ channelId: 'C0PLAN' })),
        values,
      });
    const before = await state();
    const past = await submit({
      workstream: 'option:WS1',
      owner: `user:${U.owner}`,
      due: 'date:2026-11-20',
      text: 'Too late',
    });
    expect(past.body).toEqual({
      response_action: 'errors',
      errors: { due: '20/11/2026 is in the past: choose today (23/11/2026) or later.' },
    });
    const empty = await submit({ workstream: 'option:WS1', text: '' });
    expect(Object.keys((empty.body as { errors: object }).errors).sort()).toEqual(['due', 'owner', 'text']);
    const forbidden = await submit(
      {
        workstream: 'option:WS1',
        owner: `user:${U.owner}`,
        due: 'date:2026-12-18',
        text: 'Not my workstream',
      },
      U.otherLead,
    );
    expect((forbidden.body as { errors: { workstream: string } }).errors.workstream).toContain(
      'Only the lead of WS1',
    );
    expect(await state()).toEqual(before);
    expect(e.slack.messages).toEqual([]);
  });
});

describe('/improve action done and verify', () => {
  it('posts the completion with its evidence, then the verification; a second press changes nothing', async () => {
    await seedAction();
    const done = await e.command('action done a1 Offer letters on the shared drive', U.owner);
    expect(shown(done.posts[0]!)).toContain(
      ':white_check_mark: Done: *A-1* Recruit four newly qualified social workers',
    );
    expect(shown(done.posts[0]!)).toContain('*Evidence:* Offer letters on the shared drive');
    expect(shown(done.posts[0]!)).toContain('awaiting verification');
    expect(await a1()).toMatchObject({ status: 'done', evidenceNote: 'Offer letters on the shared drive' });
    const again = await e.command('action done A-1 Offer letters on the shared drive', U.owner);
    expect(again.posts).toEqual([]);
    expect(again.reply).toContain('A-1 was already marked done on 23/11/2026; nothing was changed.');
    const verified = await e.command('action verify 1', U.lead);
    expect(shown(verified.posts[0]!)).toContain(':medal: Verified: *A-1*');
    expect(shown(verified.posts[0]!)).toContain(`evidence signed off by ${mention(U.lead)}`);
    expect(await a1()).toMatchObject({ status: 'verified' });
    expect(await kinds()).toEqual(['created', 'done', 'verified']);
  });

  it('refuses an unknown reference and verifying your own work', async () => {
    const unknown = await e.command('action done A-99 All finished', U.owner);
    expect(unknown.reply).toContain('There is no action A-99.');
    expect(unknown.reply).toContain('/improve action done A-99 All finished');
    await seedAction('2026-12-04', U.lead);
    await completeAction({ ref: 'A-1' }, e.t.deps, as(U.lead));
    const own = await e.command('action verify A-1', U.lead);
    expect(own.reply).toContain('You own A-1, so someone else must verify it');
    expect(own.posts).toEqual([]);
    expect(await a1()).toMatchObject({ status: 'done' });
  });
});

describe('/improve action extend, reassign and drop', () => {
  it('extends with the new and old dates and the reason; refuses a missing reason and a past date', async () => {
    await seedAction();
    const noReason = await e.command('action extend A-1 18/12/2026', U.owner);
    expect(noReason.reply).toContain('A new due date needs a reason');
    expect(seen(noReason.reply)).toContain('*Usage:* `/improve action extend <ref> <new due date> <reason>`');
    const past = await e.command('action extend A-1 2026-11-01 Late', U.owner);
    expect(past.reply).toContain('01/11/2026 is in the past');
    expect(await kinds()).toEqual(['created']);
    const out = await e.command('action extend A-1 to 18/12/2026 HR approval slipped', U.owner);
    expect(shown(out.posts[0]!)).toContain('New due date *Friday 18/12/2026* (was 04/12/2026)');
    expect(shown(out.posts[0]!)).toContain('*Reason:* HR approval slipped');
    expect(await a1()).toMatchObject({ dueDate: '2026-12-18' });
  });

  it('reassigns to a mentioned person, telling them in the channel', async () => {
    await seedAction();
    const bad = await e.command('action reassign A-1 sam', U.lead);
    expect(bad.reply).toContain('“sam” is not a Slack mention');
    const out = await e.command(`action reassign A-1 to ${mention(U.member)} Jo is on secondment`, U.lead);
    expect(shown(out.posts[0]!)).toContain(`${mention(U.member)} now owns *A-1*`);
    expect(shown(out.posts[0]!)).toContain(`was ${mention(U.owner)}`);
    const member = await e.t.deps.db.person.findFirstOrThrow({ where: { platformUserId: U.member } });
    expect(await a1()).toMatchObject({ ownerId: member.id });
  });

  it('drops with a reason and keeps the action', async () => {
    await seedAction();
    const noReason = await e.command('action drop A-1', U.lead);
    expect(noReason.reply).toContain('Dropping A-1 needs a reason');
    expect(noReason.posts).toEqual([]);
    const out = await e.command('action drop A-1 Superseded by the new recruitment plan', U.lead);
    expect(shown(out.posts[0]!)).toContain(':heavy_multiplication_x: Dropped: *A-1*');
    expect(shown(out.posts[0]!)).toContain('*Reason:* Superseded by the new recruitment plan');
    expect(await a1()).toMatchObject({ status: 'dropped' });
  });
});

describe('/improve action list', () => {
  it('shows open actions to the user only, soonest first, with days overdue', async () => {
    await seedAction('2026-11-24');
    await seedAction('2026-12-10');
    await addAction(
      { workstream: 'WS2', ownerUserId: U.member, dueDate: '2026-11-30', text: 'Practice audit' },
      e.t.deps,
      as(U.otherLead),
    );
    e.t.clock.advance(3 * 24 * 3600 * 1000); // Thursday 26 November
    const out = await e.command('action list', U.member);
    expect(out.posts).toEqual([]);
    expect(out.replies[0]!.body.response_type).toBe('ephemeral');
    const text = shown(out.replies[0]!.body as { text: string; blocks: unknown[] });
    expect(text).toContain('*Open actions* (3), soonest due first:');
    expect(text.indexOf('*A-1*')).toBeLessThan(text.indexOf('*A-3*'));
    expect(text.indexOf('*A-3*')).toBeLessThan(text.indexOf('*A-2*'));
    expect(text).toContain(
      `:red_circle: *A-1* WS1 · Recruit four newly qualified social workers · ${mention(U.owner)} · due 24 Nov · *2 days overdue*`,
    );
    const overdue = await e.command('action list overdue', U.member);
    expect(overdue.reply).toContain('Overdue actions (1)');
    expect((await e.command(`action list ${mention(U.member)}`, U.lead)).reply).toContain('(1)');
    expect((await e.command('action list mine', U.owner)).reply).toContain('Your open actions (2)');
    expect((await e.command('action list practice', U.owner)).reply).toContain(
      'Open actions of WS2 Improve Our Practice (1)',
    );
    expect((await e.command('action list WS9', U.owner)).reply).toContain(
      "I can't find a workstream called “WS9”",
    );
  });

  it('caps a long list with “and N more”', async () => {
    for (let i = 0; i < 23; i += 1) await seedAction();
    const out = await e.command('actions', U.member);
    const text = shown(out.replies[0]!.body as { text: string; blocks: unknown[] });
    expect(text).toContain('*Open actions* (23)');
    expect(text).toContain('…and 3 more.');
    expect(text).toContain('*A-20*');
    expect(text).not.toContain('*A-21*');
  });

  it('explains the action subcommands when “action” has no known verb', async () => {
    expect((await e.command('action', U.member)).reply).toContain(
      '*Actions*: each has an owner, a due date and a reference',
    );
    const unknown = await e.command('action finish A-1', U.member);
    expect(unknown.reply).toContain("I don't know “action finish”");
  });
});

describe('a near-duplicate action', () => {
  const again = (text = 'recruit four newly-qualified social workers.') =>
    `action add WS1 ${mention(U.member)} 30/04/2027 ${text}`;

  it('asks for confirmation with the command ready to copy, and writes nothing', async () => {
    await seedAction();
    const before = await state();
    const out = await e.command(again(), U.lead);
    expect(out.posts).toEqual([]);
    expect(seen(out.reply)).toContain(
      'A-1 in WS1 is open and reads the same: “Recruit four newly qualified social workers”, due 04/12/2026. Nothing was added.',
    );
    expect(seen(out.reply)).toContain('put --anyway at the end of the text and send it again');
    expect(seen(out.reply)).toContain('The corrected command, ready to copy:');
    expect(seen(out.reply)).toContain(`/improve ${again()} --anyway`);
    expect(seen(out.reply)).toContain('Your text, so nothing is lost');
    expect(await state()).toEqual(before);
  });

  it('adds it with --anyway, without the word in its text', async () => {
    await seedAction();
    const out = await e.command(`${again()} --anyway`, U.lead);
    expect(shown(out.posts[0]!)).toContain('*A-2* recruit four newly-qualified social workers.');
    const a2 = await e.t.deps.db.action.findFirstOrThrow({ where: { number: 2 } });
    expect(a2.text).toBe('recruit four newly-qualified social workers.');
  });

  it('is not asked about for another workstream, a closed action, or a different action', async () => {
    await seedAction();
    const other = await e.command(
      `action add WS2 ${mention(U.member)} 30/04/2027 Recruit four newly qualified social workers`,
      U.otherLead,
    );
    expect(shown(other.posts[0]!)).toContain('*A-2*');
    const different = await e.command(again('Recruit four agency social workers'), U.lead);
    expect(shown(different.posts[0]!)).toContain('*A-3*');
    await e.command('action drop A-1 Superseded by the new recruitment plan', U.lead);
    const afterDrop = await e.command(again(), U.lead);
    expect(shown(afterDrop.posts[0]!)).toContain('*A-4*');
  });

  it('asks the same of a board request', async () => {
    await seedAction();
    const before = await state();
    const out = await e.command(
      `ask WS1 ${mention(U.owner)} 30/04/2027 Recruit four newly qualified social workers`,
      U.lead,
    );
    expect(out.posts).toEqual([]);
    expect(seen(out.reply)).toContain('A-1 in WS1 is open and reads the same');
    expect(await state()).toEqual(before);
  });

  it('in the form: said beside the text, and --anyway at its end adds it', async () => {
    await seedAction();
    const before = await state();
    const values = {
      workstream: 'option:WS1',
      owner: `user:${U.owner}`,
      due: 'date:2026-12-18',
      text: 'Recruit four newly qualified social workers',
    };
    const submit = (text: string) =>
      e.submit({
        userId: U.lead,
        callbackId: 'action_add_modal',
        privateMetadata: sealedMetadata(JSON.stringify({ channelId: 'C0PLAN' })),
        values: { ...values, text },
      });
    const refused = await submit(values.text);
    expect((refused.body as { errors: { text: string } }).errors.text).toContain(
      'A-1 in WS1 is open and reads the same',
    );
    expect(await state()).toEqual(before);
    await submit(`${values.text} --anyway`);
    expect(shown(e.slack.messages.at(-1)!)).toContain('*A-2* Recruit four newly qualified social workers');
  });
});
