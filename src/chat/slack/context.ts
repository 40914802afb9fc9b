/** Builds the neutral CommandContext from what Slack tells us about a request. */
import { scopeContext } from '../../../commands/programme-option.js';
import type { CommandContext, RequestContext } from '../../../commands/types.js';
import type { Deps } from '../../services/deps.js';
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

/**
 * The request's context before any programme is read: a typed command (runCommand) reads them
 * only for a subcommand that needs them.
 */
export function requestContext(
  deps: Deps,
  command: string,
  facts: SlackRequestFacts,
  chat?: Chat,
): RequestContext {
  return {
    deps,
    actor: {
      workspaceId: facts.teamId,
      userId: facts.userId,
      displayName: facts.userName,
      requestKey: facts.requestKey,
      channelId: facts.channelId,
      ...(facts.programmeId !== undefined ? { programmeId: facts.programmeId } : {}),
    },
    channelId: facts.channelId,
    command,
    ...(chat ? { chat } : {}),
  };
}

/**
 * The context with the request's programmes read (scopeContext): a button or form naming another
 * workspace's programme is refused here, before anything runs.
 */
export async function commandContext(
  deps: Deps,
  command: string,
  facts: SlackRequestFacts,
  chat?: Chat,
): Promise<CommandContext> {
  return scopeContext(requestContext(deps, command, facts, chat));
}
