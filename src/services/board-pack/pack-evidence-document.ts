/**
 * The evidence sections of a board pack as neutral document parts: recommendation coverage,
 * board requests and the audit trail appendix, and the same tables for the workbook. A pack
 * stored before these existed has none of them, and gets none of these sections.
 */
import { cell, type Section, type Table, type Tone } from '../../documents/document.js';
import { daysBetween, formatUkDate } from '../../domain/dates.js';
import { type CoverageVerdict, coverageSummary, VERDICT_WORDS } from '../../domain/recommendation.js';
import type { BoardPackSnapshot, PackAuditRow, PackBoardRequest, PackCoverageRow } from './types.js';

/** The appendix lists at most this many changes; the workbook's sheet has them all. */
export const AUDIT_APPENDIX_ROWS = 60;

const VERDICT_TONE: Readonly<Record<CoverageVerdict, Tone>> = {
  on_time: 'green',
  overdue: 'amber',
  not_covered: 'red',
};

const OUTCOME_TONE: Readonly<Record<PackBoardRequest['outcome'], Tone | undefined>> = {
  done: 'green',
  overdue: 'red',
  open: undefined,
  dropped: 'not_started',
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function coverageTable(rows: PackCoverageRow[], asOf: string): Table {
  return {
    caption: 'Recommendation coverage',
    columns: [
      { label: 'Recommendation', width: 27 },
      { label: 'Source', width: 16 },
      { label: 'Actions addressing it', width: 44 },
      { label: 'Verdict', width: 14 },
    ],
    rows: rows.map((r) => [
      cell(`${r.ref} ${r.text}`),
      cell(`${capitalise(r.source)}${r.sourceDate ? `, ${formatUkDate(r.sourceDate)}` : ''}`),
      cell(addressedBy(r, asOf)),
      cell(capitalise(VERDICT_WORDS[r.verdict]), { tone: VERDICT_TONE[r.verdict] }),
    ]),
  };
}

/** Order in the cell: what needs the board's attention first. */
const RANK = (a: { status: string; dueDate: string }, asOf: string): number =>
  a.status === 'open' ? (a.dueDate < asOf ? 0 : 1) : 2;

/**
 * One line per live action, overdue first; the linked workstreams first, as all their actions
 * count; dropped actions only counted, as they cover nothing.
 */
function addressedBy(r: PackCoverageRow, asOf: string): string {
  const live = r.actions.filter((a) => a.status !== 'dropped').sort((a, b) => RANK(a, asOf) - RANK(b, asOf));
  const dropped = r.actions.length - live.length;
  const lines = [
    ...(r.workstreams.length > 0 ? [`All actions of ${r.workstreams.join(', ')}:`] : []),
    ...live.map(
      (a) =>
        `A-${a.number} ${a.text} (${a.code}, ${a.owner}, due ${formatUkDate(a.dueDate)}${actionState(a, asOf)})`,
    ),
    ...(dropped > 0 ? [`${dropped} dropped ${dropped === 1 ? 'action' : 'actions'}, not counted`] : []),
  ];
  return lines.length > 0 ? lines.join('\n') : 'None';
}

function actionState(a: { status: string; dueDate: string }, asOf: string): string {
  if (a.status === 'open') return a.dueDate < asOf ? ', overdue' : '';
  return a.status === 'verified' ? ', verified' : a.status === 'done' ? ', done' : `, ${a.status}`;
}

export function coverageSection(pack: BoardPackSnapshot): Section | null {
  if (!pack.coverage) return null;
  const { rows, counts } = pack.coverage;
  return {
    heading: 'Recommendation coverage',
    blocks:
      rows.length === 0
        ? [{ kind: 'paragraph', text: 'No recommendations or priority actions are recorded yet.' }]
        : [
            {
              kind: 'paragraph',
              text: `${rows.length} recommendations and priority actions on ${formatUkDate(pack.asOf)}: ${coverageSummary(counts)}. An action addresses a recommendation when it is linked to it or to its workstream; dropped actions cover nothing.`,
            },
            { kind: 'table', table: coverageTable(rows, pack.asOf) },
          ],
  };
}

export function boardRequestTable(requests: PackBoardRequest[], asOf: string): Table {
  return {
    caption: 'Board requests',
    columns: [
      { label: 'Request', width: 38 },
      { label: 'Workstream', width: 10 },
      { label: 'Owner', width: 15 },
      { label: 'Due', width: 10 },
      { label: 'Status', width: 12 },
      { label: 'Outcome', width: 32 },
    ],
    rows: requests.map((r) => [
      cell(`A-${r.number} ${r.text}`),
      cell(r.code),
      cell(r.owner),
      cell(formatUkDate(r.dueDate)),
      cell(statusWords(r, asOf), { tone: OUTCOME_TONE[r.outcome] }),
      cell(outcomeWords(r)),
    ]),
  };
}

function statusWords(r: PackBoardRequest, asOf: string): string {
  if (r.outcome === 'done') return r.status === 'verified' ? 'Done (verified)' : 'Done';
  if (r.outcome === 'dropped') return 'Dropped';
  if (r.outcome === 'overdue') {
    const late = daysBetween(r.dueDate, asOf);
    return `Overdue (${late} ${late === 1 ? 'day' : 'days'})`;
  }
  return 'Open';
}

function outcomeWords(r: PackBoardRequest): string {
  if (r.outcome === 'done') {
    const on = r.completedOn ? `Completed ${formatUkDate(r.completedOn)}` : 'Completed';
    const verified = r.verifiedOn ? `, verified ${formatUkDate(r.verifiedOn)}` : '';
    return `${on}${verified}: ${r.evidenceNote ?? 'no evidence note recorded.'}`;
  }
  if (r.outcome === 'dropped')
    return `Dropped${r.droppedOn ? ` ${formatUkDate(r.droppedOn)}` : ''}${r.dropNote ? `: ${r.dropNote}` : ''}`;
  const moved =
    r.dateMoves > 0 ? ` Due date moved ${r.dateMoves === 1 ? 'once' : `${r.dateMoves} times`}.` : '';
  return r.outcome === 'overdue' ? `Not yet delivered.${moved}` : `In progress.${moved}`;
}

export function boardRequestSection(pack: BoardPackSnapshot): Section | null {
  if (!pack.boardRequests) return null;
  const requests = pack.boardRequests;
  const count = (o: PackBoardRequest['outcome']) => requests.filter((r) => r.outcome === o).length;
  return {
    heading: 'Board requests',
    blocks:
      requests.length === 0
        ? [
            {
              kind: 'paragraph',
              text: `No board request is open, and none was closed since ${formatUkDate(pack.sinceDay)}.`,
            },
          ]
        : [
            {
              kind: 'paragraph',
              text: `What the board asked for (recorded with /improve ask), open or closed since ${formatUkDate(pack.sinceDay)}: ${count('done')} done, ${count('overdue')} overdue, ${count('open')} open, ${count('dropped')} dropped.`,
            },
            { kind: 'table', table: boardRequestTable(requests, pack.asOf) },
          ],
  };
}

/** Every change of the period, for the workbook: the same rows as `npm run audit`. */
export function auditTable(rows: PackAuditRow[]): Table {
  return {
    caption: 'Audit trail',
    columns: [
      { label: 'When', width: 14 },
      { label: 'Who', width: 22 },
      { label: 'What', width: 50 },
      { label: 'Action', width: 16 },
      { label: 'Entity', width: 12 },
      { label: 'Entity id', width: 8 },
    ],
    rows: rows.map((r) => [
      cell(r.when),
      cell(r.who),
      cell(r.what),
      cell(r.action),
      cell(r.entity),
      cell(r.entityId),
    ]),
  };
}

/** The appendix: who made how many changes, then the latest changes (who, what, when). */
export function auditSection(pack: BoardPackSnapshot): Section | null {
  if (!pack.audit) return null;
  const { from, to, rows } = pack.audit;
  const period = `from ${formatUkDate(from)} to ${formatUkDate(to)}`;
  const command = `npm run audit -- --programme ${pack.programme.id} --from ${formatUkDate(from)} --to ${formatUkDate(to)}`;
  if (rows.length === 0)
    return {
      heading: 'Appendix: audit trail',
      blocks: [{ kind: 'paragraph', text: `No change was recorded ${period}.` }],
    };
  const shown = rows.slice(-AUDIT_APPENDIX_ROWS);
  const byWho = new Map<string, PackAuditRow[]>();
  for (const r of rows) byWho.set(r.who, [...(byWho.get(r.who) ?? []), r]);
  return {
    heading: 'Appendix: audit trail',
    blocks: [
      {
        kind: 'paragraph',
        text: `${rows.length} ${rows.length === 1 ? 'change was' : 'changes were'} recorded ${period}, by ${byWho.size} ${byWho.size === 1 ? 'person' : 'people'}. Every change is in the workbook’s Audit trail sheet, and the command “${command}” exports the same rows with the values before and after.`,
      },
      {
        kind: 'table',
        table: {
          caption: 'Changes by person',
          columns: [
            { label: 'Who', width: 40 },
            { label: 'Changes', width: 12 },
            { label: 'First', width: 24 },
            { label: 'Latest', width: 24 },
          ],
          rows: [...byWho].map(([who, mine]) => [
            cell(who),
            cell(String(mine.length)),
            cell(mine[0]!.when),
            cell(mine.at(-1)!.when),
          ]),
        },
      },
      {
        kind: 'heading',
        level: 2,
        text:
          shown.length === rows.length
            ? `Every change ${period}`
            : `The latest ${shown.length} changes (of ${rows.length})`,
      },
      {
        kind: 'table',
        table: {
          caption: 'Changes',
          columns: [
            { label: 'When', width: 14 },
            { label: 'Who', width: 24 },
            { label: 'What', width: 62 },
          ],
          rows: shown.map((r) => [cell(r.when), cell(r.who), cell(r.what)]),
        },
      },
    ],
  };
}
