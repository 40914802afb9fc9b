/** `/improve visit move <ref> <date>[-<end date>]` (admins): a rescheduled visit keeps its reference. */
import { z } from 'zod';
import { formatWeekdayUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { eventKindLabel, eventRef } from '../src/domain/event-kind.js';
import { moveVisit } from '../src/services/move-visit.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { countdown, eventDates } from './visit-format.js';
import { readDateRange } from './word-readers.js';

const input = z.object({ ref: z.string().min(1), startDate: z.string(), endDate: z.string().nullable() });

export const visitMove: Subcommand<z.infer<typeof input>> = {
  name: 'visit move',
  aliases: ['visits move', 'event move', 'visit reschedule'],
  usage: 'visit move <ref> <date>[-<end date>]',
  summary: 'Moves a visit or date to new dates (admins); its countdowns follow the new date.',
  examples: ['visit move V-3 19/03/2027-20/03/2027', 'visit move V-4 22 Jan'],
  parse(args, ctx) {
    const ref = args.word('the reference of the visit, such as V-3 (see `visit list`)');
    const { start, end } = readDateRange(args, 'the new date', ctx.today);
    if (!args.done) throw new AppError('bad_input', `I didn't understand “${args.rest()}” after the dates.`);
    return { ref, startDate: start, endDate: end };
  },
  schema: input,
  async run(value, ctx) {
    const { event, before, warnings } = await moveVisit(value, ctx.deps, ctx.actor);
    const lines = [
      `<icon:done> Moved *${eventRef(event.number)} ${eventKindLabel(event.kind)}* from ${eventDates(before)} to ${eventDates(event, formatWeekdayUkDate)}, ${countdown(event, ctx.today)}. Its countdowns follow the new date.`,
    ];
    for (const warning of warnings)
      lines.push(
        `<icon:warning> ${warning}: is that right? If not, move it again with \`${ctx.command} visit move ${eventRef(event.number)} &lt;date&gt;\`.`,
      );
    return ephemeral(lines.join('\n'));
  },
};
