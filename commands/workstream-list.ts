/** `/improve workstream list`: each workstream's code, name, RAG, leads and last update date. Anyone may read. */
import { z } from 'zod';
import { formatUkDate, todayIn } from '../src/domain/dates.js';
import { isRag, ragLabel, ragMark } from '../src/domain/rag.js';
import { toSafeText } from '../src/domain/text.js';
import { listWorkstreams, type WorkstreamSummary } from '../src/services/list-workstreams.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';
import { expectNoMoreWords } from './word-readers.js';

export const workstreamList: Subcommand<Record<string, never>> = {
  name: 'workstream list',
  aliases: ['workstreams', 'workstream', 'ws list', 'workstreams list'],
  usage: 'workstream list',
  summary: 'The workstreams with their RAG, leads and last update.',
  examples: ['workstream list'],
  parse(args) {
    expectNoMoreWords(args, ['workstream add', 'workstream list']);
    return {};
  },
  schema: z.object({}),
  async run(_value, ctx) {
    const workstreams = await listWorkstreams(ctx.deps, ctx.actor);
    if (workstreams.length === 0) {
      return ephemeral(
        `There are no workstreams yet. An admin can add one: \`${ctx.command} workstream add WS1 "Support and Develop Our Workforce" lead @name\`.`,
      );
    }
    return ephemeral(
      ['*Workstreams*', ...workstreams.map((w) => workstreamLine(w, ctx.timezone))].join('\n'),
    );
  },
};

/** '• 🟠 *WS1* Support and Develop Our Workforce · Amber · lead @jo · last update 20/11/2026'. */
export function workstreamLine(w: WorkstreamSummary, timezone: string): string {
  const rag = isRag(w.rag) ? `${ragMark(w.rag)} ` : '';
  const label = isRag(w.rag) ? ragLabel(w.rag) : w.rag;
  const leads =
    w.leadUserIds.length > 0
      ? `${w.leadUserIds.length > 1 ? 'leads' : 'lead'} ${w.leadUserIds.map((id) => `<person:${id}>`).join(', ')}`
      : 'no lead';
  const updated = w.lastUpdateAt
    ? `last update ${formatUkDate(todayIn(w.lastUpdateAt, timezone))}`
    : 'no updates yet';
  return `• ${rag}*${w.code}* ${toSafeText(w.name)} · ${label} · ${leads} · ${updated}`;
}
