/**
 * One workstream's page of the pre-visit pack: where its RAG stands and why it moved, what its
 * leads said, its actions with the evidence of those done, its KPIs and the recommendations it
 * covers, all since the period began.
 */
import { type Block, cell, type Section, type Table } from '../../documents/document.js';
import { type Day, formatUkDate } from '../../domain/dates.js';
import { ragLabel } from '../../domain/rag.js';
import { sourceLabel, VERDICT_WORDS } from '../../domain/recommendation.js';
import { kpiTable } from '../board-pack/pack-document.js';
import type { VisitAction, VisitRecommendation, VisitWorkstream } from './types.js';

export function workstreamSection(w: VisitWorkstream, sinceDay: Day): Section {
  const since = formatUkDate(sinceDay);
  const standing =
    w.rag === w.ragAtStart
      ? `${ragLabel(w.rag)}, as it was on ${since}`
      : `${ragLabel(w.rag)} (it was ${ragLabel(w.ragAtStart)} on ${since})`;
  return {
    heading: `${w.code} ${w.name}`,
    blocks: [
      { kind: 'paragraph', text: `Lead: ${w.leads.join(', ') || 'none named'}. RAG now: ${standing}.` },
      ...part(
        `RAG history since ${since}`,
        w.ragChanges.length > 0 && ragTable(w),
        `No RAG change since ${since}.`,
      ),
      ...part(`Updates since ${since}`, w.updates.length > 0 && updateTable(w), `No update since ${since}.`),
      ...(w.updatesLeftOut > 0
        ? [
            {
              kind: 'paragraph' as const,
              emphasis: 'note' as const,
              text: `The ${w.updates.length} latest updates are shown; ${w.updatesLeftOut} earlier ${w.updatesLeftOut === 1 ? 'one is' : 'ones are'} in the history (/improve history ${w.code}).`,
            },
          ]
        : []),
      ...part(
        'Actions: open, and done since then',
        w.actions.length > 0 && actionTable(w),
        `No open action, and none done since ${since}.`,
      ),
      ...part(
        'KPIs',
        w.kpis.length > 0 && kpiTable(w.kpis, `KPIs of ${w.code}`),
        `No KPI is linked to ${w.code}.`,
      ),
      ...part(
        'Recommendations it covers',
        w.recommendations.length > 0 &&
          recommendationTable(w.recommendations, `Recommendations covered by ${w.code}`),
        `No recommendation is linked to ${w.code} or its actions.`,
      ),
    ],
  };
}

/** A level-2 heading, then the table, or a sentence saying there is nothing. */
function part(heading: string, table: Table | false, none: string): Block[] {
  return [
    { kind: 'heading', level: 2, text: heading },
    table ? { kind: 'table', table } : { kind: 'paragraph', text: none },
  ];
}

function ragTable(w: VisitWorkstream): Table {
  return {
    caption: `RAG history of ${w.code}`,
    columns: [
      { label: 'Date', width: 10 },
      { label: 'Workstream or project', width: 18 },
      { label: 'Change', width: 16 },
      { label: 'Reason', width: 42 },
      { label: 'By', width: 14 },
    ],
    rows: w.ragChanges.map((c) => [
      cell(formatUkDate(c.on)),
      cell(c.project ?? w.code),
      cell(`${ragLabel(c.from)} to ${ragLabel(c.to)}`, { tone: c.to }),
      cell(c.reason || 'No reason recorded'),
      cell(c.by),
    ]),
  };
}

function updateTable(w: VisitWorkstream): Table {
  return {
    caption: `Updates on ${w.code}`,
    columns: [
      { label: 'Date', width: 10 },
      { label: 'By', width: 14 },
      { label: 'Update', width: 76 },
    ],
    rows: w.updates.map((u) => [
      cell(formatUkDate(u.on)),
      cell(u.by),
      cell(`${u.project ? `${u.project}: ` : ''}${u.text}${u.rag ? ` (${ragLabel(u.rag)})` : ''}`),
    ]),
  };
}

const STATE_WORDS: Readonly<Record<VisitAction['state'], string>> = {
  open: 'Open',
  overdue: 'Overdue',
  done: 'Done',
  verified: 'Verified',
};

function actionTable(w: VisitWorkstream): Table {
  return {
    caption: `Actions of ${w.code}`,
    columns: [
      { label: 'Action', width: 36 },
      { label: 'Owner', width: 13 },
      { label: 'Due', width: 10 },
      { label: 'State', width: 12 },
      { label: 'Evidence of completion', width: 29 },
    ],
    rows: w.actions.map((a) => {
      const done = a.state === 'done' || a.state === 'verified';
      return [
        cell(`A-${a.number}${a.boardRequest ? ' (board request)' : ''} ${a.text}`),
        cell(a.owner),
        cell(formatUkDate(a.dueDate)),
        cell(`${STATE_WORDS[a.state]}${done && a.completedOn ? ` ${formatUkDate(a.completedOn)}` : ''}`, {
          bold: a.state === 'overdue',
          ...(done ? { tone: 'green' as const } : a.state === 'overdue' ? { tone: 'red' as const } : {}),
        }),
        cell(done ? (a.evidenceNote ?? 'No evidence note recorded') : ''),
      ];
    }),
  };
}

/** Recommendations with their coverage verdict and the actions addressing them. */
export function recommendationTable(rows: VisitRecommendation[], caption: string): Table {
  return {
    caption,
    columns: [
      { label: 'Ref', width: 9 },
      { label: 'Recommendation', width: 45 },
      { label: 'Source', width: 14 },
      { label: 'Coverage', width: 14 },
      { label: 'Actions', width: 18 },
    ],
    rows: rows.map((r) => [
      cell(r.ref, { bold: true }),
      cell(r.text),
      cell(capitalise(sourceLabel(r.source))),
      cell(capitalise(VERDICT_WORDS[r.verdict]), {
        tone: r.verdict === 'on_time' ? 'green' : r.verdict === 'overdue' ? 'amber' : 'red',
      }),
      cell(r.actions.join(', ') || 'None'),
    ]),
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
