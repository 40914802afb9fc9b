/**
 * The real Teams app over HTTP on loopback (beside Slack, on Slack's port) with real JWT
 * validation against the stand-in's keys, a Teams workspace installed in a board channel and in
 * people's 1:1 chats through real install activities, and the scheduled jobs' dependencies with
 * the Teams Chat chosen for it. Slack's Chat here refuses everything: a Teams workspace's digest
 * or reminder that reached Slack would fail the test.
 */
import type { Chat } from '../../src/chat/chat.js';
import { type SlackRuntime, startSlack } from '../../src/chat/slack/app.js';
import { startTeams, type TeamsRuntime } from '../../src/chat/teams/app.js';
import { createSendQueue } from '../../src/chat/teams/send-queue.js';
import { addWorkstream } from '../../src/services/add-workstream.js';
import type { Actor, ChatDeps } from '../../src/services/deps.js';
import { setupProgramme } from '../../src/services/setup-programme.js';
import { type TestDatabase, testDatabase } from './database.js';
import { startTeamsStandin, type TeamsStandin } from './teams-standins.js';

export const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
export const CLIENT_SECRET = 'teams-client-secret';
export const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const BOARD = '19:board@thread.tacv2';
export const BOT = `28:${CLIENT_ID}`;

/** Entra object ids (the platform user ids of a Teams workspace) and Teams user ids of the cast. */
export const PEOPLE = {
  admin: { aad: '9f1c2d3e-0000-4000-8000-0000000000a1', teams: '29:admin', name: 'Sam Patel' },
  lead: { aad: '9f1c2d3e-0000-4000-8000-0000000000b2', teams: '29:lead', name: 'Lee Okafor' },
  owner: { aad: '9f1c2d3e-0000-4000-8000-0000000000c3', teams: '29:owner', name: 'Olu Evans' },
  otherLead: { aad: '9f1c2d3e-0000-4000-8000-0000000000d4', teams: '29:otherlead', name: 'Dana Hughes' },
  member: { aad: '9f1c2d3e-0000-4000-8000-0000000000e5', teams: '29:member', name: 'Mo Begum' },
  newcomer: { aad: '9f1c2d3e-0000-4000-8000-0000000000f6', teams: '29:newcomer', name: 'Nia Clarke' },
} as const;
export type Who = keyof typeof PEOPLE;

/** The 1:1 chat id the stand-in's Teams gives each person at install. */
export const personalChat = (who: Who) => `a:${who}-personal`;

export const asTeams = (who: Who, requestKey?: string): Actor => ({
  workspaceId: TENANT,
  platform: 'teams',
  userId: PEOPLE[who].aad,
  requestKey,
});

export interface TeamsE2E {
  t: TestDatabase;
  standin: TeamsStandin;
  teams: TeamsRuntime;
  slack: SlackRuntime;
  /** POSTs an activity to /api/messages with a valid Bot Framework token. */
  send(activity: Record<string, unknown>): Promise<Response>;
  /** The scheduled jobs' dependencies, as the composition root builds them. */
  chatDeps(instanceId?: string): ChatDeps;
  /** Bot Connector posts of new activities to a conversation (its channel id, not a thread). */
  postsTo(conversationId: string): { body: Record<string, unknown>; id: string }[];
  /** Installs the bot in the board channel and in these people's 1:1 chats. */
  install(who: Who[]): Promise<void>;
  close(): Promise<void>;
}

/** Slack's Chat, refusing: nothing of a Teams workspace may go to Slack. */
export const NO_SLACK: Chat = new Proxy({} as Chat, {
  get: (_target, name) =>
    name === 'limits' || name === 'then'
      ? undefined
      : () => {
          throw new Error(`Slack was asked to ${String(name)} for a Teams workspace`);
        },
});

export async function startTeamsE2E(now: Date): Promise<TeamsE2E> {
  const t = await testDatabase({ now });
  const standin = await startTeamsStandin({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const teams = await startTeams({
    config: {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      openIdMetadataUrl: standin.openIdMetadataUrl,
      tokenUrl: standin.tokenUrl,
    },
    deps: t.deps,
    queue: createSendQueue({ sleep: async () => {}, random: () => 0.5 }),
  });
  const slack = await startSlack({
    config: {
      mode: 'http',
      port: 0,
      slack: { botToken: 'xoxb-e2e', signingSecret: 'e2e-signing-secret', command: '/improve' },
    },
    deps: t.deps,
    health: async () => ({ ok: true, detail: { database: 'ok' } }),
    routes: teams.routes,
  });
  const url = `http://127.0.0.1:${slack.port}/api/messages`;
  const send = (activity: Record<string, unknown>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${standin.sign()}` },
      body: JSON.stringify({
        channelId: 'msteams',
        serviceUrl: `${standin.url}/`,
        recipient: { id: BOT, name: 'improvement-bot' },
        ...activity,
      }),
    });
  const ids = new Map<object, string>();
  return {
    t,
    standin,
    teams,
    slack,
    send,
    chatDeps: (instanceId = 'test-replica') => ({
      ...t.deps,
      chat: NO_SLACK,
      teamsChat: teams.chatFor,
      instanceId,
    }),
    postsTo(conversationId) {
      return standin.calls
        .filter((c) => c.method === 'POST' && c.conversationId === conversationId && !c.activityId)
        .map((c) => {
          const index = standin.calls.indexOf(c);
          const id = ids.get(c) ?? `activity-${index + 1}`;
          ids.set(c, id);
          return { body: c.body, id };
        });
    },
    async install(who) {
      const added = await send({
        type: 'conversationUpdate',
        id: 'install-board',
        from: { id: PEOPLE.admin.teams, aadObjectId: PEOPLE.admin.aad },
        membersAdded: [{ id: BOT }],
        conversation: { id: BOARD, conversationType: 'channel', tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: BOARD } },
      });
      if (added.status !== 200) throw new Error(`install in the board channel: ${added.status}`);
      for (const person of who) {
        const { aad, teams: teamsId, name } = PEOPLE[person];
        const res = await send({
          type: 'installationUpdate',
          action: 'add',
          id: `install-${person}`,
          from: { id: teamsId, aadObjectId: aad, name },
          conversation: { id: personalChat(person), conversationType: 'personal', tenantId: TENANT },
          channelData: { tenant: { id: TENANT } },
        });
        if (res.status !== 200) throw new Error(`install for ${person}: ${res.status}`);
      }
    },
    async close() {
      await slack.stop();
      await teams.idle();
      await standin.close();
      await t.close();
    },
  };
}

/** Everything a card shows, as text: its TextBlocks and its buttons' titles. */
export function cardText(activity: Record<string, unknown>): string {
  const out: string[] = [String(activity.text ?? '')];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string') out.push(o.title);
      for (const [k, v] of Object.entries(o)) if (k !== 'text' && k !== 'title') walk(v);
    }
  };
  walk(activity.attachments);
  return out.join('\n');
}

/** The programme most Teams tests start from: set up by the admin, WS1 led by the lead. */
export async function seedTeamsProgramme(e: TeamsE2E): Promise<void> {
  await setupProgramme(
    { name: 'Improving Children’s Services', boardChannelId: BOARD },
    e.t.deps,
    asTeams('admin'),
  );
  await addWorkstream(
    { code: 'WS1', name: 'Support and Develop Our Workforce', leadUserIds: [PEOPLE.lead.aad] },
    e.t.deps,
    asTeams('admin'),
  );
}
