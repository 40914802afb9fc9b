/**
 * `/improve action` on its own, or with a word it does not know, explains the action subcommands
 * instead of saying "unknown subcommand".
 */
import { z } from 'zod';
import { closestWord, typoAllowance } from '../src/domain/edit-distance.js';
import { AppError } from '../src/domain/errors.js';
import { toSafeText } from '../src/domain/text.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const VERBS = 'add, done, verify, extend, reassign, drop or list';
const VERB_LIST = VERBS.replace(' or ', ', ').split(', ');

export const actionHelp: Subcommand<{ word?: string }> = {
  name: 'action',
  usage: `action <${VERBS.replace(/, | or /g, '|')}> …`,
  summary: 'Actions with owners and due dates: type `action` for the list of what you can do.',
  examples: [
    'action add WS1 @jo.bloggs 31/03/2027 Recruit four newly qualified social workers',
    'action list overdue',
  ],
  parse: (args) => ({ word: args.done ? undefined : args.word('') }),
  schema: z.object({ word: z.string().optional() }),
  async run({ word }, ctx) {
    if (word) {
      const guess = closestWord(word, VERB_LIST, typoAllowance(word));
      throw new AppError(
        'bad_input',
        `I don't know “action ${toSafeText(word)}”.${guess ? ` Did you mean \`action ${guess}\`?` : ''} After \`action\` say ${VERBS}.`,
        guess ? { fix: { from: word, to: guess } } : {},
      );
    }
    const c = ctx.command;
    return ephemeral(
      [
        '*Actions*: each has an owner, a due date and a reference such as A-12.',
        `• \`${c} action add WS1 @owner 31/03/2027 what is to be done\` (or just \`${c} action add\` for a form)`,
        `• \`${c} action done A-12 evidence note\` · \`${c} action verify A-12\``,
        `• \`${c} action extend A-12 31/03/2027 reason\` · \`${c} action reassign A-12 @person\` · \`${c} action drop A-12 reason\``,
        `• \`${c} action list\` · \`mine\` · \`overdue\` · \`WS1\` · \`@person\``,
        `Type \`${c} help action add\` (or done, verify…) for examples.`,
      ].join('\n'),
    );
  },
};
