/**
 * Message shortcuts. "Remove personal data" (callback id remove_personal_data) on one of the
 * bot's own posts removes the stored text behind it and changes the post in place. Like commands,
 * the work is committed before the ack; the result is shown after it.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import { redactMessage } from '../../../../commands/redact.js';
import { ephemeral } from '../../../../commands/replies.js';
import type { Reply } from '../../../../commands/types.js';
import { isAppError } from '../../../domain/errors.js';
import { toSafeText } from '../../../domain/text.js';
import type { Deps } from '../../../services/deps.js';
import { commandContext } from '../context.js';
import { deliver } from '../deliver.js';
import type { MetadataSeal } from '../metadata-seal.js';
import { fromSlack } from '../mrkdwn.js';
import { REMOVE_PERSONAL_DATA } from '../shortcut-ids.js';
import { actingWorkspace, NO_WORKSPACE_REPLY } from '../workspace.js';

const SORRY =
  ':warning: Sorry, something went wrong on our side and nothing was removed. Please try again in a minute; if it keeps happening, use `/improve redact`.';

export function registerShortcuts(app: App, deps: Deps, command: string, seal: MetadataSeal): void {
  app.shortcut<MessageShortcut>(
    { callback_id: REMOVE_PERSONAL_DATA, type: 'message_action' },
    async ({ shortcut, ack, respond, client, context }) => {
      const teamId = actingWorkspace(shortcut);
      if (!teamId) {
        await ack();
        await respond({ response_type: 'ephemeral', text: NO_WORKSPACE_REPLY }).catch(() => undefined);
        return;
      }
      const channelId = shortcut.channel.id;
      const message = shortcut.message as {
        ts: string;
        text?: string;
        bot_id?: string;
        user?: string;
        app_id?: string;
      };
      // The configured ids (SLACK_BOT_ID, SLACK_BOT_USER_ID) when set; otherwise the app id the post carries.
      const appId = (shortcut as { api_app_id?: string }).api_app_id;
      const fromBot =
        (context.botId !== undefined && message.bot_id === context.botId) ||
        (context.botUserId !== undefined && message.user === context.botUserId) ||
        (appId !== undefined && message.app_id === appId);
      const facts = { teamId, userId: shortcut.user.id, userName: shortcut.user.name, channelId };
      let reply: Reply;
      try {
        const ctx = await commandContext(deps, command, {
          ...facts,
          requestKey: `shortcut:${shortcut.trigger_id}`,
        });
        reply = await redactMessage(
          { channelId, messageId: message.ts, text: fromSlack(message.text ?? ''), fromBot },
          ctx,
        );
      } catch (error) {
        if (!isAppError(error)) deps.logger.error({ err: error }, 'shortcut failed');
        reply = isAppError(error) ? ephemeral(`:warning: ${toSafeText(error.message)}`) : ephemeral(SORRY);
        if (isAppError(error) && error.code === 'duplicate_request') reply = { kind: 'none' };
      }
      await ack();
      const target = {
        client,
        respond,
        channelId,
        userId: shortcut.user.id,
        workspaceId: teamId,
        seal,
        logger: deps.logger,
      };
      await deliver(reply, target).catch((error: unknown) =>
        deps.logger.error({ err: error }, 'could not show a shortcut’s result'),
      );
    },
  );
}
