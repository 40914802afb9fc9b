/**
 * Buttons, routed by action id to the neutral handlers in commands/, and modal submissions
 * (views.ts).
 */
import type { App } from '@slack/bolt';
import { BUTTON_HANDLERS } from '../../../../commands/index.js';
import { isAppError } from '../../../domain/errors.js';
import type { Deps } from '../../../services/deps.js';
import { commandContext } from '../context.js';
import { deliver } from '../deliver.js';
import type { MetadataSeal } from '../metadata-seal.js';
import { renderMessage } from '../render.js';
import { actingWorkspace, NO_WORKSPACE_REPLY } from '../workspace.js';
import { registerViews } from './views.js';

export function registerInteractions(app: App, deps: Deps, command: string, seal: MetadataSeal): void {
  registerViews(app, deps, command, seal);

  app.action(/.*/, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || !('action_id' in action)) return;
    const handler = BUTTON_HANDLERS.find((h) => h.actionId === action.action_id);
    if (!handler) return;
    const teamId = actingWorkspace(body);
    if (!teamId) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: NO_WORKSPACE_REPLY });
      return;
    }
    const channelId = body.channel?.id ?? body.user.id;
    const message =
      body.message && body.channel
        ? { channelId: body.channel.id, ts: body.message.ts as string }
        : undefined;
    const ctx = await commandContext(deps, command, {
      teamId,
      userId: body.user.id,
      userName: body.user.name,
      channelId,
      requestKey: `action:${body.trigger_id}`,
    });
    const target = {
      client,
      respond,
      channelId,
      userId: body.user.id,
      triggerId: body.trigger_id,
      workspaceId: teamId,
      seal,
      logger: deps.logger,
    };
    try {
      const reply = await handler.press('value' in action ? String(action.value ?? '') : '', {
        ...ctx,
        message,
      });
      if (reply.kind === 'replace') {
        if (message)
          await client.chat.update({
            channel: message.channelId,
            ts: message.ts,
            ...renderMessage(reply.message),
          });
        else await respond({ replace_original: true, ...renderMessage(reply.message) });
      } else await deliver(reply, target);
    } catch (error) {
      const text = isAppError(error)
        ? `:warning: ${error.message}`
        : ':warning: Sorry, something went wrong on our side and nothing was changed. Please try again.';
      if (!isAppError(error)) deps.logger.error({ err: error }, 'button failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  });
}
