/**
 * Which Chat a workspace's scheduled work goes through: Slack's, or the Teams one for its tenant
 * (Workspace.platform, recorded when its first person appears). The digest, reminders and
 * notices call this once per programme or notice, so one process serves both platforms.
 */
import type { ChatDeps } from '../services/deps.js';
import { type Chat, ChatError } from './chat.js';

/** The dependencies with `chat` being the workspace's platform's. */
export async function forWorkspace(deps: ChatDeps, workspaceId: string): Promise<ChatDeps> {
  const workspace = await deps.db.workspace.findUnique({
    where: { id: workspaceId },
    select: { platform: true },
  });
  if (workspace?.platform !== 'teams') return deps;
  return { ...deps, chat: deps.teamsChat?.(workspaceId) ?? TEAMS_OFF };
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
