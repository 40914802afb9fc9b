/**
 * `/improve kpi target add <kpi> <value> by <date> | change <kpi> <date> <value> [by <new date>] |
 * remove <kpi> <date>` (admins and the KPI's workstream leads): edits a KPI's trajectory.
 */
import { z } from 'zod';
import { type Day, formatUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { parseKpiNumber } from '../src/domain/kpi-input.js';
import { parseDateAtStart } from '../src/domain/parse-date.js';
import { toSafeText } from '../src/domain/text.js';
import { type EditKpiTargetResult, editKpiTarget } from '../src/services/kpis/edit-kpi-target.js';
import { targetText } from './kpi-format.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { remainingWords } from './word-readers.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const input = z.object({
  kpi: z.string().min(1),
  edit: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('add'), value: z.number(), byDate: day }),
    z.object({ kind: z.literal('change'), byDate: day, value: z.number(), newByDate: day.optional() }),
    z.object({ kind: z.literal('remove'), byDate: day }),
  ]),
});

const USAGE =
  'kpi target add <kpi> <value> by <date> | change <kpi> <date> <value> [by <new date>] | remove <kpi> <date>';

/** The first split of `words` where the KPI's name (at least one word) is followed by a date. */
function nameThenDate(words: string[], today: Day): { kpi: string; day: Day; rest: string[] } | null {
  for (let i = 1; i < words.length; i += 1) {
    const parsed = parseDateAtStart(words.slice(i), today);
    if (parsed.ok)
      return { kpi: words.slice(0, i).join(' '), day: parsed.day, rest: words.slice(i + parsed.used) };
  }
  return null;
}

function dateAfterBy(words: string[], today: Day, what: string): Day {
  if (!/^by:?$/i.test(words[0] ?? ''))
    throw new AppError('bad_input', `Give ${what} after “by”, such as “by 31/03/2027”. Usage: ${USAGE}`);
  const parsed = parseDateAtStart(words.slice(1), today);
  if (!parsed.ok) throw new AppError('bad_input', parsed.message);
  if (parsed.used !== words.length - 1)
    throw new AppError(
      'bad_input',
      `I didn't understand “${words.slice(1 + parsed.used).join(' ')}” at the end.`,
    );
  return parsed.day;
}

function number(word: string | undefined): number {
  const value = word === undefined ? null : parseKpiNumber(word);
  if (value === null)
    throw new AppError(
      'bad_input',
      `${word === undefined ? 'Give the target value' : `“${word}” is not a number`}: give the target as a number, such as 30 or 75%.`,
    );
  return value;
}

function parseAdd(words: string[], today: Day): z.infer<typeof input> {
  const by = words.findIndex((w, i) => i >= 2 && /^by:?$/i.test(w));
  if (by === -1)
    throw new AppError('bad_input', `Say the KPI, the target value and “by” the date. Usage: ${USAGE}`);
  const value = number(words[by - 1]);
  return {
    kpi: words.slice(0, by - 1).join(' '),
    edit: { kind: 'add', value, byDate: dateAfterBy(words.slice(by), today, 'the date') },
  };
}

function parseChange(words: string[], today: Day): z.infer<typeof input> {
  const found = nameThenDate(words, today);
  if (!found)
    throw new AppError(
      'bad_input',
      `Say the KPI, the date of the target to change and its new value. Usage: ${USAGE}`,
    );
  const value = number(found.rest[0]);
  const rest = found.rest.slice(1);
  const newByDate = rest.length > 0 ? dateAfterBy(rest, today, 'the new date') : undefined;
  return {
    kpi: found.kpi,
    edit: { kind: 'change', byDate: found.day, value, ...(newByDate ? { newByDate } : {}) },
  };
}

function parseRemove(words: string[], today: Day): z.infer<typeof input> {
  const found = nameThenDate(words, today);
  if (!found || found.rest.length > 0)
    throw new AppError('bad_input', `Say the KPI and the date of the target to remove. Usage: ${USAGE}`);
  return { kpi: found.kpi, edit: { kind: 'remove', byDate: found.day } };
}

function trajectory(r: EditKpiTargetResult, targets: { value: number; byDate: Day }[]): string {
  return targets.length > 0 ? targets.map((t) => targetText(t, r.kpi)).join('; ') : 'none';
}

export const kpiTarget: Subcommand<z.infer<typeof input>> = {
  name: 'kpi target',
  aliases: ['kpi targets'],
  usage: USAGE,
  summary:
    'Adds, changes or removes a dated target of a KPI when the trajectory is reset (admins and the KPI’s workstream leads).',
  examples: [
    'kpi target add "Caseload average" 22 by 30/06/2027',
    'kpi target change "Caseload average" 31/03/2027 24 by 30/04/2027',
    'kpi target remove "Caseload average" 30/06/2027',
  ],
  parse(args, ctx) {
    const verb = args.word('add, change or remove').toLowerCase();
    const words = remainingWords(args);
    if (verb === 'add') return parseAdd(words, ctx.today);
    if (verb === 'change') return parseChange(words, ctx.today);
    if (verb === 'remove') return parseRemove(words, ctx.today);
    throw new AppError(
      'bad_input',
      `Say add, change or remove after “kpi target”, not “${verb}”. Usage: ${USAGE}`,
    );
  },
  schema: input,
  async run(value, ctx) {
    const r = await editKpiTarget(value, ctx.deps, ctx.actor);
    const e = value.edit;
    const done =
      e.kind === 'add'
        ? `Added the target ${targetText({ value: e.value, byDate: e.byDate }, r.kpi)}`
        : e.kind === 'remove'
          ? `Removed the target for ${formatUkDate(e.byDate)}`
          : `Changed the target for ${formatUkDate(e.byDate)} to ${targetText({ value: e.value, byDate: e.newByDate ?? e.byDate }, r.kpi)}`;
    return ephemeral(
      `<icon:done> ${done} of *${toSafeText(r.kpi.name)}*.\n*Targets were:* ${trajectory(r, r.before)}\n*Targets now:* ${trajectory(r, r.after)}`,
    );
  },
};
