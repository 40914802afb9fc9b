/** Builds the neutral CommandContext from what a Teams activity tells us. */
import { scopeContext } from '../../../commands/programme-option.js';
import type { CommandContext, RequestContext } from '../../../commands/types.js';
import type { Deps } from '../../services/deps.js';
import type { Chat } from '../chat.js';

export interface TeamsActivityFacts {
  /** The Microsoft Entra tenant: a Teams tenant is a workspace. */
  tenantId: string;
  /** The person's AAD object id: their platform user id, the same in every chat. */
  aadObjectId: string;
  userName?: string;
  conversationId: string;
  /** The activity id: a redelivered activity writes nothing twice. */
  activityId?: string;
  /** The tenant's Chat, for commands that post (digest send). */
  chat?: Chat;
  /** The programme a pressed button or a submitted form names (checked against the workspace). */
  programmeId?: number;
}

/** The word a command starts with in Teams, where there are no slash commands. */
export const TEAMS_COMMAND = 'improve';

/**
 * The activity's context before any programme is read: a typed command (runCommand) reads them
 * only for a subcommand that needs them.
 */
export function teamsRequestContext(deps: Deps, facts: TeamsActivityFacts): RequestContext {
  return {
    deps,
    actor: {
      workspaceId: facts.tenantId,
      platform: 'teams' as const,
      userId: facts.aadObjectId,
      displayName: facts.userName,
      requestKey: facts.activityId,
      channelId: facts.conversationId,
      ...(facts.programmeId !== undefined ? { programmeId: facts.programmeId } : {}),
    },
    channelId: facts.conversationId,
    command: TEAMS_COMMAND,
    ...(facts.chat ? { chat: facts.chat } : {}),
  };
}

/**
 * The context with the activity's programmes read (scopeContext): a button or form naming another
 * workspace's programme is refused here, before anything runs.
 */
export async function teamsCommandContext(deps: Deps, facts: TeamsActivityFacts): Promise<CommandContext> {
  return scopeContext(teamsRequestContext(deps, facts));
}
