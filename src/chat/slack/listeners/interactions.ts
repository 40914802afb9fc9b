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
import type { MetadataSeal } from '../metadata-seal.js';
import { readModalValues, renderMessage } from '../render.js';
import { actingWorkspace, NO_WORKSPACE_REPLY } from '../workspace.js';

const FORGED_FORM =
  'Sorry, this form does not belong to this workspace (or it was altered on its way back), so nothing was saved. Please open it again.';

export function registerInteractions(app: App, deps: Deps, command: string, seal: MetadataSeal): void {
  app.view(/.*/, async ({ ack, body, view, client }) => {
    const handler = MODAL_HANDLERS.find((h) => h.callbackId === view.callback_id);
    if (!handler) {
      deps.logger.warn({ callbackId: view.callback_id }, 'unknown modal');
      return ack();
    }
    const lastInput =
      (view.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'input').at(-1)
        ?.block_id ?? 'text';
    const refuse = (message: string) => ack({ response_action: 'errors', errors: { [lastInput]: message } });
    const teamId = actingWorkspace(body);
    if (!teamId) return refuse(NO_WORKSPACE_REPLY);
    // Only metadata we sealed for this workspace is believed (metadata-seal.ts).
    const metadata = seal.open(teamId, view.private_metadata ?? '');
    if (metadata === null) {
      deps.logger.warn({ teamId, callbackId: view.callback_id }, 'refused forged private_metadata');
      return refuse(FORGED_FORM);
    }
    const channelId = (safeJson(metadata) as { channelId?: string }).channelId ?? body.user.id;
    const ctx = await commandContext(deps, command, {
      teamId,
      userId: body.user.id,
      userName: body.user.name,
      channelId,
      requestKey: `view:${view.id}:${view.hash}`,
    });
    try {
      const result = await handler.submit(readModalValues(view.state as never), metadata, ctx);
      if ('errors' in result) return ack({ response_action: 'errors', errors: result.errors });
      await ack();
      const target = {
        client,
        channelId,
        userId: body.user.id,
        workspaceId: teamId,
        seal,
        logger: deps.logger,
      };
      await deliver(result, target);
    } catch (error) {
      // A retried submission that was already stored: the first one succeeded, so just close the modal.
      if (isAppError(error) && error.code === 'duplicate_request') return ack();
      if (isAppError(error)) return refuse(error.message.slice(0, 2000));
      deps.logger.error({ err: error }, 'modal submission failed');
      return refuse(
        'Sorry, something went wrong on our side and nothing was saved. Your text is still here: please try again.',
      );
    }
  });

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

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}
