/**
 * The kinds of dated event a programme tracks: Ofsted visits, DfE reviews, deadlines and board
 * meetings. People type them many ways ('mv', 'monitoring', 'ILACS', 'board'); this reads them all.
 */

/** Stored in Event.kind. */
export type EventKind =
  | 'monitoring_visit'
  | 'focused_visit'
  | 'inspection'
  | 'dfe_review'
  | 'deadline'
  | 'board_meeting';

export const EVENT_KINDS: readonly EventKind[] = [
  'monitoring_visit',
  'focused_visit',
  'inspection',
  'dfe_review',
  'deadline',
  'board_meeting',
];

const LABELS: Readonly<Record<EventKind, string>> = {
  monitoring_visit: 'Monitoring visit',
  focused_visit: 'Focused visit',
  inspection: 'Inspection',
  dfe_review: 'DfE review',
  deadline: 'Deadline',
  board_meeting: 'Board meeting',
};

// One-word and two-word forms. 'sif' is the inspection framework older reports name; 'reinspection'
// and 're-inspection' are how councils under monitoring speak of the full inspection to come.
const WORDS: Readonly<Record<string, EventKind>> = {
  monitoring: 'monitoring_visit',
  'monitoring visit': 'monitoring_visit',
  'monitoring-visit': 'monitoring_visit',
  monitoring_visit: 'monitoring_visit',
  mv: 'monitoring_visit',
  focused: 'focused_visit',
  focussed: 'focused_visit',
  'focused visit': 'focused_visit',
  'focussed visit': 'focused_visit',
  'focused-visit': 'focused_visit',
  focused_visit: 'focused_visit',
  fv: 'focused_visit',
  inspection: 'inspection',
  'full inspection': 'inspection',
  reinspection: 'inspection',
  're-inspection': 'inspection',
  ilacs: 'inspection',
  'ilacs inspection': 'inspection',
  sif: 'inspection',
  dfe: 'dfe_review',
  'dfe review': 'dfe_review',
  'dfe-review': 'dfe_review',
  dfe_review: 'dfe_review',
  'dfe visit': 'dfe_review',
  review: 'dfe_review',
  deadline: 'deadline',
  due: 'deadline',
  board: 'board_meeting',
  'board meeting': 'board_meeting',
  'board-meeting': 'board_meeting',
  board_meeting: 'board_meeting',
  'improvement board': 'board_meeting',
};

/** The words a user may type for each kind, for help and error messages. */
export const EVENT_KIND_CHOICES =
  'monitoring visit (mv), focused visit, inspection (ILACS), DfE review, deadline, board meeting';

/**
 * Reads an event kind from the start of the words ('monitoring visit 12/03' uses 2, 'mv 12/03'
 * uses 1). Null when the first word is no kind we know.
 */
export function parseEventKindTokens(tokens: readonly string[]): { kind: EventKind; used: number } | null {
  const [first, second] = tokens;
  if (first === undefined) return null;
  const two = second === undefined ? undefined : lookUp(`${first} ${second}`);
  if (two) return { kind: two, used: 2 };
  const one = lookUp(first);
  return one ? { kind: one, used: 1 } : null;
}

function lookUp(words: string): EventKind | undefined {
  const key = words.toLowerCase().replace(/[.,:]+$/, '');
  // hasOwn, so 'constructor' or 'toString' typed as a kind is not found on Object's prototype.
  return Object.hasOwn(WORDS, key) ? WORDS[key] : undefined;
}

/** 'Monitoring visit', 'DfE review'… */
export function eventKindLabel(kind: string): string {
  return LABELS[kind as EventKind] ?? kind;
}

/** Visits are things that happen to the council; deadlines and meetings are the programme's own dates. */
export function isVisit(kind: EventKind): boolean {
  return kind !== 'deadline' && kind !== 'board_meeting';
}

/** 'V-12' for event number 12. */
export function eventRef(number: number): string {
  return `V-${number}`;
}

/** Reads 'V-12', 'v12', 'V 12' or '12' as an event number; null otherwise. */
export function parseEventRef(text: string): number | null {
  const match = /^v?[-\s]?(\d{1,6})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}
