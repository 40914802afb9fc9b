import { blockLimitBroken } from './block-limits.js';
import type { BuiltInMethod } from './method-types.js';
import { fail, ok, stringArg, toSlackMessage } from './replies.js';
import type { ApiArgs, ApiReply, StoredMessage } from './types.js';

type Content = Pick<StoredMessage, 'text' | 'blocks' | 'metadata'>;

/**
 * Validates the message content arguments shared by post, ephemeral and update.
 * Slack rejects a message with neither text nor blocks, and malformed blocks or metadata.
 */
function readContent(args: ApiArgs, requireSomething: boolean): Content | ApiReply {
  const { blocks, metadata, attachments } = args;
  if (blocks !== undefined && !Array.isArray(blocks)) return fail('invalid_blocks_format');
  if (Array.isArray(blocks) && blockLimitBroken(blocks)) return fail('invalid_blocks');
  if (metadata !== undefined && !isMetadata(metadata)) return fail('invalid_metadata_format');
  const text = stringArg(args, 'text');
  if (requireSomething && !text && !(Array.isArray(blocks) && blocks.length > 0) && !attachments) {
    return fail('no_text');
  }
  return {
    text: text ?? '',
    ...(Array.isArray(blocks) ? { blocks } : {}),
    ...(isMetadata(metadata) ? { metadata } : {}),
  };
}

function isMetadata(value: unknown): value is NonNullable<StoredMessage['metadata']> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { event_type?: unknown }).event_type === 'string'
  );
}

function isReply(value: Content | ApiReply): value is ApiReply {
  return 'ok' in value;
}

/** `chat.postMessage`: user ids post to their DM; `thread_ts` makes a reply. */
export const postMessage: BuiltInMethod = (args, { workspace }) => {
  const channel = workspace.resolveChannel(stringArg(args, 'channel'));
  if ('error' in channel) return fail(channel.error);
  const content = readContent(args, true);
  if (isReply(content)) return content;
  const threadTs = stringArg(args, 'thread_ts');
  const message = workspace.addMessage({
    ...content,
    channel: channel.id,
    user: workspace.bot.userId,
    bot_id: workspace.bot.botId,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(args.reply_broadcast === true || args.reply_broadcast === 'true' ? { reply_broadcast: true } : {}),
  });
  return ok({
    channel: channel.id,
    ts: message.ts,
    message: toSlackMessage(message, workspace, { includeMetadata: true }),
  });
};

/** `chat.postEphemeral`: visible to one user only, so it never appears in history. */
export const postEphemeral: BuiltInMethod = (args, { workspace }) => {
  const user = stringArg(args, 'user');
  if (!user) return fail('invalid_arguments');
  if (!workspace.knowsUser(user)) return fail('user_not_found');
  const channel = workspace.resolveChannel(stringArg(args, 'channel'));
  if ('error' in channel) return fail(channel.error);
  const content = readContent(args, true);
  if (isReply(content)) return content;
  const threadTs = stringArg(args, 'thread_ts');
  const message = workspace.addMessage({
    ...content,
    channel: channel.id,
    user: workspace.bot.userId,
    bot_id: workspace.bot.botId,
    ephemeralFor: user,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return ok({ message_ts: message.ts });
};

/** `chat.update`: only the app's own, non-ephemeral messages can be edited. */
export const update: BuiltInMethod = (args, { workspace }) => {
  const channel = stringArg(args, 'channel');
  const ts = stringArg(args, 'ts');
  if (!channel || !ts) return fail(channel ? 'message_not_found' : 'channel_not_found');
  const message = workspace.findMessage(channel, ts);
  if (!message || message.ephemeralFor) return fail('message_not_found');
  if (message.user !== workspace.bot.userId) return fail('cant_update_message');
  const content = readContent(args, false);
  if (isReply(content)) return content;
  if (stringArg(args, 'text') !== undefined) message.text = content.text;
  if (content.blocks) message.blocks = content.blocks;
  if (content.metadata) message.metadata = content.metadata;
  message.editedAt = workspace.nextTs();
  return ok({
    channel,
    ts,
    text: message.text,
    message: toSlackMessage(message, workspace, { includeMetadata: true }),
  });
};

/** `chat.delete`: removes the message so history and UIs no longer show it. */
export const deleteMessage: BuiltInMethod = (args, { workspace }) => {
  const channel = stringArg(args, 'channel');
  const ts = stringArg(args, 'ts');
  if (!channel || !ts) return fail(channel ? 'message_not_found' : 'channel_not_found');
  const message = workspace.findMessage(channel, ts);
  if (!message || message.ephemeralFor) return fail('message_not_found');
  if (message.user !== workspace.bot.userId) return fail('cant_delete_message');
  workspace.removeMessage(channel, ts);
  return ok({ channel, ts });
};
