/**
 * `/improve visit done <ref> [letter <date>] <headline> [priority actions: a; b; c]` (admins): the
 * visit's outcome from its letter. Each priority action, separated by semicolons, becomes a
 * recommendation V<n>-PA<k> that coverage then tracks.
 */
import { z } from 'zod';
import { formatUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { eventKindLabel, eventRef } from '../src/domain/event-kind.js';
import { toSafeText } from '../src/domain/text.js';
import { recordVisitOutcome } from '../src/services/evidence/record-visit-outcome.js';
import { recommendationLine } from './recommendation-format.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.object({
  ref: z.string().min(1),
  letterDate: z.string().nullable(),
  headline: z.string().trim().min(1, 'Give the letter’s headline after the visit’s reference.').max(2000),
  priorityActions: z
    .array(z.string().trim().min(3, 'Each priority action needs a few words.').max(2000))
    .max(20),
});

const MARKER = /\bpriority actions?\s*:/i;

export const visitDone: Subcommand<z.infer<typeof input>> = {
  name: 'visit done',
  aliases: ['visits done', 'visit outcome', 'event done'],
  usage: 'visit done <ref> [letter <date>] <headline> [priority actions: <first>; <second>; …]',
  summary:
    'Records a visit’s outcome from its letter (admins): the headline and the letter’s date (today unless given). Each priority action becomes a recommendation of source “monitoring letter” that `coverage` tracks.',
  examples: [
    'visit done V-2 letter 20/05/2027 Insufficient progress in the front door priority actions: Management oversight of contacts; Timeliness of strategy discussions',
    'visit done V-3 Progress in care leavers’ pathway plans',
  ],
  parse(args, ctx) {
    const ref = args.word('the reference of the visit, such as V-3 (see `visit list`)');
    let letterDate: string | null = null;
    if (args.peek()?.toLowerCase() === 'letter' && args.remaining > 1) {
      args.word('letter');
      letterDate = args.date('the letter’s date', ctx.today);
    }
    const text = args.rest().trim();
    const marker = MARKER.exec(text);
    const headline = (marker ? text.slice(0, marker.index) : text).trim();
    const priorityActions = marker
      ? text
          .slice(marker.index + marker[0].length)
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    if (marker && priorityActions.length === 0)
      throw new AppError('bad_input', 'After “priority actions:” list them, separated by semicolons.');
    return { ref, letterDate, headline, priorityActions };
  },
  schema: input,
  async run(value, ctx) {
    const { event, recommendations } = await recordVisitOutcome(value, ctx.deps, ctx.actor);
    const lines = [
      `<icon:done> *${eventRef(event.number)} ${eventKindLabel(event.kind)}* outcome recorded: “${toSafeText(event.outcome ?? '')}” (letter of ${formatUkDate(event.outcomeDate ?? ctx.today)}).`,
    ];
    if (recommendations.length > 0)
      lines.push(
        `*New priority actions (${recommendations.length}):*`,
        ...recommendations.map((r) => `• ${recommendationLine(r)}`),
        `Each is *not covered* until work is linked: \`${ctx.command} recommendation link ${recommendations[0]!.ref} WS1\`.`,
      );
    return ephemeral(lines.join('\n'));
  },
};
