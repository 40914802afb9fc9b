/** Builds the neutral CommandContext from what Slack tells us about a request. */
import type { CommandContext } from '../../../commands/types.js';
import type { Chat } from '../chat.js';
import { todayIn } from '../../domain/dates.js';
import type { Deps } from '../../services/deps.js';

export interface SlackRequestFacts {
  teamId: string;
  userId: string;
  userName?: string;
  channelId: string;
  /** trigger_id or event id: a retried request with the same key writes nothing twice. */
  requestKey?: string;
}

export async function commandContext(deps: Deps, command: string, facts: SlackRequestFacts, chat?: Chat): Promise<CommandContext> {
  const programme = await deps.db.programme.findFirst({
    where: { workspaceId: facts.teamId },
    orderBy: { id: 'asc' },
    select: { timezone: true },
  });
  const timezone = programme?.timezone ?? deps.defaults?.timezone ?? 'Europe/London';
  return {
    deps,
    actor: { workspaceId: facts.teamId, userId: facts.userId, displayName: facts.userName, requestKey: facts.requestKey },
    channelId: facts.channelId,
    command,
    timezone,
    today: todayIn(deps.clock.now(), timezone),
    ...(chat ? { chat } : {}),
  };
}
