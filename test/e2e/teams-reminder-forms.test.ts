/**
 * A Teams reminder's form buttons (New date, Add update) through the real Teams app and the fake
 * Bot Connector: pressing one shows its form in the card's place (Action.Execute's card response);
 * a submission with a field error shows the form again and changes nothing; a good one runs the same
 * reminder-modals handler as Slack and the reminder card comes back in place, showing the answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../src/domain/dates.js';
import { reminderJob } from '../../src/scheduler/reminder-job.js';
import { addAction } from '../../src/services/add-action.js';
import {
  asTeams,
  cardText,
  PEOPLE,
  personalChat,
  seedTeamsProgramme,
  startTeamsE2E,
  TENANT,
  type TeamsE2E,
} from '../support/teams-e2e.js';

let e: TeamsE2E;
const london = (day: string, time: string) => zonedInstant(day, time, 'Europe/London');

beforeEach(async () => {
  e = await startTeamsE2E(london('2026-11-02', '10:00'));
  await e.install(['admin', 'owner']);
  await seedTeamsProgramme(e);
  await addAction(
    {
      workstream: 'WS1',
      ownerUserId: PEOPLE.owner.aad,
      dueDate: '2026-11-09',
      text: 'Recruit four social workers',
    },
    e.t.deps,
    asTeams('admin'),
  );
  const now = london('2026-11-23', '09:30');
  e.t.clock.set(now);
  await reminderJob(e.chatDeps(), { minIntervalMs: 0 }).run(now);
  await e.teams.idle();
});
afterEach(async () => {
  e.standin.assertExpected();
  await e.close();
});

type Answer = { statusCode: number; type: string; value: Record<string, unknown> };
let n = 0;
const invoke = async (verb: string, data: Record<string, unknown>, tenantId = TENANT): Promise<Answer> => {
  const res = await e.send({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `press-${++n}`,
    replyToId: e.postsTo(personalChat('owner'))[0]!.id,
    from: { id: PEOPLE.owner.teams, aadObjectId: PEOPLE.owner.aad, name: PEOPLE.owner.name },
    conversation: { id: personalChat('owner'), conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
};
const shown = (answer: Answer) => cardText({ attachments: [{ content: answer.value }] });
/** Presses the reminder's button and gives the form's submit data. */
const open = async (actionId: string) => {
  const log = await e.t.deps.db.reminderLog.findFirstOrThrow({ where: { recipient: PEOPLE.owner.aad } });
  const form = await invoke(actionId, { actionId, value: `${log.id}.1` });
  expect(form.type).toBe('application/vnd.microsoft.card.adaptive');
  const actions = (form.value.body as { type: string; actions?: { verb: string; data: object }[] }[]).find(
    (b) => b.type === 'ActionSet',
  )!.actions!;
  expect(actions[0]!.verb).toBe('form.submit');
  return { form, data: actions[0]!.data as Record<string, unknown> };
};

describe('a Teams reminder’s form buttons', () => {
  it('New date: the form in place, a missing reason refused with nothing changed, then the card updated in place', async () => {
    const { form, data } = await open('reminder_new_date');
    expect(shown(form)).toContain('New date for A-1');
    expect(JSON.stringify(form.value)).toContain('"type":"Input.Date"');
    const refused = await invoke('form.submit', { ...data, due: '2026-12-18' });
    expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(refused.value)).toContain('"color":"Attention"');
    expect(JSON.stringify(refused.value)).toContain('"value":"2026-12-18"');
    const unchanged = await e.t.deps.db.action.findFirstOrThrow({
      where: { workspaceId: TENANT, number: 1 },
    });
    expect(unchanged.dueDate).toBe('2026-11-09');

    const done = await invoke('form.submit', {
      ...data,
      due: '2026-12-18',
      reason: 'Waiting on HR sign-off.',
    });
    expect(done.type).toBe('application/vnd.microsoft.card.adaptive');
    // The only action answered, the card says so in place.
    expect(shown(done)).toContain('All answered, thank you');
    const moved = await e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TENANT, number: 1 } });
    expect(moved.dueDate).toBe('2026-12-18');
    await e.teams.idle();
  });

  it('Add update: the form in place, an empty update refused, then the update stored and the card back', async () => {
    const { data } = await open('reminder_add_update');
    const refused = await invoke('form.submit', { ...data });
    expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(refused.value)).toContain('"color":"Attention"');
    const before = await e.t.deps.db.actionEvent.count();
    const done = await invoke('form.submit', { ...data, text: 'Two offers made, one accepted.' });
    expect(done.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(shown(done)).toContain('Recruit four social workers');
    expect(await e.t.deps.db.actionEvent.count()).toBeGreaterThan(before);
    await e.teams.idle();
  });

  it('Not mine: the people picker in place, yourself refused, then the lead told in their 1:1 chat and the card back', async () => {
    const { form, data } = await open('reminder_not_mine');
    expect(shown(form)).toContain('Not mine: A-1');
    expect(JSON.stringify(form.value)).toContain('"dataset":"graph.microsoft.com/users"');
    const before = await e.t.deps.db.actionEvent.count();
    const self = await invoke('form.submit', { ...data, owner: PEOPLE.owner.aad });
    expect(JSON.stringify(self.value)).toContain('Pick someone other than yourself.');
    expect(await e.t.deps.db.actionEvent.count()).toBe(before);

    const done = await invoke('form.submit', {
      ...data,
      owner: PEOPLE.admin.aad,
      note: 'Sam runs recruitment now.',
    });
    expect(done.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(shown(done)).toContain('Recruit four social workers');
    const events = await e.t.deps.db.actionEvent.findMany({
      where: { workspaceId: TENANT, kind: 'not_mine' },
    });
    expect(events).toHaveLength(1);
    // The action stays with its owner until the lead decides.
    const action = await e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TENANT, number: 1 } });
    expect(action.ownerId).toBe(
      (
        await e.t.deps.db.person.findFirstOrThrow({
          where: { workspaceId: TENANT, platformUserId: PEOPLE.owner.aad },
        })
      ).id,
    );
    await e.teams.idle();
    // The notice to the lead was queued with the change; the next run delivers it to their 1:1 chat.
    const later = london('2026-11-23', '11:00');
    e.t.clock.set(later);
    await reminderJob(e.chatDeps(), { minIntervalMs: 0 }).run(later);
    await e.teams.idle();
    const chat = await e.t.deps.db.teamsConversation.findUniqueOrThrow({
      where: { workspaceId_kind_key: { workspaceId: TENANT, kind: 'personal', key: PEOPLE.lead.aad } },
    });
    const notices = e.postsTo(chat.conversationId).map((p) => cardText(p.body));
    const notice = notices.filter((n) => n.includes('Sam runs recruitment now.'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain('A-1');
    expect(notice[0]).toContain('Olu Evans</at> says **A-1** is not theirs and suggests');
    expect(notice[0]).toContain('Reassign as suggested');
  });

  it('from another tenant, its forged form naming this tenant’s reminder changes nothing here', async () => {
    const { data } = await open('reminder_new_date');
    const other = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
    const answer = await invoke('form.submit', { ...data, due: '2026-12-18', reason: 'Forged.' }, other);
    expect(JSON.stringify(answer)).not.toContain('All answered');
    const action = await e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TENANT, number: 1 } });
    expect(action.dueDate).toBe('2026-11-09');
    await e.teams.idle();
  });
});
