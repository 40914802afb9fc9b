/**
 * `/improve workstream edit <ws> name|code|lead|friend|parent <value>`: one field at a time, so
 * the audit row and the reply say exactly what changed. Code and lead are an admin's; name,
 * parent and critical friend also the workstream's lead's (src/services/plan/edit-workstream.ts).
 */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { toSafeText } from '../src/domain/text.js';
import { type EditWorkstreamInput, editWorkstream } from '../src/services/plan/edit-workstream.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { WORKSTREAM_CODE } from './workstream-add.js';

const FIELD_WORDS: Record<string, EditWorkstreamInput['field']> = {
  name: 'name',
  rename: 'name',
  code: 'code',
  lead: 'lead',
  leads: 'lead',
  friend: 'friend',
  'critical-friend': 'friend',
  parent: 'parent',
  theme: 'parent',
  outcome: 'parent',
};
const NONE = ['none', 'nobody', 'remove', '-'];

const input = z.discriminatedUnion('field', [
  z.object({
    workstream: z.string(),
    field: z.literal('name'),
    value: z.string().min(3, 'Give the new name.').max(120, 'The name can be up to 120 characters.'),
  }),
  z.object({
    workstream: z.string(),
    field: z.literal('code'),
    value: z
      .string()
      .regex(
        WORKSTREAM_CODE,
        'The code should be 1 to 8 letters and digits, with one dash if you like: WS1, WS-2, FD or SEND.',
      ),
  }),
  z.object({ workstream: z.string(), field: z.literal('lead'), userIds: z.array(z.string()).min(1) }),
  z.object({ workstream: z.string(), field: z.literal('friend'), userId: z.string().nullable() }),
  z.object({
    workstream: z.string(),
    field: z.literal('parent'),
    value: z.string().max(120, 'The parent theme can be up to 120 characters.').nullable(),
  }),
]);

export const workstreamEdit: Subcommand<z.infer<typeof input>> = {
  name: 'workstream edit',
  aliases: ['ws edit', 'workstream change'],
  usage: 'workstream edit <workstream> name|code|lead|friend|parent <value>',
  summary:
    'Changes a workstream’s name, code, lead(s), critical friend or parent theme (`none` removes the friend or parent). Code and lead: admins; the rest also its lead.',
  examples: [
    'workstream edit WS1 name "Develop Our Workforce"',
    'workstream edit WS1 code WF',
    'workstream edit WS2 lead @sam.jones',
    'workstream edit WS2 friend @dr.patel',
    'workstream edit WS3 parent "Outcome 2: children are safe"',
  ],
  parse(args) {
    const workstream = args.word('a workstream (its code such as WS1, or its name)');
    const word = args.word('what to change: name, code, lead, friend or parent').toLowerCase();
    const field = FIELD_WORDS[word];
    if (!field)
      throw new AppError(
        'bad_input',
        `I can change a workstream’s name, code, lead, friend or parent, not “${word}”.`,
      );
    if (field === 'lead') {
      const userIds = [args.user('the new lead')];
      for (let id = args.optionalUser(); id; id = args.optionalUser()) userIds.push(id);
      if (!args.done) throw new AppError('bad_input', `I didn't understand “${args.rest()}” at the end.`);
      return { workstream, field, userIds };
    }
    if (field === 'friend') {
      if (args.optionalWord((w) => NONE.includes(w.toLowerCase())))
        return { workstream, field, userId: null };
      const userId = args.user('the critical friend, or none');
      if (!args.done) throw new AppError('bad_input', `I didn't understand “${args.rest()}” at the end.`);
      return { workstream, field, userId };
    }
    const value = args.rest().trim();
    if (field === 'parent')
      return { workstream, field, value: NONE.includes(value.toLowerCase()) ? null : value || null };
    if (!value) throw new AppError('bad_input', `Give the new ${field} after “${word}”.`);
    return { workstream, field, value };
  },
  schema: input,
  async run(value, ctx) {
    const { workstream, before, after } = await editWorkstream(value, ctx.deps, ctx.actor);
    const label = {
      name: 'name',
      code: 'code',
      lead: 'lead',
      friend: 'critical friend',
      parent: 'parent theme',
    }[value.field];
    return ephemeral(
      `<icon:done> *${workstream.code} ${toSafeText(workstream.name)}*: ${label} changed from ${shown(value.field, before)} to ${shown(value.field, after)}.`,
    );
  },
};

/** A before or after value as the reply shows it: people as mentions, text quoted, nothing as 'none'. */
function shown(field: EditWorkstreamInput['field'], value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '_none_';
  if (field === 'lead' || field === 'friend')
    return [value]
      .flat()
      .map((id) => `<person:${String(id)}>`)
      .join(', ');
  return `“${toSafeText(String(value))}”`;
}
