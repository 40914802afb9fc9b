/**
 * Approve / Refuse on a lead's notice of a requested due date (extension-messages.ts). Each calls
 * the answer service, then shows the lead's DM as it stands now (decided, or why nothing was
 * changed); anyone else pressing is told who can answer, and nothing is written.
 */
import { plain } from '../src/chat/message.js';
import { AppError, isAppError } from '../src/domain/errors.js';
import { currentNotice } from '../src/services/current-reminder.js';
import { answerExtension } from '../src/services/extensions/answer-extension.js';
import { EXTENSION_BUTTONS, parseExtensionButton } from '../src/services/extensions/extension-messages.js';
import { findReminder } from '../src/services/reminder-log.js';
import { ephemeral } from './replies.js';
import type { ButtonHandler, Reply } from './types.js';

function answerButton(actionId: string, approve: boolean): ButtonHandler {
  return {
    actionId,
    async press(value, ctx): Promise<Reply> {
      const parsed = parseExtensionButton(value);
      if (!parsed) throw new AppError('stale', 'This button belongs to an old message; nothing was changed.');
      let warning: string | undefined;
      try {
        const { actionNumber: ref, eventId } = parsed;
        await answerExtension({ ref, eventId, approve }, ctx.deps, ctx.actor);
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.code === 'duplicate_request') return { kind: 'none' };
        // Someone who may not answer hears why, and their view of the message is left alone.
        if (error.code === 'forbidden') return ephemeral(`<icon:warning> ${error.message}`);
        warning = error.message;
      }
      const log = await findReminder(ctx.deps.db, ctx.actor.workspaceId, parsed.noticeId);
      const done = approve ? '<icon:done> Approved.' : '<icon:done> Refused; the date stands.';
      if (!log?.channelId || !log.messageId || log.recipient !== ctx.actor.userId)
        return ephemeral(warning ? `<icon:warning> ${warning}` : done);
      return {
        kind: 'channel',
        message: await currentNotice(ctx.deps, log),
        replace: { channelId: log.channelId, messageId: log.messageId },
        ...(warning ? { confirmation: plain(`<icon:warning> ${warning}`) } : {}),
      };
    },
  };
}

export const approveExtensionButton = answerButton(EXTENSION_BUTTONS.approve, true);
export const refuseExtensionButton = answerButton(EXTENSION_BUTTONS.refuse, false);
