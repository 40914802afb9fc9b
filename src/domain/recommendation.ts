/**
 * Recommendations and priority actions: where one comes from, how its reference is written, and
 * the coverage verdict the board and inspectors ask for ("is every recommendation covered by work
 * that is on time?"). Pure rules; the services load the rows.
 */
import type { Day } from './dates.js';

export const RECOMMENDATION_SOURCES = [
  'inspection_report',
  'monitoring_letter',
  'improvement_notice',
  'commissioners_report',
] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

const LABELS: Record<RecommendationSource, string> = {
  inspection_report: 'inspection report',
  monitoring_letter: 'monitoring letter',
  improvement_notice: 'improvement notice',
  commissioners_report: 'commissioner’s report',
};

export const SOURCE_CHOICES =
  'inspection report, monitoring letter, improvement notice, commissioner’s report';

export function sourceLabel(source: string): string {
  return LABELS[source as RecommendationSource] ?? source;
}

// The words people type for each source, longest first so 'inspection report' wins over 'inspection'.
const SOURCE_WORDS: [string[], RecommendationSource][] = [
  [['inspection', 'report'], 'inspection_report'],
  [['monitoring', 'letter'], 'monitoring_letter'],
  [['improvement', 'notice'], 'improvement_notice'],
  [['commissioner’s', 'report'], 'commissioners_report'],
  [["commissioner's", 'report'], 'commissioners_report'],
  [['commissioners', 'report'], 'commissioners_report'],
  [['inspection'], 'inspection_report'],
  [['ilacs'], 'inspection_report'],
  [['letter'], 'monitoring_letter'],
  [['notice'], 'improvement_notice'],
  [['commissioner'], 'commissioners_report'],
  [['commissioner’s'], 'commissioners_report'],
  [["commissioner's"], 'commissioners_report'],
];

/** The source the words start with, and how many words it took. */
export function parseSourceWords(
  words: readonly string[],
): { source: RecommendationSource; used: number } | null {
  const lower = words.map((w) => w.toLowerCase());
  for (const [phrase, source] of SOURCE_WORDS)
    if (phrase.every((word, i) => lower[i] === word)) return { source, used: phrase.length };
  return null;
}

/** A reference: 1 to 12 letters, digits and dashes, starting with a letter or digit ('R1', 'PA-3', 'V3-PA1'). */
export const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,11}$/;

/** References compare without case or dashes: 'pa3', 'PA-3' and 'PA3' are the same. */
export const refKey = (ref: string): string => ref.toLowerCase().replace(/-/g, '');

export type CoverageVerdict = 'on_time' | 'overdue' | 'not_covered';

/** An action as the verdict sees it. */
export interface CoveringAction {
  status: string;
  dueDate: Day;
}

/**
 * The verdict on one recommendation from the actions addressing it (linked directly, or through
 * a linked workstream). Dropped actions cover nothing; a recommendation with only dropped actions,
 * or none, is not covered. It is overdue as soon as one open action addressing it is past its due
 * date; done and verified actions are on time whatever their date, because they are delivered.
 */
export function coverageVerdict(actions: readonly CoveringAction[], today: Day): CoverageVerdict {
  const live = actions.filter((a) => a.status !== 'dropped');
  if (live.length === 0) return 'not_covered';
  return live.some((a) => a.status === 'open' && a.dueDate < today) ? 'overdue' : 'on_time';
}

export const VERDICT_WORDS: Record<CoverageVerdict, string> = {
  on_time: 'covered and on time',
  overdue: 'covered but overdue',
  not_covered: 'not covered',
};

/** 'Recommendations: 12 covered and on time, 2 overdue, 1 not covered', for the digest. */
export function coverageSummary(counts: Record<CoverageVerdict, number>): string {
  return `${counts.on_time} covered and on time, ${counts.overdue} overdue, ${counts.not_covered} not covered`;
}
