/**
 * What the platform tells us about a person between sweeps (Slack's user_change): their timezone
 * is kept on their Person row, as the sweep's own lookup would (reminder-recipients.ts), and
 * counts as a fresh check, so the sweep does not ask again for a week. Someone deactivated is
 * left for the sweep to report (once, to the admins); someone reactivated is reachable again.
 */
import type { Deps } from '../deps.js';

export interface PlatformProfile {
  platformUserId: string;
  timezone?: string;
  deleted?: boolean;
}

/** Updates the person in this workspace, if the bot knows them; returns whether it did. */
export async function recordProfile(
  deps: Deps,
  workspaceId: string,
  profile: PlatformProfile,
): Promise<boolean> {
  const changed = await deps.db.person.updateMany({
    where: { workspaceId, platformUserId: profile.platformUserId },
    data: {
      timezone: profile.timezone ?? null,
      // Deactivated: looked up on the next sweep, which reports them; else fresh for a week.
      ...(profile.deleted
        ? { timezoneCheckedAt: null }
        : { timezoneCheckedAt: deps.clock.now(), unreachableAt: null }),
    },
  });
  return changed.count > 0;
}
