/**
 * The page's "Send digest now" and "Run reminders now": the same services the schedule and
 * `/improve digest send` use, asked for by the page rather than by the clock. The page is
 * answered on this machine only and lets anyone act as anyone (see routes.ts), so it needs no
 * admin: the digest says it was sent on request from the local page, and the audit log says so.
 */
import { pacedChat } from '../../chat/paced-chat.js';
import { forWorkspace } from '../../chat/workspace-chat.js';
import { failureReason } from '../../digest/notify-admins.js';
import { formatDateTimeUk, formatLongDate, todayIn } from '../../domain/dates.js';
import { isAppError } from '../../domain/errors.js';
import { reminderDay } from '../../domain/reminders.js';
import { bankHolidays } from '../../domain/working-days.js';
import type { ChatDeps } from '../../services/deps.js';
import { postDigestNow } from '../../services/send-digest-now.js';
import { sendDueReminders } from '../../services/send-due-reminders.js';
import { PageError } from './context.js';

/** What the page's two "now" buttons do; each answers with a sentence for the page to show. */
export interface OnRequest {
  /** Posts this week's digest, or an extra copy marked as sent on request when it has gone. */
  digest(): Promise<string>;
  /** Sends today's reminders whatever the time of day; null when something was sent. */
  reminders(): Promise<string | null>;
}

export const LOCAL_PAGE_ACTOR = 'local-page';

export function onRequest(
  deps: ChatDeps,
  workspace: { id: string; channelName(id: string): string },
): OnRequest {
  // Paced like the reminder job's, so a burst of DMs keeps to Slack's per-channel rate.
  const paced: ChatDeps = { ...deps, chat: pacedChat(deps.chat) };
  return {
    async digest() {
      const programme = await deps.db.programme.findFirst({
        where: { workspaceId: workspace.id },
        orderBy: { id: 'asc' },
      });
      if (!programme) throw new PageError('There is no programme in the local workspace yet.');
      try {
        // The workspace's own platform: the Teams tenant's digest goes through the Teams Chat.
        const scoped = (await forWorkspace(deps, workspace.id)) ?? deps;
        const result = await postDigestNow(scoped, programme, {
          id: LOCAL_PAGE_ACTOR,
          by: 'from the local page',
        });
        const where = workspace.channelName(programme.boardChannelId ?? '');
        if (result.kind === 'busy')
          return `This week's digest is being posted right now: look in ${where} in a minute.`;
        if (result.kind === 'failed') return `The digest could not be posted: ${failureReason(result.code)}.`;
        if (!result.extra)
          return `Posted this week's digest to ${where}. The schedule will not post it again this week.`;
        const when = result.weekPostedAt
          ? ` (posted ${formatDateTimeUk(result.weekPostedAt, programme.timezone)})`
          : '';
        return `This week's digest had already gone${when}, so an update marked “Sent on request” was posted to ${where}.`;
      } catch (error) {
        if (isAppError(error)) throw new PageError(error.message);
        throw error;
      }
    },
    async reminders() {
      const tally = await sendDueReminders(paced, deps.clock.now(), { anyTime: true });
      if (tally.sent > 0) return null;
      return whyNoReminders(deps, workspace.id);
    },
  };
}

/** Nothing was sent: say whether it is a day without reminders, or today's have gone already. */
async function whyNoReminders(deps: ChatDeps, workspaceId: string): Promise<string> {
  const now = deps.clock.now();
  const programme = await deps.db.programme.findFirst({ where: { workspaceId }, orderBy: { id: 'asc' } });
  if (!programme) return 'There is no programme in the local workspace yet.';
  const overrides = await deps.db.bankHolidayOverride.findMany({ where: { workspaceId } });
  const today = todayIn(now, programme.timezone);
  if (!reminderDay(now, programme, bankHolidays(overrides), true))
    return `${formatLongDate(today)} is not a working day, so no reminders go out. Move the clock forward a day.`;
  return "No reminders were sent: today's have gone already (each owner gets one a working day), or nobody has an action overdue or due soon. Move the clock forward a day for tomorrow's.";
}
