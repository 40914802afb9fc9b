/**
 * Slack's `user_change` (a person's profile changed: their timezone, or deactivated): kept on
 * their Person row by services/people/timezones.ts, so reminders follow their clock without a
 * users.info call per reminder.
 */
import type { App } from '@slack/bolt';
import type { Deps } from '../../../services/deps.js';
import { recordProfile } from '../../../services/people/timezones.js';
import { actingWorkspace } from '../workspace.js';

interface ChangedUser {
  id?: string;
  tz?: string;
  deleted?: boolean;
}

export function registerPeople(app: App, deps: Deps): void {
  app.event('user_change', async ({ event, body }) => {
    const user = (event as { user?: ChangedUser }).user;
    const workspaceId = actingWorkspace(body);
    if (!user?.id || !workspaceId) return;
    try {
      await recordProfile(deps, workspaceId, {
        platformUserId: user.id,
        ...(user.tz ? { timezone: user.tz } : {}),
        deleted: Boolean(user.deleted),
      });
    } catch (error) {
      deps.logger.error({ err: error }, "could not record a person's changed profile");
    }
  });
}
