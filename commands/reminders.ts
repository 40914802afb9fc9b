/** `/improve reminders off|on`: stop or restart every reminder to you. */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { setReminders } from '../src/services/reminder-preferences.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

export const reminders: Subcommand<{ on: boolean }> = {
  name: 'reminders',
  usage: 'reminders off|on',
  summary: 'Switches your reminders off, or back on (which also ends a snooze).',
  examples: ['reminders off', 'reminders on'],
  parse(args) {
    const word = args.word('on or off').toLowerCase();
    if (word !== 'on' && word !== 'off') throw new AppError('bad_input', `“${word}” is not on or off.`);
    return { on: word === 'on' };
  },
  schema: z.object({ on: z.boolean() }),
  async run({ on }, ctx) {
    await setReminders({ on }, ctx.deps, ctx.actor);
    return ephemeral(
      on
        ? '<icon:bell> Reminders are on: you will hear about your overdue and due-soon actions each working day.'
        : `<icon:bell_off> Reminders are off. Your actions still show in the bot's Home tab; \`${ctx.command} reminders on\` starts them again.`,
    );
  },
};
