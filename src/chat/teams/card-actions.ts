/**
 * A pressed Action.Execute button (a reminder's Done): the same neutral handler as Slack's button,
 * and the answer in the invoke's response. A card that re-renders the message the button sat on
 * comes back as that message's new card, which Teams swaps in place for everyone who sees it; a
 * change to some other message is an activity update; anything said to the person comes back as
 * the invoke's message, shown only to them.
 */
import { BUTTON_HANDLERS, pressButton } from '../../../commands/index.js';
import type { ButtonHandler, Reply } from '../../../commands/types.js';
import { isAppError } from '../../domain/errors.js';
import type { Deps } from '../../services/deps.js';
import type { Chat } from '../chat.js';
import type { Message } from '../message.js';
import { readStamp } from '../programme-stamp.js';
import { teamsCommandContext } from './context.js';
import { FORM_SUBMIT_VERB, refusedForm, renderForm } from './form.js';
import { submitForm } from './form-submit.js';
import { toTeamsMarkdown } from './markdown.js';
import { deliverReply, messageText } from './message-extension.js';
import { channelOf } from './messages.js';
import { personNames } from './names.js';
import { type AdaptiveCard, type RenderedMessage, renderMessage } from './render.js';

/** The parts of an adaptiveCard/action invoke this reads. */
export interface CardActionActivity {
  id?: string;
  /** The activity id of the message whose card holds the button. */
  replyToId?: string;
  from: { id: string; aadObjectId?: string; name?: string };
  conversation: { id: string; tenantId?: string };
  value?: {
    action?: { verb?: string; data?: { actionId?: unknown; value?: unknown; [key: string]: unknown } };
  };
}

/** What the invoke answers: a card that replaces the pressed one, or a message to the person. */
export type CardActionResponse =
  | { statusCode: 200; type: 'application/vnd.microsoft.card.adaptive'; value: AdaptiveCard }
  | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string };

const say = (text: string): CardActionResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: toTeamsMarkdown(text).text,
});

const SORRY =
  '<icon:warning> Sorry, something went wrong on our side and nothing was changed. Please try again.';

/** Runs the button's handler and gives the invoke's response. */
export async function answerCardAction(
  deps: Deps,
  activity: CardActionActivity,
  chatFor: (tenantId: string) => Chat,
): Promise<CardActionResponse> {
  const data = activity.value?.action?.data;
  if (activity.value?.action?.verb === FORM_SUBMIT_VERB) return answerForm(deps, activity, chatFor);
  const actionId = typeof data?.actionId === 'string' ? data.actionId : activity.value?.action?.verb;
  const handler = BUTTON_HANDLERS.find((h) => h.actionId === actionId);
  const tenantId = activity.conversation.tenantId;
  const aadObjectId = activity.from.aadObjectId;
  if (!handler || !tenantId || !aadObjectId)
    return say('<icon:warning> This button belongs to an old message; nothing was changed.');
  const chat = chatFor(tenantId);
  const channelId = channelOf(activity.conversation.id);
  let reply: Awaited<ReturnType<ButtonHandler['press']>>;
  // The programme the button belongs to (programme-stamp.ts), checked against the tenant.
  const stamp = readStamp(typeof data?.value === 'string' ? data.value : '');
  try {
    const ctx = await teamsCommandContext(deps, {
      tenantId,
      aadObjectId,
      userName: activity.from.name,
      conversationId: channelId,
      activityId: activity.id ? `action:${activity.id}` : undefined,
      chat,
      ...(stamp.programmeId !== undefined ? { programmeId: stamp.programmeId } : {}),
    });
    const message = activity.replyToId ? { channelId, messageId: activity.replyToId } : undefined;
    reply = await pressButton(handler, stamp.value, { ...ctx, message });
  } catch (error) {
    if (isAppError(error)) return say(`<icon:warning> ${error.message}`);
    deps.logger.error({ err: error }, 'Teams button failed');
    return say(SORRY);
  }
  try {
    return await show(reply, activity, chat, async (message) =>
      renderMessage(message, await personNames(deps, tenantId, message)),
    );
  } catch (error) {
    // The press itself was handled and stored; only showing its result failed.
    deps.logger.error({ err: error }, 'could not show a Teams button’s result');
    return say(
      '<icon:warning> Done, but I could not show the result here. Scroll up or ask `improve status`.',
    );
  }
}

/** A form in a chat submitted: refused, it is shown again in place; done, its reply is shown. */
async function answerForm(
  deps: Deps,
  activity: CardActionActivity,
  chatFor: (tenantId: string) => Chat,
): Promise<CardActionResponse> {
  const tenantId = activity.conversation.tenantId;
  const aadObjectId = activity.from.aadObjectId;
  if (!tenantId || !aadObjectId)
    return say('<icon:warning> This form belongs to an old message; nothing was changed.');
  const chat = chatFor(tenantId);
  const outcome = await submitForm(
    deps,
    {
      tenantId,
      aadObjectId,
      userName: activity.from.name,
      conversationId: channelOf(activity.conversation.id),
      activityId: activity.id ? `form:${activity.id}` : undefined,
      chat,
    },
    activity.value?.action?.data,
  );
  if (outcome.kind === 'unknown')
    return say('<icon:warning> This form belongs to an old message; nothing was changed.');
  if (outcome.kind === 'errors')
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: refusedForm(outcome.form, outcome.values, outcome.errors, 'execute'),
    };
  const reply = outcome.reply;
  try {
    // A reminder's form answers with the reminder as it now stands, shown in place of the form.
    if (reply.kind !== 'channel' || reply.replace)
      return await show(reply, activity, chat, async (message) =>
        renderMessage(message, await personNames(deps, tenantId, message)),
      );
    return say(await deliverReply(reply, chat, channelOf(activity.conversation.id)));
  } catch (error) {
    deps.logger.error({ err: error }, 'could not show a Teams form’s result');
    return say('<icon:warning> Saved, but I could not post the result. Ask `improve status`.');
  }
}

async function show(
  reply: Reply | { kind: 'replace'; message: Message },
  activity: CardActionActivity,
  chat: Chat,
  render: (message: Message) => Promise<RenderedMessage>,
): Promise<CardActionResponse> {
  const pressed = activity.replyToId;
  const card = async (message: Message): Promise<CardActionResponse> => ({
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: (await render(message)).cards[0]!,
  });
  switch (reply.kind) {
    case 'replace':
      return card(reply.message);
    case 'channel': {
      if (!reply.replace) {
        // A button that posts (Post to channel) posts where it was pressed, as on Slack.
        const posted = await chat.post(channelOf(activity.conversation.id), reply.message);
        await reply.afterPost?.(posted);
        return say(reply.confirmation ? messageText(reply.confirmation) : '<icon:done> Posted.');
      }
      const confirmation = reply.confirmation ? messageText(reply.confirmation) : '<icon:done> Saved.';
      if (reply.replace.messageId === pressed && !reply.confirmation) return card(reply.message);
      // A warning must be read, so the card is updated beside it rather than in the response.
      await chat.update(reply.replace, reply.message);
      return say(confirmation);
    }
    case 'home':
      if (reply.reminder) await chat.update(reply.reminder, reply.reminder.message);
      return say('<icon:done> Saved.');
    case 'ephemeral':
      return say(messageText(reply.message));
    case 'modal':
      // The form takes the card's place; submitted, the card it answers comes back (answerForm).
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: renderForm(reply.modal),
      };
    case 'none':
      return say('<icon:done> Already saved.');
  }
}
