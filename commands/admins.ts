/** `/improve admins add @person | remove @person | list`: who may change everything (src/services/admins/). */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { addAdmin } from '../src/services/admins/add-admin.js';
import { listAdmins } from '../src/services/admins/list-admins.js';
import { removeAdmin } from '../src/services/admins/remove-admin.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('add'), userId: z.string() }),
  z.object({ verb: z.literal('remove'), userId: z.string() }),
  z.object({ verb: z.literal('list') }),
]);

export const admins: Subcommand<z.infer<typeof input>> = {
  name: 'admins',
  aliases: ['admin'],
  usage: 'admins add @person | remove @person | list',
  summary:
    'Adds or removes an admin (admins; the last admin cannot remove themself), or lists the admins (anyone).',
  examples: ['admins add @priya', 'admins remove @tom', 'admins list'],
  parse(args) {
    const verb = args.done ? 'list' : args.word('add, remove or list').toLowerCase();
    if (verb === 'list') return { verb };
    if (verb !== 'add' && verb !== 'remove')
      throw new AppError('bad_input', `I can add, remove or list admins, not “${verb}”.`);
    const userId = args.user(`the person to ${verb}, as @name`);
    if (!args.done) throw new AppError('bad_input', `I didn't understand “${args.rest()}” at the end.`);
    return { verb, userId };
  },
  schema: input,
  async run(value, ctx) {
    if (value.verb === 'add') {
      await addAdmin(value, ctx.deps, ctx.actor);
      return ephemeral(`<icon:done> <person:${value.userId}> is now an admin.`);
    }
    if (value.verb === 'remove') {
      const person = await removeAdmin(value, ctx.deps, ctx.actor);
      return ephemeral(
        `<icon:done> <person:${value.userId}> is no longer an admin${person.role === 'lead' ? ' (still a workstream lead)' : ''}.`,
      );
    }
    const list = await listAdmins(ctx.deps, ctx.actor);
    if (list.length === 0)
      return ephemeral(`There are no admins yet: whoever runs \`${ctx.command} setup\` first becomes one.`);
    const lines = list.map(
      (a) => `• <person:${a.platformUserId}>${a.fromSetting ? ' _(from the ADMIN_USER_IDS setting)_' : ''}`,
    );
    return ephemeral(`*Admins*\n${lines.join('\n')}`);
  },
};
