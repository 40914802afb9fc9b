/** `/improve action verify <ref> [note]`: a lead or admin signs off the evidence of a done action. */
import { z } from 'zod';
import { toSafeText } from '../src/domain/text.js';
import { verifyAction } from '../src/services/verify-action.js';
import { actionMessage, actionPost, actionSubject, readRef } from './action-replies.js';
import type { Subcommand } from './types.js';

const input = z.object({ ref: z.string().min(1), note: z.string().optional() });

export const actionVerify: Subcommand<z.infer<typeof input>> = {
  name: 'action verify',
  aliases: ['action verified', 'action sign-off', 'action signoff'],
  usage: 'action verify <ref> [note]',
  summary:
    'Signs off that the evidence of a done action is there (the workstream’s leads or an admin; not your own work).',
  examples: ['action verify A-12', 'action verify A-12 Checked the induction records'],
  parse: (args) => ({ ref: readRef(args), note: args.done ? undefined : args.rest() }),
  schema: input,
  async run(value, ctx) {
    const { action, workstream, owner } = await verifyAction(
      { ...value, command: ctx.command },
      ctx.deps,
      ctx.actor,
    );
    return actionPost(
      actionMessage({
        fallback: `A-${action.number} verified`,
        headline: `<icon:medal> Verified: ${actionSubject(action.number, action.text)}`,
        lines: [
          action.evidenceNote
            ? `*Evidence:* ${toSafeText(action.evidenceNote)}`
            : '_No evidence note (not required by this programme)._',
          value.note ? `*Note:* ${toSafeText(value.note.trim())}` : null,
        ],
        context: `${workstream.code} · owner <person:${owner.platformUserId}> · evidence signed off by <person:${ctx.actor.userId}>`,
      }),
    );
  },
};
