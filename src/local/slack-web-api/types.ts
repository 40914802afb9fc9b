/**
 * Shapes shared by the local Slack Web API stand-in. Field names follow Slack's own
 * (snake_case where Slack sends snake_case) so assertions read like Slack payloads.
 */

/** Arguments of a Web API call after form/JSON decoding (nested JSON already parsed). */
export type ApiArgs = Record<string, unknown>;

/** A JSON reply body as the Web API would send it. */
export type ApiReply = { ok: boolean; error?: string } & Record<string, unknown>;

/** A workspace member the stand-in knows about (answers `users.info`, opens DMs). */
export interface FakeUser {
  id: string;
  name?: string;
  realName?: string;
  displayName?: string;
  email?: string;
  /** Deactivated accounts still resolve, with `deleted: true`, as in Slack. */
  deleted?: boolean;
  isBot?: boolean;
  /** IANA zone; defaults to Europe/London because our users are English councils. */
  tz?: string;
}

/** A channel the stand-in knows about. When `channels` is given, others are `channel_not_found`. */
export interface FakeChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  /** Defaults to true; false makes posts fail with `not_in_channel` like an uninvited bot. */
  isMember?: boolean;
}

/** Who the app is: what `auth.test` answers and who bot messages are from. */
export interface FakeBot {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

/** One message as the stand-in holds it (channel posts, thread replies, ephemerals). */
export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  /** Bot user id for app posts; the user's id for response_url replies shown as the app. */
  user: string;
  bot_id?: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Set for `chat.postEphemeral` and ephemeral response_url replies: only this user sees it. */
  ephemeralFor?: string;
  /** The ts of the latest `chat.update`, as Slack's `edited.ts`. */
  editedAt?: string;
  reply_broadcast?: boolean;
  /** Files shared with the message (files.completeUploadExternal). */
  files?: { id: string; name: string; title: string }[];
}

/** A file announced by files.getUploadURLExternal; `bytes` once the client has POSTed them. */
export interface StoredFile {
  id: string;
  filename: string;
  length: number;
  bytes?: Buffer;
  title?: string;
  /** The channel it was shared in, once completed. */
  channel?: string;
}

/** A POST of a file's bytes to its upload URL. */
export interface RecordedUpload {
  fileId: string;
  bytes: Buffer;
  at: number;
  status: number;
}

/** A modal or App Home view as last opened/updated/published. */
export interface StoredView {
  id: string;
  type: 'modal' | 'home';
  /** The user who sees it: from `views.publish`, or from a trigger minted by `triggerId()`. */
  userId?: string;
  /** The view JSON exactly as the app sent it (title, blocks, private_metadata...). */
  view: Record<string, unknown>;
  hash: string;
  rootViewId: string;
  previousViewId?: string;
}

/** Every HTTP call to /api/*, including failed and unexpected ones. */
export interface RecordedCall {
  method: string;
  args: ApiArgs;
  /** Milliseconds since the epoch, from the stand-in's clock. */
  at: number;
  /** The reply error code if the call did not succeed (injected faults included). */
  error?: string;
  status: number;
  /** The token the call was made with (its Authorization header, else its `token` argument). */
  token?: string;
}

/** A body the app POSTed to one of our response URLs (Bolt's `respond()`). */
export interface RecordedResponse {
  tag: string;
  url: string;
  body: Record<string, unknown>;
  at: number;
}

/** A scripted failure for the next call(s) of a method, see `failNext`. */
export interface Failure {
  /** HTTP status; 429 adds `Retry-After`. Omit for an HTTP 200 `{ ok: false, error }`. */
  status?: number;
  error?: string;
  retryAfterSeconds?: number;
  /** How many consecutive calls fail; defaults to 1. */
  times?: number;
}

/** What a `handle()` override sees: the decoded args and who called. */
export interface HandlerContext {
  method: string;
  token: string;
}

/** A scripted reply; return `undefined` to fall through to the built-in behaviour. */
export type MethodHandler = (
  args: ApiArgs,
  context: HandlerContext,
) => ApiReply | undefined | Promise<ApiReply | undefined>;
