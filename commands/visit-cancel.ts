/** `/improve visit cancel <ref> [reason]` (admins): the event stays on record as cancelled. */
import { z } from 'zod';
import { eventKindLabel, eventRef } from '../src/domain/event-kind.js';
import { cancelVisit } from '../src/services/cancel-visit.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { eventDates } from './visit-format.js';
import { restAsText } from './word-readers.js';

const input = z.object({
  ref: z.string().min(1),
  reason: z.string().max(500, 'The reason can be up to 500 characters.').optional(),
});

export const visitCancel: Subcommand<z.infer<typeof input>> = {
  name: 'visit cancel',
  aliases: ['visits cancel', 'event cancel'],
  usage: 'visit cancel <ref> [reason]',
  summary: 'Cancels a visit or date by its reference, e.g. V-3 (admins); it stays on record.',
  examples: ['visit cancel V-3', 'visit cancel V-4 Ofsted moved the visit to May'],
  parse: (args) => ({
    ref: args.word('the reference of the visit, such as V-3 (see `visit list`)'),
    reason: restAsText(args) || undefined,
  }),
  schema: input,
  async run(value, ctx) {
    const event = await cancelVisit(value, ctx.deps, ctx.actor);
    return ephemeral(
      `<icon:done> Cancelled *${eventRef(event.number)} ${eventKindLabel(event.kind)}* (${eventDates(event)}). It no longer shows in \`${ctx.command} visit list\`.`,
    );
  },
};
