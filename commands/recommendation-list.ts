/** `/improve recommendation list`: every recommendation, its source and what it is linked to. */
import { z } from 'zod';
import { recommendationCoverage } from '../src/services/evidence/recommendation-coverage.js';
import { recommendationLine } from './recommendation-format.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { expectNoMoreWords } from './word-readers.js';

export const recommendationList: Subcommand<Record<string, never>> = {
  name: 'recommendation list',
  aliases: ['recommendation', 'recommendations', 'recommendations list', 'rec list'],
  usage: 'recommendation list',
  summary:
    'Every recommendation and priority action, its source and the workstreams and actions linked to it.',
  examples: ['recommendation list'],
  parse(args) {
    expectNoMoreWords(args, ['recommendation add', 'recommendation link', 'recommendation list']);
    return {};
  },
  schema: z.object({}),
  async run(_value, ctx) {
    const { rows } = await recommendationCoverage(ctx.deps, ctx.actor);
    if (rows.length === 0)
      return ephemeral(
        `No recommendations are recorded yet. An admin adds them with \`${ctx.command} recommendation add R1 Improve the quality of assessments source inspection report 14/02/2027\`.`,
      );
    const lines = rows.map((r) => {
      const links = [
        ...r.workstreamCodes,
        ...r.actions.filter((a) => a.status !== 'dropped').map((a) => `A-${a.number}`),
      ];
      return `• ${recommendationLine(r)} · ${links.length > 0 ? `linked: ${[...new Set(links)].join(', ')}` : '_nothing linked_'}`;
    });
    return ephemeral([`*Recommendations (${rows.length})*`, ...lines].join('\n'));
  },
};
