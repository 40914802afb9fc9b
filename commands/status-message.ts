/**
 * The RAG summary sheet and a workstream's report card as messages. The same builders serve the
 * ephemeral reply (with a 'Post to channel' button) and the visible channel post.
 */
import type { Block, Message } from '../src/chat/message.js';
import { extensionRequestedWords, formatActionRef } from '../src/domain/actions.js';
import { formatUkDate, todayIn } from '../src/domain/dates.js';
import { formatKpiValue, verdictWords } from '../src/domain/kpi.js';
import { isRag, RAG_VALUES, ragLabel, ragMark } from '../src/domain/rag.js';
import { VERDICT_WORDS } from '../src/domain/recommendation.js';
import { toSafeText, truncateText } from '../src/domain/text.js';
import type { RagSummary } from '../src/services/rag-summary.js';
import type { ReportCard } from '../src/services/workstream-report-card.js';
import { recommendationLine } from './recommendation-format.js';

/** The action id of the 'Post to channel' button; its value is '' (summary) or a workstream code. */
export const POST_STATUS_ACTION = 'status_post_to_channel';

/** Either a button to post it, or who posted it. */
export type Footer = { button: string } | { postedBy: string };

const rag = (value: string) => (isRag(value) ? `${ragMark(value)} ${ragLabel(value)}` : value);
const ukDay = (instant: Date, timezone: string) => formatUkDate(todayIn(instant, timezone));

export function summaryMessage(summary: RagSummary, timezone: string, footer: Footer): Message {
  const counts = RAG_VALUES.map((r) => `${ragMark(r)} ${ragLabel(r)} *${summary.counts[r]}*`).join('   ');
  const lines = summary.workstreams.map((w) => {
    const updated = w.lastUpdateAt ? `last update ${ukDay(w.lastUpdateAt, timezone)}` : 'no updates yet';
    return `${isRag(w.rag) ? ragMark(w.rag) : ''} *${w.code}* ${toSafeText(w.name)}: ${isRag(w.rag) ? ragLabel(w.rag) : w.rag} · ${updated}`;
  });
  const blocks: Block[] = [
    { type: 'header', text: `RAG summary: ${summary.programmeName}` },
    { type: 'section', text: counts },
    ...chunk(lines.length > 0 ? lines : ['No workstreams yet.']).map(
      (text): Block => ({ type: 'section', text }),
    ),
  ];
  const fallback = RAG_VALUES.map((r) => `${ragLabel(r)} ${summary.counts[r]}`).join(', ');
  return { text: `RAG summary: ${fallback}`, blocks: [...blocks, footerBlock(footer)] };
}

export function reportCardMessage(card: ReportCard, timezone: string, footer: Footer): Message {
  const { workstream: w } = card;
  const since = w.ragChangedAt ? ` since ${ukDay(w.ragChangedAt, timezone)}` : '';
  const leads =
    card.leadUserIds.length > 0 ? card.leadUserIds.map((id) => `<person:${id}>`).join(', ') : 'none';
  const reason = card.latestRagChange
    ? `\n*Reason:* ${toSafeText(truncateText(card.latestRagChange.reason, 600))}`
    : '';
  const projects = card.projects.map((p) => `• ${rag(p.rag)}: ${toSafeText(p.name)}`);
  const overdue = card.overdueActions > 0 ? `, *${card.overdueActions} overdue*` : ', none overdue';
  const u = card.latestUpdate;
  const update = u
    ? `*Latest update* (${ukDay(u.createdAt, timezone)}, <person:${u.authorUserId}>):\n${toSafeText(truncateText(u.text, 1500))}`
    : '*Latest update:* none yet';
  const blocks: Block[] = [
    { type: 'header', text: `${w.code} ${w.name}` },
    ...(w.closedAt
      ? [
          {
            type: 'section' as const,
            text: `*Closed* on ${ukDay(w.closedAt, timezone)}: ${toSafeText(w.closedReason ?? '')}`,
          },
        ]
      : []),
    { type: 'section', text: `*RAG:* ${rag(w.rag)}${since}${reason}\n*Leads:* ${leads}` },
    ...fullCard(card, timezone),
    { type: 'section', text: `*Projects*\n${projects.length > 0 ? projects.join('\n') : 'None yet.'}` },
    { type: 'section', text: `*Actions:* ${card.openActions} open${card.openActions > 0 ? overdue : ''}` },
    ...openActionLines(card),
    { type: 'section', text: update },
    ...evidence(card, timezone),
  ];
  return {
    text: `${w.code} report card: RAG ${isRag(w.rag) ? ragLabel(w.rag) : w.rag}`,
    blocks: [...blocks, footerBlock(footer)],
  };
}

/** The RAG history with reasons, newest first, and who changed it. */
function fullCard(card: ReportCard, timezone: string): Block[] {
  if (card.ragHistory.length === 0) return [];
  const lines = card.ragHistory.map(
    (c) =>
      `• ${ukDay(c.createdAt, timezone)} ${rag(c.fromRag)} → ${rag(c.toRag)} (<person:${c.authorUserId}>): ${toSafeText(truncateText(c.reason, 300))}`,
  );
  return chunk([`*RAG history*`, ...lines]).map((text): Block => ({ type: 'section', text }));
}

function openActionLines(card: ReportCard): Block[] {
  if (card.actions.length === 0) return [];
  const lines = card.actions.map((a) => {
    const late =
      a.dueDate < card.today
        ? ` · *overdue since ${formatUkDate(a.dueDate)}*`
        : ` · due ${formatUkDate(a.dueDate)}`;
    const kind = a.kind === 'board_request' ? ' (board request)' : '';
    const requested = extensionRequestedWords(a, card.today);
    return `• *${formatActionRef(a.number)}*${kind} ${toSafeText(truncateText(a.text, 200))} · <person:${a.ownerUserId}>${late}${requested ? ` · ${requested}` : ''}`;
  });
  const more = card.openActions - card.actions.length;
  return chunk([
    ...lines,
    ...(more > 0 ? [`…and ${more} more (\`action list ${card.workstream.code}\`)`] : []),
  ]).map((text): Block => ({ type: 'section', text }));
}

/** Earlier updates, the KPIs that belong to the workstream, and the recommendations it addresses. */
function evidence(card: ReportCard, timezone: string): Block[] {
  const earlier = card.updates
    .slice(1)
    .map(
      (u) =>
        `• ${ukDay(u.createdAt, timezone)} <person:${u.authorUserId}>: ${toSafeText(truncateText(u.text, 300))}`,
    );
  const kpis = card.kpis.map(
    (k) =>
      `• ${toSafeText(k.name)}: ${k.latest === null ? 'no readings yet' : formatKpiValue(k.latest, k.unit)} · ${verdictWords(k.verdict, formatUkDate)}`,
  );
  const recommendations = card.recommendations.map(
    (r) => `• ${recommendationLine(r)}: *${VERDICT_WORDS[r.verdict]}*`,
  );
  const sections: [string, string[]][] = [
    ['Earlier updates', earlier],
    ['KPIs', kpis],
    ['Recommendations addressed', recommendations],
  ];
  return sections
    .filter(([, lines]) => lines.length > 0)
    .flatMap(([title, lines]) => chunk([`*${title}*`, ...lines]))
    .map((text): Block => ({ type: 'section', text }));
}

function footerBlock(footer: Footer): Block {
  if ('postedBy' in footer) return { type: 'context', text: `Posted by <person:${footer.postedBy}>` };
  return {
    type: 'actions',
    buttons: [{ text: 'Post to channel', actionId: POST_STATUS_ACTION, value: footer.button }],
  };
}

/** Lines grouped into sections under Slack's 3,000-character limit. */
function chunk(lines: string[], max = 2900): string[] {
  const sections: string[] = [];
  for (const line of lines) {
    const last = sections.at(-1);
    if (last !== undefined && last.length + line.length + 1 <= max)
      sections[sections.length - 1] = `${last}\n${line}`;
    else sections.push(line);
  }
  return sections;
}
