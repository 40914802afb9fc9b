/**
 * One workstream of the pre-visit pack from the rows read for the period: its RAG history, its
 * updates (the latest few), its actions with evidence, its KPIs and the recommendations it covers.
 */

import { printedText } from '../../digest/plain-text.js';
import type { Day } from '../../domain/dates.js';
import { isRag, type Rag } from '../../domain/rag.js';
import { packKpi } from '../board-pack/load-board-pack.js';
import type { CoverageRow } from '../evidence/recommendation-coverage.js';
import type { VisitRows } from './load-visit-pack.js';
import type { VisitAction, VisitRecommendation, VisitWorkstream } from './types.js';

/** A long quarter of updates is more than a visit pack can usefully print. */
const UPDATES_SHOWN = 20;
/** A recommendation covered by a whole workstream names its first few actions, then a count. */
const ACTIONS_NAMED = 6;

/** How the pack names people and days, and the day it is produced. */
export interface Seen {
  today: Day;
  name: (personId: number) => string;
  day: (at: Date) => Day;
}

type WorkstreamRow = {
  id: number;
  code: string;
  name: string;
  rag: string;
  projects: { id: number; name: string }[];
  leads: { person: { displayName: string | null; platformUserId: string } }[];
};

export function visitWorkstream(w: WorkstreamRow, rows: VisitRows, seen: Seen): VisitWorkstream {
  const projects = new Map(w.projects.map((p) => [p.id, p.name]));
  const project = (id: number | null) => (id === null ? null : (projects.get(id) ?? null));
  const changes = rows.changes.filter((c) => c.workstreamId === w.id);
  const updates = rows.updates.filter((u) => u.workstreamId === w.id);
  return {
    code: w.code,
    name: w.name,
    leads: w.leads.map((l) => l.person.displayName || l.person.platformUserId).sort(),
    rag: asRag(w.rag),
    ragAtStart: asRag(changes.find((c) => c.projectId === null)?.fromRag ?? w.rag),
    ragChanges: changes.map((c) => ({
      on: seen.day(c.createdAt),
      project: project(c.projectId),
      from: asRag(c.fromRag),
      to: asRag(c.toRag),
      reason: printedText(c.reason),
      by: seen.name(c.authorId),
    })),
    updates: updates.slice(-UPDATES_SHOWN).map((u) => ({
      on: seen.day(u.createdAt),
      project: project(u.projectId),
      by: seen.name(u.authorId),
      rag: u.rag && isRag(u.rag) ? u.rag : null,
      text: printedText(u.text),
    })),
    updatesLeftOut: Math.max(0, updates.length - UPDATES_SHOWN),
    actions: rows.actions
      .filter((a) => a.workstreamId === w.id)
      .map((a) => toAction(a, seen))
      .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state]),
    kpis: rows.kpis.filter((k) => k.workstreamId === w.id).map((k) => packKpi(k, seen.today)),
    recommendations: rows.coverage.filter((r) => covers(r, w.code)).map(toRecommendation),
  };
}

/** Overdue first, then open, then what was done: stable, so each group stays in due-date order. */
const STATE_ORDER: Readonly<Record<VisitAction['state'], number>> = {
  overdue: 0,
  open: 1,
  done: 2,
  verified: 2,
};

const asRag = (value: string): Rag => (isRag(value) ? value : 'not_started');

type ActionRow = {
  number: number;
  text: string;
  ownerId: number;
  dueDate: string;
  status: string;
  completedAt: Date | null;
  evidenceNote: string | null;
  kind: string;
};

function toAction(a: ActionRow, { name, day, today }: Seen): VisitAction {
  const state =
    a.status === 'verified'
      ? 'verified'
      : a.status === 'done'
        ? 'done'
        : a.dueDate < today
          ? 'overdue'
          : 'open';
  return {
    number: a.number,
    text: printedText(a.text),
    owner: name(a.ownerId),
    dueDate: a.dueDate,
    state,
    completedOn: a.completedAt ? day(a.completedAt) : null,
    evidenceNote: a.evidenceNote ? printedText(a.evidenceNote) : null,
    boardRequest: a.kind === 'board_request',
  };
}

/** A recommendation is the workstream's when linked to it, or to one of its actions. */
const covers = (r: CoverageRow, code: string): boolean =>
  r.workstreamCodes.includes(code) || r.actions.some((a) => a.workstreamCode === code);

export function toRecommendation(r: CoverageRow): VisitRecommendation {
  return {
    ref: r.ref,
    text: printedText(r.text),
    source: r.source,
    verdict: r.verdict,
    actions: [
      ...r.actions.slice(0, ACTIONS_NAMED).map((a) => `A-${a.number} (${a.status})`),
      ...(r.actions.length > ACTIONS_NAMED ? [`and ${r.actions.length - ACTIONS_NAMED} more`] : []),
    ],
  };
}
