/** `/improve snooze <date>|off`: no reminders up to and including a date (leave, a busy week). */
import { z } from 'zod';
import { formatLongDate } from '../src/domain/dates.js';
import { snoozeReminders } from '../src/services/reminder-preferences.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const OFF_WORDS = ['off', 'none', 'cancel', 'stop', 'end'];

export const snooze: Subcommand<{ until: string | null }> = {
  name: 'snooze',
  usage: 'snooze <last day with no reminders>|off',
  summary: 'Pauses your reminders up to and including a date; `snooze off` ends the pause.',
  examples: ['snooze 02/01/2027', 'snooze friday', 'snooze in 2 weeks', 'snooze off'],
  parse(args, ctx) {
    if (args.optionalWord((w) => OFF_WORDS.includes(w.toLowerCase()))) return { until: null };
    return { until: args.date('the last day you want no reminders', ctx.today) };
  },
  schema: z.object({ until: z.string().nullable() }),
  async run({ until }, ctx) {
    const { resumesOn } = await snoozeReminders({ until }, ctx.deps, ctx.actor);
    if (!until || !resumesOn) return ephemeral('<icon:bell> Snooze ended: your reminders are back on.');
    return ephemeral(
      `<icon:snooze> Reminders snoozed up to and including *${formatLongDate(until)}*. The next one can come on ${formatLongDate(resumesOn)}. \`${ctx.command} snooze off\` ends it early.`,
    );
  },
};
