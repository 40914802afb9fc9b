/**
 * What a weekly digest says, as plain data: build-digest.ts gathers it from the database and
 * render-digest.ts turns it into messages. Keeping the two apart lets tests check each section's
 * rules without parsing Block Kit, and lets the CLI print the same digest as text.
 */
import type { ActionView } from '../domain/actions.js';
import type { Day } from '../domain/dates.js';
import type { KpiDirection, KpiTargetPoint, KpiTrend, KpiVerdict } from '../domain/kpi.js';
import type { Rag } from '../domain/rag.js';
import type { CoverageVerdict } from '../domain/recommendation.js';

export interface DigestProgramme {
  id: number;
  workspaceId: string;
  name: string;
  timezone: string;
  boardChannelId: string | null;
  silenceDays: number;
  /** The board asked for the exceptions only: Reds, overdue actions, silence, KPIs not on track. */
  exceptionsOnly: boolean;
}

export interface DigestWorkstream {
  id: number;
  code: string;
  name: string;
  rag: Rag;
  /** The RAG at the last digest, when it has moved since; null when it has not. */
  movedFrom: Rag | null;
  lastUpdateDay: Day | null;
  leadUserIds: string[];
}

export interface DigestChange {
  day: Day;
  /** 'WS2' or 'WS2 / Audit programme' (user text, not yet made safe). */
  subject: string;
  subjectName: string;
  /** True when the subject is a project of the workstream rather than the workstream itself. */
  isProject: boolean;
  from: Rag;
  to: Rag;
  /** The latest change's reason and author: a net move says why it ended where it did. */
  reason: string;
  authorUserId: string;
  /** How many changes the net move is made of (a flip-flop to Red and back is none). */
  count: number;
}

export interface DigestException {
  kind: 'workstream' | 'project';
  code: string;
  name: string;
  /** The reason given when it went Red, and when. */
  reason: { text: string; day: Day; authorUserId: string } | null;
  latestUpdate: { text: string; day: Day; authorUserId: string } | null;
  openActions: ActionView[];
}

export interface DigestSilence {
  code: string;
  name: string;
  lastUpdateDay: Day | null;
  /** Whole days since the latest update (or since the workstream was added, when it has none). */
  days: number;
  leadUserIds: string[];
}

export interface DigestKpi {
  name: string;
  unit: string;
  direction: KpiDirection;
  latest: { value: number; period: Day } | null;
  previous: number | null;
  target: KpiTargetPoint | null;
  /** How the KPI is doing today (domain/kpi-verdict.ts). */
  verdict: KpiVerdict;
  trend: KpiTrend | null;
  next: KpiTargetPoint | null;
}

export interface DigestEvent {
  number: number;
  kind: string;
  startDate: Day;
  endDate: Day | null;
  theme: string | null;
}

export interface Digest {
  programme: DigestProgramme;
  /** Monday of the digest's week. */
  weekStart: Day;
  today: Day;
  asOf: Date;
  /** Changes and completions are counted from here: the last digest, or 7 days back. */
  since: Date;
  sinceLastDigest: boolean;
  nextVisit: DigestEvent | null;
  nextDeadline: DigestEvent | null;
  workstreams: DigestWorkstream[];
  ragCounts: { workstreams: Record<Rag, number>; projects: Record<Rag, number> };
  /** The same counts as they stood at the last digest (or 7 days ago), for the movement. */
  ragCountsBefore: { workstreams: Record<Rag, number>; projects: Record<Rag, number> };
  changes: DigestChange[];
  exceptions: DigestException[];
  silent: DigestSilence[];
  overdue: { ownerUserId: string; actions: ActionView[] }[];
  dueSoon: ActionView[];
  completedCount: number;
  kpis: DigestKpi[];
  comingUp: DigestEvent[];
  /** How many recommendations are covered and on time, overdue, not covered; absent when none are recorded. */
  coverage?: Record<CoverageVerdict, number>;
  /** Board requests (`/improve ask`) not yet done, soonest due first; absent when there are none. */
  boardRequests?: ActionView[];
}

/** How far ahead 'due soon' and 'coming up' look. */
export const DUE_SOON_DAYS = 14;
/** How many due-soon actions the digest lists before 'and N more'. */
export const DUE_SOON_SHOWN = 8;
export const COMING_UP_DAYS = 56;
