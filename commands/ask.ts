/**
 * `/improve ask <workstream> @owner <due> <text>`: records what the Improvement Board asked for,
 * with an owner and a due date. A board request is an action of kind 'board_request', so
 * it is reminded, completed (`action done`), verified, extended and reassigned like any action,
 * and its history and audit trail are the action's; the digest lists it until it is closed.
 */
import type { z } from 'zod';
import { formatLongDate, formatUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { takeAddAnyway } from '../src/domain/similar-actions.js';
import { toSafeText } from '../src/domain/text.js';
import { addAction } from '../src/services/add-action.js';
import { actionAddInput } from './action-add.js';
import { actionMessage, actionPost, actionSubject } from './action-replies.js';
import type { Subcommand } from './types.js';

export const ask: Subcommand<z.infer<typeof actionAddInput>> = {
  name: 'ask',
  aliases: ['board ask', 'board request'],
  usage: 'ask <workstream> @owner <due date> <what the board asked for>',
  summary:
    'Records a request from the Improvement Board as a tracked item (A-12) with an owner and a due date, reminded like an action and shown in the digest until it is done (admins and the workstream’s leads).',
  examples: [
    'ask WS1 @jo.bloggs 31/01/2027 A report on agency social worker numbers by team',
    'ask practice @sam in 4 weeks A dip-sample of 20 strategy discussions',
  ],
  parse(args, ctx) {
    const target = args.target('a workstream (its code such as WS1, or its name in quotes)');
    const ownerUserId = args.optionalWord((w) => ['me', 'myself'].includes(w.toLowerCase()))
      ? ctx.actor.userId
      : args.user('the owner');
    const dueDate = args.date('the due date', ctx.today);
    if (args.done) throw new AppError('bad_input', 'Say what the board asked for, after the due date.');
    return { ...target, ownerUserId, dueDate, ...takeAddAnyway(args.rest()) };
  },
  schema: actionAddInput,
  async run(value, ctx) {
    const { action, workstream, owner } = await addAction(
      { ...value, kind: 'board_request' },
      ctx.deps,
      ctx.actor,
    );
    const due = formatUkDate(action.dueDate);
    return actionPost(
      actionMessage({
        fallback: `Board request A-${action.number} for ${workstream.code}, owner <person:${owner.platformUserId}>, due ${due}`,
        headline: `<icon:memo> *The board asked for* (${workstream.code} ${toSafeText(workstream.name)}):`,
        lines: [actionSubject(action.number, action.text)],
        context: `Board request · owner <person:${owner.platformUserId}> · due *${due}* (${formatLongDate(action.dueDate)}) · recorded by <person:${ctx.actor.userId}> · close it with \`${ctx.command} action done A-${action.number} what was done\``,
      }),
    );
  },
};
