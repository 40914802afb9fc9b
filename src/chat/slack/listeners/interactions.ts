/**
 * Buttons, routed by action id to the neutral handlers in commands/, and modal submissions
 * (views.ts).
 */
import type { App, RespondFn } from '@slack/bolt';
import { BUTTON_HANDLERS } from '../../../../commands/index.js';
import type { ButtonHandler } from '../../../../commands/types.js';
import { isAppError } from '../../../domain/errors.js';
import type { Deps } from '../../../services/deps.js';
import { commandContext } from '../context.js';
import { type DeliveryTarget, deliver } from '../deliver.js';
import type { MetadataSeal } from '../metadata-seal.js';
import { renderMessage } from '../render.js';
import { actingWorkspace, NO_WORKSPACE_REPLY } from '../workspace.js';
import { registerViews } from './views.js';

export function registerInteractions(app: App, deps: Deps, command: string, seal: MetadataSeal): void {
  registerViews(app, deps, command, seal);

  app.action(/.*/, async ({ ack, body, action, client, respond }) => {
    if (body.type !== 'block_actions' || !('action_id' in action)) return ack();
    const handler = BUTTON_HANDLERS.find((h) => h.actionId === action.action_id);
    if (!handler) return ack();
    const teamId = actingWorkspace(body);
    if (!teamId) {
      await ack();
      await respond({ response_type: 'ephemeral', replace_original: false, text: NO_WORKSPACE_REPLY });
      return;
    }
    const channelId = body.channel?.id ?? body.user.id;
    const message =
      body.message && body.channel
        ? { channelId: body.channel.id, ts: body.message.ts as string }
        : undefined;
    const key = body.trigger_id ?? ('action_ts' in action ? action.action_ts : undefined);
    const facts = { teamId, userId: body.user.id, userName: body.user.name, channelId };
    // Pressed (and committed) before the ack, as commands are: an acknowledged press is never lost.
    let outcome: { reply: Awaited<ReturnType<ButtonHandler['press']>> } | { warning: string };
    try {
      const ctx = await commandContext(deps, command, { ...facts, requestKey: key && `action:${key}` });
      const value = 'value' in action ? String(action.value ?? '') : '';
      outcome = { reply: await handler.press(value, { ...ctx, message }) };
    } catch (error) {
      if (!isAppError(error)) deps.logger.error({ err: error }, 'button failed');
      outcome = {
        warning: isAppError(error)
          ? `:warning: ${error.message}`
          : ':warning: Sorry, something went wrong on our side and nothing was changed. Please try again.',
      };
    }
    await ack().catch((error: unknown) => deps.logger.warn({ err: error }, 'acknowledged a press late'));
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
    if ('warning' in outcome) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: outcome.warning }).catch(
        () => undefined,
      );
      return;
    }
    try {
      await show(outcome.reply, { ...target, message });
    } catch (error) {
      // The press itself was handled and stored; only showing its result failed.
      deps.logger.error({ err: error }, 'could not show a button’s result');
      const text =
        ':warning: Done, but I could not show the result here. Refresh the message or your Home tab.';
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  });
}

/** A button's reply: a replaced message (the reminder DM, or the message the button sat on) or a delivery. */
async function show(
  reply: Awaited<ReturnType<ButtonHandler['press']>>,
  target: DeliveryTarget & { respond: RespondFn; message?: { channelId: string; ts: string } },
): Promise<void> {
  if (reply.kind !== 'replace') return deliver(reply, target);
  const { message } = target;
  if (message)
    await target.client.chat.update({
      channel: message.channelId,
      ts: message.ts,
      ...renderMessage(reply.message),
    });
  else await target.respond({ replace_original: true, ...renderMessage(reply.message) });
}
