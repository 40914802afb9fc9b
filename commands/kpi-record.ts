/** `/improve kpi record <kpi> <value> [for <period>]` (admins and workstream leads). */
import { z } from 'zod';
import { formatUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { parseKpiNumber, parsePeriodAtStart } from '../src/domain/kpi-input.js';
import { toSafeText } from '../src/domain/text.js';
import { type RecordKpiReadingResult, recordKpiReading } from '../src/services/record-kpi-reading.js';
import type { Args } from './args.js';
import { kpiValue, targetText, trendText, verdictText } from './kpi-format.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { remainingWords, skipWords } from './word-readers.js';

const input = z.object({ kpi: z.string().min(1), value: z.number(), period: z.string().optional() });

export const kpiRecord: Subcommand<z.infer<typeof input>> = {
  name: 'kpi record',
  aliases: ['kpis record', 'kpi reading'],
  usage: 'kpi record <kpi> <value> [for <period>]',
  summary:
    'Records a reading: the target in force, whether the KPI is on track, off track, met or missed, and the trend (admins and leads).',
  examples: [
    'kpi record "Caseload average" 28',
    'kpi record caseload 27.5 for October',
    'kpi record "CP visits" 86% for 31/03/2027',
  ],
  parse(args, ctx) {
    const { kpi, value } = readKpiAndValue(args);
    let period: string | undefined;
    if (args.optionalWord((w) => /^for:?$/i.test(w))) {
      const parsed = parsePeriodAtStart(remainingWords(args), ctx.today);
      if (!parsed.ok) throw new AppError('bad_input', parsed.message);
      skipWords(args, parsed.used);
      period = parsed.day;
    }
    if (!args.done)
      throw new AppError(
        'bad_input',
        `I didn't understand “${args.rest()}” at the end. To give the period, write “for” and a date, such as “for 31/10/2026” or “for October”.`,
      );
    return { kpi, value, period };
  },
  schema: input,
  async run(value, ctx) {
    return ephemeral(readingReply(await recordKpiReading(value, ctx.deps, ctx.actor)));
  },
};

/** The KPI name (quoted, or every word before the number) and the value. */
function readKpiAndValue(args: Args): { kpi: string; value: number } {
  const words = remainingWords(args);
  if (words.length === 0) throw new AppError('bad_input', 'Name the KPI, then give the reading.');
  const end = words.findIndex((w, i) => i >= 1 && /^for:?$/i.test(w));
  const head = end === -1 ? words : words.slice(0, end);
  const at = head.findIndex((w, i) => i >= 1 && parseKpiNumber(w) !== null);
  if (at === -1) {
    if (head.length < 2)
      throw new AppError(
        'bad_input',
        `Give the reading after the KPI name, such as \`kpi record "${words[0]}" 23\`.`,
      );
    throw new AppError(
      'bad_input',
      `“${head.at(-1)}” is not a number. Give the reading as a number, such as 23, 27.5 or 86%.`,
    );
  }
  skipWords(args, at + 1);
  return { kpi: head.slice(0, at).join(' '), value: parseKpiNumber(head[at]!)! };
}

function readingReply(r: RecordKpiReadingResult): string {
  const lines = [
    `<icon:done> *${toSafeText(r.kpi.name)}* for ${formatUkDate(r.reading.period)}: *${kpiValue(r.reading.value, r.kpi)}*`,
  ];
  if (r.replacedValue !== null)
    lines.push(
      `This replaces the reading of ${kpiValue(r.replacedValue, r.kpi)} already recorded for that day.`,
    );
  lines.push(
    r.target
      ? `Target in force: ${targetText(r.target, r.kpi)}: ${verdictText(r.verdict)}`
      : 'No target is set for this KPI.',
  );
  const previous = r.previous
    ? ` (previous reading ${kpiValue(r.previous.value, r.kpi)} for ${formatUkDate(r.previous.period)})`
    : '';
  lines.push(`Trend: ${trendText(r.trend)}${previous}`);
  return lines.join('\n');
}
