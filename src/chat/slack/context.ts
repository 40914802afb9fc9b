/** Builds the neutral CommandContext from what Slack tells us about a request. */
import type { CommandContext } from '../../../commands/types.js';
import { sql } from '../../db/sql.js';
import { todayIn } from '../../domain/dates.js';
import type { Deps } from '../../services/deps.js';
import type { Chat } from '../chat.js';

export interface SlackRequestFacts {
  teamId: string;
  userId: string;
  userName?: string;
  channelId: string;
  /** trigger_id or event id: a retried request with the same key writes nothing twice. */
  requestKey?: string;
}

export async function commandContext(
  deps: Deps,
  command: string,
  facts: SlackRequestFacts,
  chat?: Chat,
): Promise<CommandContext> {
  const timezone = await programmeTimezone(deps, facts.teamId);
  return {
    deps,
    actor: {
      workspaceId: facts.teamId,
      userId: facts.userId,
      displayName: facts.userName,
      requestKey: facts.requestKey,
    },
    channelId: facts.channelId,
    command,
    timezone,
    today: todayIn(deps.clock.now(), timezone),
    ...(chat ? { chat } : {}),
  };
}

/** The programme's timezone, for 'today': a set-up programme's, or the default before setup. */
async function programmeTimezone(deps: Deps, workspaceId: string): Promise<string> {
  const programme = await deps.sql.one<{ timezone: string }>(
    sql`SELECT "timezone" FROM "Programme" WHERE "workspaceId" = ${workspaceId} ORDER BY "id" LIMIT 1`,
  );
  return programme?.timezone ?? deps.defaults?.timezone ?? 'Europe/London';
}
