/**
 * Which Chat a workspace's scheduled work goes through, so one process serves every workspace
 * with its own platform and credentials:
 * - a Teams workspace (Workspace.platform, recorded when its first person appears): the Teams
 *   Chat for its tenant (deps.teamsChat), or one that refuses every call when this process has
 *   no Teams credentials;
 * - a Slack workspace, when the app is installed in several (Slack OAuth): its own bot token's
 *   Chat (deps.chatFor), or none when it has no installation (removed from Slack), whose work is
 *   then left alone;
 * - otherwise the one Slack Chat (deps.chat).
 * The digest, reminders and notices ask once per workspace per run (perWorkspace).
 */
import type { ChatDeps } from '../services/deps.js';
import { type Chat, ChatError } from './chat.js';

/** The dependencies with `chat` being the workspace's own, or undefined when it has none. */
export async function forWorkspace(deps: ChatDeps, workspaceId: string): Promise<ChatDeps | undefined> {
  const workspace = await deps.db.workspace.findUnique({
    where: { id: workspaceId },
    select: { platform: true },
  });
  if (workspace?.platform === 'teams') return { ...deps, chat: deps.teamsChat?.(workspaceId) ?? TEAMS_OFF };
  if (!deps.chatFor) return deps;
  const chat = await deps.chatFor(workspaceId);
  return chat && { ...deps, chat };
}

/**
 * A per-run lookup of `build(the workspace's deps)`, asked once per workspace; undefined for a
 * workspace that has no installation.
 */
export function perWorkspace<T>(
  deps: ChatDeps,
  build: (scoped: ChatDeps) => T,
): (workspaceId: string) => Promise<T | undefined> {
  const memo = new Map<string, Promise<T | undefined>>();
  return (workspaceId) => {
    let found = memo.get(workspaceId);
    if (!found) {
      found = forWorkspace(deps, workspaceId).then((scoped) => scoped && build(scoped));
      memo.set(workspaceId, found);
    }
    return found;
  };
}

const off = async (): Promise<never> => {
  // Permanent, so the week waits (retried hourly) and admins are told, as for any channel problem.
  throw new ChatError('not_authorised', true, 'teams_not_configured');
};

/** A Teams workspace's Chat when this process has no CLIENT_ID/CLIENT_SECRET: every call refused. */
const TEAMS_OFF: Chat = {
  post: off,
  dm: off,
  dmChannel: off,
  update: off,
  user: off,
  findPosted: off,
};
