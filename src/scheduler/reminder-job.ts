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
  // One pacer per workspace's chat (each platform caches its chats), kept across ticks.
  const pacers = new WeakMap<Chat, Chat>();
  const pacedOnce = (chat: Chat): Chat => {
    const found = pacers.get(chat) ?? pacedChat(chat, pace);
    pacers.set(chat, found);
    return found;
  };
  const { chatFor, teamsChat } = deps;
  const paced: ChatDeps = {
    ...deps,
    chat: pacedOnce(deps.chat),
    ...(chatFor
      ? {
          chatFor: async (workspaceId: string) => {
            const chat = await chatFor(workspaceId);
            return chat && pacedOnce(chat);
          },
        }
      : {}),
    ...(teamsChat ? { teamsChat: (tenantId: string) => pacedOnce(teamsChat(tenantId)) } : {}),
  };
  return {
    id: 'reminders',
    async run(now) {
      const tally = await sendDueReminders(paced, now);
      deps.metrics?.reminders({ sent: tally.sent, failed: tally.later, skipped: tally.skipped });
      if (tally.sent + tally.later + tally.skipped > 0)
        deps.logger.info({ job: 'reminders', ...tally }, 'reminders sent');
    },
  };
}
