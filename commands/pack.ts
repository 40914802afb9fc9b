/**
 * `/improve pack [board date]` (admins and workstream leads): produces the board pack (PDF, Word,
 * a workbook and CSVs of the RAG summary sheet and action log) and shares it in the channel. Beside
 * the plan it carries the board's requests, the coverage of every recommendation and, as an
 * appendix, the audit trail of the period.
 * Refusals (who may, a bad or past date) come at once and write nothing; the pack itself is
 * produced after the platform is answered, as it takes a few seconds. Once per request: a retry of
 * the same request (services/board-pack/pack-request.ts) says where the first attempt's pack is, or
 * that it is on its way, or shares the stored pack the first attempt never shared.
 */
import { z } from 'zod';
import { ChatError } from '../src/chat/chat.js';
import { plain } from '../src/chat/message.js';
import type { PackRequest } from '../src/db/generated/sqlite/client.js';
import type { Day } from '../src/domain/dates.js';
import { formatLongDate } from '../src/domain/dates.js';
import { AppError, isAppError } from '../src/domain/errors.js';
import {
  earlierPackRequest,
  earlierState,
  sharePackOnce,
  takeOverSharing,
} from '../src/services/board-pack/pack-request.js';
import {
  checkPackRequest,
  type ProducedPack,
  produceBoardPack,
  reproduceBoardPack,
} from '../src/services/board-pack/produce-board-pack.js';
import type { BoardPackSnapshot } from '../src/services/board-pack/types.js';
import type { CommandContext, Subcommand } from './types.js';

/** 'the board requests (2), recommendation coverage (1 not covered) and the audit trail (14 changes)'. */
function evidenceWords(pack: BoardPackSnapshot): string {
  const requests = pack.boardRequests?.length ?? 0;
  const notCovered = pack.coverage?.counts.not_covered ?? 0;
  const changes = pack.audit?.rows.length ?? 0;
  return `the board requests (${requests}), recommendation coverage (${notCovered} not covered) and the audit trail (${changes} ${changes === 1 ? 'change' : 'changes'})`;
}

const input = z.object({ boardDate: z.string().optional() });

export const pack: Subcommand<z.infer<typeof input>> = {
  name: 'pack',
  aliases: ['board pack'],
  usage: 'pack [board date]',
  summary:
    'Produces the board pack for a board meeting (admins and leads): the RAG summary sheet, exception report, KPI scorecard, action log, board requests, recommendation coverage and the audit trail since the last pack, as PDF, Word and Excel, shared in this channel. Without a date, the next board meeting in the calendar (or today).',
  examples: ['pack', 'pack 15/01/2027', 'pack next thursday'],
  parse(args, ctx) {
    if (args.done) return {};
    const boardDate = args.date('the date of the board meeting', ctx.today);
    if (!args.done)
      throw new AppError(
        'bad_input',
        `After the board date, \`pack\` takes nothing more (I read “${args.peek()}”).`,
      );
    return { boardDate };
  },
  schema: input,
  async run({ boardDate }, ctx) {
    const chat = ctx.chat;
    if (!chat?.uploadFiles)
      throw new AppError(
        'bad_input',
        'I cannot share files here yet. An admin can produce the pack with `npm run pack` on the server.',
      );
    const upload = chat.uploadFiles.bind(chat);
    const checked = await checkPackRequest(ctx.deps, ctx.actor, boardDate);
    const when = formatLongDate(checked.boardDate);
    const channel = `<channel:${ctx.channelId}>`;
    const done = (id: number | null) =>
      plain(
        `<icon:done> The board pack for ${when} is in ${channel}${id === null ? '' : ` (pack ${id})`}. The next pack will show movement since this one.`,
      );
    const onItsWay = plain(
      `<icon:hourglass> The board pack for the board on ${when} is already on its way: the files will appear in ${channel} in a moment.`,
    );
    // A retry of a request already answered answers as the first attempt did, producing nothing.
    const repeat = (row: PackRequest | null) => (row?.sharedAt ? done(row.boardPackId) : onItsWay);
    const earlier = await earlierPackRequest(ctx.deps, ctx.actor, 'board_pack');
    if (earlier && earlierState(earlier, ctx.deps.clock.now()) !== 'unshared')
      return { kind: 'ephemeral', message: repeat(earlier) };
    return {
      kind: 'ephemeral',
      message: plain(
        `<icon:hourglass> Producing the board pack for the board on ${when}. The files will appear in ${channel} in a moment.`,
      ),
      followUp: async () => {
        let produced: ProducedPack;
        try {
          produced = await producedOrStored(ctx, checked.boardDate, earlier);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'duplicate_request') throw error;
          return repeat(await earlierPackRequest(ctx.deps, ctx.actor, 'board_pack'));
        }
        const reds = produced.snapshot.exceptions.length;
        let shared: boolean;
        try {
          shared = await sharePackOnce(ctx.deps, ctx.actor, produced.lease, () =>
            upload(
              ctx.channelId,
              produced.files,
              plain(
                `*Board pack* for the board on ${when}, produced by <person:${ctx.actor.userId}>: the RAG summary sheet, the exception report (${reds} Red), the KPI scorecard, the action log, ${evidenceWords(produced.snapshot)}, as PDF, Word and Excel.`,
              ),
            ),
          );
        } catch (error) {
          if (!(error instanceof ChatError)) throw error;
          return plain(
            error.code === 'missing_permission'
              ? `<icon:warning> The pack was produced (pack ${produced.id}), but the app may not share files here: it needs the files:write permission. Ask an admin to reinstall the app, then try again.`
              : `<icon:warning> The pack was produced (pack ${produced.id}), but the files could not be shared just now (${error.detail}). Please try \`pack\` again in a minute.`,
          );
        }
        // Slower than its lease, this attempt left the sharing to a retry of the same request.
        return shared ? done(produced.id) : onItsWay;
      },
    };
  },
};

/**
 * A new pack, or, when an earlier attempt at this request stored one and never shared it (it
 * crashed, or its upload failed), that very pack, once this attempt has taken over sharing it.
 */
async function producedOrStored(
  ctx: CommandContext,
  boardDate: Day,
  earlier: PackRequest | null,
): Promise<ProducedPack> {
  if (!earlier) return produceBoardPack(ctx.deps, ctx.actor, boardDate);
  const taken = await takeOverSharing(ctx.deps, earlier);
  if (!taken?.boardPackId) throw new AppError('duplicate_request', 'That pack is being shared already.');
  const stored = await reproduceBoardPack(ctx.deps, ctx.actor.workspaceId, taken.boardPackId);
  return { ...stored, lease: taken.shareUntil };
}
