/** Builds the neutral CommandContext from what a Teams activity tells us. */
import type { CommandContext } from '../../../commands/types.js';
import { todayIn } from '../../domain/dates.js';
import type { Deps } from '../../services/deps.js';
import { requestProgrammes } from '../../services/programme.js';
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

export async function teamsCommandContext(deps: Deps, facts: TeamsActivityFacts): Promise<CommandContext> {
  const actor = {
    workspaceId: facts.tenantId,
    platform: 'teams' as const,
    userId: facts.aadObjectId,
    displayName: facts.userName,
    requestKey: facts.activityId,
    channelId: facts.conversationId,
    ...(facts.programmeId !== undefined ? { programmeId: facts.programmeId } : {}),
  };
  const { timezone, programmes } = await requestProgrammes(deps, actor);
  return {
    deps,
    actor,
    channelId: facts.conversationId,
    command: TEAMS_COMMAND,
    timezone,
    programmes,
    today: todayIn(deps.clock.now(), timezone),
    ...(facts.chat ? { chat: facts.chat } : {}),
  };
}
