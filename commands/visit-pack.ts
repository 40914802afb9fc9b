/**
 * `/improve visit pack <ref> [pdf|docx]` (admins and workstream leads, as `pack`): the pre-visit
 * pack, everything on the visit's workstreams since the previous visit, as PDF and Word (or the
 * one asked for), shared in the channel by the same upload as the board pack. Refusals (who may,
 * a reference that names no visit, a word it cannot read) come at once and write nothing. Once
 * per request, as `pack`: a retry shares nothing twice (services/board-pack/pack-request.ts).
 */
import { z } from 'zod';
import { ChatError } from '../src/chat/chat.js';
import { plain } from '../src/chat/message.js';
import type { PackRequest } from '../src/db/generated/sqlite/client.js';
import { formatLongDate } from '../src/domain/dates.js';
import { AppError, isAppError } from '../src/domain/errors.js';
import { eventKindLabel, eventRef } from '../src/domain/event-kind.js';
import {
  earlierPackRequest,
  earlierState,
  sharePackOnce,
  takeOverSharing,
} from '../src/services/board-pack/pack-request.js';
import {
  checkVisitPackRequest,
  type ProducedVisitPack,
  produceVisitPack,
  reproduceVisitPack,
  type VisitPackFormat,
} from '../src/services/visit-pack/produce-visit-pack.js';
import type { CommandContext, Subcommand } from './types.js';

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
    const channel = `<channel:${ctx.channelId}>`;
    const done = plain(`<icon:done> The pre-visit pack for ${name} is in ${channel}.`);
    const onItsWay = plain(
      `<icon:hourglass> The pre-visit pack for ${name} on ${when} is already on its way: the files will appear in ${channel} in a moment.`,
    );
    // A retry of a request already answered answers as the first attempt did, producing nothing.
    const repeat = (row: PackRequest | null) => (row?.sharedAt ? done : onItsWay);
    const earlier = await earlierPackRequest(ctx.deps, ctx.actor, 'visit_pack');
    if (earlier && earlierState(earlier, ctx.deps.clock.now()) !== 'unshared')
      return { kind: 'ephemeral', message: repeat(earlier) };
    return {
      kind: 'ephemeral',
      message: plain(
        `<icon:hourglass> Producing the pre-visit pack for ${name} on ${when}. The files will appear in ${channel} in a moment.`,
      ),
      followUp: async () => {
        let produced: ProducedVisitPack;
        try {
          produced = await producedOrStored(ctx, { ref, format }, earlier);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'duplicate_request') throw error;
          return repeat(await earlierPackRequest(ctx.deps, ctx.actor, 'visit_pack'));
        }
        const codes = produced.snapshot.workstreams.map((w) => w.code).join(', ') || 'no workstream';
        let shared: boolean;
        try {
          shared = await sharePackOnce(ctx.deps, ctx.actor, produced.lease, () =>
            upload(
              ctx.channelId,
              produced.files,
              plain(
                `*Pre-visit pack* for ${name} on ${when}, produced by <person:${ctx.actor.userId}>: ${codes}, since ${formatLongDate(produced.snapshot.sinceDay)}.`,
              ),
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
        // Slower than its lease, this attempt left the sharing to a retry of the same request.
        return shared ? done : onItsWay;
      },
    };
  },
};

/** A new pack, or the one an earlier attempt at this request stored and never shared (see pack.ts). */
async function producedOrStored(
  ctx: CommandContext,
  input: { ref: string; format: VisitPackFormat },
  earlier: PackRequest | null,
): Promise<ProducedVisitPack> {
  if (!earlier) return produceVisitPack(ctx.deps, ctx.actor, input);
  const taken = await takeOverSharing(ctx.deps, earlier);
  if (!taken) throw new AppError('duplicate_request', 'That pack is being shared already.');
  return reproduceVisitPack(taken);
}
