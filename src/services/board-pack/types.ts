/**
 * The board pack as it was shown: every value the documents print, and nothing they compute.
 * Stored as JSON (BoardPack.snapshot) when a pack is produced, so the same files can be produced
 * again byte for byte, and the next pack can say what moved since this one.
 */
import type { Day } from '../../domain/dates.js';
import type { KpiVerdictState } from '../../domain/kpi-verdict.js';
import type { Rag } from '../../domain/rag.js';
import type { CoverageVerdict } from '../../domain/recommendation.js';

export interface RagRow {
  /** 'WS1' for a workstream; 'WS1' for a project too, with `project` set. */
  code: string;
  name: string;
  project: string | null;
  rag: Rag;
  /** The RAG in the previous board pack; null when there was none or the item is new since. */
  previousRag: Rag | null;
  reason: string | null;
  /** The day the latest RAG change was made. */
  reasonOn: Day | null;
}

export interface PackAction {
  number: number;
  code: string;
  text: string;
  owner: string;
  dueDate: Day;
  status: 'open' | 'done' | 'verified' | 'dropped';
  completedOn: Day | null;
  verifiedOn: Day | null;
  /** How many times its due date has been moved. */
  dateMoves: number;
}

export interface ExceptionItem {
  code: string;
  name: string;
  project: string | null;
  reason: string | null;
  reasonOn: Day | null;
  recovery: PackAction[];
  /** What the board is asked to do, from the state of the recovery actions. */
  ask: string;
}

export interface PackKpi {
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  latest: { value: number; period: Day } | null;
  target: { value: number; byDate: Day } | null;
  verdict: KpiVerdictState;
  verdictText: string;
  next: { value: number; byDate: Day } | null;
  /** The recent readings, oldest first, for the trend chart. */
  history: { value: number; period: Day }[];
}

/** One recommendation or priority action, as `/improve coverage` judges it on the day of the pack. */
export interface PackCoverageRow {
  ref: string;
  text: string;
  /** In words: 'inspection report', 'monitoring letter'. */
  source: string;
  sourceDate: Day | null;
  /** Workstreams linked to it: all their actions address it. */
  workstreams: string[];
  actions: { number: number; text: string; owner: string; dueDate: Day; status: string; code: string }[];
  verdict: CoverageVerdict;
}

/** A request from the board (Action.kind 'board_request'): open, or closed in the pack's period. */
export interface PackBoardRequest extends PackAction {
  evidenceNote: string | null;
  /** The day it was dropped, and why, when it was. */
  droppedOn: Day | null;
  dropNote: string | null;
  /** The verdict the board reads: delivered, overdue, open or dropped. */
  outcome: 'done' | 'overdue' | 'open' | 'dropped';
}

/** A change in the audit log, as `npm run audit` exports it. */
export interface PackAuditRow {
  when: string;
  who: string;
  what: string;
  action: string;
  entity: string;
  entityId: string;
}

export interface BoardPackSnapshot {
  version: 1;
  programme: { id: number; name: string; timezone: string };
  boardDate: Day;
  /** ISO instant. */
  producedAt: string;
  producedBy: string;
  /** The day it was produced: "overdue" means due before this day. */
  asOf: Day;
  previous: { boardDate: Day; producedAt: string } | null;
  /** The next board, for "due before the next board". */
  nextBoardDate: Day;
  /** Completed and verified actions are counted from this day. */
  sinceDay: Day;
  ragSheet: RagRow[];
  exceptions: ExceptionItem[];
  kpis: PackKpi[];
  actions: {
    overdue: PackAction[];
    dueBeforeNextBoard: PackAction[];
    completedSinceLastBoard: PackAction[];
    /** Open actions whose due date has moved, and how many moved more than twice. */
    moved: { actions: number; moves: number; movedMoreThanTwice: number };
  };
  /*
   * Added after the first packs were stored: a pack produced before has none of these, and is
   * produced again without those sections, as it was.
   */
  /** Every recommendation with the actions addressing it and its verdict. */
  coverage?: { rows: PackCoverageRow[]; counts: Record<CoverageVerdict, number> };
  /** Board requests open on the day, or closed from `sinceDay`. */
  boardRequests?: PackBoardRequest[];
  /** The audit log from `sinceDay` to `asOf`, both included, oldest first. */
  audit?: { from: Day; to: Day; rows: PackAuditRow[] };
}
