import type { FakeWorkspace } from './store.js';
import type { ApiArgs, ApiReply, StoredMessage } from './types.js';

/**
 * Error codes that mean the app called Slack wrongly rather than hit a real-world condition.
 * In strict mode calls answered with these are also listed in `unexpected`, so a test fails
 * on a malformed call even when the app swallows the error.
 */
export const MISUSE_ERRORS = new Set([
  'not_authed',
  'unknown_method',
  'invalid_arguments',
  'invalid_blocks_format',
  'invalid_blocks',
  'invalid_metadata_format',
  'invalid_json',
  'no_text',
  'not_allowed_token_type',
]);

/** A successful reply. */
export function ok(fields: Record<string, unknown> = {}): ApiReply {
  return { ok: true, ...fields };
}

/** A Slack-style failure: HTTP 200 with `ok: false`. */
export function fail(error: string): ApiReply {
  return { ok: false, error };
}

/** A string argument (numbers arrive as strings over form encoding, so accept both). */
export function stringArg(args: ApiArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A boolean argument; form encoding turns `true` into the string 'true'. */
export function boolArg(args: ApiArgs, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** A numeric argument, or the fallback when absent or not a number. */
export function numberArg(args: ApiArgs, key: string, fallback: number): number {
  const parsed = Number(args[key]);
  return args[key] === undefined || Number.isNaN(parsed) ? fallback : parsed;
}

/** Compares Slack timestamps numerically ('9.0' < '10.0' even though strings disagree). */
export function compareTs(a: string, b: string): number {
  return Number(a) - Number(b);
}

/** Renders a stored message the way conversations.history and chat.* replies show it. */
export function toSlackMessage(
  message: StoredMessage,
  workspace: FakeWorkspace,
  options: { includeMetadata?: boolean } = {},
): Record<string, unknown> {
  const replies = workspace.messages.filter(
    (other) => other.channel === message.channel && other.thread_ts === message.ts && other.ts !== message.ts,
  );
  return {
    type: 'message',
    // Apps posting with a bot token get bot_id/app_id but no `bot_message` subtype (that is legacy).
    ...(message.bot_id
      ? { bot_id: message.bot_id, app_id: workspace.bot.appId, bot_profile: botProfile(workspace) }
      : {}),
    user: message.user,
    text: message.text,
    ts: message.ts,
    team: workspace.teamId,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    ...(replies.length > 0
      ? {
          thread_ts: message.ts,
          reply_count: replies.length,
          reply_users: [...new Set(replies.map((reply) => reply.user))],
          latest_reply: replies[replies.length - 1]?.ts,
        }
      : {}),
    ...(message.editedAt ? { edited: { user: message.user, ts: message.editedAt } } : {}),
    ...(options.includeMetadata && message.metadata ? { metadata: message.metadata } : {}),
  };
}

function botProfile(workspace: FakeWorkspace): Record<string, unknown> {
  const { bot } = workspace;
  return {
    id: bot.botId,
    app_id: bot.appId,
    name: bot.name,
    user_id: bot.userId,
    team_id: workspace.teamId,
    deleted: false,
  };
}
