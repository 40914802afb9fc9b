/** Builds the neutral CommandContext from what Slack tells us about a request. */
import type { CommandContext } from '../../../commands/types.js';
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

/** Set-up programmes' timezones by workspace, per database client (so each test database has its own). */
const TIMEZONES = new WeakMap<Deps['db'], Map<string, { timezone: string; until: number }>>();
const KEEP_MS = 60_000;

/**
 * Every request needs the timezone for 'today' before the command's own transaction loads the
 * programme, and no command changes a timezone, so it is kept for a minute rather than read each
 * time. (A process clock, not deps.clock: this is cache upkeep, not the programme's time.)
 */
async function programmeTimezone(deps: Deps, workspaceId: string): Promise<string> {
  let cache = TIMEZONES.get(deps.db);
  if (!cache) {
    cache = new Map();
    TIMEZONES.set(deps.db, cache);
  }
  const now = performance.now();
  const kept = cache.get(workspaceId);
  if (kept && kept.until > now) return kept.timezone;
  const programme = await deps.db.programme.findFirst({
    where: { workspaceId },
    orderBy: { id: 'asc' },
    select: { timezone: true },
  });
  if (!programme) return deps.defaults?.timezone ?? 'Europe/London';
  // Only a set-up programme's is kept: before setup there is nothing to keep.
  cache.set(workspaceId, { timezone: programme.timezone, until: now + KEEP_MS });
  return programme.timezone;
}
