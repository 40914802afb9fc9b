/**
 * The board pack as it was shown: every value the documents print, and nothing they compute.
 * Stored as JSON (BoardPack.snapshot) when a pack is produced, so the same files can be produced
 * again byte for byte, and the next pack can say what moved since this one.
 */
import type { Day } from '../../domain/dates.js';
import type { KpiVerdictState } from '../../domain/kpi-verdict.js';
import type { Rag } from '../../domain/rag.js';

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
}
