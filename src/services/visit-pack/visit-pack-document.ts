/**
 * The pre-visit pack snapshot as a neutral document (src/documents/document.ts), so the board
 * pack's DOCX and PDF renderers print it: a cover with the visit, the period and every linked
 * workstream at a glance, then one section per workstream (RAG history with reasons, updates,
 * actions with their evidence, KPIs, recommendations). Pure: the same snapshot, the same document.
 */
import { cell, type Document, type Section, type Table } from '../../documents/document.js';
import { type Day, daysBetween, formatDateTimeUk, formatLongDate, formatUkDate } from '../../domain/dates.js';
import { eventKindLabel } from '../../domain/event-kind.js';
import { ragLabel } from '../../domain/rag.js';
import { kpiTable } from '../board-pack/pack-document.js';
import type { VisitPackSnapshot, VisitRecommendation, VisitRef, VisitWorkstream } from './types.js';
import { recommendationTable, workstreamSection } from './workstream-section.js';

export function visitPackDocument(pack: VisitPackSnapshot): Document {
  const produced = new Date(pack.producedAt);
  const { visit } = pack;
  const name = `${visit.ref} ${eventKindLabel(visit.kind)}`;
  return {
    title: `${pack.programme.name}: pre-visit pack`,
    subtitle: `For ${name} on ${visitDates(visit, formatLongDate)}${visit.theme ? `, theme: ${visit.theme}` : ''}. Produced ${formatDateTimeUk(produced, pack.programme.timezone)} by ${pack.producedBy}.`,
    metadata: {
      author: pack.producedBy,
      subject: `Pre-visit pack for ${name} on ${formatUkDate(visit.startDate)}`,
      keywords: 'pre-visit pack, monitoring visit, RAG history, actions, evidence, KPIs, recommendations',
      created: produced,
    },
    footer: `${pack.programme.name} · pre-visit pack for ${visit.ref} on ${formatUkDate(visit.startDate)}`,
    sections: [
      coverSection(pack),
      ...pack.workstreams.map((w) => workstreamSection(w, pack.sinceDay)),
      ...(pack.programmeKpis.length > 0 ? [programmeKpiSection(pack)] : []),
    ],
  };
}

const visitDates = (v: VisitRef, format: (day: Day) => string): string =>
  v.endDate && v.endDate !== v.startDate
    ? `${format(v.startDate)} to ${format(v.endDate)}`
    : format(v.startDate);

/** 'in 14 days', 'tomorrow', 'today', 'under way', 'over (ended 11/03/2026)'. */
function countdown(v: VisitRef, today: Day): string {
  const days = daysBetween(today, v.startDate);
  if (days > 1) return `in ${days} days`;
  if (days === 1) return 'tomorrow';
  if (days === 0) return 'today';
  const end = v.endDate ?? v.startDate;
  return end >= today ? 'under way' : `over (ended ${formatUkDate(end)})`;
}

function coverSection(pack: VisitPackSnapshot): Section {
  const { visit, previous } = pack;
  const period = previous
    ? `since the end of the previous visit, ${previous.ref} ${eventKindLabel(previous.kind)} (${visitDates(previous, formatUkDate)})`
    : 'since the plan began';
  const lines = [
    `${eventKindLabel(visit.kind)} ${visit.ref}: ${visitDates(visit, formatLongDate)}, ${countdown(visit, pack.asOf)}.`,
    `Theme: ${visit.theme ?? 'none recorded'}.`,
    `This pack covers ${formatUkDate(pack.sinceDay)} to ${formatUkDate(pack.asOf)}, ${period}.`,
  ];
  if (previous?.outcome)
    lines.push(
      `${previous.ref}'s letter${previous.outcomeDate ? ` (${formatUkDate(previous.outcomeDate)})` : ''}: ${previous.outcome}.`,
    );
  return {
    heading: 'The visit',
    blocks: [
      ...lines.map((text) => ({ kind: 'paragraph' as const, text })),
      {
        kind: 'paragraph',
        emphasis: 'note',
        text: pack.allWorkstreams
          ? 'The visit links no workstream, so every open workstream is shown. Link the visit to its workstreams by naming their codes in the theme (visit add … WS2).'
          : `Workstreams linked to the visit: ${pack.workstreams.map((w) => w.code).join(', ')}.`,
      },
      { kind: 'heading', level: 2, text: 'Workstreams at a glance' },
      { kind: 'table', table: glanceTable(pack.workstreams) },
      ...(previous ? letterBlocks(previous, pack.previousLetter) : []),
    ],
  };
}

function glanceTable(workstreams: VisitWorkstream[]): Table {
  return {
    caption: 'Workstreams at a glance',
    columns: [
      { label: 'Workstream', width: 28 },
      { label: 'Lead', width: 16 },
      { label: 'RAG now', width: 10 },
      { label: 'At start of period', width: 11 },
      { label: 'RAG changes', width: 8 },
      { label: 'Updates', width: 8 },
      { label: 'Open (overdue)', width: 10 },
      { label: 'Done since', width: 9 },
    ],
    rows: workstreams.map((w) => {
      const open = w.actions.filter((a) => a.state === 'open' || a.state === 'overdue');
      const overdue = open.filter((a) => a.state === 'overdue').length;
      return [
        cell(`${w.code} ${w.name}`, { bold: true }),
        cell(w.leads.join(', ') || 'No lead'),
        cell(ragLabel(w.rag), { tone: w.rag }),
        cell(ragLabel(w.ragAtStart), { tone: w.ragAtStart }),
        cell(String(w.ragChanges.length)),
        cell(String(w.updates.length + w.updatesLeftOut)),
        cell(`${open.length} (${overdue})`, { bold: overdue > 0 }),
        cell(String(w.actions.length - open.length)),
      ];
    }),
  };
}

function letterBlocks(previous: VisitRef, letter: VisitRecommendation[]): Section['blocks'] {
  const heading = {
    kind: 'heading' as const,
    level: 2 as const,
    text: `Priority actions from ${previous.ref}'s letter`,
  };
  if (letter.length === 0)
    return [
      heading,
      { kind: 'paragraph', text: `No priority actions are recorded from ${previous.ref}'s letter.` },
    ];
  return [
    heading,
    { kind: 'table', table: recommendationTable(letter, `Priority actions from ${previous.ref}`) },
  ];
}

function programmeKpiSection(pack: VisitPackSnapshot): Section {
  return {
    heading: 'Programme KPIs',
    blocks: [
      {
        kind: 'paragraph',
        text: 'KPIs of the whole programme, linked to no one workstream, as they stand today.',
      },
      { kind: 'table', table: kpiTable(pack.programmeKpis, 'Programme KPIs') },
    ],
  };
}
