/**
 * `/improve status [workstream]`: the RAG summary sheet, or one workstream's report card, shown to
 * the user only, with a 'Post to channel' button that posts the same thing visibly.
 */
import { z } from 'zod';
import { stampMessage } from '../src/chat/programme-stamp.js';
import { ragSummary } from '../src/services/rag-summary.js';
import { workstreamReportCard } from '../src/services/workstream-report-card.js';
import { type Footer, POST_STATUS_ACTION, reportCardMessage, summaryMessage } from './status-message.js';
import type { ButtonHandler, CommandContext, Subcommand } from './types.js';

const input = z.object({ workstream: z.string().optional() });

export const status: Subcommand<z.infer<typeof input>> = {
  name: 'status',
  aliases: ['summary', 'rag summary'],
  usage: 'status [workstream]',
  summary:
    'The RAG summary sheet, or a workstream’s report card (RAG history with reasons, updates, actions, KPIs, recommendations), to you only, with a button to post it.',
  examples: ['status', 'status WS2', 'status workforce'],
  parse: (args) => ({ workstream: args.done ? undefined : args.rest() }),
  schema: input,
  async run({ workstream }, ctx) {
    if (!workstream) return { kind: 'ephemeral', message: await build('', ctx, { button: '' }) };
    const card = await workstreamReportCard(workstream, ctx.deps, ctx.actor);
    return {
      kind: 'ephemeral',
      message: reportCardMessage(card, ctx.timezone, { button: card.workstream.code }),
    };
  },
};

/** 'Post to channel': the same summary or card, rebuilt now, posted visibly where the button was pressed. */
export const postStatusButton: ButtonHandler = {
  actionId: POST_STATUS_ACTION,
  async press(value, ctx) {
    return { kind: 'channel', message: await build(value, ctx, { postedBy: ctx.actor.userId }) };
  },
};

async function build(workstream: string, ctx: CommandContext, footer: Footer) {
  if (workstream)
    return reportCardMessage(
      await workstreamReportCard(workstream, ctx.deps, ctx.actor),
      ctx.timezone,
      footer,
    );
  // Stamped here, with the programme just chosen from the context's read, so the dispatcher
  // need not read the programmes a third time to stamp it (stampReply).
  const summary = await ragSummary(ctx.deps, ctx.actor, ctx.programmes);
  return stampMessage(summaryMessage(summary, ctx.timezone, footer), summary.programmeId);
}
