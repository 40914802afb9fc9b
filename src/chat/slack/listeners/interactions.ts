/**
 * Buttons and modal submissions, routed by action id and callback id to the neutral handlers in
 * commands/. A modal's errors are shown in the modal itself, so what the user typed stays there.
 */
import type { App } from '@slack/bolt';
import { BUTTON_HANDLERS, MODAL_HANDLERS } from '../../../../commands/index.js';
import { isAppError } from '../../../domain/errors.js';
import type { Deps } from '../../../services/deps.js';
import { commandContext } from '../context.js';
import { deliver } from '../deliver.js';
import { errorsWithNames, slackNames } from '../modal-errors.js';
import { readModalValues, renderMessage } from '../render.js';

export function registerInteractions(app: App, deps: Deps, command: string): void {
  app.view(/.*/, async ({ ack, body, view, client }) => {
    const handler = MODAL_HANDLERS.find((h) => h.callbackId === view.callback_id);
    if (!handler) {
      deps.logger.warn({ callbackId: view.callback_id }, 'unknown modal');
      return ack();
    }
    const channelId = (safeJson(view.private_metadata) as { channelId?: string }).channelId ?? body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const ctx = await commandContext(deps, command, {
      teamId,
      userId: body.user.id,
      userName: body.user.name,
      channelId,
      requestKey: `view:${view.id}:${view.hash}`,
    });
    const lastInput =
      (view.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'input').at(-1)
        ?.block_id ?? 'text';
    const showErrors = async (errors: Record<string, string>) =>
      ack({
        response_action: 'errors',
        errors: await errorsWithNames(errors, slackNames(client, deps, teamId)),
      });
    try {
      const result = await handler.submit(readModalValues(view.state as never), view.private_metadata, ctx);
      if ('errors' in result) return showErrors(result.errors);
      await ack();
      await deliver(result, { client, channelId, userId: body.user.id, logger: deps.logger });
    } catch (error) {
      // A retried submission that was already stored: the first one succeeded, so just close the modal.
      if (isAppError(error) && error.code === 'duplicate_request') return ack();
      if (isAppError(error)) return showErrors({ [lastInput]: error.message.slice(0, 2000) });
      deps.logger.error({ err: error }, 'modal submission failed');
      return ack({
        response_action: 'errors',
        errors: {
          [lastInput]:
            'Sorry, something went wrong on our side and nothing was saved. Your text is still here: please try again.',
        },
      });
    }
  });

  app.action(/.*/, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || !('action_id' in action)) return;
    const handler = BUTTON_HANDLERS.find((h) => h.actionId === action.action_id);
    if (!handler) return;
    const channelId = body.channel?.id ?? body.user.id;
    const message =
      body.message && body.channel
        ? { channelId: body.channel.id, ts: body.message.ts as string }
        : undefined;
    const ctx = await commandContext(deps, command, {
      teamId: body.team?.id ?? '',
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

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}
