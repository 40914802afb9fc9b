/**
 * `/improve update edit <new text>` and `/improve update undo`: the author corrects or withdraws
 * their latest update within 30 minutes. The channel message is changed in place (chat.update);
 * the text as first posted stays in the database and the audit log.
 */
import { z } from 'zod';
import type { Message } from '../src/chat/message.js';
import { plain } from '../src/chat/message.js';
import { timeOfDayIn } from '../src/domain/dates.js';
import { isRag, ragLabel, ragMark } from '../src/domain/rag.js';
import { toSafeText } from '../src/domain/text.js';
import { type ChangedUpdate, editUpdate } from '../src/services/edit-update.js';
import { withdrawUpdate } from '../src/services/withdraw-update.js';
import type { CommandContext, Reply, Subcommand } from './types.js';
import { updateMessage } from './update.js';

const editInput = z.object({ text: z.string().min(1, 'Give the corrected text of your update.') });

export const updateEdit: Subcommand<z.infer<typeof editInput>> = {
  name: 'update edit',
  usage: 'update edit <new text>',
  summary: 'Corrects your latest update, within 30 minutes of posting it; the original is kept.',
  examples: ['update edit Four newly qualified social workers started this week (not five)'],
  parse: (args) => ({ text: args.rest() }),
  schema: editInput,
  async run(value, ctx) {
    const changed = await editUpdate(value, ctx.deps, ctx.actor);
    const edited = updateMessage({
      update: changed.update,
      workstream: changed.update.workstream,
      project: changed.project ?? null,
      ragChange: changed.ragChange,
    });
    const at = timeOfDayIn(changed.update.editedAt ?? ctx.deps.clock.now(), ctx.timezone);
    const message = {
      ...edited,
      blocks: [
        ...(edited.blocks ?? []),
        { type: 'context' as const, text: `_Edited by its author at ${at}._` },
      ],
    };
    const ragNote = changed.ragChange
      ? ' The reason recorded with its RAG change keeps the original wording: RAG history is never rewritten.'
      : '';
    return inChannel(
      changed,
      message,
      plain(
        `<icon:done> Your update on ${changed.update.workstream.code} now reads as corrected; the original text is kept in the history.${ragNote}`,
      ),
    );
  },
};

export const updateUndo: Subcommand<Record<string, never>> = {
  name: 'update undo',
  aliases: ['update withdraw'],
  usage: 'update undo',
  summary: 'Withdraws your latest update, within 30 minutes of posting it; it stays in the history.',
  examples: ['update undo'],
  parse: () => ({}),
  schema: z.object({}),
  async run(_value, ctx) {
    const changed = await withdrawUpdate(ctx.deps, ctx.actor);
    const { workstream } = changed.update;
    const at = timeOfDayIn(changed.update.withdrawnAt ?? ctx.deps.clock.now(), ctx.timezone);
    const message: Message = {
      text: `${workstream.code} update withdrawn by its author`,
      blocks: [
        {
          type: 'section',
          text: `*${workstream.code} ${toSafeText(workstream.name)}*: _update withdrawn by <person:${ctx.actor.userId}> at ${at}._`,
        },
      ],
    };
    return inChannel(
      changed,
      message,
      plain(
        `<icon:done> Your update on ${workstream.code} is withdrawn; it stays in the history, marked withdrawn.${ragStays(changed, ctx)}`,
      ),
    );
  },
};

/** A withdrawn update's RAG change is not undone: history is append-only, so a new change is needed. */
function ragStays({ ragChange, update }: ChangedUpdate, ctx: CommandContext): string {
  if (!ragChange || !isRag(ragChange.fromRag) || !isRag(ragChange.toRag)) return '';
  const back = ragChange.fromRag === 'not_started' ? 'not-started' : ragChange.fromRag;
  return `\nThe RAG change it made (${ragMark(ragChange.fromRag)} ${ragLabel(ragChange.fromRag)} → ${ragMark(ragChange.toRag)} ${ragLabel(ragChange.toRag)}) stays in the RAG history. To change it back, give a reason: \`${ctx.command} rag ${update.workstream.code} ${back} &lt;reason&gt;\``;
}

/** Replaces the echoed message when we know where it is; otherwise just confirms. */
function inChannel({ update }: ChangedUpdate, message: Message, confirmation: Message): Reply {
  if (!update.channelId || !update.messageId) return { kind: 'ephemeral', message: confirmation };
  return {
    kind: 'channel',
    message,
    confirmation,
    replace: { channelId: update.channelId, messageId: update.messageId },
  };
}
