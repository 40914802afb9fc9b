/**
 * `/improve kpi add <name> <unit> <higher|lower> [weekly|monthly] [workstream <ws>] [target <value> by <date>]…`
 * (admins). A KPI added with a workstream shows on that workstream's report card, and its leads may record it.
 */
import { z } from 'zod';
import { type Day, formatWeekdayUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { normaliseKpiUnit, parseKpiDirection, parseKpiNumber } from '../src/domain/kpi-input.js';
import { toSafeText } from '../src/domain/text.js';
import { addKpi } from '../src/services/add-kpi.js';
import type { Args } from './args.js';
import { directionText, targetText } from './kpi-format.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { remainingWords, skipWords } from './word-readers.js';

const input = z.object({
  name: z.string().min(2, 'Give the KPI a name.').max(80, 'The KPI name can be up to 80 characters.'),
  unit: z.string().min(1).max(20, 'The unit can be up to 20 characters, such as %, cases or days.'),
  direction: z.enum(['higher', 'lower']),
  frequency: z.enum(['weekly', 'monthly']),
  targets: z
    .array(z.object({ value: z.number(), byDate: z.string() }))
    .max(12, 'A KPI can have up to 12 dated targets.'),
  workstream: z.string().optional(),
});

export const kpiAdd: Subcommand<z.infer<typeof input>> = {
  name: 'kpi add',
  aliases: ['kpis add'],
  usage:
    'kpi add <name> <unit> <higher|lower> [weekly|monthly] [workstream <ws>] [target <value> by <date>]…',
  summary:
    'Adds a KPI with its unit, which way is better, how often it is read (monthly unless you say weekly), optionally the workstream it belongs to, and its dated targets (admins).',
  examples: [
    'kpi add "Caseload average" cases lower target 30 by 31/12/2026 target 25 by 31/03/2027',
    'kpi add "CP visits in timescale" % higher weekly target 75 by 31/03/2027 target 85 by 30/06/2027',
    'kpi add "Caseload average" cases lower target 30 by end of December target 25 by March 2027',
    'kpi add "Agency social workers" % lower workstream WS1 target 15% by 31/03/2027',
  ],
  parse(args, ctx) {
    const { name, unit, direction } = readHead(args);
    // Readings are monthly unless the KPI is said to be weekly: most DfE measures are monthly.
    const frequencyWord = args.optionalWord((w) => /^(weekly|monthly)$/i.test(w));
    const frequency = frequencyWord?.toLowerCase() === 'weekly' ? 'weekly' : 'monthly';
    const targets: { value: number; byDate: Day }[] = [];
    let workstream: string | undefined;
    while (!args.done) {
      const word = args.word('a target');
      if (/^workstream:?$/i.test(word) && workstream === undefined) {
        workstream = args.word('the workstream (its code such as WS1, or its name in quotes)');
        continue;
      }
      if (!/^targets?:?$/i.test(word))
        throw new AppError(
          'bad_input',
          `I expected “target <value> by <date>” or “workstream <code>” but found “${word}”.`,
        );
      const valueWord = args.word('the target value, such as 30 or 75%');
      const value = parseKpiNumber(valueWord);
      if (value === null)
        throw new AppError(
          'bad_input',
          `“${valueWord}” is not a number. Give the target as a number, such as 30 or 75%.`,
        );
      args.optionalWord((w) => /^by:?$/i.test(w));
      targets.push({ value, byDate: args.date('the date the target is due', ctx.today) });
      args.optionalWord((w) => /^(,|and|then)$/i.test(w));
    }
    return { name, unit, direction, frequency, targets, ...(workstream ? { workstream } : {}) };
  },
  schema: input,
  async run(value, ctx) {
    const kpi = await addKpi(value, ctx.deps, ctx.actor);
    const name = toSafeText(kpi.name);
    const targets =
      kpi.targets.length > 0
        ? kpi.targets.map((t) => targetText(t, kpi, formatWeekdayUkDate)).join('; ')
        : 'none yet';
    const ws = kpi.workstream ? `, workstream ${kpi.workstream.code} ${toSafeText(kpi.workstream.name)}` : '';
    return ephemeral(
      `<icon:done> Added KPI *${name}* (${toSafeText(kpi.unit)}, ${directionText(kpi)}, read ${kpi.frequency}${ws}).\n*Targets:* ${targets}\nRecord a reading with \`${ctx.command} kpi record "${name}" &lt;value&gt;\`.`,
    );
  },
};

/**
 * Name, unit and direction. A name typed without quotes is read up to the word before 'higher' or
 * 'lower', so `kpi add Caseload average cases lower` still works.
 */
function readHead(args: Args): { name: string; unit: string; direction: 'higher' | 'lower' } {
  const words = remainingWords(args);
  if (words.length === 0)
    throw new AppError('bad_input', 'Give the KPI name, its unit and whether higher or lower is better.');
  const at = words.findIndex((w, i) => i >= 1 && parseKpiDirection(w) !== null);
  if (at === -1)
    throw new AppError('bad_input', 'Say whether higher or lower is better, after the name and the unit.');
  if (at === 1)
    throw new AppError('bad_input', `Give the unit before “${words[1]}”, such as %, cases or days.`);
  skipWords(args, at + 1);
  return {
    name: words.slice(0, at - 1).join(' '),
    unit: normaliseKpiUnit(words[at - 1]!),
    direction: parseKpiDirection(words[at]!)!,
  };
}
