/** Builds the neutral CommandContext from what a Teams activity tells us. */
import type { CommandContext } from '../../../commands/types.js';
import { sql } from '../../db/sql.js';
import { todayIn } from '../../domain/dates.js';
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
}

/** The word a command starts with in Teams, where there are no slash commands. */
export const TEAMS_COMMAND = 'improve';

export async function teamsCommandContext(deps: Deps, facts: TeamsActivityFacts): Promise<CommandContext> {
  const programme = await deps.sql.one<{ timezone: string }>(
    sql`SELECT "timezone" FROM "Programme" WHERE "workspaceId" = ${facts.tenantId} ORDER BY "id" LIMIT 1`,
  );
  const timezone = programme?.timezone ?? deps.defaults?.timezone ?? 'Europe/London';
  return {
    deps,
    actor: {
      workspaceId: facts.tenantId,
      platform: 'teams',
      userId: facts.aadObjectId,
      displayName: facts.userName,
      requestKey: facts.activityId,
    },
    channelId: facts.conversationId,
    command: TEAMS_COMMAND,
    timezone,
    today: todayIn(deps.clock.now(), timezone),
    ...(facts.chat ? { chat: facts.chat } : {}),
  };
}
