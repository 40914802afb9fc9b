/**
 * What one person sees in the local workspace: the channels, their own DM with the bot, the
 * messages visible to them (ephemerals only their own, other people's DMs never) and the modal
 * they have open. The page re-renders from this after every change.
 */
import type { StoredMessage, StoredView } from '../slack-web-api.js';
import type { PageContext } from './context.js';

export interface PageState {
  version: number;
  team: { id: string; name: string };
  bot: { id: string; name: string };
  command: string;
  me: string | null;
  people: { id: string; name: string; realName: string; title: string; dm: string }[];
  channels: { id: string; name: string }[];
  messages: PageMessage[];
  modal: { id: string; hash: string; view: Record<string, unknown> } | null;
  /** The App Home view the app last published for this person (null until they open it). */
  home: { id: string; blocks: unknown[] } | null;
  now: string;
  timezone: string;
  /** Whether the page can show the Teams view (local mode's own Teams tenant is running). */
  teams: boolean;
}

export interface PageMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  user: string;
  text: string;
  blocks?: unknown[];
  ephemeral: boolean;
  edited: boolean;
}

export function pageState(ctx: PageContext, userId: string | null): PageState {
  const me = ctx.people.some((p) => p.id === userId) ? userId : null;
  const { slack } = ctx;
  const myDm = me ? slack.dmChannelFor(me) : undefined;
  return {
    version: ctx.feed.version,
    team: { id: slack.teamId, name: ctx.teamName },
    bot: { id: slack.bot.userId, name: slack.bot.name },
    command: ctx.command,
    me,
    people: ctx.people.map((p) => ({
      id: p.id,
      name: p.name ?? p.id,
      realName: p.realName,
      title: p.title,
      dm: slack.dmChannelFor(p.id),
    })),
    channels: ctx.channels.map((c) => ({ id: c.id, name: c.name })),
    messages: me ? slack.messages.filter((m) => visibleTo(m, me, myDm)).map(toPage) : [],
    modal: me ? openModal(ctx, me) : null,
    home: me ? homeOf(ctx, me) : null,
    now: ctx.clock.now().toISOString(),
    timezone: ctx.timezone,
    teams: Boolean(ctx.teams),
  };
}

function visibleTo(message: StoredMessage, me: string, myDm: string | undefined): boolean {
  if (message.ephemeralFor && message.ephemeralFor !== me) return false;
  return !message.channel.startsWith('D') || message.channel === myDm;
}

function toPage(message: StoredMessage): PageMessage {
  return {
    channel: message.channel,
    ts: message.ts,
    ...(message.thread_ts && message.thread_ts !== message.ts ? { threadTs: message.thread_ts } : {}),
    user: message.user,
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ephemeral: Boolean(message.ephemeralFor),
    edited: Boolean(message.editedAt),
  };
}

function homeOf(ctx: PageContext, me: string): PageState['home'] {
  const view = ctx.slack.homeView(me);
  return view ? { id: view.id, blocks: (view.view.blocks as unknown[] | undefined) ?? [] } : null;
}

/** The person's top modal: the newest one they have not closed. */
function openModal(ctx: PageContext, me: string): PageState['modal'] {
  const open = ctx.slack.views.filter(
    (v: StoredView) => v.type === 'modal' && v.userId === me && !ctx.closedViews.has(v.id),
  );
  const top = open.at(-1);
  return top ? { id: top.id, hash: top.hash, view: top.view } : null;
}
