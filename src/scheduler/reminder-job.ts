/**
 * The reminders job: every tick, send whatever reminders are due (see send-due-reminders.ts for
 * the rules and the exactly-once ledger). Posts are paced per channel (src/chat/paced-chat.ts).
 */
import type { Chat } from '../chat/chat.js';
import { type PaceOptions, pacedChat } from '../chat/paced-chat.js';
import type { ChatDeps } from '../services/deps.js';
import { sendDueReminders } from '../services/send-due-reminders.js';
import type { Job } from './index.js';

export function reminderJob(deps: ChatDeps, pace: PaceOptions = {}): Job {
  // One paced Chat per Teams tenant, kept, so its buckets last from tick to tick.
  const tenants = new Map<string, Chat>();
  const { teamsChat } = deps;
  const paced: ChatDeps = {
    ...deps,
    chat: pacedChat(deps.chat, pace),
    ...(teamsChat
      ? {
          teamsChat: (tenantId: string) => {
            let chat = tenants.get(tenantId);
            if (!chat) {
              chat = pacedChat(teamsChat(tenantId), pace);
              tenants.set(tenantId, chat);
            }
            return chat;
          },
        }
      : {}),
  };
  return {
    id: 'reminders',
    async run(now) {
      const tally = await sendDueReminders(paced, now);
      if (tally.sent + tally.later + tally.skipped > 0)
        deps.logger.info({ job: 'reminders', ...tally }, 'reminders sent');
    },
  };
}
