/**
 * What the page does in the Teams view, as Teams itself would: a person's message or a pressed
 * Action.Execute button becomes a Bot Framework activity, signed with the local key and posted to
 * the real /api/messages; installing the app (at each start) tells the bot where it may write.
 */
import { randomUUID } from 'node:crypto';
import type { TeamsConnector } from './connector.js';
import {
  LOCAL_TEAM_ID,
  LOCAL_TEAMS_BOT,
  LOCAL_TEAMS_CLIENT_ID,
  LOCAL_TENANT_ID,
  TEAMS_CHANNELS,
  TEAMS_PEOPLE,
  type TeamsPerson,
} from './workspace.js';

type Json = Record<string, unknown>;

export interface Sender {
  connector: TeamsConnector;
  /** The app's own address: /api/messages is served there. */
  appUrl(): string;
}

/** Posts an activity as Teams does; the answer's status and JSON body (an invoke's response). */
export async function postActivity(sender: Sender, activity: Json): Promise<{ status: number; body: Json }> {
  const { connector } = sender;
  const res = await fetch(`${sender.appUrl()}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${connector.signer.sign({ aud: LOCAL_TEAMS_CLIENT_ID, serviceurl: connector.serviceUrl })}`,
    },
    body: JSON.stringify({
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      recipient: LOCAL_TEAMS_BOT,
      ...activity,
    }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

const channelOf = (conversationId: string) => TEAMS_CHANNELS.find((c) => c.id === conversationId);

/** Where an activity in this conversation comes from: the 1:1 chat or a channel of the team. */
export function conversationFacts(person: TeamsPerson, conversationId: string): Json {
  const channel = channelOf(conversationId);
  const tenant = { id: LOCAL_TENANT_ID };
  return {
    from: { id: person.teamsId, aadObjectId: person.aadObjectId, name: person.name },
    conversation: {
      id: conversationId,
      conversationType: channel ? 'channel' : 'personal',
      tenantId: LOCAL_TENANT_ID,
    },
    channelData: channel ? { tenant, team: { id: LOCAL_TEAM_ID }, channel: { id: channel.id } } : { tenant },
  };
}

/**
 * The app installed in the team (its channels) and for every demo person (their 1:1 chats), sent
 * at each start: the stored conversation references then carry this start's serviceUrl.
 */
export async function installEverywhere(sender: Sender): Promise<void> {
  const admin = TEAMS_PEOPLE[0]!;
  for (const channel of TEAMS_CHANNELS) {
    const res = await postActivity(sender, {
      type: 'conversationUpdate',
      membersAdded: [{ id: LOCAL_TEAMS_BOT.id }],
      ...conversationFacts(admin, channel.id),
    });
    if (res.status !== 200) throw new Error(`installing in ${channel.name} was answered ${res.status}`);
  }
  for (const person of TEAMS_PEOPLE) {
    const res = await postActivity(sender, {
      type: 'installationUpdate',
      action: 'add',
      ...conversationFacts(person, person.personalChat),
    });
    if (res.status !== 200) throw new Error(`installing for ${person.name} was answered ${res.status}`);
  }
}
