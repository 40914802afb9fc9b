/**
 * Two programmes in one workspace (issue 16) on the same scheduler tick: each digest goes to its
 * own board channel exactly once, and the reminder sweep reminds the owner of each programme's
 * actions once. A reminder's button acts on its own programme's action even though the other
 * programme has an action with the same number, and a button naming another workspace's
 * programme changes nothing. Every reminder button and the extension Approve button act on their own
 * programme's A-1 only.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import type { StoredMessage } from '../../src/local/slack-web-api.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import { addAction } from '../../src/services/add-action.js';
import { addWorkstream } from '../../src/services/add-workstream.js';
import { setupProgramme } from '../../src/services/setup-programme.js';
import { DEFAULT_METHODS, type E2E, SIGNING_SECRET, startE2E } from '../support/e2e.js';
import { as, BOARD_CHANNEL, seedProgramme, TEAM, U } from '../support/factories.js';
import { at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';
import { sendBlockAction, sendEvent } from '../support/signed-requests.js';

const SEND_BOARD = 'C0SENDBOARD';
let e: E2E;
let care: { id: number };
let send: { id: number };

beforeEach(async () => {
  e = await startE2E({ methods: [...DEFAULT_METHODS, 'conversations.history', 'conversations.replies'] });
  at(e, '2026-11-02 10:00');
  roster(e, everyone());
  ({ programme: care } = await seedProgramme(e.t.deps));
  const inSend = { ...as(U.admin), channelId: SEND_BOARD };
  ({ programme: send } = await setupProgramme(
    { name: 'SEND improvement plan', boardChannelId: SEND_BOARD },
    e.t.deps,
    inSend,
  ));
  await addWorkstream({ code: 'WS1', name: 'SEND sufficiency', leadUserIds: [U.lead] }, e.t.deps, inSend);
  // Both programmes' first action is A-1, owned by the same person, due before the sweep.
  await addAction(
    { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-11-09', text: 'Audit duty team assessments' },
    e.t.deps,
    { ...as(U.admin), channelId: BOARD_CHANNEL },
  );
  await addAction(
    { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-11-09', text: 'Review the EHCP backlog' },
    e.t.deps,
    inSend,
  );
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const digestsIn = (channel: string) =>
  e.slack.messages.filter((m) => m.channel === channel && m.metadata?.event_type === 'improvement_digest');
const digest = () =>
  digestJob({ ...e.t.deps, chat: slackChat(e.runtime.app.client), instanceId: 'replica-a' });
const buttonValue = (message: StoredMessage, actionId: string): string => {
  const found = JSON.stringify(message.blocks).match(
    new RegExp(
      `"action_id":"${actionId}"[^}]*?"value":"([^"]+)"|"value":"([^"]+)"[^}]*?"action_id":"${actionId}"`,
    ),
  );
  if (!found) throw new Error(`no ${actionId} button in ${shown(message)}`);
  return found[1] ?? found[2]!;
};

it('on one tick, each programme gets its own digest in its own board channel, once', async () => {
  const now = at(e, '2026-11-23 09:00');
  await digest().run(now);
  await digest().run(at(e, '2026-11-23 09:05'));
  expect(digestsIn(BOARD_CHANNEL)).toHaveLength(1);
  expect(digestsIn(SEND_BOARD)).toHaveLength(1);
  const runs = await e.t.deps.db.digestRun.findMany({ orderBy: { programmeId: 'asc' } });
  expect(runs.map((r) => [r.programmeId, r.status])).toEqual([
    [care.id, 'posted'],
    [send.id, 'posted'],
  ]);
  const sendDigest = shown(digestsIn(SEND_BOARD)[0]);
  expect(sendDigest).toContain('SEND improvement plan');
  expect(sendDigest).not.toContain("Improving Children's Services");
});

it("one sweep reminds the owner of each programme's overdue action once; Done acts on its own programme", async () => {
  await job(e).run(at(e, '2026-11-23 09:30'));
  await job(e).run(at(e, '2026-11-23 09:45'));
  const dms = dmsTo(e, U.owner);
  const text = dms.map(shown).join('\n');
  expect(text).toContain('Audit duty team assessments');
  expect(text).toContain('Review the EHCP backlog');
  const sendReminder = dms.find((m) => shown(m).includes('Review the EHCP backlog'))!;
  const careReminder = dms.find((m) => shown(m).includes('Audit duty team assessments'))!;
  expect(sendReminder).not.toBe(careReminder);
  expect(dms).toHaveLength(2);

  // Done on the SEND reminder closes SEND's A-1, not the children's services A-1.
  const value = buttonValue(sendReminder, 'reminder_done');
  expect(value).toMatch(new RegExp(`^P${send.id}/`));
  await e.press({
    userId: U.owner,
    actionId: 'reminder_done',
    value,
    channelId: sendReminder.channel,
    messageId: sendReminder.ts,
  });
  // Done asks for the evidence first; the form carries the same programme.
  const form = e.slack.views.at(-1)!.view as { callback_id: string; private_metadata: string };
  expect(form.callback_id).toBe('reminder_done_evidence');
  await e.submit({
    userId: U.owner,
    callbackId: form.callback_id,
    privateMetadata: form.private_metadata,
    values: { evidence: 'Panel minutes on SharePoint' },
  });
  const status = async (programmeId: number) =>
    (await e.t.deps.db.action.findFirstOrThrow({ where: { programmeId, number: 1 } })).status;
  expect(await status(send.id)).not.toBe('open');
  expect(await status(care.id)).toBe('open');
});

it("a button naming another workspace's programme changes nothing", async () => {
  await job(e).run(at(e, '2026-11-23 09:30'));
  const reminder = dmsTo(e, U.owner).find((m) => shown(m).includes('Audit duty team assessments'))!;
  const value = buttonValue(reminder, 'reminder_done');
  const other = await setupProgramme(
    { name: 'Another council', boardChannelId: 'C0OTHERBOARD' },
    e.t.deps,
    as(U.admin, 'T0OTHERCOUNCIL'),
  );
  const forged = value.replace(/^P\d+\//, `P${other.programme.id}/`);
  const views = e.slack.views.length;
  await e.press({
    userId: U.owner,
    actionId: 'reminder_done',
    value: forged,
    channelId: reminder.channel,
    messageId: reminder.ts,
  });
  // No evidence form opens for it (the genuine value opens one), and nothing changes.
  expect(e.slack.views).toHaveLength(views);
  const actions = await e.t.deps.db.action.findMany({ where: { workspaceId: TEAM } });
  expect(actions.map((a) => a.status)).toEqual(['open', 'open']);
  expect(await e.t.deps.db.auditLog.count({ where: { action: { contains: 'complete' } } })).toBe(0);
});

/**
 * Every other reminder button, pressed on the SEND reminder: its form carries SEND's programme,
 * and submitting it changes SEND's A-1 only. The children's services A-1 is left exactly as it was.
 */
it.each<{ button: string; values: Record<string, string>; changed: (id: number) => Promise<boolean> }>([
  {
    button: 'reminder_new_date',
    values: { due: 'date:2027-01-29', reason: 'Waiting on the SEND panel dates' },
    changed: async (id: number) =>
      (await e.t.deps.db.action.findFirstOrThrow({ where: { programmeId: id, number: 1 } })).dueDate ===
      '2027-01-29',
  },
  {
    button: 'reminder_add_update',
    values: { text: 'Backlog down to 40 plans' },
    changed: async (id: number) =>
      (await e.t.deps.db.actionEvent.count({
        where: { kind: 'comment', note: 'Backlog down to 40 plans', action: { programmeId: id } },
      })) === 1,
  },
  {
    button: 'reminder_not_mine',
    values: { owner: `user:${U.member}` },
    changed: async (id: number) =>
      (await e.t.deps.db.actionEvent.count({ where: { kind: 'not_mine', action: { programmeId: id } } })) ===
      1,
  },
])('$button on the SEND reminder changes only SEND’s A-1', async ({ button, values, changed }) => {
  await job(e).run(at(e, '2026-11-23 09:30'));
  const sendReminder = dmsTo(e, U.owner).find((m) => shown(m).includes('Review the EHCP backlog'))!;
  const careBefore = await e.t.deps.db.action.findFirstOrThrow({
    where: { programmeId: care.id, number: 1 },
  });
  const careEvents = await e.t.deps.db.actionEvent.count({ where: { actionId: careBefore.id } });
  const value = buttonValue(sendReminder, button);
  expect(value).toMatch(new RegExp(`^P${send.id}/`));
  await e.press({
    userId: U.owner,
    actionId: button,
    value,
    channelId: sendReminder.channel,
    messageId: sendReminder.ts,
  });
  const form = e.slack.views.at(-1)!.view as { private_metadata: string; callback_id: string };
  await e.submit({
    userId: U.owner,
    callbackId: form.callback_id,
    privateMetadata: form.private_metadata,
    values,
  });
  expect(await changed(send.id)).toBe(true);
  expect(await changed(care.id)).toBe(false);
  expect(await e.t.deps.db.action.findFirstOrThrow({ where: { id: careBefore.id } })).toEqual(careBefore);
  expect(await e.t.deps.db.actionEvent.count({ where: { actionId: careBefore.id } })).toBe(careEvents);
});

it('an extension asked for in SEND’s board channel is approved from the lead’s DM on SEND’s A-1 only', async () => {
  await e.t.deps.db.programme.update({ where: { id: send.id }, data: { extensionApproval: true } });
  const careBefore = await e.t.deps.db.action.findFirstOrThrow({
    where: { programmeId: care.id, number: 1 },
  });
  const asked = await e.command('action extend A-1 30/11/2026 Waiting on the SEND panel', U.owner, {
    channelId: SEND_BOARD,
  });
  expect(asked.reply).toContain('Until it is approved, A-1 stays due 09/11/2026');
  await job(e).run(at(e, '2026-11-03 11:00'));
  const notice = dmsTo(e, U.lead).find((m) => m.text.includes('asks for a new due date'))!;
  expect(shown(notice)).toContain('Review the EHCP backlog');
  const value = buttonValue(notice, 'extension_approve');
  expect(value).toMatch(new RegExp(`^P${send.id}/`));
  await e.press({
    userId: U.lead,
    actionId: 'extension_approve',
    value,
    channelId: notice.channel,
    messageId: notice.ts,
  });
  const sendA1 = await e.t.deps.db.action.findFirstOrThrow({ where: { programmeId: send.id, number: 1 } });
  expect(sendA1).toMatchObject({ dueDate: '2026-11-30', requestedDue: null });
  expect(await e.t.deps.db.action.findFirstOrThrow({ where: { id: careBefore.id } })).toEqual(careBefore);
});

it('the Home tab shows both programmes, each with its own buttons, and Done there closes SEND’s A-1 only', async () => {
  at(e, '2026-11-23 10:00');
  await sendEvent(e.url, {
    signingSecret: SIGNING_SECRET,
    teamId: TEAM,
    event: { type: 'app_home_opened', user: U.owner, channel: e.slack.dmChannelFor(U.owner), tab: 'home' },
  });
  await e.runtime.idle();
  const home = () => JSON.stringify(e.slack.homeView(U.owner)?.view.blocks ?? []);
  expect(home()).toContain("Improving Children's Services");
  expect(home()).toContain('SEND improvement plan');
  expect(home()).toContain('Audit duty team assessments');
  expect(home()).toContain('Review the EHCP backlog');
  expect(home()).toContain(`"value":"P${care.id}/home.1"`);
  expect(home()).toContain(`"value":"P${send.id}/home.1"`);
  await sendBlockAction(e.url, {
    signingSecret: SIGNING_SECRET,
    teamId: TEAM,
    userId: U.owner,
    actionId: 'reminder_done',
    value: `P${send.id}/home.1`,
    blockId: 'b',
    responseUrl: e.slack.responseUrl('home'),
    container: { type: 'view', view_id: e.slack.homeView(U.owner)?.id ?? 'V0' },
  });
  await e.runtime.idle();
  const form = e.slack.views.filter((v) => v.type === 'modal').at(-1)!.view as {
    callback_id: string;
    private_metadata: string;
  };
  await e.submit({
    userId: U.owner,
    callbackId: form.callback_id,
    privateMetadata: form.private_metadata,
    values: { evidence: 'Backlog report to the SEND board' },
  });
  const status = async (programmeId: number) =>
    (await e.t.deps.db.action.findFirstOrThrow({ where: { programmeId, number: 1 } })).status;
  expect(await status(send.id)).toBe('done');
  expect(await status(care.id)).toBe('open');
  expect(home()).not.toContain('Review the EHCP backlog');
  expect(home()).toContain('Audit duty team assessments');
});
