/**
 * Teams forms through the real Teams app over HTTP, with signed activities and the fake Bot
 * Connector that fails on anything unexpected: the message extension's `update` action opens the
 * same form as Slack's modal (composeExtension/fetchTask), a submission with a field error shows
 * the form again with the error and the person's text and writes nothing, and a good one posts the
 * update to the channel (composeExtension/submitAction). A form from another tenant changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../src/domain/dates.js';
import {
  BOARD,
  cardText,
  PEOPLE,
  personalChat,
  seedTeamsProgramme,
  startTeamsE2E,
  TENANT,
  type TeamsE2E,
} from '../support/teams-e2e.js';

let e: TeamsE2E;
const OTHER_TENANT = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';

beforeEach(async () => {
  e = await startTeamsE2E(zonedInstant('2026-11-02', '10:00', 'Europe/London'));
  await e.install(['admin', 'lead']);
  await seedTeamsProgramme(e);
});
afterEach(async () => {
  e.standin.assertExpected();
  await e.close();
});

type Task = {
  task:
    | { type: 'continue'; value: { title: string; card: { content: Record<string, unknown> } } }
    | { type: 'message'; value: string };
};

let n = 0;
const invoke = async (name: string, value: unknown, tenantId = TENANT) => {
  const res = await e.send({
    type: 'invoke',
    name,
    id: `invoke-${++n}`,
    from: { id: PEOPLE.lead.teams, aadObjectId: PEOPLE.lead.aad, name: PEOPLE.lead.name },
    conversation: { id: BOARD, conversationType: 'channel', tenantId },
    channelData: { tenant: { id: tenantId }, channel: { id: BOARD } },
    value,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Task;
};

const formOf = (answer: Task) => {
  expect(answer.task.type).toBe('continue');
  return (answer.task as Extract<Task['task'], { type: 'continue' }>).value.card.content;
};
/** The submit button's data: what Teams sends back, with the inputs' values beside it. */
const submitData = (card: Record<string, unknown>) => {
  const json = JSON.stringify(card);
  expect(json).toContain('"type":"Action.Submit"');
  const actions = (card.body as { type: string; actions?: { data: Record<string, unknown> }[] }[]).find(
    (b) => b.type === 'ActionSet',
  )!.actions!;
  return actions[0]!.data;
};

describe('the message extension’s update form', () => {
  it('opens the update form with the workstream picker, refuses a missing update writing nothing, then posts it', async () => {
    const opened = await invoke('composeExtension/fetchTask', {
      commandId: 'update',
      commandContext: 'compose',
    });
    const form = formOf(opened);
    const shown = cardText({ attachments: [{ content: form }] });
    expect(shown).toContain('Post an update');
    expect(JSON.stringify(form)).toContain('"type":"Input.ChoiceSet"');
    expect(JSON.stringify(form)).toContain('"title":"WS1 Support and Develop Our Workforce"');
    const data = submitData(form);

    // No update text: the form again, the error under its field, the person's choices kept.
    const before = e.standin.calls.length;
    const refused = await invoke('composeExtension/submitAction', {
      commandId: 'update',
      data: { ...data, workstream: 'WS1', rag: 'amber' },
    });
    const again = formOf(refused);
    expect(cardText({ attachments: [{ content: again }] })).toContain('Write the update here.');
    expect(JSON.stringify(again)).toContain('"value":"amber"');
    expect(await e.t.deps.db.update.count()).toBe(0);
    await e.teams.idle();
    expect(e.standin.calls.length).toBe(before);

    const done = await invoke('composeExtension/submitAction', {
      commandId: 'update',
      data: { ...submitData(again), workstream: 'WS1', rag: 'amber', text: 'Two social workers started.' },
    });
    expect(done.task.type).toBe('message');
    await e.teams.idle();
    expect(await e.t.deps.db.update.findMany({ select: { text: true, workspaceId: true } })).toEqual([
      { text: 'Two social workers started.', workspaceId: TENANT },
    ]);
    const posted = e.postsTo(BOARD).map((p) => cardText(p.body));
    expect(posted.join('\n')).toContain('Two social workers started.');
  });

  it('from another tenant, even carrying this tenant’s form, changes nothing here', async () => {
    const data = submitData(formOf(await invoke('composeExtension/fetchTask', { commandId: 'update' })));
    const answer = await invoke(
      'composeExtension/submitAction',
      { commandId: 'update', data: { ...data, workstream: 'WS1', text: 'Forged from elsewhere.' } },
      OTHER_TENANT,
    );
    // Tenant B has no programme: the form comes back refused, and tenant A's plan is untouched.
    expect(JSON.stringify(answer)).not.toContain('Forged from elsewhere.</');
    expect(await e.t.deps.db.update.count()).toBe(0);
    await e.teams.idle();
    expect(e.postsTo(BOARD)).toHaveLength(0);
  });

  it('a command with no form is answered in words, not a dialog', async () => {
    const answer = await invoke('composeExtension/fetchTask', { commandId: 'status' });
    expect(answer.task).toMatchObject({ type: 'message' });
  });
});

describe('a form in the 1:1 chat', () => {
  it('`improve update` sends the form, and its Action.Execute submit posts the update', async () => {
    const chat = personalChat('lead');
    const res = await e.send({
      type: 'message',
      id: 'typed-1',
      text: 'improve update',
      from: { id: PEOPLE.lead.teams, aadObjectId: PEOPLE.lead.aad, name: PEOPLE.lead.name },
      conversation: { id: chat, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });
    expect(res.status).toBe(200);
    await e.standin.waitForCalls(1);
    await e.teams.idle();
    const [sent] = e.postsTo(chat);
    const card = (sent!.body.attachments as { content: Record<string, unknown> }[])[0]!.content;
    const actionSet = (card.body as { type: string; actions?: { verb: string; data: object }[] }[]).find(
      (b) => b.type === 'ActionSet',
    )!;
    expect(actionSet.actions![0]!.verb).toBe('form.submit');
    const press = (data: object, id: string) =>
      e.send({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id,
        replyToId: sent!.id,
        from: { id: PEOPLE.lead.teams, aadObjectId: PEOPLE.lead.aad, name: PEOPLE.lead.name },
        conversation: { id: chat, conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: TENANT } },
        value: { action: { type: 'Action.Execute', verb: 'form.submit', data }, trigger: 'manual' },
      });
    const refused = (await (
      await press({ ...actionSet.actions![0]!.data, workstream: 'WS1' }, 'p1')
    ).json()) as {
      type: string;
      value: Record<string, unknown>;
    };
    expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText({ attachments: [{ content: refused.value }] })).toContain('Write the update here.');
    expect(await e.t.deps.db.update.count()).toBe(0);

    const done = (await (
      await press({ ...actionSet.actions![0]!.data, workstream: 'WS1', text: 'Caseloads are down.' }, 'p2')
    ).json()) as { type: string };
    expect(done.type).toBe('application/vnd.microsoft.activity.message');
    await e.teams.idle();
    expect(await e.t.deps.db.update.count()).toBe(1);
  });
});

/** Every input of a form card with the value it shows, as Teams sends them back on submit. */
function inputsOf(card: Record<string, unknown>): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as Record<string, unknown>;
    if (typeof el.type === 'string' && el.type.startsWith('Input.') && typeof el.id === 'string')
      found[el.id] = el.value ?? '';
    for (const value of Object.values(el)) walk(value);
  };
  walk(card.body);
  return found;
}

describe('each command form typed in the 1:1 chat, as the admin', () => {
  it.each([
    {
      typed: 'improve rag',
      values: { workstream: 'WS1', rag: 'red', reason: 'Recruitment behind plan: 6 of 12 posts filled' },
      stored: async () => e.t.deps.db.ragChange.count({ where: { workspaceId: TENANT, toRag: 'red' } }),
    },
    {
      typed: 'improve action add',
      values: {
        workstream: 'WS1',
        owner: PEOPLE.lead.aad,
        due: '2026-12-18',
        text: 'Launch the induction programme',
      },
      stored: async () =>
        e.t.deps.db.action.count({ where: { workspaceId: TENANT, text: 'Launch the induction programme' } }),
    },
    {
      typed: 'improve settings',
      values: { digestTime: '10:30', silenceDays: '21' },
      stored: async () =>
        e.t.deps.db.programme.count({ where: { workspaceId: TENANT, digestTime: '10:30', silenceDays: 21 } }),
    },
  ])('`$typed` sends its form, and submitting it stores the change', async ({ typed, values, stored }) => {
    const chat = personalChat('admin');
    const from = { id: PEOPLE.admin.teams, aadObjectId: PEOPLE.admin.aad, name: PEOPLE.admin.name };
    const res = await e.send({
      type: 'message',
      id: `typed-${typed}`,
      text: typed,
      from,
      conversation: { id: chat, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });
    expect(res.status).toBe(200);
    await e.teams.idle();
    const [sent] = e.postsTo(chat);
    const card = (sent!.body.attachments as { content: Record<string, unknown> }[])[0]!.content;
    const submit = (card.body as { type: string; actions?: { verb: string; data: object }[] }[])
      .find((b) => b.type === 'ActionSet')!
      .actions!.find((a) => a.verb === 'form.submit')!;
    expect(await stored()).toBe(0);
    const answer = await e.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `submit-${typed}`,
      replyToId: sent!.id,
      from,
      conversation: { id: chat, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'form.submit',
          data: { ...submit.data, ...inputsOf(card), ...values },
        },
        trigger: 'manual',
      },
    });
    expect(answer.status).toBe(200);
    await e.teams.idle();
    expect(await stored()).toBe(1);
  });
});
