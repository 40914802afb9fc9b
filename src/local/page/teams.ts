/**
 * The page's Teams view: what one person sees in the local Teams tenant (the team's channels and
 * their own 1:1 chat with the bot), and what they do there, sent to the real /api/messages as
 * signed activities. The answers arrive through the local Bot Connector, as in Teams.
 */

import { conversationFacts, postActivity } from '../teams/activities.js';
import type { StoredActivity } from '../teams/connector.js';
import {
  LOCAL_TEAMS_BOT,
  LOCAL_TENANT_ID,
  TEAMS_CHANNELS,
  type TeamsPerson,
  teamsPersonOf,
} from '../teams/workspace.js';
import { type PageContext, PageError, type TeamsView } from './context.js';

export interface TeamsPageState {
  version: number;
  tenant: { id: string; name: string };
  bot: { id: string; name: string };
  me: string | null;
  /** The demo people, by the page's ids (the same person in both views). */
  people: { id: string; realName: string; title: string }[];
  channels: { id: string; name: string }[];
  /** This person's 1:1 chat with the bot. */
  chat: string | null;
  activities: StoredActivity[];
  now: string;
  timezone: string;
}

const MENTION = `<at>${LOCAL_TEAMS_BOT.name}</at>`;
/** A channel thread's conversation id is its channel's, with the thread's root after ';'. */
const channelPart = (conversationId: string) => conversationId.replace(/;messageid=.*$/, '');

export function teamsState(ctx: PageContext, userId: string | null): TeamsPageState {
  const view = teamsOf(ctx);
  const person = teamsPersonOf(userId);
  const channels = new Set(TEAMS_CHANNELS.map((c) => c.id));
  const visible = (a: StoredActivity) =>
    channels.has(channelPart(a.conversationId)) || a.conversationId === person?.personalChat;
  return {
    version: ctx.feed.version,
    tenant: { id: LOCAL_TENANT_ID, name: ctx.teamName },
    bot: LOCAL_TEAMS_BOT,
    me: person?.localId ?? null,
    people: ctx.people.map((p) => ({ id: p.id, realName: p.realName, title: p.title })),
    channels: TEAMS_CHANNELS,
    chat: person?.personalChat ?? null,
    activities: person ? view.connector.history.activities.filter(visible) : [],
    now: ctx.clock.now().toISOString(),
    timezone: ctx.timezone,
  };
}

/** A message typed in a chat or channel; in a channel the bot is @mentioned, as it must be there. */
export async function sendTeamsMessage(ctx: PageContext, body: Record<string, unknown>): Promise<unknown> {
  const view = teamsOf(ctx);
  const person = personOf(body.userId);
  const conversationId = conversationOf(person, body.conversationId);
  const typed = typeof body.text === 'string' ? body.text.trim() : '';
  if (!typed) throw new PageError('Type a message first, for example: improve help');
  const inChannel = conversationId !== person.personalChat;
  const text = inChannel ? `${MENTION} ${typed}` : typed;
  await view.ready;
  view.connector.history.add(conversationId, { from: { id: person.aadObjectId, name: person.name }, text });
  const res = await postActivity(view, {
    type: 'message',
    text,
    entities: inChannel ? [{ type: 'mention', text: MENTION, mentioned: LOCAL_TEAMS_BOT }] : [],
    ...conversationFacts(person, conversationId),
  });
  if (res.status !== 200) throw new PageError(`The bot refused the message (HTTP ${res.status}).`, 502);
  return { ok: true, answersIn: person.personalChat };
}

/** A pressed Action.Execute button: an adaptiveCard/action invoke, whose answer Teams shows. */
export async function pressTeamsAction(ctx: PageContext, body: Record<string, unknown>): Promise<unknown> {
  const view = teamsOf(ctx);
  const person = personOf(body.userId);
  const pressed = view.connector.history.activities.find((a) => a.id === body.activityId);
  if (!pressed) throw new PageError('That card is no longer there. Reload the page.');
  const verb = typeof body.verb === 'string' ? body.verb : '';
  const data = typeof body.data === 'object' && body.data !== null ? body.data : {};
  await view.ready;
  const res = await postActivity(view, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: pressed.id,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...conversationFacts(person, pressed.conversationId),
  });
  const answer = res.body as { type?: string; value?: unknown };
  if (res.status !== 200) throw new PageError(`The bot refused the button (HTTP ${res.status}).`, 502);
  // Teams swaps the answer's card in for the pressed one, for everyone who sees it.
  if (answer.type === 'application/vnd.microsoft.card.adaptive') {
    view.connector.history.replaceCard(pressed.id, answer.value);
    return { ok: true };
  }
  return { ok: true, said: typeof answer.value === 'string' ? answer.value : '' };
}

function teamsOf(ctx: PageContext): TeamsView {
  if (!ctx.teams) throw new PageError('The Teams view is off: this app is set up for a real Teams.', 404);
  return ctx.teams;
}

function personOf(userId: unknown): TeamsPerson {
  const person = teamsPersonOf(userId);
  if (!person) throw new PageError('Pick who you are from the list at the top first.');
  return person;
}

function conversationOf(person: TeamsPerson, id: unknown): string {
  if (id === person.personalChat || TEAMS_CHANNELS.some((c) => c.id === id)) return String(id);
  throw new PageError('Pick a channel or your chat with the bot first.');
}
