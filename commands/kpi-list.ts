/** `/improve kpi list`: the scorecard, each KPI's latest reading against its target in force, and the trend. */
import { z } from 'zod';
import { formatUkDate } from '../src/domain/dates.js';
import { toSafeText } from '../src/domain/text.js';
import { kpiScorecard, type ScorecardRow } from '../src/services/kpi-scorecard.js';
import { kpiValue, targetText, trendText, verdictText } from './kpi-format.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { expectNoMoreWords } from './word-readers.js';

export const kpiList: Subcommand<Record<string, never>> = {
  name: 'kpi list',
  aliases: ['kpis', 'kpi', 'kpis list', 'scorecard'],
  usage: 'kpi list',
  summary: 'The KPI scorecard: latest readings against their targets, and trends.',
  examples: ['kpi list'],
  parse(args) {
    expectNoMoreWords(args, ['kpi add', 'kpi record', 'kpi list']);
    return {};
  },
  schema: z.object({}),
  async run(_value, ctx) {
    const { rows } = await kpiScorecard(ctx.deps, ctx.actor);
    if (rows.length === 0) {
      return ephemeral(
        `There are no KPIs yet. An admin can add one, for example \`${ctx.command} kpi add "Caseload average" cases lower target 30 by 31/12/2026\`.`,
      );
    }
    return ephemeral(['*KPI scorecard*', ...rows.map(scorecardLine)].join('\n'));
  },
};

function scorecardLine(row: ScorecardRow): string {
  const { kpi } = row;
  const parts = [`• *${toSafeText(kpi.name)}*`];
  parts.push(
    row.latest
      ? `${kpiValue(row.latest.value, kpi)} for ${formatUkDate(row.latest.period)}`
      : '_no readings yet_',
  );
  const { verdict } = row;
  const judged = verdict.state !== 'no_target' && verdict.state !== 'no_reading';
  if (row.target)
    parts.push(`target ${targetText(row.target, kpi)}${judged ? `: ${verdictText(verdict)}` : ''}`);
  else parts.push(verdict.state === 'stale' ? verdictText(verdict) : 'no target');
  if (row.trend) parts.push(trendText(row.trend));
  if (row.next) parts.push(`next ${targetText(row.next, kpi)}`);
  return parts.join(' · ');
}
