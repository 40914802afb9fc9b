/**
 * `/improve status [workstream]`: the RAG summary sheet, or one workstream's report card, shown to
 * the user only, with a 'Post to channel' button that posts the same thing visibly.
 */
import { z } from 'zod';
import { stampMessage } from '../src/chat/programme-stamp.js';
import { ragSummary } from '../src/services/rag-summary.js';
import { workstreamReportCard } from '../src/services/workstream-report-card.js';
import { type Footer, POST_STATUS_ACTION, reportCardMessage, summaryMessage } from './status-message.js';
import type { ButtonHandler, CommandContext, RequestContext, UnscopedSubcommand } from './types.js';

const input = z.object({ workstream: z.string().optional() });

/** Unscoped: the summary's one read, or the report card's first, chooses the programme. */
export const status: UnscopedSubcommand<z.infer<typeof input>> = {
  name: 'status',
  aliases: ['summary', 'rag summary'],
  usage: 'status [workstream]',
  summary:
    'The RAG summary sheet, or a workstream’s report card (RAG history with reasons, updates, actions, KPIs, recommendations), to you only, with a button to post it.',
  examples: ['status', 'status WS2', 'status workforce'],
  parse: (args) => ({ workstream: args.done ? undefined : args.rest() }),
  schema: input,
  unscoped: true,
  async run({ workstream }, ctx) {
    if (!workstream) return { kind: 'ephemeral', message: await summary(ctx, { button: '' }) };
    const card = await workstreamReportCard(workstream, ctx.deps, ctx.actor);
    return {
      kind: 'ephemeral',
      message: stampMessage(
        reportCardMessage(card, card.timezone, { button: card.workstream.code }),
        card.workstream.programmeId,
      ),
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
  if (!workstream) return summary(ctx, footer);
  const card = await workstreamReportCard(workstream, ctx.deps, ctx.actor);
  return reportCardMessage(card, card.timezone, footer);
}

/**
 * The summary, stamped here with the programme just chosen, so the dispatcher need not read the
 * programmes again to stamp it (stampReply): one read.
 */
async function summary(ctx: RequestContext, footer: Footer) {
  const summary = await ragSummary(ctx.deps, ctx.actor);
  return stampMessage(summaryMessage(summary, summary.timezone, footer), summary.programmeId);
}
