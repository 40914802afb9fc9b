/**
 * `/improve redact update <number>` and `/improve redact A-12`, and the "Remove personal data"
 * message shortcut: an admin (or the author) removes a stored text that should not have been kept.
 * The channel post is changed in place to show the marker; the history and audit log keep the
 * fact of the removal, never the text.
 */
import { z } from 'zod';
import { plain } from '../src/chat/message.js';
import { formatActionRef } from '../src/domain/actions.js';
import { AppError } from '../src/domain/errors.js';
import { type Redaction, type RedactTarget, redactText } from '../src/services/redact-text.js';
import type { UnreadableCopy } from '../src/services/redaction-copies.js';
import { actionMessage, actionSubject } from './action-replies.js';
import type { CommandContext, Reply, Subcommand } from './types.js';
import { updateMessage } from './update.js';

const input = z.union([
  z.object({ kind: z.literal('update'), id: z.number().int().positive() }),
  z.object({ kind: z.literal('action'), ref: z.string().min(1) }),
]);

export const redact: Subcommand<z.infer<typeof input>> = {
  name: 'redact',
  aliases: ['remove'],
  usage: 'redact update <number> | redact <action reference>',
  summary:
    'Removes personal data from a stored update or action (its text and notes), here and in the history; admins, or the person who wrote it.',
  examples: ['redact update 12', 'redact A-12'],
  parse: (args) => {
    const first = args.word(
      'what to remove: “update 12” (the number under the update) or an action such as A-12',
    );
    if (first.toLowerCase() !== 'update') return { kind: 'action', ref: first };
    const number = args.word('the update’s number, shown under it in the channel (“update 12”)');
    if (!/^\d{1,9}$/.test(number))
      throw new AppError(
        'bad_input',
        `“${number}” is not an update number. Use the number shown under the update, such as 12.`,
      );
    return { kind: 'update', id: Number(number) };
  },
  schema: input,
  run: async (value, ctx) => redactAndShow(value, ctx),
};

/** The shortcut on a message: the update echoed there, or the action a bot post names. */
export async function redactMessage(
  message: { channelId: string; messageId: string; text: string; fromBot: boolean },
  ctx: CommandContext,
): Promise<Reply> {
  // Every action post begins with its reference (A-12 added…, A-12 done…).
  const actionRef = /^A-\d+\b/.exec(message.text)?.[0];
  const where = { channelId: message.channelId, messageId: message.messageId };
  const target = {
    kind: 'message' as const,
    ...where,
    fromBot: message.fromBot,
    ...(actionRef ? { actionRef } : {}),
  };
  return redactAndShow(target, ctx, where);
}

async function redactAndShow(
  target: RedactTarget,
  ctx: CommandContext,
  shownAt?: { channelId: string; messageId: string },
): Promise<Reply> {
  let redaction: Redaction;
  try {
    redaction = await redactText(target, ctx.deps, ctx.actor);
  } catch (error) {
    // A second post about an action whose texts are already removed: still change that post.
    if (
      !(
        error instanceof AppError &&
        error.code === 'conflict' &&
        shownAt &&
        target.kind === 'message' &&
        target.actionRef
      )
    )
      throw error;
    return {
      kind: 'channel',
      message: actionPostRemoved(target.actionRef),
      replace: shownAt,
      confirmation: plain(
        'That post now shows that its text was removed; the stored texts had already been removed.',
      ),
    };
  }
  return redaction.kind === 'update' ? updateReply(redaction) : actionReply(redaction, shownAt);
}

function updateReply(r: Extract<Redaction, { kind: 'update' }>): Reply {
  const confirmation = plain(
    `The text of update ${r.update.id} (${r.workstream.code}) is removed from the database, its history and the audit log (${copies(r.copies)}). It now reads: ${r.marker}.${unreadable(r)}`,
  );
  const { channelId, messageId, withdrawnAt } = r.update;
  // A withdrawn update's post already shows no text; one never echoed has no post to change.
  if (!channelId || !messageId || withdrawnAt) return { kind: 'ephemeral', message: confirmation };
  return { kind: 'channel', message: updateMessage(r), confirmation, replace: { channelId, messageId } };
}

function actionReply(
  r: Extract<Redaction, { kind: 'action' }>,
  shownAt?: { channelId: string; messageId: string },
): Reply {
  const ref = formatActionRef(r.action.number);
  const removed = `Removed from ${ref}: ${r.parts.join(', ')}, in the database, its history and the audit log (${copies(r.copies)}). Each now reads: ${r.marker}.${unreadable(r)}`;
  if (shownAt)
    return {
      kind: 'channel',
      message: actionPostRemoved(ref, r.marker),
      replace: shownAt,
      confirmation: plain(removed),
    };
  const posts = `Posts about ${ref} in the channel still show the old text: use the message shortcut “Remove personal data” on each of them to change it.`;
  return { kind: 'ephemeral', message: plain(`${removed}\n${posts}`) };
}

function actionPostRemoved(ref: string, marker?: string) {
  const number = Number(ref.slice(2));
  return actionMessage({
    fallback: `${ref}: ${marker ?? 'text removed: personal data'}`,
    headline: actionSubject(number, marker ?? 'text removed: personal data'),
    context: 'This post showed a text that has since been removed.',
  });
}

const copies = (n: number): string => (n === 1 ? '1 copy rewritten' : `${n} copies rewritten`);

const ROW_WORDS: Record<UnreadableCopy['table'], (id: string) => string> = {
  BoardPack: (id) => `board pack ${id}`,
  PackRequest: () => 'a pre-visit pack kept for a retry',
  AuditLog: (id) => `audit row ${id}`,
  ReminderLog: (id) => `queued notice ${id}`,
};

/**
 * Stored copies that were not valid JSON (corrupt, or edited by hand): the text is replaced there
 * only where it is whole, so the reply must not claim more than that and asks for them to be checked.
 */
function unreadable({ unreadable: rows }: { unreadable: UnreadableCopy[] }): string {
  if (rows.length === 0) return '';
  const names = rows.map((u) => ROW_WORDS[u.table](u.id)).join(', ');
  const [count, was, it] =
    rows.length === 1 ? ['1 stored copy', 'was', 'it'] : [`${rows.length} stored copies`, 'were', 'them'];
  return ` ${count} (${names}) ${was} not valid JSON: the text was removed from ${it} where it was whole, but part of it may be left; ask whoever runs the bot to check ${it}.`;
}
