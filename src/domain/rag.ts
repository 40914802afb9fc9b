/** A RAG assessment of a workstream or project. Complete and Not started sit beside R/A/G. */
export type Rag = 'red' | 'amber' | 'green' | 'complete' | 'not_started';

/** Every RAG value, in the order a RAG summary sheet lists them. */
export const RAG_VALUES: readonly Rag[] = ['red', 'amber', 'green', 'complete', 'not_started'];

/** True when a stored string is one of the RAG values (database columns hold plain strings). */
export function isRag(value: string): value is Rag {
  return (RAG_VALUES as readonly string[]).includes(value);
}

/** Which way a RAG change went, from the board's point of view. */
export type RagMovement = 'worse' | 'better' | 'same';

// 'done' is deliberately absent: it already means "close this action", and reading it as a
// RAG would silently turn an action update into a status change. 'yellow' and 'orange' are
// absent too: some councils run a four-point scale where Yellow is not Amber.
const WORDS: Readonly<Record<string, Rag>> = {
  red: 'red',
  r: 'red',
  amber: 'amber',
  a: 'amber',
  green: 'green',
  g: 'green',
  complete: 'complete',
  completed: 'complete',
  blue: 'complete',
  not_started: 'not_started',
  'not-started': 'not_started',
  notstarted: 'not_started',
  grey: 'not_started',
  gray: 'not_started',
  red_circle: 'red',
  large_orange_circle: 'amber',
  large_yellow_circle: 'amber',
  large_green_circle: 'green',
  large_blue_circle: 'complete',
  white_circle: 'not_started',
};

// The circle emoji themselves, as Teams (and Slack on a phone) users type them.
const CIRCLES: Readonly<Record<string, Rag>> = {
  '🔴': 'red',
  '🟠': 'amber',
  '🟡': 'amber',
  '🟢': 'green',
  '🔵': 'complete',
  '⚪': 'not_started',
};

/**
 * Reads one word as a RAG value ('Red', 'a', '*green*', 'not-started', '<rag:red>').
 * Returns null for anything else, including 'done' (an action word, not a RAG).
 */
export function parseRag(word: string): Rag | null {
  const bare = word.trim().replace(/\uFE0F/g, '');
  if (Object.hasOwn(CIRCLES, bare)) return CIRCLES[bare] ?? null;
  const key = ragKey(word);
  return Object.hasOwn(WORDS, key) ? (WORDS[key] ?? null) : null;
}

// Strip Slack formatting and punctuation people type around the word ("*Red*", "amber.").
function ragKey(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/^[^a-z]+|[^a-z]+$/g, '');
}

/**
 * Words that are a RAG only where a RAG is required (`rag`), never where it is optional
 * (`update`): there they open ordinary sentences ("A new duty rota…", "Completed the audit…",
 * "Grey areas remain…", "Blue light partners…"). A single letter is never a RAG in `update`.
 */
const REQUIRED_ONLY = new Set(['r', 'a', 'g', 'completed', 'blue', 'grey', 'gray']);

/**
 * Reads a RAG from the start of a token list, so 'not started' typed as two words works.
 * `used` says how many tokens the RAG took, so the caller can treat the rest as the reason.
 * With `optional`, the first word is the start of free text unless it is plainly a RAG word, so
 * single letters and 'completed' are not read as one.
 */
export function parseRagTokens(
  tokens: readonly string[],
  options: { optional?: boolean } = {},
): { rag: Rag; used: number } | null {
  const [first, second] = tokens;
  if (first === undefined) return null;
  if (/^not$/i.test(first.trim())) {
    return second !== undefined && parseRag(`not_${second}`) === 'not_started'
      ? { rag: 'not_started', used: 2 }
      : null;
  }
  if (options.optional && REQUIRED_ONLY.has(ragKey(first))) return null;
  const rag = parseRag(first);
  return rag === null ? null : { rag, used: 1 };
}

const LABELS: Readonly<Record<Rag, string>> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  complete: 'Complete',
  not_started: 'Not started',
};

/** The word the board reads: 'Red', 'Amber', 'Green', 'Complete' or 'Not started'. */
export function ragLabel(rag: Rag): string {
  return LABELS[rag];
}

/**
 * The RAG mark shown beside a RAG word, in the neutral markup (src/chat/markup.ts): each
 * platform's renderer draws it (Slack as an emoji; amber as orange rather than yellow, because
 * amber on a printed RAG sheet is orange and yellow reads as a separate rating to some councils).
 */
export function ragMark(rag: Rag): string {
  return `<rag:${rag}>`;
}

// Exception reporting puts Red first, then Amber; work that has not started is a risk worth
// seeing before the Greens, and Complete needs no attention at all.
const SEVERITY: Readonly<Record<Rag, number>> = { red: 4, amber: 3, not_started: 2, green: 1, complete: 0 };

/** How much a RAG needs the board's attention: higher is more severe (Red 4 … Complete 0). */
export function ragSeverity(rag: Rag): number {
  return SEVERITY[rag];
}

/** Array.sort comparator that puts the most severe RAG first (Red, Amber, Not started, Green, Complete). */
export function compareRagBySeverity(a: Rag, b: Rag): number {
  return SEVERITY[b] - SEVERITY[a];
}

// Progress order for movement: Red < Not started < Amber < Green < Complete. Not started sits
// just above Red because a new Red is always news to the board (Not started → Red is worse),
// while starting work at Amber or better is progress, and falling back to Not started from
// Amber, Green or Complete is a slip.
const PROGRESS: Readonly<Record<Rag, number>> = { red: 0, not_started: 1, amber: 2, green: 3, complete: 4 };

/** Whether a change from one RAG to another is better, worse or no change for the board. */
export function ragMovement(from: Rag, to: Rag): RagMovement {
  const delta = PROGRESS[to] - PROGRESS[from];
  if (delta === 0) return 'same';
  return delta > 0 ? 'better' : 'worse';
}

/** '↑' for a better RAG, '↓' for a worse one, '' when it has not moved. */
export function ragArrow(from: Rag, to: Rag): string {
  const movement = ragMovement(from, to);
  if (movement === 'same') return '';
  return movement === 'better' ? '↑' : '↓';
}
