/**
 * New due dates that need a lead's approval (the programme's extension-approval setting), through
 * the real Bolt app: an owner's new date, by the slash command or the reminder's New date form,
 * is only a request; the workstream's lead is sent Approve / Refuse; approving moves the date
 * through the usual history, refusing keeps it, and the owner is told either way. Anyone else
 * pressing is refused and nothing is written; a second press, or a press on a replaced request,
 * changes nothing. With the setting off, nothing changes from before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/local/slack-web-api.js';
import { type E2E, SIGNING_SECRET, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';
import { countRows } from '../support/row-counts.js';
import { sendEvent } from '../support/signed-requests.js';

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
  at(e, '2026-11-03 10:00');
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const a1 = () => e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TEAM, number: 1 } });
const events = (kind: string) => e.t.deps.db.actionEvent.findMany({ where: { workspaceId: TEAM, kind } });
const audits = (action: string) => e.t.deps.db.auditLog.findMany({ where: { workspaceId: TEAM, action } });
const approvalOn = () => e.t.deps.db.programme.updateMany({ data: { extensionApproval: true } });
const lastReply = () => String(e.slack.responses.at(-1)?.body.text ?? '');
const requestsTo = (userId: string) =>
  dmsTo(e, userId).filter((m) => m.text.includes('asks for a new due date'));
/** The value of a button on a message, as Slack would send it back. */
function buttonValue(message: StoredMessage, actionId: string): string {
  const buttons = (message.blocks ?? []).flatMap(
    (b) => (b as { elements?: { action_id?: string; value?: string }[] }).elements ?? [],
  );
  const value = buttons.find((b) => b.action_id === actionId)?.value;
  if (!value) throw new Error(`no ${actionId} button on ${shown(message)}`);
  return value;
}

const pressOn = (message: StoredMessage, actionId: string, userId: string) =>
  e.press({
    userId,
    actionId,
    value: buttonValue(message, actionId),
    channelId: message.channel,
    messageId: message.ts,
  });

/** The owner asks by the slash command; the next tick delivers the lead's notice. */
async function ownerAsks(text = 'action extend A-1 30/11/2026 HR approval of the market supplement slipped') {
  const out = await e.command(text, U.owner);
  await job(e).run(at(e, '2026-11-03 11:00'));
  return out;
}

describe('with extension approval off', () => {
  it('an owner’s new date applies at once, as before, and no lead is asked', async () => {
    const out = await e.command('action extend A-1 30/11/2026 HR approval slipped', U.owner);
    expect(out.posts).toHaveLength(1);
    expect(shown(out.posts[0])).toContain('New due date *Monday 30/11/2026*');
    expect(await a1()).toMatchObject({ dueDate: '2026-11-30', requestedDue: null });
    expect(await events('extended')).toHaveLength(1);
    expect(await events('extension_requested')).toHaveLength(0);
    await job(e).run(at(e, '2026-11-03 11:00'));
    expect(requestsTo(U.lead)).toHaveLength(0);
  });
});

describe('with extension approval on', () => {
  beforeEach(approvalOn);

  it('an owner’s new date is a request: the date stands, the lead gets Approve / Refuse, and Approve applies it', async () => {
    const out = await ownerAsks();
    expect(out.posts).toHaveLength(0);
    expect(out.reply).toContain(`has gone to <@${U.lead}> for approval`);
    expect(out.reply).toContain('Until it is approved, A-1 stays due 09/11/2026');
    expect(await a1()).toMatchObject({ dueDate: '2026-11-09', requestedDue: '2026-11-30' });
    expect(await events('extension_requested')).toMatchObject([
      { fromDue: '2026-11-09', toDue: '2026-11-30', note: 'HR approval of the market supplement slipped' },
    ]);
    expect(await audits('action.extension_requested')).toMatchObject([{ actor: U.owner }]);

    // Shown wherever the action is: the list, the report card.
    await e.command('action list', U.member);
    expect(JSON.stringify(e.slack.responses.at(-1)?.body)).toContain('extension to 30 Nov requested');
    await e.command('status WS1', U.member);
    expect(JSON.stringify(e.slack.responses.at(-1)?.body)).toContain('extension to 30 Nov requested');

    // And the owner's Home tab.
    await sendEvent(e.url, {
      signingSecret: SIGNING_SECRET,
      teamId: TEAM,
      event: { type: 'app_home_opened', user: U.owner, channel: e.slack.dmChannelFor(U.owner), tab: 'home' },
    });
    await e.runtime.idle();
    expect(JSON.stringify(e.slack.homeView(U.owner)?.view.blocks)).toContain(
      'Extension to 30 Nov requested: the workstream lead decides',
    );

    const [notice] = requestsTo(U.lead);
    expect(shown(notice)).toContain(
      `<@${U.owner}> asks to move *A-1* from 09/11/2026 to *Monday 30/11/2026*`,
    );
    expect(shown(notice)).toContain('HR approval of the market supplement slipped');
    expect(shown(notice)).toContain('"text":"Approve"');
    expect(shown(notice)).toContain('"text":"Refuse"');
    expect(requestsTo(U.otherLead)).toHaveLength(0);

    const approve = buttonValue(notice!, 'extension_approve');
    await pressOn(notice!, 'extension_approve', U.lead);
    expect(await a1()).toMatchObject({ dueDate: '2026-11-30', requestedDue: null, requestEventId: null });
    expect(await events('extended')).toMatchObject([
      { fromDue: '2026-11-09', toDue: '2026-11-30', note: 'HR approval of the market supplement slipped' },
    ]);
    expect(await audits('action.extended')).toMatchObject([{ actor: U.lead }]);
    const updated = dmsTo(e, U.lead).find((m) => m.ts === notice!.ts)!;
    expect(shown(updated)).toContain(`Approved by <@${U.lead}>: now due 30/11/2026`);
    expect(shown(updated)).not.toContain('"text":"Approve"');

    // A second press (or the old message) changes nothing and says so.
    const before = await countRows(e.t.deps.db);
    await e.press({ userId: U.lead, actionId: 'extension_approve', value: approve });
    expect(lastReply()).toContain(
      'This request for a new date for A-1 was already answered; nothing was changed.',
    );
    expect(await countRows(e.t.deps.db)).toEqual(before);

    await job(e).run(at(e, '2026-11-03 12:00'));
    const told = dmsTo(e, U.owner).find((m) => m.text.startsWith('New date approved'));
    expect(shown(told)).toContain(
      `<@${U.lead}> approved your new date for *A-1*: now due *Monday 30/11/2026*`,
    );
  });

  it('Refuse keeps the date, records the refusal and tells the owner', async () => {
    await ownerAsks();
    const [notice] = requestsTo(U.lead);
    await pressOn(notice!, 'extension_refuse', U.lead);
    expect(await a1()).toMatchObject({ dueDate: '2026-11-09', requestedDue: null });
    expect(await events('extension_refused')).toMatchObject([{ fromDue: '2026-11-09', toDue: '2026-11-30' }]);
    expect(await events('extended')).toHaveLength(0);
    expect(await audits('action.extension_refused')).toMatchObject([{ actor: U.lead }]);
    expect(shown(dmsTo(e, U.lead).find((m) => m.ts === notice!.ts))).toContain(
      `Refused by <@${U.lead}>: still due 09/11/2026`,
    );
    await job(e).run(at(e, '2026-11-03 12:00'));
    const told = dmsTo(e, U.owner).find((m) => m.text.startsWith('New date not approved'));
    expect(shown(told)).toContain('it is still due *Monday 09/11/2026*');
    await e.command('action list', U.member);
    expect(JSON.stringify(e.slack.responses.at(-1)?.body)).not.toContain('requested');
  });

  it.each([
    ['the lead of another workstream', U.otherLead],
    ['the owner who asked', U.owner],
    ['a member', U.member],
  ])('refuses Approve and Refuse from %s, writing nothing', async (_who, userId) => {
    await ownerAsks();
    const [notice] = requestsTo(U.lead);
    const before = await countRows(e.t.deps.db);
    for (const actionId of ['extension_approve', 'extension_refuse']) {
      await e.press({ userId, actionId, value: buttonValue(notice!, actionId) });
      expect(lastReply()).toContain(
        `Only the lead of WS1 (<@${U.lead}>) or an admin can approve or refuse a new due date for A-1.`,
      );
    }
    expect(await countRows(e.t.deps.db)).toEqual(before);
    expect(await a1()).toMatchObject({ dueDate: '2026-11-09', requestedDue: '2026-11-30' });
  });

  it('an admin may answer a lead’s notice too', async () => {
    await ownerAsks();
    const [notice] = requestsTo(U.lead);
    await e.press({
      userId: U.admin,
      actionId: 'extension_approve',
      value: buttonValue(notice!, 'extension_approve'),
    });
    expect(lastReply()).toContain('Approved.');
    expect(await a1()).toMatchObject({ dueDate: '2026-11-30', requestedDue: null });
    expect(await audits('action.extended')).toMatchObject([{ actor: U.admin }]);
  });

  it.each([
    ['the owner', U.owner, 'requested'],
    ['the workstream’s lead', U.lead, 'applied'],
    ['an admin', U.admin, 'applied'],
    ['the lead of another workstream', U.otherLead, 'refused'],
    ['a member', U.member, 'refused'],
  ] as const)('action extend by %s: %s', async (_who, userId, outcome) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command('action extend A-1 30/11/2026 HR approval slipped', userId);
    const action = await a1();
    if (outcome === 'applied') {
      expect(out.posts).toHaveLength(1);
      expect(action).toMatchObject({ dueDate: '2026-11-30', requestedDue: null });
      expect(await audits('action.extended')).toMatchObject([{ actor: userId }]);
    } else if (outcome === 'requested') {
      expect(action).toMatchObject({ dueDate: '2026-11-09', requestedDue: '2026-11-30' });
      expect(await audits('action.extension_requested')).toHaveLength(1);
    } else {
      expect(out.reply).toContain('Only the owner');
      expect(await countRows(e.t.deps.db)).toEqual(before);
    }
  });

  it('a lead setting the date answers a pending request; its buttons then say so', async () => {
    await ownerAsks();
    const [notice] = requestsTo(U.lead);
    await e.command('action extend A-1 20/11/2026 Agreed a shorter slip with HR', U.lead);
    expect(await a1()).toMatchObject({ dueDate: '2026-11-20', requestedDue: null });
    const before = await countRows(e.t.deps.db);
    await pressOn(notice!, 'extension_approve', U.lead);
    expect(lastReply()).toContain('already answered; nothing was changed');
    expect(await countRows(e.t.deps.db)).toEqual(before);
    expect(shown(dmsTo(e, U.lead).find((m) => m.ts === notice!.ts))).toContain(
      'set a different date: due 20/11/2026',
    );
  });

  it('the history says what was asked and answered, and redacting the action removes a pending request’s reason', async () => {
    await ownerAsks();
    await e.command('history A-1', U.member);
    expect(JSON.stringify(e.slack.responses.at(-1)?.body)).toContain(
      'new due date 30/11/2026 requested for A-1',
    );
    await e.command('redact A-1', U.admin);
    const action = await a1();
    expect(action.requestedReason).not.toContain('market supplement');
    expect(action.requestedDue).toBe('2026-11-30');
    expect(JSON.stringify(await events('extension_requested'))).not.toContain('market supplement');
  });

  it('a new request while one is pending replaces it: the older notice’s buttons change nothing', async () => {
    await ownerAsks();
    const out = await ownerAsks('action extend A-1 7/12/2026 The panel moved to December');
    expect(out.reply).toContain('It replaces your earlier request.');
    expect(await a1()).toMatchObject({ dueDate: '2026-11-09', requestedDue: '2026-12-07' });
    const [first, second] = requestsTo(U.lead);
    const before = await countRows(e.t.deps.db);
    await pressOn(first!, 'extension_approve', U.lead);
    expect(lastReply()).toContain('was replaced by a newer request; nothing was changed');
    expect(await countRows(e.t.deps.db)).toEqual(before);
    expect(shown(dmsTo(e, U.lead).find((m) => m.ts === first!.ts))).toContain(
      `Replaced by a newer request from <@${U.owner}>`,
    );
    await pressOn(second!, 'extension_approve', U.lead);
    expect(await a1()).toMatchObject({ dueDate: '2026-12-07', requestedDue: null });
  });

  it('the reminder’s New date form asks too: the DM shows the request, and the lead’s Approve applies it', async () => {
    await job(e).run(at(e, '2026-11-10 09:30'));
    const reminder = dmsTo(e, U.owner)[0]!;
    const log = await e.t.deps.db.reminderLog.findFirstOrThrow({
      where: { kind: 'action', recipient: U.owner },
    });
    await e.press({
      userId: U.owner,
      actionId: 'reminder_new_date',
      value: `${log.id}.1`,
      channelId: reminder.channel,
      messageId: reminder.ts,
    });
    const form = e.slack.views.at(-1)!.view as { callback_id: string; private_metadata: string };
    await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { due: '2026-11-30', reason: 'HR approval slipped' },
    });
    expect(await a1()).toMatchObject({ dueDate: '2026-11-09', requestedDue: '2026-11-30' });
    const dm = dmsTo(e, U.owner).find((m) => m.ts === reminder.ts)!;
    expect(shown(dm)).toContain(
      'Extension to 30 Nov requested: the workstream lead decides; until then the date stands.',
    );
    const ephemeral = e.slack.messages.filter((m) => m.ephemeralFor === U.owner).at(-1);
    expect(shown(ephemeral)).toContain(`has gone to <@${U.lead}> for approval`);
    await job(e).run(at(e, '2026-11-10 11:00'));
    const [notice] = requestsTo(U.lead);
    expect(shown(notice)).toContain('HR approval slipped');
    await pressOn(notice!, 'extension_approve', U.lead);
    expect(await a1()).toMatchObject({ dueDate: '2026-11-30', requestedDue: null });
    expect(await events('extended')).toMatchObject([{ fromDue: '2026-11-09', toDue: '2026-11-30' }]);
  });
});
