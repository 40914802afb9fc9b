/** How recommendations and their coverage read in replies: one line per recommendation, its actions under it. */
import type { Block, Message } from '../src/chat/message.js';
import { formatActionRef } from '../src/domain/actions.js';
import { type Day, formatUkDate } from '../src/domain/dates.js';
import {
  type CoverageVerdict,
  coverageSummary,
  sourceLabel,
  VERDICT_WORDS,
} from '../src/domain/recommendation.js';
import { toSafeText, truncateText } from '../src/domain/text.js';
import type {
  Coverage,
  CoverageAction,
  CoverageRow,
} from '../src/services/evidence/recommendation-coverage.js';
import { linesAsSections } from './replies.js';

/** The action id of the coverage 'Post to channel' button. */
export const POST_COVERAGE_ACTION = 'coverage_post_to_channel';

const ICONS: Record<CoverageVerdict, string> = {
  on_time: '<icon:done>',
  overdue: '<icon:warning>',
  not_covered: '<icon:failed>',
};

/** 'monitoring letter of 14/02/2027'. */
export function sourcePhrase(row: Pick<CoverageRow, 'source' | 'sourceDate'>): string {
  return `${sourceLabel(row.source)}${row.sourceDate ? ` of ${formatUkDate(row.sourceDate)}` : ''}`;
}

/** '*R1* Improve the quality of assessments (inspection report of 14/02/2027)'. */
export function recommendationLine(row: Pick<CoverageRow, 'ref' | 'text' | 'source' | 'sourceDate'>): string {
  return `*${toSafeText(row.ref)}* ${toSafeText(truncateText(row.text, 400))} (${sourcePhrase(row)})`;
}

function actionState(a: CoverageAction, today: Day): string {
  if (a.status === 'open')
    return a.dueDate < today
      ? `*overdue* since ${formatUkDate(a.dueDate)}`
      : `due ${formatUkDate(a.dueDate)}`;
  return a.status;
}

function coverageLines(row: CoverageRow, today: Day): string[] {
  const head = `${ICONS[row.verdict]} ${recommendationLine(row)}: *${VERDICT_WORDS[row.verdict]}*`;
  const via = row.workstreamCodes.length > 0 ? [`   Workstreams: ${row.workstreamCodes.join(', ')}`] : [];
  const actions = row.actions
    .filter((a) => a.status !== 'dropped')
    .map(
      (a) =>
        `   • ${formatActionRef(a.number)} ${a.kind === 'board_request' ? '(board request) ' : ''}${toSafeText(truncateText(a.text, 200))} · ${a.workstreamCode} · <person:${a.ownerUserId}> · ${actionState(a, today)}`,
    );
  return [head, ...via, ...actions];
}

/** The coverage table as a message; the footer is the post button or who posted it. */
export function coverageMessage(
  coverage: Coverage,
  footer: { button: true } | { postedBy: string },
  command: string,
): Message {
  if (coverage.rows.length === 0) {
    const text = `No recommendations are recorded yet. An admin adds them with \`${command} recommendation add R1 Improve the quality of assessments source inspection report 14/02/2027\`.`;
    return { text, blocks: linesAsSections([text]) };
  }
  const summary = `*Recommendations:* ${coverageSummary(coverage.counts)}`;
  const lines = coverage.rows.flatMap((r) => coverageLines(r, coverage.today));
  const end: Block =
    'postedBy' in footer
      ? {
          type: 'context',
          text: `Posted by <person:${footer.postedBy}> · as of ${formatUkDate(coverage.today)}`,
        }
      : {
          type: 'actions',
          buttons: [{ text: 'Post to channel', actionId: POST_COVERAGE_ACTION, value: 'coverage' }],
        };
  return {
    text: `Coverage of recommendations: ${coverageSummary(coverage.counts)}`,
    blocks: [
      { type: 'header', text: `Coverage: ${coverage.programmeName}` },
      ...linesAsSections([summary, ...lines]),
      end,
    ],
  };
}
