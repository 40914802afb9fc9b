/** `/improve visit add <kind> <date>[-<end date>] [theme…]` (admins): records a visit, deadline or board meeting. */
import { z } from 'zod';
import { formatWeekdayUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import {
  EVENT_KIND_CHOICES,
  EVENT_KINDS,
  eventKindLabel,
  eventRef,
  parseEventKindTokens,
} from '../src/domain/event-kind.js';
import { toSafeText } from '../src/domain/text.js';
import { addVisit } from '../src/services/add-visit.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { countdown, eventDates } from './visit-format.js';
import { readDateRange, remainingWords, restAsText, skipWords } from './word-readers.js';

const input = z.object({
  kind: z.enum(EVENT_KINDS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  theme: z
    .string()
    .max(300, 'The theme can be up to 300 characters: a few words the board will recognise.')
    .optional(),
});

export const visitAdd: Subcommand<z.infer<typeof input>> = {
  name: 'visit add',
  aliases: ['visits add', 'event add'],
  usage: 'visit add <kind> <date>[-<end date>] [theme…]',
  summary: `Records an Ofsted or DfE visit, deadline or board meeting (admins); a workstream code in the theme links it. Kinds: ${EVENT_KIND_CHOICES}.`,
  examples: [
    'visit add monitoring 12/03/2027-13/03/2027 Care leavers WS3',
    'visit add focused 12 Mar - 13 Mar Children in need and child protection',
    'visit add deadline 31/03/2027 Improvement plan submitted to Ofsted',
    'visit add board 15/01/2027',
  ],
  parse(args, ctx) {
    const words = remainingWords(args);
    if (words.length === 0)
      throw new AppError('bad_input', `Say what kind of date this is: ${EVENT_KIND_CHOICES}.`);
    const kind = parseEventKindTokens(words);
    if (!kind)
      throw new AppError(
        'bad_input',
        `“${words[0]}” is not a kind of visit I know. Use one of: ${EVENT_KIND_CHOICES}.`,
      );
    skipWords(args, kind.used);
    const { start, end } = readDateRange(
      args,
      `the date of the ${eventKindLabel(kind.kind).toLowerCase()}`,
      ctx.today,
    );
    const theme = restAsText(args);
    return { kind: kind.kind, startDate: start, endDate: end, theme: theme || undefined };
  },
  schema: input,
  async run(value, ctx) {
    const { event, workstreams, past, offDays } = await addVisit(value, ctx.deps, ctx.actor);
    const lines = [
      `<icon:done> *${eventRef(event.number)} ${eventKindLabel(event.kind)}* recorded: ${eventDates(event, formatWeekdayUkDate)}, ${past ? 'already past, so kept for the record' : countdown(event, ctx.today)}.`,
    ];
    if (event.theme) lines.push(`*Theme:* ${toSafeText(event.theme)}`);
    if (workstreams.length > 0)
      lines.push(`*Linked to:* ${workstreams.map((w) => `${w.code} ${toSafeText(w.name)}`).join('; ')}`);
    if (offDays.length > 0)
      lines.push(`<icon:warning> ${offDays.join('; ')}: please check the dates with Ofsted.`);
    lines.push(`To cancel it: \`${ctx.command} visit cancel ${eventRef(event.number)}\``);
    return ephemeral(lines.join('\n'));
  },
};
