import * as chat from './chat-methods.js';
import * as conversations from './conversation-methods.js';
import type { FaultQueue, HttpReply } from './faults.js';
import * as files from './file-methods.js';
import type { BuiltInMethod, MethodContext } from './method-types.js';
import { oauthV2Access } from './oauth-methods.js';
import { fail, MISUSE_ERRORS } from './replies.js';
import type { FakeWorkspace } from './store.js';
import type { ApiArgs, ApiReply, MethodHandler, RecordedCall, RecordedUpload } from './types.js';
import * as views from './view-methods.js';
import * as workspaceMethods from './workspace-methods.js';

/** Every method the stand-in implements; anything else is `unknown_method`. */
export const BUILT_IN_METHODS: Record<string, BuiltInMethod> = {
  'chat.postMessage': chat.postMessage,
  'chat.postEphemeral': chat.postEphemeral,
  'chat.update': chat.update,
  'chat.delete': chat.deleteMessage,
  'conversations.open': conversations.open,
  'conversations.history': conversations.history,
  'conversations.replies': conversations.replies,
  'conversations.info': conversations.info,
  'files.getUploadURLExternal': files.getUploadUrlExternal,
  'files.completeUploadExternal': files.completeUploadExternal,
  'users.info': workspaceMethods.usersInfo,
  'views.open': views.openView,
  'views.update': views.updateView,
  'views.push': views.pushView,
  'views.publish': views.publishView,
  'auth.test': workspaceMethods.authTest,
  'team.info': workspaceMethods.teamInfo,
  'apps.connections.open': workspaceMethods.connectionsOpen,
  'oauth.v2.access': oauthV2Access,
};

/** Methods Slack calls with the app's client id and secret instead of a token. */
const TOKENLESS = new Set(['oauth.v2.access']);

/** Everything a dispatch needs; owned by the stand-in and shared across calls. */
export interface DispatchState {
  workspace: FakeWorkspace;
  strict: boolean;
  allowedMethods: Set<string> | undefined;
  handlers: Map<string, MethodHandler>;
  faults: FaultQueue;
  calls: RecordedCall[];
  unexpected: RecordedCall[];
  /** File bytes POSTed to upload URLs. */
  uploads: RecordedUpload[];
  socketModeUrl: (() => string) | undefined;
  baseUrl: () => string;
  log: (message: string) => void;
  changed: () => void;
}

function isAllowed(method: string, state: DispatchState): boolean {
  if (!state.strict || !state.allowedMethods) return true;
  // apps.connections.open is never refused as unknown: SocketModeClient retries that error
  // forever, whereas the method's own `invalid_auth` (no stand-in attached) makes start() fail.
  return state.allowedMethods.has(method) || state.handlers.has(method) || method === 'apps.connections.open';
}

/** Misuse is judged by error code, plus connecting with no Socket Mode stand-in attached. */
function isMisuse(method: string, body: ApiReply, state: DispatchState): boolean {
  if (body.error === undefined) return false;
  if (method === 'apps.connections.open' && state.socketModeUrl === undefined) return true;
  return MISUSE_ERRORS.has(body.error);
}

async function reply(method: string, args: ApiArgs, token: string, state: DispatchState): Promise<HttpReply> {
  const builtIn = BUILT_IN_METHODS[method];
  const known = builtIn !== undefined || state.handlers.has(method);
  if (!known || !isAllowed(method, state)) return { status: 200, headers: {}, body: fail('unknown_method') };
  const fault = state.faults.take(method);
  if (fault) return fault;
  const scripted = await state.handlers.get(method)?.(args, { method, token });
  if (scripted) return { status: 200, headers: {}, body: scripted };
  if (!builtIn) return { status: 200, headers: {}, body: fail('unknown_method') };
  const context: MethodContext = {
    workspace: state.workspace,
    token,
    baseUrl: state.baseUrl,
    ...(state.socketModeUrl ? { socketModeUrl: state.socketModeUrl } : {}),
  };
  return { status: 200, headers: {}, body: builtIn(args, context) };
}

/**
 * Answers one Web API call and records it. Misuse (unknown or disallowed method, missing
 * token, malformed arguments) is also put in `unexpected`, which tests assert is empty.
 */
export async function dispatch(
  method: string,
  args: ApiArgs | undefined,
  token: string | undefined,
  state: DispatchState,
): Promise<HttpReply> {
  let result: HttpReply;
  if (!args) result = { status: 200, headers: {}, body: fail('invalid_json') };
  else if (!token && !TOKENLESS.has(method)) result = { status: 200, headers: {}, body: fail('not_authed') };
  else result = await reply(method, args, token ?? '', state);
  const body: ApiReply = result.body;
  const call: RecordedCall = {
    method,
    args: args ?? {},
    at: state.workspace.clock().getTime(),
    status: result.status,
    ...(token ? { token } : {}),
    ...(body.ok ? {} : { error: body.error ?? 'unknown_error' }),
  };
  state.calls.push(call);
  if (body.error === 'unknown_method' || (state.strict && isMisuse(method, body, state))) {
    state.unexpected.push(call);
  }
  state.log(`${method} -> ${result.status} ${body.ok ? 'ok' : body.error}`);
  state.changed();
  return result;
}
