/**
 * `/improve coverage`: every recommendation with the actions addressing it and its verdict, to the
 * user only, with a 'Post to channel' button that posts the same table, rebuilt now, visibly.
 */
import { z } from 'zod';
import { recommendationCoverage } from '../src/services/evidence/recommendation-coverage.js';
import { coverageMessage, POST_COVERAGE_ACTION } from './recommendation-format.js';
import type { ButtonHandler, Subcommand } from './types.js';
import { expectNoMoreWords } from './word-readers.js';

export const coverage: Subcommand<Record<string, never>> = {
  name: 'coverage',
  aliases: ['recommendation coverage'],
  usage: 'coverage',
  summary:
    'Every recommendation with the actions addressing it: covered and on time, covered but overdue, or not covered. To you, with a button to post it.',
  examples: ['coverage'],
  parse(args) {
    expectNoMoreWords(args, ['coverage']);
    return {};
  },
  schema: z.object({}),
  async run(_value, ctx) {
    const table = await recommendationCoverage(ctx.deps, ctx.actor);
    return { kind: 'ephemeral', message: coverageMessage(table, { button: true }, ctx.command) };
  },
};

export const postCoverageButton: ButtonHandler = {
  actionId: POST_COVERAGE_ACTION,
  async press(_value, ctx) {
    const table = await recommendationCoverage(ctx.deps, ctx.actor);
    return { kind: 'channel', message: coverageMessage(table, { postedBy: ctx.actor.userId }, ctx.command) };
  },
};
