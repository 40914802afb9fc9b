/**
 * `/improve action add <workstream>[/<project>] @owner <due> <text>`: posted in the channel with
 * its reference, owner and due date. With no arguments it opens a modal with pickers.
 */
import { z } from 'zod';
import { formatLongDate, formatUkDate } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import { takeAddAnyway } from '../src/domain/similar-actions.js';
import { toSafeText } from '../src/domain/text.js';
import { type AddActionResult, addAction } from '../src/services/add-action.js';
import { actionAddModal } from './action-add-modal.js';
import { actionMessage, actionPost, actionSubject } from './action-replies.js';
import type { Args } from './args.js';
import type { CommandContext, Reply, Subcommand } from './types.js';

export const actionAddInput = z.object({
  workstream: z.string().min(1, 'Say which workstream the action belongs to.'),
  project: z.string().optional(),
  ownerUserId: z.string().min(1, 'Choose the owner.'),
  dueDate: z.string().min(1, 'Give the due date.'),
  text: z.string().trim().min(1, 'Say what the action is, after the due date.').max(5000),
  /** `--anyway` at the end: add it even though an open action of the workstream reads the same. */
  anyway: z.boolean().optional(),
});
export type ActionAddInput = z.infer<typeof actionAddInput>;

export const actionAdd: Subcommand<ActionAddInput> = {
  name: 'action add',
  aliases: ['actions add', 'action new'],
  usage: 'action add <workstream>[/<project>] @owner <due date> <what is to be done> [--anyway]',
  summary:
    'Adds an action with an owner and a due date (leads of the workstream and admins). With no arguments it opens a form. If an open action of the workstream reads the same, it says which and adds nothing unless the text ends with --anyway.',
  examples: [
    'action add WS1 @jo.bloggs 31/03/2027 Recruit four newly qualified social workers',
    'action add workforce/recruitment @sam next friday Agree the market supplement with HR',
    'action add "Improve Our Practice" me in 2 weeks Dip-sample 20 duty team assessments',
    'action add WS1 @sam 30/04/2027 Recruit four newly qualified social workers --anyway',
  ],
  parse: (args, ctx) => parseActionAdd(args, ctx),
  schema: actionAddInput,
  run: (value, ctx) => addAndPost(value, ctx),
  modal: (ctx) => actionAddModal(ctx),
};

function parseActionAdd(args: Args, ctx: CommandContext): unknown {
  // A name with spaces comes quoted ("Improve Our Practice"), so the workstream is one word.
  const target = args.target('a workstream (its code such as WS1, or its name in quotes)');
  const ownerUserId = args.optionalWord((w) => ['me', 'myself'].includes(w.toLowerCase()))
    ? ctx.actor.userId
    : args.user('the owner');
  const dueDate = args.date('the due date', ctx.today);
  if (args.done) throw new AppError('bad_input', 'Say what the action is, after the due date.');
  return { ...target, ownerUserId, dueDate, ...takeAddAnyway(args.rest()) };
}

/** Adds the action and builds the channel post; shared with the modal. */
export async function addAndPost(value: ActionAddInput, ctx: CommandContext): Promise<Reply> {
  return actionAddedPost(await addAction(value, ctx.deps, ctx.actor), ctx.actor.userId);
}

export function actionAddedPost(result: AddActionResult, byUserId: string): Reply {
  const { action, workstream, owner, project } = result;
  const where = `${workstream.code} ${toSafeText(workstream.name)}${project ? ` / ${toSafeText(project.name)}` : ''}`;
  const due = formatUkDate(action.dueDate);
  return actionPost(
    actionMessage({
      fallback: `A-${action.number} added to ${workstream.code} for <person:${owner.platformUserId}>, due ${due}`,
      headline: `<icon:memo> New action for *${where}*`,
      lines: [actionSubject(action.number, action.text)],
      context: `Owner <person:${owner.platformUserId}> · due *${due}* (${formatLongDate(action.dueDate)}) · added by <person:${byUserId}>`,
    }),
  );
}
