import type { AdjustableClock } from '../../domain/clock.js';
import type { FakeChannel, SlackWebApi } from '../slack-web-api.js';
import type { Sender } from '../teams/activities.js';
import type { LocalPerson } from '../workspace.js';
import type { ChangeFeed } from './change-feed.js';
import type { OnRequest } from './on-request.js';

/** Everything the page's routes need: the stand-in, who exists, and how to reach the app. */
export interface PageContext {
  slack: SlackWebApi;
  teamName: string;
  people: LocalPerson[];
  channels: FakeChannel[];
  /** The slash command, e.g. '/improve'. */
  command: string;
  signingSecret: string;
  clock: AdjustableClock;
  timezone: string;
  feed: ChangeFeed;
  /** Modals the person closed or submitted; Slack forgets them, the stand-in keeps every view. */
  closedViews: Set<string>;
  /** The app's own address; known once its server listens. */
  appUrl(): string;
  /** Runs one scheduler tick (digest, reminders and any other job that is due). */
  tick(): Promise<void>;
  /** "Send digest now" and "Run reminders now", known once the app is running. */
  onRequest: OnRequest;
  /** The Teams view (src/local/teams), unless the app is set up for a real Teams. */
  teams?: TeamsView;
}

/** The local Teams tenant: its Bot Connector, and the app's address to send activities to. */
export interface TeamsView extends Sender {
  /** Resolves once the app is installed in the team and every 1:1 chat (at each start). */
  ready: Promise<void>;
  /** "Send digest now" and "Run reminders now" for the Teams tenant. */
  onRequest: OnRequest;
}

/** A refusal the page shows as it is, in the users' words. */
export class PageError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export function personOf(ctx: PageContext, userId: unknown): LocalPerson {
  const person = ctx.people.find((p) => p.id === userId);
  if (!person) throw new PageError('Pick who you are from the list at the top first.');
  return person;
}

/** The name Slack gives a conversation in payloads: the channel name, or 'directmessage'. */
export function channelName(ctx: PageContext, channelId: string): string {
  return ctx.channels.find((c) => c.id === channelId)?.name ?? 'directmessage';
}
