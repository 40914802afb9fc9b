/** `/improve visit list`: upcoming visits, deadlines and board meetings with a countdown, then recent ones. */
import { z } from 'zod';
import { listVisits } from '../src/services/list-visits.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { eventLine } from './visit-format.js';
import { expectNoMoreWords } from './word-readers.js';

export const visitList: Subcommand<Record<string, never>> = {
  name: 'visit list',
  aliases: ['visit', 'visits', 'visits list', 'events'],
  usage: 'visit list',
  summary: 'Upcoming visits, deadlines and board meetings with a countdown, then recent ones.',
  examples: ['visit list'],
  parse(args) {
    expectNoMoreWords(args, ['visit add', 'visit list', 'visit cancel', 'visit done', 'visit pack']);
    return {};
  },
  schema: z.object({}),
  async run(_value, ctx) {
    const { today, upcoming, past } = await listVisits(ctx.deps, ctx.actor);
    if (upcoming.length === 0 && past.length === 0) {
      return ephemeral(
        `No visits, deadlines or board meetings are recorded yet. An admin can add one, for example \`${ctx.command} visit add monitoring 12/03/2027-13/03/2027 Care leavers\`.`,
      );
    }
    const lines = [
      '*Coming up*',
      ...(upcoming.length > 0 ? upcoming.map((e) => `• ${eventLine(e, today)}`) : ['Nothing booked.']),
    ];
    if (past.length > 0) lines.push('', '*Recent*', ...past.map((e) => `• ${eventLine(e, today)}`));
    return ephemeral(lines.join('\n'));
  },
};
