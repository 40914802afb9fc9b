/**
 * The page's actions, sent to the app exactly as Slack would send them: signed slash commands,
 * block_actions and view_submission payloads POSTed to /slack/events, with response URLs and
 * trigger ids minted on the Web API stand-in so replies and modals land on the page.
 */
import { sendBlockAction, sendSlashCommand, sendViewSubmission } from '../slack-requests.js';
import type { StoredMessage } from '../slack-web-api.js';
import { encodeCommandText } from './command-text.js';
import { channelName, type PageContext, PageError, personOf } from './context.js';

type Body = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `/improve …` typed in the message box. */
export async function sendCommand(ctx: PageContext, body: Body): Promise<void> {
  const person = personOf(ctx, body.userId);
  const channelId = str(body.channelId);
  const match = /^(\/\S+)\s*([\s\S]*)$/.exec(str(body.text).trim());
  if (!match || match[1] !== ctx.command) {
    throw new PageError(
      `${match?.[1] ?? 'That'} is not a command here. The bot answers ${ctx.command}: try \`${ctx.command} help\`.`,
    );
  }
  const response = await sendSlashCommand(ctx.appUrl(), {
    signingSecret: ctx.signingSecret,
    teamId: ctx.slack.teamId,
    userId: person.id,
    userName: person.name,
    channelId,
    channelName: channelName(ctx, channelId),
    command: ctx.command,
    text: encodeCommandText(match[2] ?? '', ctx.people, ctx.channels),
    responseUrl: ctx.slack.responseUrl('command', { channel: channelId, user: person.id }),
    triggerId: ctx.slack.triggerId(person.id),
  });
  if (response.status !== 200)
    throw new PageError(`The app did not take the command (HTTP ${response.status}).`, 502);
}

/** A button pressed on a message. */
export async function sendAction(ctx: PageContext, body: Body): Promise<void> {
  const person = personOf(ctx, body.userId);
  const channelId = str(body.channelId);
  const ts = str(body.messageTs);
  const message = ctx.slack.messages.find((m) => m.channel === channelId && m.ts === ts);
  if (!message || (message.ephemeralFor && message.ephemeralFor !== person.id))
    throw new PageError('That message is no longer there.', 404);
  const response = await sendBlockAction(ctx.appUrl(), {
    signingSecret: ctx.signingSecret,
    teamId: ctx.slack.teamId,
    userId: person.id,
    userName: person.name,
    channelId,
    channelName: channelName(ctx, channelId),
    actionId: str(body.actionId),
    blockId: str(body.blockId),
    value: typeof body.value === 'string' ? body.value : undefined,
    actionText: str(body.text),
    // Slack sends the message with the action, except for ephemeral messages.
    message: message.ephemeralFor ? undefined : asSlackMessage(ctx, message),
    container: {
      type: 'message',
      message_ts: ts,
      channel_id: channelId,
      is_ephemeral: Boolean(message.ephemeralFor),
    },
    responseUrl: ctx.slack.responseUrl('action', { channel: channelId, user: person.id, messageTs: ts }),
    triggerId: ctx.slack.triggerId(person.id),
  });
  if (response.status !== 200)
    throw new PageError(`The app did not take the click (HTTP ${response.status}).`, 502);
}

function asSlackMessage(ctx: PageContext, message: StoredMessage): Record<string, unknown> & { ts: string } {
  return {
    type: 'message',
    user: message.user,
    ...(message.bot_id ? { bot_id: message.bot_id, app_id: ctx.slack.bot.appId } : {}),
    text: message.text,
    ts: message.ts,
    team: ctx.slack.teamId,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
  };
}

/** What the page does after a submission: show field errors, or close the modal. */
export type SubmitOutcome = { errors: Record<string, string> } | { closed: true };

/** A modal's Submit button; `values` is Slack's view.state.values, built by the page. */
export async function sendSubmission(ctx: PageContext, body: Body): Promise<SubmitOutcome> {
  const person = personOf(ctx, body.userId);
  const stored = ctx.slack.views.find(
    (v) => v.id === body.viewId && v.type === 'modal' && v.userId === person.id,
  );
  if (!stored || ctx.closedViews.has(stored.id)) throw new PageError('That form is no longer open.', 404);
  const { view } = stored;
  const response = await sendViewSubmission(ctx.appUrl(), {
    signingSecret: ctx.signingSecret,
    teamId: ctx.slack.teamId,
    userId: person.id,
    userName: person.name,
    callbackId: str(view.callback_id),
    privateMetadata: str(view.private_metadata),
    values: (body.values ?? {}) as Record<string, Record<string, Record<string, unknown>>>,
    viewId: stored.id,
    view: {
      ...view,
      hash: stored.hash,
      root_view_id: stored.rootViewId,
      previous_view_id: stored.previousViewId ?? null,
    },
    triggerId: ctx.slack.triggerId(person.id),
  });
  if (response.status !== 200)
    throw new PageError(`The app did not take the form (HTTP ${response.status}).`, 502);
  const ack = (response.body ?? {}) as { response_action?: string; errors?: Record<string, string> };
  if (ack.response_action === 'errors') return { errors: ack.errors ?? {} };
  closeModal(ctx, stored.id, ack.response_action === 'clear' ? person.id : undefined);
  return { closed: true };
}

/** Closes one modal, or with `allFor` every modal of that person (response_action 'clear'). */
export function closeModal(ctx: PageContext, viewId: string, allFor?: string): void {
  for (const view of ctx.slack.views) {
    if (view.id === viewId || (allFor && view.type === 'modal' && view.userId === allFor))
      ctx.closedViews.add(view.id);
  }
  ctx.feed.bump();
}
