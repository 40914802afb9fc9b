import { createHash } from 'node:crypto';
import type { BuiltInMethod } from './method-types.js';
import { boolArg, compareTs, fail, numberArg, ok, stringArg, toSlackMessage } from './replies.js';
import type { FakeWorkspace } from './store.js';
import type { ApiArgs, ApiReply, StoredMessage } from './types.js';

/** Reading is allowed in archived channels, unlike posting, so only other errors stop it. */
function readableChannel(workspace: FakeWorkspace, args: ApiArgs): { id: string } | { error: string } {
  const channel = stringArg(args, 'channel');
  const resolved = workspace.resolveChannel(channel);
  if ('error' in resolved && resolved.error === 'is_archived' && channel) return { id: channel };
  return resolved;
}

/** Applies Slack's oldest/latest/inclusive window to a ts. */
function inWindow(ts: string, args: ApiArgs): boolean {
  const oldest = stringArg(args, 'oldest') ?? '0';
  // Slack's default `latest` is "now"; every stored ts is already in the past, so no bound.
  const latest = stringArg(args, 'latest');
  const inclusive = boolArg(args, 'inclusive');
  const afterOldest = inclusive ? compareTs(ts, oldest) >= 0 : compareTs(ts, oldest) > 0;
  if (latest === undefined) return afterOldest;
  const beforeLatest = inclusive ? compareTs(ts, latest) <= 0 : compareTs(ts, latest) < 0;
  return afterOldest && beforeLatest;
}

/**
 * Cuts one page. Cursors are opaque to callers, so an encoded offset is enough here;
 * `has_more` and `next_cursor` behave as Slack's do so pagination loops terminate.
 */
function page(messages: StoredMessage[], args: ApiArgs, workspace: FakeWorkspace): Record<string, unknown> {
  const cursor = stringArg(args, 'cursor');
  const offset = cursor
    ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', '')) || 0
    : 0;
  const limit = Math.min(Math.max(numberArg(args, 'limit', 100), 1), 999);
  const slice = messages.slice(offset, offset + limit);
  const hasMore = offset + limit < messages.length;
  const includeMetadata = boolArg(args, 'include_all_metadata');
  return {
    messages: slice.map((message) => toSlackMessage(message, workspace, { includeMetadata })),
    has_more: hasMore,
    ...(hasMore
      ? { response_metadata: { next_cursor: Buffer.from(`offset:${offset + limit}`).toString('base64') } }
      : {}),
  };
}

/** `conversations.history`: top-level messages (and broadcast replies), newest first. */
export const history: BuiltInMethod = (args, { workspace }) => {
  const channel = readableChannel(workspace, args);
  if ('error' in channel) return fail(channel.error);
  const visible = workspace.messages
    .filter((message) => message.channel === channel.id && !message.ephemeralFor)
    .filter((message) => !message.thread_ts || message.thread_ts === message.ts || message.reply_broadcast)
    .filter((message) => inWindow(message.ts, args))
    .sort((a, b) => compareTs(b.ts, a.ts));
  return ok({
    ...page(visible, args, workspace),
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
  });
};

/** `conversations.replies`: the parent then its replies, oldest first. */
export const replies: BuiltInMethod = (args, { workspace }) => {
  const channel = readableChannel(workspace, args);
  if ('error' in channel) return fail(channel.error);
  const ts = stringArg(args, 'ts');
  const parent = ts ? workspace.findMessage(channel.id, ts) : undefined;
  if (!parent || parent.ephemeralFor || !ts) return fail('thread_not_found');
  const thread = workspace.messages
    .filter((message) => message.channel === channel.id && !message.ephemeralFor)
    .filter((message) => message.ts === ts || message.thread_ts === ts)
    .filter((message) => message.ts === ts || inWindow(message.ts, args))
    .sort((a, b) => compareTs(a.ts, b.ts));
  return ok(page(thread, args, workspace));
};

/** `conversations.info`: channel details, or an IM object for DM ids. */
export const info: BuiltInMethod = (args, { workspace }) => {
  const id = stringArg(args, 'channel');
  if (!id) return fail('channel_not_found');
  if (id.startsWith('D')) {
    return ok({ channel: { id, is_im: true, is_channel: false, is_private: true, user: `U${id.slice(1)}` } });
  }
  const known = workspace.channels?.get(id);
  if (workspace.channels && !known) return fail('channel_not_found');
  const name = known?.name ?? id.toLowerCase();
  return ok({
    channel: {
      id,
      name,
      name_normalized: name,
      is_channel: !known?.isPrivate,
      is_group: false,
      is_im: false,
      is_private: known?.isPrivate ?? false,
      is_archived: known?.isArchived ?? false,
      is_member: known?.isMember ?? true,
      created: 1_600_000_000,
    },
  });
};

/** `conversations.open`: a stable DM id per user, or a group DM for several users. */
export const open: BuiltInMethod = (args, { workspace }): ApiReply => {
  const raw = args.users;
  const users = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
    .map((user) => user.trim())
    .filter(Boolean);
  if (users.length === 0) return fail(stringArg(args, 'channel') ? 'channel_not_found' : 'invalid_arguments');
  const unknown = users.find((user) => !workspace.knowsUser(user));
  if (unknown) return fail('user_not_found');
  const [only] = users;
  const id =
    users.length === 1 && only
      ? workspace.dmChannelFor(only)
      : `G${createHash('sha1').update(users.sort().join(',')).digest('hex').slice(0, 10).toUpperCase()}`;
  return ok({ channel: { id } });
};
