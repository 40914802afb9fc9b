import type { FakeWorkspace } from './store.js';
import type { ApiArgs, ApiReply } from './types.js';

/** What a built-in method implementation receives besides its arguments. */
export interface MethodContext {
  workspace: FakeWorkspace;
  token: string;
  /** Set when a Socket Mode stand-in is attached; `apps.connections.open` hands it out. */
  socketModeUrl?: () => string;
  /** The stand-in's own address, for URLs it hands out (file upload URLs). */
  baseUrl?: () => string;
}

/** A built-in Web API method: pure over the in-memory workspace, no HTTP concerns. */
export type BuiltInMethod = (args: ApiArgs, context: MethodContext) => ApiReply;
