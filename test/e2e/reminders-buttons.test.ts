/**
 * Answering a reminder in one click, through the real Bolt app: Done, New date, Add update and
 * Not mine each change the plan, write the history and audit, and update the DM itself
 * (chat.update); a second press, or a press on a stale message, says so and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  at(e, '2026-11-02 10:00');
  await seedProgramme(e.t.deps);
  roster(e, everyone());
  await addActionAt(e, '2026-11-02 10:00', {
    due: '2026-11-09',
    text: 'Recruit four newly qualified social workers',
  });
  await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-20', text: 'Audit duty team assessments' });
  await job(e).run(at(e, '2026-11-23 09:30'));
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const reminder = () => dmsTo(e, U.owner)[0]!;
const reminderId = async () =>
  (await e.t.deps.db.reminderLog.findFirstOrThrow({ where: { kind: 'action', recipient: U.owner } })).id;
const action = (number: number) =>
  e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TEAM, number } });
const history = (kind: string) => e.t.deps.db.actionEvent.findMany({ where: { workspaceId: TEAM, kind } });

async function press(actionId: string, number: number, userId: string = U.owner) {
  const message = reminder();
  await e.press({
    userId,
    actionId,
    value: `${await reminderId()}.${number}`,
    channelId: message.channel,
    messageId: message.ts,
  });
}

async function openForm(actionId: string, number: number) {
  const before = e.slack.views.length;
  await press(actionId, number);
  expect(e.slack.views).toHaveLength(before + 1);
  return e.slack.views.at(-1)!.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
}

const updates = () =>
  e.slack.calls.filter((c) => c.method === 'chat.update' && c.args.channel === e.slack.dmChannelFor(U.owner));
const lastReply = () => String(e.slack.responses.at(-1)?.body.text ?? '');

describe('Done', () => {
  const submitDone = (form: { callback_id: string; private_metadata: string }, evidence: string) =>
    e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { evidence },
    });

  it('asks for the evidence, marks the action done with it, audits it and updates the DM; a second press changes nothing', async () => {
    const form = await openForm('reminder_done', 1);
    expect(form.callback_id).toBe('reminder_done_evidence');
    expect(JSON.stringify(form.blocks)).toContain('What shows it is done (the evidence)');
    expect(await action(1)).toMatchObject({ status: 'open' });
    await submitDone(form, 'Offer letters on SharePoint, Recruitment folder');
    expect(await action(1)).toMatchObject({
      status: 'done',
      evidenceNote: 'Offer letters on SharePoint, Recruitment folder',
    });
    expect(
      await e.t.deps.db.auditLog.count({
        where: { workspaceId: TEAM, action: 'action.done', actor: U.owner },
      }),
    ).toBe(1);
    expect(updates()).toHaveLength(1);
    expect(shown(reminder())).toContain(
      '*A-1* WS1 · Recruit four newly qualified social workers · *done*, thank you',
    );
    expect(shown(reminder())).toContain('1 overdue');
    expect(shown(reminder())).not.toContain('"value":"1.1"');
    await press('reminder_done', 1);
    expect(lastReply()).toContain('A-1 was already marked done on 23/11/2026; nothing was changed.');
    expect(await history('done')).toHaveLength(1);
    await submitDone(await openForm('reminder_done', 2), '');
    expect(await action(2)).toMatchObject({ status: 'done', evidenceNote: null });
    expect(shown(reminder())).toContain('All answered, thank you');
  });

  it('when the programme needs evidence, an empty form is refused on its field and nothing is written', async () => {
    await e.t.deps.db.programme.updateMany({ data: { evidenceOnDone: true } });
    const form = await openForm('reminder_done', 1);
    const ack = await submitDone(form, '  ');
    expect(ack.body).toMatchObject({
      response_action: 'errors',
      errors: { evidence: expect.stringContaining('needs the evidence when an action is marked done') },
    });
    expect(await action(1)).toMatchObject({ status: 'open', evidenceNote: null });
    expect(await history('done')).toHaveLength(0);
  });

  it('refuses personal data in the evidence on its field, writing nothing', async () => {
    const form = await openForm('reminder_done', 1);
    const ack = await submitDone(form, 'Checked with Jane Smith DOB 12/03/2015');
    expect(ack.body).toMatchObject({ response_action: 'errors' });
    expect(await action(1)).toMatchObject({ status: 'open', evidenceNote: null });
    expect(await history('done')).toHaveLength(0);
  });

  it('on a stale message says the action has moved on, and shows its current state', async () => {
    await e.command('action done A-2', U.owner);
    await press('reminder_new_date', 2);
    expect(lastReply()).toContain('A-2 was already marked done');
    expect(e.slack.views).toHaveLength(0);
    expect(shown(reminder())).toContain('*A-2* WS1 · Audit duty team assessments · *done*');
    expect(await history('extended')).toHaveLength(0);
  });
});

describe('New date', () => {
  it('opens a date picker and, with a reason, moves the due date and updates the DM', async () => {
    const form = await openForm('reminder_new_date', 1);
    expect(JSON.stringify(form.blocks)).toContain('"type":"datepicker"');
    const past = await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { due: 'date:2026-11-01', reason: 'Recruitment panel moved' },
    });
    expect(past.body).toMatchObject({
      response_action: 'errors',
      errors: { due: expect.stringContaining('in the past') },
    });
    const noReason = await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { due: 'date:2027-01-15', reason: '' },
    });
    expect(noReason.body).toMatchObject({
      response_action: 'errors',
      errors: { reason: expect.stringContaining('why') },
    });
    expect((await action(1)).dueDate).toBe('2026-11-09');
    await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { due: 'date:2027-01-15', reason: 'Recruitment panel moved to January' },
    });
    expect((await action(1)).dueDate).toBe('2027-01-15');
    expect(await history('extended')).toMatchObject([
      { fromDue: '2026-11-09', toDue: '2027-01-15', note: 'Recruitment panel moved to January' },
    ]);
    expect(shown(reminder())).toContain('due 15 Jan 2027');
    expect(shown(reminder())).toContain('New date set (was 9 Nov)');
  });
  it('recounts the header: an action moved to a later date is no longer overdue or due soon', async () => {
    const header = () => String(reminder().text);
    expect(header()).toBe('Reminder: 2 overdue (A-1, A-2)');
    for (const number of [1, 2]) {
      const form = await openForm('reminder_new_date', number);
      await e.submit({
        userId: U.owner,
        callbackId: form.callback_id,
        privateMetadata: form.private_metadata,
        values: { due: 'date:2027-01-15', reason: 'Recruitment panel moved to January' },
      });
      if (number === 1) {
        expect(header()).toBe('Reminder: 1 overdue (A-1, A-2)');
        expect(shown(reminder())).toContain('*Your actions that need an answer:* 1 overdue.');
        expect(shown(reminder())).not.toContain('due in the next');
      }
    }
    expect(header()).toBe('All answered, thank you (A-1, A-2)');
    expect(shown(reminder())).toContain('All answered, thank you');
    expect(shown(reminder())).not.toContain('overdue');
  });
});

describe('Add update', () => {
  it('records the update on the action, refuses personal data in the form, and shows it in the DM', async () => {
    const form = await openForm('reminder_add_update', 2);
    const refused = await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { text: 'Visited Jane Smith DOB 12/03/2015 at home' },
    });
    expect(refused.body).toMatchObject({
      response_action: 'errors',
      errors: { text: expect.stringContaining('never about a child') },
    });
    expect(await history('comment')).toHaveLength(0);
    await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { text: 'Half the teams audited; the rest by Friday' },
    });
    expect(await history('comment')).toMatchObject([{ note: 'Half the teams audited; the rest by Friday' }]);
    expect(await e.t.deps.db.auditLog.count({ where: { action: 'action.comment', actor: U.owner } })).toBe(1);
    expect(shown(reminder())).toContain('Update added: Half the teams audited; the rest by Friday');
  });
});

describe('Not mine', () => {
  it('tells the lead with the suggested owner; the lead reassigns in one click', async () => {
    const form = await openForm('reminder_not_mine', 2);
    expect(JSON.stringify(form.blocks)).toContain('"type":"users_select"');
    await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { owner: `user:${U.member}`, note: 'Audits sit with the practice team' },
    });
    expect(shown(reminder())).toContain('you said this is not yours');
    expect((await action(2)).ownerId).not.toBe(
      (await e.t.deps.db.person.findFirstOrThrow({ where: { platformUserId: U.member } })).id,
    );
    await job(e).run(at(e, '2026-11-23 11:00'));
    const notice = dmsTo(e, U.lead).find((m) => m.text.includes('is not theirs'))!;
    expect(shown(notice)).toContain(`<@${U.owner}> says *A-2* is not theirs and suggests <@${U.member}>`);
    expect(shown(notice)).toContain('Audits sit with the practice team');
    const value = String((JSON.stringify(notice.blocks).match(/"value":"([^"]+)"/) ?? [])[1]);
    await job(e).run(at(e, '2026-11-24 09:30'));
    const nextDay = dmsTo(e, U.owner)[1];
    expect(shown(nextDay)).toContain('*A-2* WS1 · Audit duty team assessments · you said this is not yours');
    expect(shown(nextDay)).toContain('"action_id":"reminder_done","value":"');
    expect(shown(nextDay)).not.toMatch(/"value":"\d+\.2"/);
    await e.press({
      userId: U.lead,
      actionId: 'not_mine_reassign',
      value,
      channelId: notice.channel,
      messageId: notice.ts,
    });
    const member = await e.t.deps.db.person.findFirstOrThrow({
      where: { workspaceId: TEAM, platformUserId: U.member },
    });
    expect((await action(2)).ownerId).toBe(member.id);
    expect(shown(dmsTo(e, U.lead).find((m) => m.ts === notice.ts))).toContain(`Reassigned to <@${U.member}>`);
    await e.press({
      userId: U.lead,
      actionId: 'not_mine_reassign',
      value,
      channelId: notice.channel,
      messageId: notice.ts,
    });
    expect(lastReply()).toContain('already owns A-2');
    expect(await history('reassigned')).toHaveLength(1);
    await job(e).run(at(e, '2026-11-23 15:00'));
    expect(dmsTo(e, U.lead).filter((m) => shown(m).includes('is not theirs'))).toHaveLength(1);
  });
});
