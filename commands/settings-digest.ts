/**
 * `/improve settings digest exceptions-only on|off | silence-days <days>` (admins): how the weekly
 * digest reads. Exceptions-only keeps what needs the board; the silence threshold decides when a
 * workstream with no update is listed as silent (and its lead nudged).
 */
import { z } from 'zod';
import { AppError } from '../src/domain/errors.js';
import { changeDigestSetting } from '../src/services/plan/change-digest-setting.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

const input = z.union([
  z.object({ exceptionsOnly: z.boolean() }),
  z.object({ silenceDays: z.number().int() }),
]);

const USAGE = 'settings digest exceptions-only on|off | silence-days <days>';

export const settingsDigest: Subcommand<z.infer<typeof input>> = {
  name: 'settings digest',
  usage: USAGE,
  summary:
    'Makes the weekly digest exceptions only (Reds, overdue actions, silence, KPIs not on track) or full, and sets after how many days without an update a workstream is silent (admins).',
  examples: ['settings digest exceptions-only on', 'settings digest silence-days 14'],
  parse(args) {
    const setting = args.word('the setting: exceptions-only or silence-days').toLowerCase();
    const value = args.word(setting === 'silence-days' ? 'the number of days' : 'on or off').toLowerCase();
    if (!args.done) throw new AppError('bad_input', `I did not expect “${args.rest()}”. Usage: ${USAGE}`);
    if (setting === 'exceptions-only') {
      if (value !== 'on' && value !== 'off')
        throw new AppError('bad_input', `Say on or off after exceptions-only, not “${value}”.`);
      return { exceptionsOnly: value === 'on' };
    }
    if (setting === 'silence-days') {
      if (!/^\d{1,3}$/.test(value))
        throw new AppError('bad_input', `“${value}” is not a number of days. For example: silence-days 14.`);
      return { silenceDays: Number(value) };
    }
    throw new AppError('bad_input', `There is no digest setting “${setting}”. Usage: ${USAGE}`);
  },
  schema: input,
  async run(change, ctx) {
    const { after } = await changeDigestSetting(change, ctx.deps, ctx.actor);
    if ('exceptionsOnly' in change)
      return ephemeral(
        after.digestExceptionsOnly
          ? '<icon:done> The weekly digest now shows the exceptions only: Reds, RAG changes, silence, overdue actions and KPIs off track, missed or stale. Turn it back with `settings digest exceptions-only off`.'
          : '<icon:done> The weekly digest now shows everything again: RAG at a glance, actions due soon, the whole KPI scorecard and what is coming up.',
      );
    return ephemeral(
      `<icon:done> A workstream with no update for ${after.silenceDays} days or more is now listed as silent in the digest, and its lead is nudged the day before.`,
    );
  },
};
