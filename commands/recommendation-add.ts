/**
 * `/improve recommendation add <ref> <text> [source <kind> [<date>]]` (admins): a recommendation,
 * priority action or measure the plan must cover, with the document it comes from.
 */
import { z } from 'zod';
import { formatUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { parseDateAtStart } from '../src/domain/parse-date.js';
import { parseSourceWords, RECOMMENDATION_SOURCES } from '../src/domain/recommendation.js';
import { toSafeText } from '../src/domain/text.js';
import { addRecommendation } from '../src/services/evidence/add-recommendation.js';
import type { Args } from './args.js';
import { recommendationLine } from './recommendation-format.js';
import { ephemeral } from './replies.js';
import type { CommandContext, Subcommand } from './types.js';

const input = z.object({
  ref: z.string().min(1),
  text: z.string().trim().min(1, 'Say what the recommendation is, after its reference.').max(5000),
  source: z.enum(RECOMMENDATION_SOURCES).optional(),
  sourceDate: z.string().nullable().optional(),
});

export const recommendationAdd: Subcommand<z.infer<typeof input>> = {
  name: 'recommendation add',
  aliases: ['recommendations add', 'rec add'],
  usage:
    'recommendation add <ref> <text> [source <inspection report|monitoring letter|improvement notice|commissioner’s report> [<date>]]',
  summary:
    'Records a recommendation, priority action or measure the plan must cover, and where it comes from (admins). Without a source it is the inspection report’s.',
  examples: [
    'recommendation add R1 Improve the quality and timeliness of assessments source inspection report 14/02/2027',
    'recommendation add PA3 Strengthen management oversight in the duty teams source monitoring letter 20/05/2027',
    'recommendation add IN1 Average caseload at most 25 by 31/03/2028 source improvement notice 01/06/2027',
  ],
  parse: (args, ctx) => parseAdd(args, ctx),
  schema: input,
  async run(value, ctx) {
    const r = await addRecommendation(value, ctx.deps, ctx.actor);
    return ephemeral(
      [
        `<icon:done> Recommendation recorded: ${recommendationLine(r)}.`,
        `It is *not covered* until work is linked to it: \`${ctx.command} recommendation link ${toSafeText(r.ref)} WS1\` (a workstream) or \`… link ${toSafeText(r.ref)} A-12\` (an action).`,
      ].join('\n'),
    );
  },
};

/**
 * The text runs up to the last 'source <kind> [date]': the kind one of the documents, the date (if
 * any) the last words. A 'source' followed by no document is ordinary text.
 */
function parseAdd(args: Args, ctx: CommandContext): unknown {
  const ref = args.word('a reference for the recommendation, such as R1 or PA3');
  if (args.done) throw new AppError('bad_input', 'Say what the recommendation is, after its reference.');
  const tokens = args.tokens.slice(args.tokens.length - args.remaining);
  for (let i = tokens.length - 1; i > 0; i--) {
    if (tokens[i]!.text.toLowerCase() !== 'source') continue;
    const after = tokens.slice(i + 1).map((t) => t.text);
    const source = parseSourceWords(after);
    // 'source' not followed by a document is part of the text ('use the source data better').
    if (!source) continue;
    const dateWords = after.slice(source.used);
    let sourceDate: string | null = null;
    if (dateWords.length > 0) {
      const parsed = parseDateAtStart(dateWords, ctx.today);
      if (!parsed.ok || parsed.used < dateWords.length)
        throw new AppError(
          'bad_input',
          `I could not read “${dateWords.join(' ')}” as the document’s date. Give it as ${formatUkDate(ctx.today)}.`,
        );
      sourceDate = parsed.day;
    }
    const text = args.raw.slice(tokens[0]!.start, tokens[i]!.start).trim();
    args.rest();
    return { ref, text, source: source.source, sourceDate };
  }
  return { ref, text: args.rest() };
}
