/**
 * What scheduled work (digest, reminders) needs from a chat platform, without knowing which.
 * src/chat/slack/slack-chat.ts implements it with Slack's Web API.
 */
import type { Message, MessageLimits } from './message.js';

/** Where a message was posted: the conversation, and the platform's id of the message in it. */
export interface Posted {
  channelId: string;
  messageId: string;
}

export interface ChatUser {
  id: string;
  timezone?: string;
  /** Deactivated, or unknown to the platform. */
  unreachable: boolean;
}

/** Metadata attached to a posted message, so a crashed run can find what it already posted. */
export interface MessageMetadata {
  eventType: string;
  payload: Record<string, string | number | boolean>;
}

/** A file to share in a conversation (a board pack's PDF, Word file, workbook). */
export interface ChatFile {
  filename: string;
  /** What the conversation shows as the file's name. */
  title: string;
  bytes: Uint8Array;
}

/** The Chat methods that call the platform, for rate limits: `dm` counts as a `post`. */
export type RateLimitedMethod = 'post' | 'update' | 'user' | 'dmChannel' | 'findPosted';

/**
 * A platform's limits on one workspace's calls, by method: requests a minute and how many may go
 * at once after a quiet spell. Scheduled work keeps to them (paced-chat.ts).
 */
export interface ChatRateLimits {
  perMinute: Partial<Record<RateLimitedMethod, number>>;
  burst?: Partial<Record<RateLimitedMethod, number>>;
}

export interface Chat {
  /** What one message may hold on this platform; long layouts (the digest) split to fit. */
  readonly limits?: MessageLimits;
  /** The platform's per-method limits for one workspace; none: only per-conversation pacing. */
  readonly rateLimits?: ChatRateLimits;
  post(
    channelId: string,
    message: Message,
    options?: { threadId?: string; metadata?: MessageMetadata },
  ): Promise<Posted>;
  /** A direct message from the bot to a person: one call, by their id (no conversation to open first). */
  dm(userId: string, message: Message, options?: { metadata?: MessageMetadata }): Promise<Posted>;
  /** The id of the bot's DM conversation with a person, so findPosted can look in it. */
  dmChannel(userId: string): Promise<string>;
  update(where: Posted, message: Message): Promise<void>;
  user(userId: string): Promise<ChatUser>;
  /** Messages the bot posted in a channel since `since`, with their metadata and when they were posted. */
  findPosted(
    channelId: string,
    since: Date,
    eventType: string,
  ): Promise<{ messageId: string; postedAt: Date; payload: Record<string, unknown> }[]>;
  /** The bot's replies in a thread with that metadata type (a digest's continuation parts). */
  findReplies?(
    channelId: string,
    threadId: string,
    eventType: string,
  ): Promise<{ messageId: string; payload: Record<string, unknown> }[]>;
  /**
   * Shares files in a channel, with one message introducing them. Optional: a platform that
   * cannot share files yet leaves it out, and the commands that need it say so.
   */
  uploadFiles?(channelId: string, files: ChatFile[], comment: Message): Promise<void>;
  /** The App Home tab of a person. */
  publishHome?(userId: string, message: Message): Promise<void>;
}

/**
 * The failures the core tells apart, whatever the platform; each adapter maps its own error codes
 * to these, all permanent. Any other failure keeps the platform's own code, is shown as it is and
 * retried.
 * - not_in_channel: the bot is not a member of the channel;
 * - channel_not_found, channel_archived;
 * - recipient_unreachable: the person is deactivated, unknown, or cannot be messaged by the bot;
 * - missing_permission: the app lacks a permission (a scope, or a workspace policy);
 * - not_authorised: the bot's credentials were refused;
 * - message_rejected: the platform refused the message itself (too long, malformed).
 */
export type ChatErrorCode =
  | 'not_in_channel'
  | 'channel_not_found'
  | 'channel_archived'
  | 'recipient_unreachable'
  | 'missing_permission'
  | 'not_authorised'
  | 'message_rejected';

/**
 * A failure from the platform. `permanent` ones (a ChatErrorCode: channel not found, bot not in
 * channel) need a person to fix something; others are retried. `detail` is the platform's own code.
 */
export class ChatError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
    readonly detail: string = code,
  ) {
    super(`chat platform error: ${code}${detail !== code ? ` (${detail})` : ''}`);
    this.name = 'ChatError';
  }
}
