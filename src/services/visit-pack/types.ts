/**
 * The pre-visit pack as it was produced: every value the documents print, and nothing they
 * compute, so the document builder stays a pure function of it (as the board pack's snapshot).
 */
import type { Day } from '../../domain/dates.js';
import type { Rag } from '../../domain/rag.js';
import type { CoverageVerdict } from '../../domain/recommendation.js';
import type { PackKpi } from '../board-pack/types.js';

export interface VisitRef {
  ref: string;
  kind: string;
  startDate: Day;
  endDate: Day | null;
  theme: string | null;
  outcome: string | null;
  outcomeDate: Day | null;
}

export interface VisitRagChange {
  on: Day;
  project: string | null;
  from: Rag;
  to: Rag;
  reason: string;
  by: string;
}

export interface VisitUpdate {
  on: Day;
  project: string | null;
  by: string;
  rag: Rag | null;
  text: string;
}

export interface VisitAction {
  number: number;
  text: string;
  owner: string;
  dueDate: Day;
  /** 'overdue' is an open action due before the pack's day. */
  state: 'open' | 'overdue' | 'done' | 'verified';
  completedOn: Day | null;
  evidenceNote: string | null;
  boardRequest: boolean;
}

export interface VisitRecommendation {
  ref: string;
  text: string;
  source: string;
  verdict: CoverageVerdict;
  /** The linked actions by reference, 'A-4 (open)'. */
  actions: string[];
}

export interface VisitWorkstream {
  code: string;
  name: string;
  leads: string[];
  rag: Rag;
  /** The RAG when the period began: the first change's 'from', else the RAG now. */
  ragAtStart: Rag;
  ragChanges: VisitRagChange[];
  updates: VisitUpdate[];
  /** How many updates were left out, oldest first, to keep the pack readable. */
  updatesLeftOut: number;
  actions: VisitAction[];
  kpis: PackKpi[];
  recommendations: VisitRecommendation[];
}

export interface VisitPackSnapshot {
  version: 1;
  programme: { id: number; name: string; timezone: string };
  visit: VisitRef;
  /** The visit before this one, whose end starts the period; null for the first. */
  previous: VisitRef | null;
  /** The period covered: from this day (inclusive) to `asOf`. */
  sinceDay: Day;
  asOf: Day;
  /** ISO instant. */
  producedAt: string;
  producedBy: string;
  /** True when the visit links no workstream and the pack shows every open one. */
  allWorkstreams: boolean;
  workstreams: VisitWorkstream[];
  /** KPIs linked to no workstream: the programme's own, shown once. */
  programmeKpis: PackKpi[];
  /** The previous visit's letter's priority actions and their coverage now. */
  previousLetter: VisitRecommendation[];
}
