/**
 * The message extension's action commands (teams/manifest.json composeExtensions): choosing one
 * (composeExtension/fetchTask) opens the same form as Slack's modal, in a dialog; submitting it
 * (composeExtension/submitAction) runs the same ModalHandler. A refusal shows the form again with
 * the errors under their fields and what the person typed kept; a result closes the dialog and is
 * posted where the form says, as a Slack modal's result is.
 */
import { findSubcommand } from '../../../commands/index.js';
import type { Reply } from '../../../commands/types.js';
import { isAppError } from '../../domain/errors.js';
import type { Deps } from '../../services/deps.js';
import type { Chat } from '../chat.js';
import type { Message, Modal } from '../message.js';
import { type TeamsActivityFacts, teamsCommandContext } from './context.js';
import { refusedForm, renderForm } from './form.js';
import { submitForm } from './form-submit.js';
import { toTeamsMarkdown } from './markdown.js';
import { channelOf } from './messages.js';
import type { AdaptiveCard } from './render.js';

/** The parts of a composeExtension/fetchTask or submitAction invoke this reads. */
export interface ExtensionActivity {
  id?: string;
  from: { id: string; aadObjectId?: string; name?: string };
  conversation: { id: string; tenantId?: string };
  value?: { commandId?: unknown; data?: Record<string, unknown> };
}

/** A dialog to show (a form), or a word to show the person, which closes it. */
export type TaskResponse =
  | { task: { type: 'continue'; value: { title: string; card: CardAttachment } } }
  | { task: { type: 'message'; value: string } };

type CardAttachment = { contentType: 'application/vnd.microsoft.card.adaptive'; content: AdaptiveCard };

const dialog = (title: string, card: AdaptiveCard): TaskResponse => ({
  task: {
    type: 'continue',
    value: { title, card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card } },
  },
});
const word = (text: string): TaskResponse => ({
  task: { type: 'message', value: toTeamsMarkdown(text).text },
});

const UNKNOWN = 'That form is not one I know, and nothing was changed. Type `improve help` for the commands.';

function factsOf(
  activity: ExtensionActivity,
  chat: Chat | undefined,
  prefix: string,
): TeamsActivityFacts | null {
  const tenantId = activity.conversation.tenantId;
  const aadObjectId = activity.from.aadObjectId;
  if (!tenantId || !aadObjectId) return null;
  return {
    tenantId,
    aadObjectId,
    userName: activity.from.name,
    conversationId: channelOf(activity.conversation.id),
    activityId: activity.id ? `${prefix}:${activity.id}` : undefined,
    chat,
  };
}

/** fetchTask: the command id is the subcommand's name with a hyphen for each space ('action-add'). */
export async function openExtensionForm(
  deps: Deps,
  activity: ExtensionActivity,
  chatFor: (tenantId: string) => Chat,
): Promise<TaskResponse> {
  const commandId = typeof activity.value?.commandId === 'string' ? activity.value.commandId : '';
  const found = findSubcommand(commandId.split('-'));
  const tenantId = activity.conversation.tenantId;
  const facts = factsOf(activity, tenantId ? chatFor(tenantId) : undefined, 'open');
  if (!found?.sub.modal || !facts) return word(UNKNOWN);
  try {
    const modal: Modal = await found.sub.modal(await teamsCommandContext(deps, facts));
    return dialog(modal.title, renderForm(modal, {}, 'dialog'));
  } catch (error) {
    if (isAppError(error)) return word(error.message);
    deps.logger.error({ err: error }, 'Teams message extension form failed');
    return word('Sorry, something went wrong on our side. Please try again.');
  }
}

/** submitAction: the form again with its errors, or the result posted and the dialog closed. */
export async function submitExtensionForm(
  deps: Deps,
  activity: ExtensionActivity,
  chatFor: (tenantId: string) => Chat,
): Promise<TaskResponse> {
  const tenantId = activity.conversation.tenantId;
  const chat = tenantId ? chatFor(tenantId) : undefined;
  const facts = factsOf(activity, chat, 'submit');
  if (!facts || !chat) return word(UNKNOWN);
  const outcome = await submitForm(deps, facts, activity.value?.data);
  if (outcome.kind === 'unknown') return word(UNKNOWN);
  if (outcome.kind === 'errors')
    return dialog(outcome.form.title, refusedForm(outcome.form, outcome.values, outcome.errors, 'dialog'));
  return word(await deliverReply(outcome.reply, chat, facts.conversationId));
}

/** Posts a channel reply where it belongs and says what happened, in words for the dialog. */
export async function deliverReply(reply: Reply, chat: Chat, channelId: string): Promise<string> {
  switch (reply.kind) {
    case 'channel': {
      if (reply.replace) await chat.update(reply.replace, reply.message);
      else {
        const posted = await chat.post(channelId, reply.message);
        await reply.afterPost?.(posted);
      }
      return reply.confirmation ? messageText(reply.confirmation) : '<icon:done> Posted.';
    }
    case 'ephemeral':
      return messageText(reply.message);
    case 'home':
      if (reply.reminder) await chat.update(reply.reminder, reply.reminder.message);
      return '<icon:done> Saved.';
    default:
      return '<icon:done> Saved.';
  }
}

/** A short message as one text: its sections, or its fallback text. */
export const messageText = (message: Message): string =>
  (message.blocks ?? [])
    .map((b) => ('text' in b ? b.text : ''))
    .filter(Boolean)
    .join('\n\n') || message.text;
