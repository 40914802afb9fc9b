import { randomBytes } from 'node:crypto';

/**
 * Builders for the payloads Slack sends to an app. Local mode's page, the e2e helpers and the
 * Socket Mode stand-in share them, so every transport delivers the same shapes.
 */

/** Matches the local Web API stand-in's default bot, so `api_app_id` lines up. */
export const DEFAULT_APP_ID = 'A0APP00001';
export const TEAM_DOMAIN = 'improvement-local';
/** Slack still sends the deprecated verification token; Bolt ignores it. */
export const VERIFICATION_TOKEN = 'local-verification-token';

/** Who is acting and where; common to every interaction payload. */
export interface Actor {
  teamId: string;
  userId: string;
  userName?: string;
  apiAppId?: string;
}

/** A trigger id in Slack's shape; real ones expire after 3 s, these never do. */
export function newTriggerId(): string {
  return `${Date.now()}.${randomBytes(5).toString('hex')}.${randomBytes(16).toString('hex')}`;
}

/** The `user` object of an interaction payload. */
export function userOf(actor: Actor): Record<string, string> {
  const name = actor.userName ?? actor.userId.toLowerCase();
  return { id: actor.userId, username: name, name, team_id: actor.teamId };
}

/** Options for a slash command. */
export interface SlashCommandOptions extends Actor {
  command?: string;
  text?: string;
  channelId: string;
  channelName?: string;
  responseUrl: string;
  triggerId?: string;
}

/** The fields of a slash command (form-encoded over HTTP, a JSON object over Socket Mode). */
export function slashCommandPayload(options: SlashCommandOptions): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: options.teamId,
    team_domain: TEAM_DOMAIN,
    channel_id: options.channelId,
    channel_name: options.channelName ?? 'directmessage',
    user_id: options.userId,
    user_name: options.userName ?? options.userId.toLowerCase(),
    command: options.command ?? '/improve',
    text: options.text ?? '',
    api_app_id: options.apiAppId ?? DEFAULT_APP_ID,
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? newTriggerId(),
  };
}

/** Options for a button click (or other block element action). */
export interface BlockActionOptions extends Actor {
  actionId: string;
  value?: string;
  blockId: string;
  channelId?: string;
  channelName?: string;
  /** The message the button sits on, as Slack stored it (needs at least `ts`). */
  message?: Record<string, unknown> & { ts: string };
  container?: Record<string, unknown>;
  responseUrl: string;
  triggerId?: string;
  /** Element type; defaults to a button. */
  elementType?: string;
  /** The button's label; defaults to its value. */
  actionText?: string;
}

/** A `block_actions` interaction payload. */
export function blockActionsPayload(options: BlockActionOptions): Record<string, unknown> {
  const container = options.container ?? {
    type: 'message',
    message_ts: options.message?.ts ?? '',
    channel_id: options.channelId ?? '',
    // Slack leaves `message` out of actions on ephemeral messages, so its absence implies one.
    is_ephemeral: options.message === undefined,
  };
  return {
    type: 'block_actions',
    user: userOf(options),
    api_app_id: options.apiAppId ?? DEFAULT_APP_ID,
    token: VERIFICATION_TOKEN,
    container,
    trigger_id: options.triggerId ?? newTriggerId(),
    team: { id: options.teamId, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    ...(options.channelId
      ? { channel: { id: options.channelId, name: options.channelName ?? 'channel' } }
      : {}),
    ...(options.message ? { message: options.message } : {}),
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        action_id: options.actionId,
        block_id: options.blockId,
        type: options.elementType ?? 'button',
        ...(options.value !== undefined ? { value: options.value } : {}),
        text: {
          type: 'plain_text',
          text: options.actionText ?? options.value ?? options.actionId,
          emoji: true,
        },
        action_ts: (Date.now() / 1000).toFixed(6),
      },
    ],
  };
}

/** Options for a message shortcut ("…" menu on a message → the app's shortcut). */
export interface MessageShortcutOptions extends Actor {
  callbackId: string;
  channelId: string;
  /** The message as Slack shows it to the app: at least `ts`, and `text`, `user`, `bot_id`. */
  message: Record<string, unknown> & { ts: string };
  responseUrl: string;
  triggerId?: string;
}

/** A `message_action` interaction payload. */
export function messageShortcutPayload(options: MessageShortcutOptions): Record<string, unknown> {
  return {
    type: 'message_action',
    token: VERIFICATION_TOKEN,
    action_ts: (Date.now() / 1000).toFixed(6),
    team: { id: options.teamId, domain: TEAM_DOMAIN },
    user: userOf(options),
    channel: { id: options.channelId, name: 'channel' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: options.callbackId,
    trigger_id: options.triggerId ?? newTriggerId(),
    response_url: options.responseUrl,
    message_ts: options.message.ts,
    message: { type: 'message', ...options.message },
  };
}
