import { FakeInstalls } from './oauth-methods.js';
import type { FakeBot, FakeChannel, FakeUser, StoredFile, StoredMessage, StoredView } from './types.js';

/** Options the in-memory workspace is built from. */
export interface WorkspaceOptions {
  users?: FakeUser[];
  channels?: FakeChannel[];
  teamId: string;
  bot: FakeBot;
  clock: () => Date;
}

/** Result of resolving a `channel` argument: a conversation id or a Slack error code. */
export type ChannelResolution = { id: string } | { error: string };

/**
 * The stand-in's in-memory workspace: messages, views, users and channels, plus the id and
 * timestamp rules Slack follows. Kept apart from HTTP so method handlers stay small.
 */
export class FakeWorkspace {
  readonly messages: StoredMessage[] = [];
  readonly views: StoredView[] = [];
  readonly files = new Map<string, StoredFile>();
  readonly users: Map<string, FakeUser>;
  readonly channels: Map<string, FakeChannel> | undefined;
  readonly teamId: string;
  readonly bot: FakeBot;
  readonly clock: () => Date;
  /** Workspaces installed through `oauth.v2.access`, and their tokens. */
  readonly installs = new FakeInstalls();
  private lastTsMicros = 0;
  private viewCount = 0;
  private readonly triggers = new Map<string, string>();

  constructor(options: WorkspaceOptions) {
    this.users = new Map((options.users ?? []).map((user) => [user.id, user]));
    this.channels = options.channels
      ? new Map(options.channels.map((channel) => [channel.id, channel]))
      : undefined;
    this.teamId = options.teamId;
    this.bot = options.bot;
    this.clock = options.clock;
  }

  /**
   * A message ts: seconds.micros from the clock, nudged forward so every ts is unique and
   * strictly increasing, because apps use ts as the message's identity and sort key.
   */
  nextTs(): string {
    const nowMicros = this.clock().getTime() * 1000;
    this.lastTsMicros = Math.max(nowMicros, this.lastTsMicros) + 100;
    const seconds = Math.floor(this.lastTsMicros / 1_000_000);
    const micros = String(this.lastTsMicros % 1_000_000).padStart(6, '0');
    return `${seconds}.${micros}`;
  }

  /** The DM channel id Slack would give this user; stable so tests can predict it. */
  dmChannelFor(userId: string): string {
    return `D${userId.replace(/^[UW]/, '')}`;
  }

  /** Whether the stand-in should treat this id as a real person (all ids when no roster given). */
  knowsUser(userId: string): boolean {
    return this.users.size === 0 || this.users.has(userId);
  }

  /**
   * Resolves a `channel` argument the way chat.postMessage does: user ids post to the DM,
   * known or (with no channel list) well-formed ids are accepted, everything else is an error.
   */
  resolveChannel(channel: string | undefined): ChannelResolution {
    if (!channel) return { error: 'channel_not_found' };
    if (/^[UW][A-Z0-9]+$/.test(channel)) {
      return this.knowsUser(channel) ? { id: this.dmChannelFor(channel) } : { error: 'channel_not_found' };
    }
    if (/^D[A-Z0-9]+$/.test(channel)) return { id: channel };
    if (!this.channels)
      return /^[CG][A-Z0-9]+$/.test(channel) ? { id: channel } : { error: 'channel_not_found' };
    const known = this.channels.get(channel);
    if (!known) return { error: 'channel_not_found' };
    if (known.isArchived) return { error: 'is_archived' };
    if (known.isMember === false) return { error: 'not_in_channel' };
    return { id: known.id };
  }

  /** Finds a message (ephemerals included) by its conversation and ts. */
  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((message) => message.channel === channel && message.ts === ts);
  }

  /** Removes a message; returns whether it existed. */
  removeMessage(channel: string, ts: string): boolean {
    const index = this.messages.findIndex((message) => message.channel === channel && message.ts === ts);
    if (index < 0) return false;
    this.messages.splice(index, 1);
    return true;
  }

  /**
   * Puts back messages kept from an earlier run (local mode's restart): later ts stay newer than
   * theirs, as Slack's would.
   */
  restoreMessages(messages: readonly StoredMessage[]): void {
    this.messages.push(...messages);
    for (const message of messages) {
      const [seconds = '0', micros = '0'] = message.ts.split('.');
      const at = Number(seconds) * 1_000_000 + Number(micros.padEnd(6, '0'));
      if (Number.isFinite(at)) this.lastTsMicros = Math.max(this.lastTsMicros, at);
    }
  }

  /** Stores a message with a fresh ts and returns it. */
  addMessage(message: Omit<StoredMessage, 'ts'>): StoredMessage {
    const stored: StoredMessage = { ...message, ts: this.nextTs() };
    this.messages.push(stored);
    return stored;
  }

  /** A file announced for upload, with an id in Slack's style (`F` + digits). */
  addFile(filename: string, length: number): StoredFile {
    const file: StoredFile = { id: `F${String(this.files.size + 1).padStart(10, '0')}`, filename, length };
    this.files.set(file.id, file);
    return file;
  }

  /** A new view id in Slack's style (`V` + digits). */
  nextViewId(): string {
    this.viewCount += 1;
    return `V${String(this.viewCount).padStart(10, '0')}`;
  }

  /** A view hash; changes on every write so stale `hash` arguments are detectable. */
  nextViewHash(): string {
    return `${this.nextTs()}.${Math.random().toString(36).slice(2, 10)}`;
  }

  /**
   * Mints a trigger id tied to a user, so a modal opened with it is shown to that user
   * (Slack knows this from its own records; the stand-in has to be told).
   */
  mintTrigger(userId: string): string {
    const trigger = `${this.nextTs()}.${this.teamId}.${Math.random().toString(16).slice(2, 14)}`;
    this.triggers.set(trigger, userId);
    return trigger;
  }

  /** The user a minted trigger belongs to, if it was minted here. */
  userForTrigger(triggerId: string): string | undefined {
    return this.triggers.get(triggerId);
  }

  /** The App Home view published for a user, if any. */
  homeViewFor(userId: string): StoredView | undefined {
    return this.views.find((view) => view.type === 'home' && view.userId === userId);
  }
}
