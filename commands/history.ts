/** `/improve history <workstream|action|kpi>`: who changed what and when, newest first, to the user only. */
import { z } from 'zod';
import { describeAuditRow } from '../src/domain/audit-words.js';
import { formatDateTimeUk } from '../src/domain/dates.js';
import { toSafeText } from '../src/domain/text.js';
import { changeHistory } from '../src/services/evidence/change-history.js';
import { ephemeral } from './replies.js';
import type { Subcommand } from './types.js';

/** Enough to answer "who moved it to Red, and when"; the export (`npm run audit`) has every row. */
export const HISTORY_ROWS = 15;

const input = z.object({ subject: z.string().min(1), kind: z.literal('kpi').optional() });

export const history: Subcommand<z.infer<typeof input>> = {
  name: 'history',
  aliases: ['audit', 'changes'],
  usage: 'history <workstream|action|kpi <name>>',
  summary:
    'Who changed what and when, newest first, from the audit log: a workstream (with its projects, updates and actions), an action, or a KPI.',
  examples: ['history WS2', 'history A-12', 'history kpi caseload'],
  parse(args) {
    const kind = args.optionalWord((w) => w.toLowerCase() === 'kpi' && args.remaining > 1)
      ? 'kpi'
      : undefined;
    return { subject: args.rest() || args.word('a workstream (WS1), an action (A-12) or a KPI'), kind };
  },
  schema: input,
  async run(value, ctx) {
    const found = await changeHistory({ ...value, limit: HISTORY_ROWS }, ctx.deps, ctx.actor);
    const title = `*History of ${toSafeText(found.title)}*`;
    if (found.total === 0) return ephemeral(`${title}\nNo changes recorded.`);
    const lines = found.rows.map((r) => {
      const who = r.actor === 'system' ? 'the bot' : `<person:${r.actor}>`;
      return `• ${formatDateTimeUk(r.createdAt, found.timezone)} · ${who} · ${toSafeText(describeAuditRow(r))}`;
    });
    const more = found.total - found.rows.length;
    if (more > 0)
      lines.push(
        `…and ${more} more. The full trail is in the audit export (\`npm run audit\`, for the programme manager).`,
      );
    return ephemeral([`${title} (${found.total}, newest first)`, ...lines].join('\n'));
  },
};
