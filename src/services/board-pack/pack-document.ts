/**
 * The board pack snapshot as a neutral document (src/documents/document.ts): the RAG summary
 * sheet, the exception report, the KPI scorecard and the action log, in the order a board reads
 * them. Pure: the same snapshot always gives the same document.
 */
import {
  type Cell,
  cell,
  type Document,
  type Section,
  type Table,
  type Tone,
} from '../../documents/document.js';
import { formatDateTimeUk, formatLongDate, formatUkDate } from '../../domain/dates.js';
import { describeTarget, formatKpiValue, type KpiVerdictState } from '../../domain/kpi.js';
import { RAG_VALUES, type Rag, ragLabel, ragMovement } from '../../domain/rag.js';
import { actionLog } from './pack-action-log.js';
import { auditSection, boardRequestSection, coverageSection } from './pack-evidence-document.js';
import type { BoardPackSnapshot, PackKpi, RagRow } from './types.js';

export function packDocument(pack: BoardPackSnapshot): Document {
  const produced = new Date(pack.producedAt);
  const since = pack.previous
    ? `Movement is shown since the board pack for ${formatUkDate(pack.previous.boardDate)}.`
    : 'This is the first board pack for the programme: movement is shown from the next one.';
  return {
    title: `${pack.programme.name}: board pack`,
    subtitle: `For the improvement board on ${formatLongDate(pack.boardDate)}. Produced ${formatDateTimeUk(produced, pack.programme.timezone)} by ${pack.producedBy}. ${since}`,
    metadata: {
      author: pack.producedBy,
      subject: `Board pack for ${formatUkDate(pack.boardDate)}`,
      keywords: pack.audit
        ? 'RAG summary sheet, exception report, KPI scorecard, action log, board requests, recommendation coverage, audit trail'
        : 'RAG summary sheet, exception report, KPI scorecard, action log',
      created: produced,
    },
    footer: `${pack.programme.name} · board pack for ${formatUkDate(pack.boardDate)}`,
    sections: [
      ragSection(pack),
      exceptionSection(pack),
      kpiSection(pack),
      actionLog(pack),
      boardRequestSection(pack),
      coverageSection(pack),
      auditSection(pack),
    ].filter((s): s is Section => s !== null),
  };
}

/** The RAG summary sheet as a table: the CSV and workbook show exactly this. */
export function ragSheetTable(pack: BoardPackSnapshot): Table {
  return {
    caption: 'RAG summary sheet',
    columns: [
      { label: 'Workstream or project', width: 27 },
      { label: 'RAG', width: 9 },
      { label: 'Since last board', width: 11 },
      { label: 'Latest reason', width: 44 },
      { label: 'Reason given', width: 9 },
    ],
    rows: pack.ragSheet.map((row): Cell[] => [
      row.project ? cell(`    ${row.project}`) : cell(`${row.code} ${row.name}`, { bold: true }),
      cell(ragLabel(row.rag), { tone: row.rag }),
      cell(movement(row, pack.previous !== null)),
      cell(row.reason ?? 'No reason recorded'),
      cell(row.reasonOn ? formatUkDate(row.reasonOn) : ''),
    ]),
  };
}

/** '↓ from Amber', '↑ from Red', '→ no change', 'new' (not in the last pack), '' for a first pack. */
function movement(row: RagRow, hadPrevious: boolean): string {
  if (!hadPrevious) return '';
  if (!row.previousRag) return 'new';
  const move = ragMovement(row.previousRag, row.rag);
  if (move === 'same') return '→ no change';
  return `${move === 'better' ? '↑' : '↓'} from ${ragLabel(row.previousRag)}`;
}

function ragSection(pack: BoardPackSnapshot): Section {
  const counts = RAG_VALUES.map(
    (rag) => [rag, pack.ragSheet.filter((r) => !r.project && r.rag === rag).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([rag, n]) => `${n} ${ragLabel(rag as Rag)}`);
  const workstreams = pack.ragSheet.filter((r) => !r.project).length;
  return {
    heading: 'RAG summary sheet',
    blocks: [
      {
        kind: 'paragraph',
        text: `${workstreams} workstreams: ${counts.join(', ')}. Projects are listed under their workstream.`,
      },
      { kind: 'table', table: ragSheetTable(pack) },
    ],
  };
}

function exceptionSection(pack: BoardPackSnapshot): Section {
  if (pack.exceptions.length === 0)
    return { heading: 'Exception report', blocks: [{ kind: 'paragraph', text: 'Nothing is Red.' }] };
  return {
    heading: 'Exception report',
    blocks: [
      {
        kind: 'paragraph',
        text: `${pack.exceptions.length} Red ${pack.exceptions.length === 1 ? 'item' : 'items'}: why each is Red, the recovery actions, and what the board is asked to do.`,
      },
      ...pack.exceptions.flatMap((item) => [
        {
          kind: 'heading' as const,
          level: 2 as const,
          text: `${item.code} ${item.name}${item.project ? `: ${item.project}` : ''} (Red)`,
        },
        {
          kind: 'paragraph' as const,
          text: `Why it is Red${item.reasonOn ? ` (${formatUkDate(item.reasonOn)})` : ''}: ${item.reason ?? 'no reason was recorded with the change to Red.'}`,
        },
        item.recovery.length > 0
          ? { kind: 'table' as const, table: recoveryTable(item.code, item.recovery, pack.asOf) }
          : { kind: 'paragraph' as const, text: 'Recovery actions: none recorded.' },
        { kind: 'paragraph' as const, emphasis: 'strong' as const, text: `The board is asked ${item.ask}` },
      ]),
    ],
  };
}

function recoveryTable(code: string, actions: BoardPackSnapshot['actions']['overdue'], asOf: string): Table {
  return {
    caption: `Recovery actions for ${code}`,
    columns: [
      { label: 'Action', width: 50 },
      { label: 'Owner', width: 18 },
      { label: 'Due', width: 16 },
      { label: 'Date moved', width: 10 },
    ],
    rows: actions.map((a) => [
      cell(`A-${a.number} ${a.text}`),
      cell(a.owner),
      cell(`${formatUkDate(a.dueDate)}${a.dueDate < asOf ? ' (overdue)' : ''}`, { bold: a.dueDate < asOf }),
      cell(times(a.dateMoves)),
    ]),
  };
}

/** '0', 'once', 'twice', '3 times'. */
export const times = (n: number): string =>
  n === 0 ? 'no' : n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;

const VERDICT_TONE: Readonly<Record<KpiVerdictState, Tone>> = {
  met: 'green',
  on_track: 'green',
  off_track: 'amber',
  missed: 'red',
  stale: 'not_started',
  no_target: 'not_started',
  no_reading: 'not_started',
};

function kpiSection(pack: BoardPackSnapshot): Section {
  return {
    heading: 'KPI scorecard',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Each KPI is judged against its trajectory: met or missed once the target date has passed; before it, on track or off track by the trend of recent readings; stale when a reading is overdue.',
      },
      { kind: 'table', table: kpiTable(pack.kpis, 'KPI scorecard') },
    ],
  };
}

/** KPIs with their latest reading, target, verdict, trend chart and next target (also the visit pack's). */
export function kpiTable(kpis: readonly PackKpi[], caption: string): Table {
  return {
    caption,
    columns: [
      { label: 'KPI', width: 22 },
      { label: 'Latest reading', width: 15 },
      { label: 'Target in force', width: 17 },
      { label: 'Verdict', width: 15 },
      { label: 'Trend', width: 17 },
      { label: 'Next target', width: 14 },
    ],
    rows: kpis.map((k) => [
      cell(k.name, { bold: true }),
      cell(
        k.latest
          ? `${formatKpiValue(k.latest.value, k.unit)} (${formatUkDate(k.latest.period)})`
          : 'No reading yet',
      ),
      cell(k.target ? describeTarget(k.direction, k.target, formatUkDate, k.unit) : 'No target'),
      cell(capitalise(k.verdictText), { tone: VERDICT_TONE[k.verdict] }),
      k.history.length > 0 ? cell('', { chart: trendChart(k) }) : cell('No readings'),
      cell(k.next ? describeTarget(k.direction, k.next, formatUkDate, k.unit) : 'None'),
    ]),
  };
}

function trendChart(k: PackKpi) {
  const first = k.history[0]!;
  const last = k.history.at(-1)!;
  const better = k.direction === 'higher' ? 'higher' : 'lower';
  return {
    points: k.history.map((r) => ({ label: formatUkDate(r.period), value: r.value })),
    ...(k.target ? { target: k.target.value } : {}),
    altText: `${k.name}: ${k.history.length} readings from ${formatKpiValue(first.value, k.unit)} on ${formatUkDate(first.period)} to ${formatKpiValue(last.value, k.unit)} on ${formatUkDate(last.period)}${k.target ? `, against a target of ${formatKpiValue(k.target.value, k.unit)}` : ''}; ${better} is better.`,
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
