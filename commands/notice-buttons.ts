/**
 * Buttons on the leads' reminders: "Reassign as suggested" on a not-mine notice, and "Add update"
 * on a silent-workstream nudge (a form with RAG and text, posted through the update service).
 * Each refreshes the lead's DM afterwards, so it shows what was done.
 */
import { plain } from '../src/chat/message.js';
import { AppError, isAppError } from '../src/domain/errors.js';
import { isRag, RAG_VALUES, type Rag, ragLabel } from '../src/domain/rag.js';
import { currentNotice } from '../src/services/current-reminder.js';
import { REASSIGN_BUTTON, SILENCE_BUTTON, silenceAnsweredMessage } from '../src/services/notice-messages.js';
import { postUpdate } from '../src/services/post-update.js';
import { reassignAction } from '../src/services/reassign-action.js';
import { findReminder } from '../src/services/reminder-log.js';
import { onField } from './reminder-answers.js';
import { ephemeral } from './replies.js';
import type { ButtonHandler, ModalHandler, Reply } from './types.js';

const stale = () => new AppError('stale', 'This button belongs to an old message; nothing was changed.');

export const reassignButton: ButtonHandler = {
  actionId: REASSIGN_BUTTON,
  async press(value, ctx): Promise<Reply> {
    const match = /^(\d+)\.(\d+)\.([A-Za-z0-9:_-]+)$/.exec(value);
    if (!match) throw stale();
    const [, logId, number, suggested] = match;
    let warning: string | undefined;
    try {
      await reassignAction(
        {
          ref: Number(number),
          ownerUserId: suggested!,
          note: 'As suggested when the owner said it was not theirs',
        },
        ctx.deps,
        ctx.actor,
      );
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'duplicate_request') return { kind: 'none' };
      warning = error.message;
    }
    const log = await findReminder(ctx.deps.db, ctx.actor.workspaceId, Number(logId));
    if (!log?.channelId || !log.messageId || log.recipient !== ctx.actor.userId)
      return ephemeral(warning ? `<icon:warning> ${warning}` : '<icon:done> Reassigned.');
    return {
      kind: 'channel',
      message: await currentNotice(ctx.deps, log),
      replace: { channelId: log.channelId, messageId: log.messageId },
      ...(warning ? { confirmation: plain(`<icon:warning> ${warning}`) } : {}),
    };
  },
};

const SILENCE_MODAL = 'silence_update';

export const silenceButton: ButtonHandler = {
  actionId: SILENCE_BUTTON,
  async press(value, ctx): Promise<Reply> {
    const match = /^(\d+)\.(\d+)$/.exec(value);
    if (!match) throw stale();
    const workstream = await ctx.deps.db.workstream.findFirst({
      where: { id: Number(match[2]), workspaceId: ctx.actor.workspaceId },
    });
    if (!workstream) throw stale();
    return {
      kind: 'modal',
      modal: {
        callbackId: SILENCE_MODAL,
        title: `Update on ${workstream.code}`,
        submitLabel: 'Post',
        privateMetadata: JSON.stringify({
          reminderId: Number(match[1]),
          workstream: workstream.code,
          channelId: ctx.channelId,
        }),
        intro: `*${workstream.code} ${workstream.name}*: what the board should know this week.`,
        inputs: [
          {
            id: 'rag',
            label: 'RAG (leave empty for no change)',
            kind: 'select',
            optional: true,
            options: RAG_VALUES.map((r) => ({ value: r, label: ragLabel(r) })),
          },
          {
            id: 'text',
            label: 'Update (the reason, if the RAG changes)',
            kind: 'multiline',
            maxLength: 2000,
          },
        ],
      },
    };
  },
};

export const silenceModal: ModalHandler = {
  callbackId: SILENCE_MODAL,
  async submit(values, privateMetadata, ctx) {
    const meta = JSON.parse(privateMetadata || '{}') as { reminderId?: number; workstream?: string };
    const text = values.text ?? '';
    if (text.trim().length === 0) return { errors: { text: 'Write the update here.' } };
    if (!meta.workstream) throw stale();
    // The choice comes back from the client: only one of the listed RAGs is believed.
    if (values.rag && !isRag(values.rag))
      return { errors: { rag: 'Choose a RAG from the list, or leave it empty for no change.' } };
    const rag = (values.rag || undefined) as Rag | undefined;
    const posted = await postUpdate({ workstream: meta.workstream, rag, text }, ctx.deps, ctx.actor).catch(
      (error) => onField(error, () => 'text'),
    );
    if ('errors' in posted) return posted;
    const log = meta.reminderId
      ? await findReminder(ctx.deps.db, ctx.actor.workspaceId, meta.reminderId)
      : null;
    const message = silenceAnsweredMessage(
      posted.workstream,
      posted.update.text,
      posted.ragChange?.toRag ?? null,
    );
    if (!log?.channelId || !log.messageId || log.recipient !== ctx.actor.userId)
      return { kind: 'ephemeral', message };
    return { kind: 'channel', message, replace: { channelId: log.channelId, messageId: log.messageId } };
  },
};
