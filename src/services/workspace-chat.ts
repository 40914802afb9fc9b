/**
 * Scheduled work acts for one workspace at a time, and must speak to it with that workspace's
 * own credentials: with several Slack installs each has its own bot token (deps.chatFor). This
 * gives each workspace's deps once per run, so a sweep looks a token up once per workspace.
 */
import type { ChatDeps } from './deps.js';

/**
 * A per-run lookup of `build(deps with that workspace's chat)`; undefined for a workspace that
 * has no installation (removed from Slack), whose work is then left alone.
 */
export function perWorkspace<T>(
  deps: ChatDeps,
  build: (scoped: ChatDeps) => T,
): (workspaceId: string) => Promise<T | undefined> {
  const memo = new Map<string, Promise<T | undefined>>();
  return (workspaceId) => {
    let found = memo.get(workspaceId);
    if (!found) {
      found = (async () => {
        const chat = deps.chatFor ? await deps.chatFor(workspaceId) : deps.chat;
        return chat ? build({ ...deps, chat }) : undefined;
      })();
      memo.set(workspaceId, found);
    }
    return found;
  };
}
