/**
 * What scheduled work (digest, reminders) needs from a chat platform, without knowing which.
 * src/chat/slack/slack-chat.ts implements it with Slack's Web API.
 */
import type { Message } from './message.js';

export interface Posted {
  channelId: string;
  ts: string;
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

export interface Chat {
  post(
    channelId: string,
    message: Message,
    options?: { threadTs?: string; metadata?: MessageMetadata },
  ): Promise<Posted>;
  /** A direct message from the bot to a person. */
  dm(userId: string, message: Message, options?: { metadata?: MessageMetadata }): Promise<Posted>;
  /** The id of the bot's DM conversation with a person, so findPosted can look in it. */
  dmChannel(userId: string): Promise<string>;
  update(where: Posted, message: Message): Promise<void>;
  user(userId: string): Promise<ChatUser>;
  /** Messages the bot posted in a channel since `oldest`, with their metadata. */
  findPosted(
    channelId: string,
    since: Date,
    eventType: string,
  ): Promise<{ ts: string; payload: Record<string, unknown> }[]>;
  /** The bot's replies in a thread with that metadata type (a digest's continuation parts). */
  findReplies?(
    channelId: string,
    threadTs: string,
    eventType: string,
  ): Promise<{ ts: string; payload: Record<string, unknown> }[]>;
  /** The App Home tab of a person. */
  publishHome?(userId: string, message: Message): Promise<void>;
}

/**
 * A failure from the platform. `permanent` ones (channel not found, bot not in channel) need a
 * person to fix something; others are retried.
 */
export class ChatError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(`chat platform error: ${code}`);
    this.name = 'ChatError';
  }
}
