/**
 * Buttons, routed by action id to the neutral handlers in commands/, and modal submissions
 * (views.ts).
 */
import type { App, BlockAction, RespondFn } from '@slack/bolt';
import { BUTTON_HANDLERS, pressButton as runPress } from '../../../../commands/index.js';
import type { ButtonHandler } from '../../../../commands/types.js';
import { isAppError } from '../../../domain/errors.js';
import type { Deps } from '../../../services/deps.js';
import { readStamp } from '../../programme-stamp.js';
import { commandContext } from '../context.js';
import { type DeliveryTarget, deliver } from '../deliver.js';
import type { MetadataSeal } from '../metadata-seal.js';
import { renderForWebApi, renderMessage } from '../render.js';
import { actingWorkspace, NO_WORKSPACE_REPLY } from '../workspace.js';
import { registerViews } from './views.js';

type PressReply = Awaited<ReturnType<ButtonHandler['press']>>;
type Outcome = { reply: PressReply } | { warning: string };
type Target = DeliveryTarget & { respond: RespondFn; message?: { channelId: string; messageId: string } };

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
    const press = readPress(body, action, teamId);
    // Pressed (and committed) before the ack, as commands are: an acknowledged press is never lost.
    const outcome = await pressButton(deps, command, handler, press);
    await ack().catch((error: unknown) => deps.logger.warn({ err: error }, 'acknowledged a press late'));
    const target: Target = {
      client,
      respond,
      channelId: press.facts.channelId,
      userId: body.user.id,
      triggerId: body.trigger_id,
      workspaceId: teamId,
      seal,
      logger: deps.logger,
      message: press.message,
    };
    await answer(outcome, target);
  });
}

/** What a press says about itself: who, where, which message, its value and its retry key. */
function readPress(body: BlockAction, action: BlockAction['actions'][number], teamId: string) {
  const channelId = body.channel?.id ?? body.user.id;
  const message =
    body.message && body.channel
      ? { channelId: body.channel.id, messageId: body.message.ts as string }
      : undefined;
  const key = body.trigger_id ?? ('action_ts' in action ? action.action_ts : undefined);
  const { programmeId, value } = readStamp('value' in action ? String(action.value ?? '') : '');
  return {
    facts: { teamId, userId: body.user.id, userName: body.user.name, channelId, programmeId },
    message,
    value,
    requestKey: key ? `action:${key}` : undefined,
  };
}

/** Runs the handler; a refusal or a bug becomes the warning the person is shown. */
async function pressButton(
  deps: Deps,
  command: string,
  handler: ButtonHandler,
  press: ReturnType<typeof readPress>,
): Promise<Outcome> {
  try {
    const ctx = await commandContext(deps, command, { ...press.facts, requestKey: press.requestKey });
    return { reply: await runPress(handler, press.value, { ...ctx, message: press.message }) };
  } catch (error) {
    if (isAppError(error)) return { warning: `:warning: ${error.message}` };
    deps.logger.error({ err: error }, 'button failed');
    return {
      warning: ':warning: Sorry, something went wrong on our side and nothing was changed. Please try again.',
    };
  }
}

/** After the ack: the warning, or the press's result (and, if showing it fails, a note that it is done). */
async function answer(outcome: Outcome, target: Target): Promise<void> {
  const tell = (text: string) =>
    target.respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
  if ('warning' in outcome) {
    await tell(outcome.warning);
    return;
  }
  try {
    await show(outcome.reply, target);
  } catch (error) {
    // The press itself was handled and stored; only showing its result failed.
    target.logger.error({ err: error }, 'could not show a button’s result');
    await tell(':warning: Done, but I could not show the result here. Refresh the message or your Home tab.');
  }
}

/** A button's reply: a replaced message (the reminder DM, or the message the button sat on) or a delivery. */
async function show(reply: PressReply, target: Target): Promise<void> {
  if (reply.kind !== 'replace') return deliver(reply, target);
  const { message } = target;
  if (message)
    await target.client.chat.update({
      channel: message.channelId,
      ts: message.messageId,
      ...renderForWebApi(reply.message),
    });
  else await target.respond({ replace_original: true, ...renderMessage(reply.message) });
}
