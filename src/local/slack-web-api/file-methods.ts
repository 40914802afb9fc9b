/**
 * files.uploadV2 as Slack runs it: `files.getUploadURLExternal` hands out an upload URL and a
 * file id, the client POSTs the bytes there, and `files.completeUploadExternal` shares the
 * uploaded files in a channel with one message. A file completed before its bytes arrived, or
 * with a length other than what was uploaded, is refused as Slack refuses it.
 */
import type { BuiltInMethod } from './method-types.js';
import { fail, ok, stringArg } from './replies.js';

/** `files.getUploadURLExternal`: filename and length are required. */
export const getUploadUrlExternal: BuiltInMethod = (args, { workspace, baseUrl }) => {
  const filename = stringArg(args, 'filename');
  const length = Number(stringArg(args, 'length'));
  if (!filename || !Number.isInteger(length) || length <= 0) return fail('invalid_arguments');
  const file = workspace.addFile(filename, length);
  return ok({ upload_url: `${baseUrl?.() ?? ''}upload/${file.id}`, file_id: file.id });
};

/** `files.completeUploadExternal`: shares uploaded files in `channel_id`, with `initial_comment`. */
export const completeUploadExternal: BuiltInMethod = (args, { workspace }) => {
  const files = args.files;
  if (!Array.isArray(files) || files.length === 0) return fail('invalid_arguments');
  const found = files.map((f) => workspace.files.get(String((f as { id?: unknown }).id)));
  if (found.some((f) => !f || f.bytes?.length !== f.length)) return fail('file_not_found');
  const channelArg = stringArg(args, 'channel_id');
  const channel = channelArg ? workspace.resolveChannel(channelArg) : undefined;
  if (channel && 'error' in channel) return fail(channel.error);
  const shared = found.map((f, i) => {
    const title = String((files[i] as { title?: unknown }).title ?? f!.filename);
    Object.assign(f!, { title, channel: channel?.id });
    return { id: f!.id, name: f!.filename, title };
  });
  if (channel)
    workspace.addMessage({
      channel: channel.id,
      user: workspace.bot.userId,
      bot_id: workspace.bot.botId,
      text: stringArg(args, 'initial_comment') ?? '',
      files: shared,
    });
  return ok({ files: shared });
};
