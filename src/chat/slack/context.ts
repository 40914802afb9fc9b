/** Builds the neutral CommandContext from what Slack tells us about a request. */
import type { CommandContext } from '../../../commands/types.js';
import { todayIn } from '../../domain/dates.js';
import type { Deps } from '../../services/deps.js';
import { requestProgrammes } from '../../services/programme.js';
import type { Chat } from '../chat.js';

export interface SlackRequestFacts {
  teamId: string;
  userId: string;
  userName?: string;
  channelId: string;
  /** trigger_id or event id: a retried request with the same key writes nothing twice. */
  requestKey?: string;
  /** The programme a pressed button or a submitted form names (checked against the workspace). */
  programmeId?: number;
}

export async function commandContext(
  deps: Deps,
  command: string,
  facts: SlackRequestFacts,
  chat?: Chat,
): Promise<CommandContext> {
  const actor = {
    workspaceId: facts.teamId,
    userId: facts.userId,
    displayName: facts.userName,
    requestKey: facts.requestKey,
    channelId: facts.channelId,
    ...(facts.programmeId !== undefined ? { programmeId: facts.programmeId } : {}),
  };
  const { timezone, programmes } = await requestProgrammes(deps, actor);
  return {
    deps,
    actor,
    channelId: facts.channelId,
    command,
    timezone,
    programmes,
    today: todayIn(deps.clock.now(), timezone),
    ...(chat ? { chat } : {}),
  };
}
