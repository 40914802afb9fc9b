/**
 * The App Home tab: opening it publishes the person's open actions with the reminder buttons,
 * their workstreams' RAG and the next Ofsted visit; answering from there re-publishes it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeRag } from '../../src/services/change-rag.js';
import { type E2E, SIGNING_SECRET, startE2E } from '../support/e2e.js';
import { as, seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';
import { sendBlockAction, sendEvent } from '../support/signed-requests.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  at(e, '2026-11-02 10:00');
  const { programme, ws1 } = await seedProgramme(e.t.deps);
  roster(e, everyone());
  await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-20', text: 'Audit duty team assessments' });
  await addActionAt(e, '2026-11-02 10:00', { due: '2027-02-26', text: 'Launch practice week' });
  await addActionAt(e, '2026-11-02 10:00', {
    ws: 'WS2',
    owner: U.member,
    due: '2026-11-24',
    text: 'Book the case file audit',
  });
  await changeRag(
    { workstream: 'WS1', rag: 'amber', reason: 'Recruitment 6 of 12 posts filled' },
    e.t.deps,
    as(U.lead),
  );
  const event = await e.t.deps.db.event.create({
    data: {
      workspaceId: TEAM,
      programmeId: programme.id,
      number: 1,
      kind: 'monitoring_visit',
      startDate: '2026-12-08',
      theme: 'Care leavers',
      createdById: 1,
      createdAt: e.t.clock.now(),
    },
  });
  await e.t.deps.db.eventWorkstream.create({
    data: { eventId: event.id, workstreamId: ws1.id, workspaceId: TEAM },
  });
  at(e, '2026-11-23 11:00');
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

async function openHome(userId: string) {
  await sendEvent(e.url, {
    signingSecret: SIGNING_SECRET,
    teamId: TEAM,
    event: { type: 'app_home_opened', user: userId, channel: e.slack.dmChannelFor(userId), tab: 'home' },
  });
  await e.runtime.idle();
  return home(userId);
}

const home = (userId: string) => JSON.stringify(e.slack.homeView(userId)?.view.blocks ?? []);

/** A button pressed in the Home tab: a view container, no channel, no message. */
async function pressOnHome(userId: string, actionId: string, value: string) {
  await sendBlockAction(e.url, {
    signingSecret: SIGNING_SECRET,
    teamId: TEAM,
    userId,
    actionId,
    value,
    blockId: 'b',
    responseUrl: e.slack.responseUrl('home'),
    container: { type: 'view', view_id: e.slack.homeView(userId)?.id ?? 'V0' },
  });
  await e.runtime.idle();
}

/** Done asks for the evidence in a form; submitting it marks the action done. */
async function doneOnHome(userId: string, value: string, evidence = 'Audit report on SharePoint') {
  const formsBefore = e.slack.views.filter((v) => v.type === 'modal').length;
  await pressOnHome(userId, 'reminder_done', value);
  const forms = e.slack.views.filter((v) => v.type === 'modal');
  expect(forms.length).toBe(formsBefore + 1);
  const form = forms.at(-1)!.view as { callback_id: string; private_metadata: string };
  expect(form.callback_id).toBe('reminder_done_evidence');
  await e.submit({
    userId,
    callbackId: form.callback_id,
    privateMetadata: form.private_metadata,
    values: { evidence },
  });
}

describe('App Home', () => {
  it('shows the person’s open actions with buttons, their workstreams’ RAG and the next Ofsted visit', async () => {
    const shown = await openHome(U.owner);
    expect(shown).toContain('*Your open actions* (2)');
    expect(shown).toContain('*A-1* WS1 · Audit duty team assessments · due 20 Nov · *3 days overdue*');
    expect(shown).toContain('*A-2* WS1 · Launch practice week');
    expect(shown).not.toContain('Book the case file audit');
    // Its buttons name the programme, as every button does.
    expect(shown).toMatch(/"value":"P\d+\/home\.1"/);
    expect(shown).toContain(':large_orange_circle: Amber · *WS1* Support and Develop Our Workforce');
    expect(shown).toContain('Monitoring visit V-1: Tuesday 8 December 2026 (in 15 days)');
    expect(await openHome(U.lead)).toContain('_you lead_');
  });

  it('answers from the Home tab and re-publishes it; a second press says so', async () => {
    await openHome(U.owner);
    await doneOnHome(U.owner, 'home.1');
    const a1 = await e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TEAM, number: 1 } });
    expect(a1.status).toBe('done');
    expect(a1.evidenceNote).toBe('Audit report on SharePoint');
    expect(home(U.owner)).toContain('*Your open actions* (1)');
    expect(home(U.owner)).not.toContain('Audit duty team assessments');
    await pressOnHome(U.owner, 'reminder_done', 'home.1');
    expect(home(U.owner)).toContain('A-1 was already marked done on 23/11/2026; nothing was changed.');
    expect(await e.t.deps.db.actionEvent.count({ where: { kind: 'done' } })).toBe(1);
  });

  it('moves a date from the Home tab through the form', async () => {
    await openHome(U.owner);
    await pressOnHome(U.owner, 'reminder_new_date', 'home.2');
    const form = e.slack.views.filter((v) => v.type === 'modal').at(-1)!.view as {
      callback_id: string;
      private_metadata: string;
    };
    await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { due: 'date:2027-03-31', reason: 'Moved to fit the spring training calendar' },
    });
    expect(home(U.owner)).toContain('due 31 Mar 2027');
  });

  it('updates the day’s reminder DM too, so its header stops counting a moved action as overdue', async () => {
    await job(e).run(at(e, '2026-11-23 11:00'));
    const dm = () => dmsTo(e, U.owner)[0]!;
    expect(dm().text).toBe('Reminder: 1 overdue (A-1)');
    await openHome(U.owner);
    await pressOnHome(U.owner, 'reminder_new_date', 'home.1');
    const form = e.slack.views.filter((v) => v.type === 'modal').at(-1)!.view as {
      callback_id: string;
      private_metadata: string;
    };
    await e.submit({
      userId: U.owner,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { due: 'date:2027-01-29', reason: 'Audit team back in January' },
    });
    expect(home(U.owner)).toContain('due 29 Jan 2027');
    expect(dm().text).toBe('All answered, thank you (A-1)');
    expect(shown(dm())).toContain('New date set (was 20 Nov)');
    // An action the DM does not list leaves the DM alone.
    const updates = () => e.slack.calls.filter((c) => c.method === 'chat.update').length;
    const before = updates();
    await doneOnHome(U.owner, 'home.2');
    expect(home(U.owner)).not.toContain('Launch practice week');
    expect(updates()).toBe(before);
  });
});
