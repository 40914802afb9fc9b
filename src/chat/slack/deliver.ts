/**
 * Turns a neutral Reply into Slack calls, after ack(): ephemeral replies through response_url,
 * channel posts through chat.postMessage (falling back to an in-channel response when the bot is
 * not in the channel) or chat.update when the reply replaces an earlier message, modals through
 * views.open.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../../commands/types.js';
import type { Logger } from '../../logger.js';
import { type Message, plain } from '../message.js';
import type { MetadataSeal } from './metadata-seal.js';
import { renderForWebApi, renderHome, renderMessage, renderModal } from './render.js';

export interface DeliveryTarget {
  client: WebClient;
  respond?: RespondFn;
  channelId: string;
  /** Who sees ephemeral replies when there is no response_url (after a modal). */
  userId: string;
  triggerId?: string;
  /** The acting workspace, which a modal's private_metadata is sealed to (metadata-seal.ts). */
  workspaceId: string;
  seal: MetadataSeal;
  logger: Logger;
}

export async function deliver(reply: Reply, target: DeliveryTarget): Promise<void> {
  switch (reply.kind) {
    case 'none':
      return;
    case 'ephemeral':
      // A long reply (a digest preview) carries its continuation as `thread`: sent as follow-ups, in order.
      for (const message of [reply.message, ...(reply.message.thread ?? [])])
        await sendEphemeral(message, target);
      if (reply.followUp) await sendEphemeral(await followUp(reply.followUp, target), target);
      return;
    case 'modal':
      if (!target.triggerId) throw new Error('A modal needs a trigger id');
      await target.client.views.open({
        trigger_id: target.triggerId,
        view: renderModal({
          ...reply.modal,
          privateMetadata: target.seal.seal(target.workspaceId, reply.modal.privateMetadata),
        }),
      });
      return;
    case 'home':
      await target.client.views.publish({
        user_id: target.userId,
        view: renderHome(reply.message),
      });
      if (reply.reminder) await updateReminder(reply.reminder, target);
      return;
    case 'channel':
      if (reply.replace) await replaceInChannel(reply, reply.replace, target);
      else await postToChannel(reply, target);
  }
}

/** The follow-up's own answer; a bug in it still gets an answer, never silence. */
async function followUp(work: () => Promise<Message>, target: DeliveryTarget): Promise<Message> {
  try {
    return await work();
  } catch (error) {
    target.logger.error({ err: error }, 'a follow-up failed');
    return plain(
      ':warning: Sorry, something went wrong on my side and that did not finish. Please try again in a minute.',
    );
  }
}

/** The reminder DM follows the Home tab; the answer is saved, so a vanished DM is only logged. */
async function updateReminder(
  reminder: { channelId: string; messageId: string; message: Message },
  target: DeliveryTarget,
): Promise<void> {
  await target.client.chat
    .update({ channel: reminder.channelId, ts: reminder.messageId, ...renderForWebApi(reminder.message) })
    .catch((error: unknown) => target.logger.warn({ err: error }, 'could not update the reminder DM'));
}

async function postToChannel(
  reply: Extract<Reply, { kind: 'channel' }>,
  target: DeliveryTarget,
): Promise<void> {
  try {
    await postOnce(reply, target);
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if ((code === 'not_in_channel' || code === 'channel_not_found') && target.respond) {
      // The bot was not invited: the user still sees their post in the channel via the response URL.
      await target.respond({ response_type: 'in_channel', ...renderMessage(reply.message) });
      return;
    }
    await postAgain(reply, target, error);
  }
}

/** Waits before the one extra try, after the Web API client's own quick retries have failed. */
export const REPOST_DELAY_MS = 1000;

/**
 * The work is stored by now; only the channel post failed. Saying "nothing was saved" would be
 * false (and invite a duplicate), so the person is told the truth, and the post is tried once more.
 */
async function postAgain(
  reply: Extract<Reply, { kind: 'channel' }>,
  target: DeliveryTarget,
  error: unknown,
): Promise<void> {
  target.logger.warn({ err: error }, 'could not post in the channel; trying again');
  await sendEphemeral(plain(NOT_SHOWN_YET), target);
  await new Promise((resolve) => setTimeout(resolve, REPOST_DELAY_MS));
  try {
    await postOnce(reply, target);
  } catch (again) {
    target.logger.error({ err: again }, 'could not post in the channel');
    await sendEphemeral(plain(STILL_NOT_SHOWN), target);
  }
}

const NOT_SHOWN_YET =
  ':warning: Saved, but not yet shown in the channel: Slack would not take the post just now. Nothing is lost, and I am trying the post again.';
const STILL_NOT_SHOWN =
  ':warning: It is still saved, but Slack would not take the post in the channel on the second try either. `/improve status` shows it, and the weekly digest will include it.';

async function postOnce(reply: Extract<Reply, { kind: 'channel' }>, target: DeliveryTarget): Promise<void> {
  const posted = await target.client.chat.postMessage({
    channel: target.channelId,
    ...renderForWebApi(reply.message),
    unfurl_links: false,
  });
  if (reply.afterPost && posted.ts)
    await reply.afterPost({ channelId: posted.channel ?? target.channelId, messageId: posted.ts });
  if (reply.confirmation && target.respond)
    await target.respond({ response_type: 'ephemeral', ...renderMessage(reply.confirmation) });
}

/** chat.update of an earlier bot message; if it has gone, the user is told rather than left guessing. */
async function replaceInChannel(
  reply: Extract<Reply, { kind: 'channel' }>,
  where: { channelId: string; messageId: string },
  target: DeliveryTarget,
): Promise<void> {
  let note: Message | undefined;
  try {
    await target.client.chat.update({
      channel: where.channelId,
      ts: where.messageId,
      ...renderForWebApi(reply.message),
    });
  } catch (error) {
    target.logger.warn({ err: error }, 'could not update the channel message');
    note = plain(
      ':warning: The change is saved, but I could not change the message in the channel (it may have been deleted).',
    );
  }
  for (const message of [reply.confirmation, note]) if (message) await sendEphemeral(message, target);
}

/** To the user only: through response_url when there is one, else chat.postEphemeral (after a modal). */
async function sendEphemeral(message: Message, target: DeliveryTarget): Promise<void> {
  if (target.respond)
    await target.respond({ response_type: 'ephemeral', replace_original: false, ...renderMessage(message) });
  else
    await target.client.chat.postEphemeral({
      channel: target.channelId,
      user: target.userId,
      ...renderForWebApi(message),
    });
}
