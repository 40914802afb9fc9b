/**
 * The real Teams app over HTTP on loopback, served beside Slack on one port, with real Bot
 * Framework JWT validation against the local stand-in's keys: `improve help` in the 1:1 chat gets
 * the help card through the fake Bot Connector, forged requests get 401 and nothing is sent, and a
 * 429 is retried by the send queue (whose sleep only records, so nothing here sleeps).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackRuntime } from '../../src/chat/slack/app.js';
import { startSlack } from '../../src/chat/slack/app.js';
import { startTeams, type TeamsRuntime } from '../../src/chat/teams/app.js';
import { createSendQueue } from '../../src/chat/teams/send-queue.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { startTeamsStandin, type TeamsStandin } from '../support/teams-standins.js';

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const SECRET = 'teams-client-secret';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SAM = '9f1c2d3e-0000-4000-8000-000000000001';

let t: TestDatabase;
let standin: TeamsStandin;
let teams: TeamsRuntime;
let slack: SlackRuntime;
let url: string;
const slept: number[] = [];

beforeAll(async () => {
  t = await testDatabase();
  standin = await startTeamsStandin({ clientId: CLIENT_ID, clientSecret: SECRET });
  teams = await startTeams({
    config: {
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      openIdMetadataUrl: standin.openIdMetadataUrl,
      tokenUrl: standin.tokenUrl,
    },
    deps: t.deps,
    queue: createSendQueue({ sleep: async (ms) => void slept.push(ms), random: () => 0.5 }),
  });
  slack = await startSlack({
    config: {
      mode: 'http',
      port: 0,
      slack: { botToken: 'xoxb-e2e', signingSecret: 'e2e-signing-secret', command: '/improve' },
    },
    deps: t.deps,
    health: async () => ({ ok: true, detail: { database: 'ok' } }),
    routes: teams.routes,
  });
  url = `http://127.0.0.1:${slack.port}/api/messages`;
});
afterEach(() => standin.assertExpected());
afterAll(async () => {
  await slack?.stop();
  await standin?.close();
  await t?.close();
});

let counter = 0;
function personal(text: string) {
  return {
    type: 'message',
    id: `activity-${++counter}`,
    text,
    channelId: 'msteams',
    serviceUrl: `${standin.url}/`,
    from: { id: '29:sam', aadObjectId: SAM, name: 'Sam Patel' },
    recipient: { id: `28:${CLIENT_ID}`, name: 'improvement-bot' },
    conversation: { id: 'a:sam-personal', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

const post = (body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

type Sent = { text: string; attachments: { contentType: string; content: { body: { text?: string }[] } }[] };
const cardText = (sent: Sent) => sent.attachments[0]!.content.body.map((e) => e.text ?? '').join('\n');

describe('installing the bot', () => {
  it('in a 1:1 chat stores the conversation reference under the person, once however often it comes', async () => {
    const install = {
      ...personal(''),
      type: 'installationUpdate',
      action: 'add',
      text: undefined,
    };
    for (const _ of [1, 2]) expect((await post(install, standin.sign())).status).toBe(200);
    expect(await t.deps.db.teamsConversation.findMany({ omit: { id: true } })).toEqual([
      {
        workspaceId: TENANT,
        kind: 'personal',
        key: SAM,
        conversationId: 'a:sam-personal',
        serviceUrl: `${standin.url}/`,
        createdAt: t.clock.now(),
      },
    ]);
  });

  it('in a team (conversationUpdate adding the bot) stores the channel', async () => {
    const added = {
      ...personal(''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: `28:${CLIENT_ID}` }],
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: TENANT },
      channelData: {
        tenant: { id: TENANT },
        team: { id: '19:team@thread.tacv2' },
        channel: { id: '19:general@thread.tacv2' },
      },
    };
    expect((await post(added, standin.sign())).status).toBe(200);
    const rows = await t.deps.db.teamsConversation.findMany({ where: { kind: 'channel' } });
    expect(rows.map((r) => [r.key, r.conversationId])).toEqual([
      ['19:general@thread.tacv2', '19:general@thread.tacv2'],
    ]);
  });
});

describe('Teams commands in the 1:1 chat', () => {
  it('`improve help` gets the help as an Adaptive Card in the same chat', async () => {
    const before = standin.calls.length;
    expect((await post(personal('improve help'), standin.sign())).status).toBe(200);
    const calls = (await standin.waitForCalls(before + 1)).slice(before);
    await teams.idle();
    expect(calls[0]).toMatchObject({ method: 'POST', conversationId: 'a:sam-personal' });
    const sent = calls[0]!.body as unknown as Sent;
    expect(sent.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(sent)).toContain('improve update');
    expect(cardText(sent)).not.toMatch(/\/improve|<icon:|<rag:|:red_circle:/);
  });

  it('`improve setup` makes the tenant a Teams workspace, with the person in it by their Entra id', async () => {
    const before = standin.calls.length;
    expect(
      (await post(personal('improve setup "Children’s Services Improvement Plan"'), standin.sign())).status,
    ).toBe(200);
    await standin.waitForCalls(before + 1);
    await teams.idle();
    expect(await t.deps.db.workspace.findUniqueOrThrow({ where: { id: TENANT } })).toMatchObject({
      platform: 'teams',
      createdAt: t.clock.now(),
    });
    expect(await t.deps.db.person.findMany({ where: { workspaceId: TENANT } })).toMatchObject([
      { platformUserId: SAM },
    ]);
    expect(await t.deps.db.programme.findMany({ where: { workspaceId: TENANT } })).toMatchObject([
      { name: 'Children’s Services Improvement Plan' },
    ]);
  });

  it('an @mention of someone else in a command is that person, by their Entra object id', async () => {
    const LEE = '9f1c2d3e-0000-4000-8000-0000000000b2';
    standin.members.set('29:lee', { aadObjectId: LEE, name: 'Lee Okafor' });
    const before = standin.calls.length;
    const typed = {
      ...personal('improve workstream add WS1 "Support and Develop Our Workforce" lead <at>Lee Okafor</at>'),
      entities: [
        { type: 'mention', text: '<at>Lee Okafor</at>', mentioned: { id: '29:lee', name: 'Lee Okafor' } },
      ],
    };
    expect((await post(typed, standin.sign())).status).toBe(200);
    const calls = (await standin.waitForCalls(before + 2)).slice(before);
    await teams.idle();
    expect(calls[0]).toMatchObject({
      method: 'GET',
      path: '/v3/conversations/a:sam-personal/members/29:lee',
    });
    expect(calls[1]).toMatchObject({ method: 'POST', conversationId: 'a:sam-personal' });
    const ws = await t.deps.db.workstream.findFirstOrThrow({
      where: { code: 'WS1', programme: { workspaceId: TENANT } },
      include: { leads: { include: { person: true } } },
    });
    expect(ws.leads.map((l) => l.person.platformUserId)).toEqual([LEE]);
    // The reply names Lee as Teams shows a mention, and the activity declares it so Teams links it.
    const sent = calls[1]!.body as unknown as Sent & { entities: unknown[] };
    expect(cardText(sent)).toContain('<at>Lee Okafor</at>');
    expect(sent.entities).toContainEqual({
      type: 'mention',
      text: '<at>Lee Okafor</at>',
      mentioned: { id: LEE, name: 'Lee Okafor' },
    });
  });

  it('an @mention the Bot Connector cannot place is refused politely, with the person’s text, and nothing is written', async () => {
    const before = standin.calls.length;
    const typed = {
      ...personal('improve workstream add WS9 "Front door" lead <at>Nobody Known</at>'),
      entities: [
        {
          type: 'mention',
          text: '<at>Nobody Known</at>',
          mentioned: { id: '29:nobody', name: 'Nobody Known' },
        },
      ],
    };
    expect((await post(typed, standin.sign())).status).toBe(200);
    const calls = (await standin.waitForCalls(before + 2)).slice(before);
    await teams.idle();
    const reply = cardText(calls[1]!.body as unknown as Sent);
    expect(reply).toContain('is not a');
    expect(reply).toContain('Front door');
    expect(await t.deps.db.workstream.count({ where: { code: 'WS9' } })).toBe(0);
  });

  it.each([
    ['unsigned', () => undefined],
    ['for another bot', () => standin.sign({ aud: '99999999-2222-4333-8444-555555555555' })],
    ['signed by a key Teams does not publish', () => standin.signWithStrangeKey()],
  ])('a request %s gets 401 and nothing is sent', async (_, token) => {
    const before = standin.calls.length;
    expect((await post(personal('improve help'), token())).status).toBe(401);
    await teams.idle();
    expect(standin.calls.length).toBe(before);
  });

  it('a 429 from the Bot Connector is waited out and the reply still arrives, once', async () => {
    const before = standin.calls.length;
    slept.length = 0;
    standin.rateLimitNext(3);
    expect((await post(personal('help'), standin.sign())).status).toBe(200);
    await standin.waitForCalls(before + 1);
    await teams.idle();
    expect(slept).toEqual([3500]);
    expect(standin.calls.length).toBe(before + 1);
    expect(cardText(standin.calls[before]!.body as unknown as Sent)).toContain('improve update');
  });

  it('in a channel, a message @mentioning the bot is answered in the person’s 1:1 chat, never the channel', async () => {
    const inChannel = (
      text: string,
      mention: boolean,
      from = { id: '29:sam', aadObjectId: SAM, name: 'Sam Patel' },
    ) => ({
      ...personal(text),
      from,
      conversation: {
        id: '19:general@thread.tacv2;messageid=1',
        conversationType: 'channel',
        tenantId: TENANT,
      },
      entities: mention
        ? [
            {
              type: 'mention',
              text: '<at>improvement-bot</at>',
              mentioned: { id: `28:${CLIENT_ID}`, name: 'improvement-bot' },
            },
          ]
        : [],
    });
    const before = standin.calls.length;
    expect((await post(inChannel('improve help', false), standin.sign())).status).toBe(200);
    expect(
      (await post(inChannel('<at>improvement-bot</at> improve help', true), standin.sign())).status,
    ).toBe(200);
    const [sent] = (await standin.waitForCalls(before + 1)).slice(before);
    await teams.idle();
    expect(standin.calls.length).toBe(before + 1);
    expect(sent).toMatchObject({ method: 'POST', conversationId: 'a:sam-personal' });
    expect(cardText(sent!.body as unknown as Sent)).toContain('improve update');
    // Someone whose 1:1 chat was never stored: the Bot Connector opens one, and the help goes there.
    const alex = { id: '29:alex', aadObjectId: '9f1c2d3e-0000-4000-8000-000000000002', name: 'Alex Jones' };
    expect((await post(inChannel('<at>improvement-bot</at> help', true, alex), standin.sign())).status).toBe(
      200,
    );
    const [open, reply] = (await standin.waitForCalls(before + 3)).slice(before + 1);
    await teams.idle();
    expect(open).toMatchObject({
      method: 'POST',
      path: '/v3/conversations',
      body: { members: [{ id: '29:alex' }], tenantId: TENANT },
    });
    expect(reply!.conversationId).toMatch(/^a:/);
    expect(reply!.conversationId).not.toContain('19:general');
  });

  it('a channel the bot is @mentioned in is remembered, so a digest can be posted there', async () => {
    const before = standin.calls.length;
    const typed = {
      ...personal('<at>improvement-bot</at> help'),
      conversation: {
        id: '19:board@thread.tacv2;messageid=7',
        conversationType: 'channel',
        tenantId: TENANT,
      },
      channelData: {
        tenant: { id: TENANT },
        team: { id: '19:team@thread.tacv2' },
        channel: { id: '19:board@thread.tacv2' },
      },
      entities: [{ type: 'mention', text: '<at>improvement-bot</at>', mentioned: { id: `28:${CLIENT_ID}` } }],
    };
    expect((await post(typed, standin.sign())).status).toBe(200);
    await standin.waitForCalls(before + 1);
    await teams.idle();
    expect(
      await t.deps.db.teamsConversation.findMany({
        where: { key: '19:board@thread.tacv2' },
        omit: { id: true },
      }),
    ).toEqual([
      {
        workspaceId: TENANT,
        kind: 'channel',
        key: '19:board@thread.tacv2',
        conversationId: '19:board@thread.tacv2',
        serviceUrl: `${standin.url}/`,
        createdAt: t.clock.now(),
      },
    ]);
  });
});
