/**
 * `/improve visit pack <ref> [pdf|docx]` (admins and workstream leads, as `pack`): the pre-visit
 * pack, everything on the visit's workstreams since the previous visit, as PDF and Word (or the
 * one asked for), shared in the channel by the same upload as the board pack. Refusals (who may,
 * a reference that names no visit, a word it cannot read) come at once and write nothing.
 */
import { z } from 'zod';
import { ChatError } from '../src/chat/chat.js';
import { plain } from '../src/chat/message.js';
import { formatLongDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { eventKindLabel, eventRef } from '../src/domain/event-kind.js';
import { checkVisitPackRequest, produceVisitPack } from '../src/services/visit-pack/produce-visit-pack.js';
import type { Subcommand } from './types.js';

const input = z.object({ ref: z.string().min(1), format: z.enum(['pdf', 'docx', 'both']) });

const FORMATS: Readonly<Record<string, 'pdf' | 'docx'>> = { pdf: 'pdf', docx: 'docx', word: 'docx' };

export const visitPack: Subcommand<z.infer<typeof input>> = {
  name: 'visit pack',
  aliases: ['visits pack', 'pre-visit pack', 'previsit pack'],
  usage: 'visit pack <ref> [pdf|docx]',
  summary:
    'Produces the pre-visit pack for a visit (admins and leads): for each workstream linked to it, the RAG history with reasons, updates, actions with their evidence, KPIs and recommendations since the previous visit, as PDF and Word (or only the one named), shared in this channel.',
  examples: ['visit pack V-2', 'visit pack V-2 pdf', 'visit pack V-3 docx'],
  parse(args) {
    const ref = args.word('the reference of the visit, such as V-3 (see `visit list`)');
    if (args.done) return { ref, format: 'both' };
    const word = args.word('pdf or docx');
    const format = FORMATS[word.toLowerCase()];
    if (!format || !args.done)
      throw new AppError(
        'bad_input',
        `After the visit's reference, \`visit pack\` takes only pdf or docx (I read “${format ? args.peek() : word}”).`,
      );
    return { ref, format };
  },
  schema: input,
  async run({ ref, format }, ctx) {
    const chat = ctx.chat;
    if (!chat?.uploadFiles)
      throw new AppError(
        'bad_input',
        'I cannot share files here yet, so I cannot produce the pre-visit pack.',
      );
    const upload = chat.uploadFiles.bind(chat);
    const { visit } = await checkVisitPackRequest(ctx.deps, ctx.actor, ref);
    const name = `${eventRef(visit.number)} ${eventKindLabel(visit.kind)}`;
    const when = formatLongDate(visit.startDate);
    return {
      kind: 'ephemeral',
      message: plain(
        `<icon:hourglass> Producing the pre-visit pack for ${name} on ${when}. The files will appear in <channel:${ctx.channelId}> in a moment.`,
      ),
      followUp: async () => {
        const produced = await produceVisitPack(ctx.deps, ctx.actor, { ref, format });
        const codes = produced.snapshot.workstreams.map((w) => w.code).join(', ') || 'no workstream';
        try {
          await upload(
            ctx.channelId,
            produced.files,
            plain(
              `*Pre-visit pack* for ${name} on ${when}, produced by <person:${ctx.actor.userId}>: ${codes}, since ${formatLongDate(produced.snapshot.sinceDay)}.`,
            ),
          );
        } catch (error) {
          if (!(error instanceof ChatError)) throw error;
          return plain(
            error.code === 'missing_permission'
              ? '<icon:warning> The pre-visit pack was produced, but the app may not share files here: it needs the files:write permission. Ask an admin to reinstall the app, then try again.'
              : `<icon:warning> The pre-visit pack was produced, but the files could not be shared just now (${error.detail}). Please try \`visit pack ${eventRef(visit.number)}\` again in a minute.`,
          );
        }
        return plain(`<icon:done> The pre-visit pack for ${name} is in <channel:${ctx.channelId}>.`);
      },
    };
  },
};
