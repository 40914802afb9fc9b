/**
 * What an audit row means in words: 'RAG changed to Red: three leavers this month'. The row's
 * `after` is the JSON the service wrote; only the fields a reader needs are picked out.
 */
import { formatUkDate } from './dates.js';
import { isRag, ragLabel } from './rag.js';
import { truncateText } from './text.js';

type Fields = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
const clip = (v: unknown) => truncateText(str(v), 200);
const rag = (v: unknown) => (isRag(str(v)) ? ragLabel(str(v) as never) : str(v));
const day = (v: unknown) => (/^\d{4}-\d{2}-\d{2}$/.test(str(v)) ? formatUkDate(str(v)) : str(v));

const ACTION_WORDS: Record<string, (a: Fields, b: Fields) => string> = {
  created: (a) =>
    `${a.kind === 'board_request' ? 'board request' : 'action'} A-${str(a.number)} added, due ${day(a.dueDate)}: ${clip(a.text)}`,
  done: (a) => `A-${str(a.number)} marked done${a.evidenceNote ? `: ${clip(a.evidenceNote)}` : ''}`,
  evidence: (a) => `evidence added to A-${str(a.number)}: ${clip(a.evidenceNote)}`,
  verified: (a) => `A-${str(a.number)} verified`,
  extended: (a, b) => `A-${str(a.number)} moved from ${day(b.dueDate)} to ${day(a.dueDate)}`,
  reassigned: (a) => `A-${str(a.number)} reassigned`,
  dropped: (a) => `A-${str(a.number)} dropped`,
  comment: (a) => `comment on A-${str(a.number)}`,
  not_mine: (a) => `A-${str(a.number)} declined as not theirs`,
  extension_requested: (a) => `new due date ${day(a.requestedDue)} requested for A-${str(a.number)}`,
  extension_refused: (a, b) => `new due date ${day(b.requestedDue)} for A-${str(a.number)} refused`,
};

const WORDS: Record<string, (a: Fields, b: Fields) => string> = {
  'rag.change': (a) => `RAG changed to ${rag(a.rag)}: ${clip(a.reason)}`,
  'update.post': (a) => `update posted: ${clip(a.text)}`,
  'update.edit': (a) => `update edited: ${clip(a.text)}`,
  'update.withdraw': () => 'update withdrawn',
  'workstream.add': (a) => `workstream ${str(a.code)} added: ${clip(a.name)}`,
  'project.add': (a) => `project added: ${clip(a.name)}`,
  'kpi.add': (a) => `KPI added: ${clip(a.name)}`,
  'kpi.reading.record': (a) => `reading ${str(a.value)} for ${day(a.period)}`,
  'kpi.reading.correct': (a) => `reading corrected to ${str(a.value)} for ${day(a.period)}`,
  'recommendation.add': (a) => `recommendation ${str(a.ref)} added: ${clip(a.text)}`,
  'recommendation.link': (a) => `${str(a.ref)} linked to ${str(a.workstream || a.action)}`,
  'event.add': (a) => `visit V-${str(a.number)} recorded for ${day(a.startDate)}`,
  'event.cancel': (a) => `V-${str(a.number)} cancelled`,
  'event.done': (a) => `V-${str(a.number)} outcome: ${clip(a.outcome)}`,
  redact: () => 'personal data removed',
};

const parse = (json: string | null): Fields => {
  if (!json) return {};
  try {
    const value = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Fields) : {};
  } catch {
    return {};
  }
};

/** The row in a few words, from its action name and its before/after JSON. */
export function describeAuditRow(row: {
  action: string;
  before: string | null;
  after: string | null;
}): string {
  const after = parse(row.after);
  const before = parse(row.before);
  if (row.action.startsWith('action.')) {
    const words = ACTION_WORDS[row.action.slice('action.'.length)];
    if (words) return words(after, before);
  }
  const words = WORDS[row.action];
  return words ? words(after, before) : row.action.replace(/[._]/g, ' ');
}

/** The audit actions whose words end in a free text someone typed: ': ' and the text, clipped. */
const ENDS_IN_TEXT = new Set([
  'update.post',
  'update.edit',
  'rag.change',
  'action.created',
  'action.done',
  'action.evidence',
]);

/** A text as the words of an audit row end in it (clipped as describeAuditRow clips it). */
export const describedText = (text: string): string => clip(text);

/**
 * The words of an audit row (as a board pack keeps them) with the free text they end in replaced
 * by the marker, or null when they end in none of `texts`. Only the rows whose words end in a
 * typed text, and only when that whole tail is one of them: a short text ('ok') cannot eat into
 * the rest of the words, or into another row's.
 */
export function redactDescription(
  row: { action: string; what: string },
  texts: ReadonlySet<string>,
  marker: string,
): string | null {
  if (!ENDS_IN_TEXT.has(row.action)) return null;
  // The fixed words before the text hold no ': ', so the text is all that follows the first one.
  const at = row.what.indexOf(': ');
  if (at < 0) return null;
  const tail = row.what.slice(at + 2);
  for (const text of texts) if (tail === clip(text)) return `${row.what.slice(0, at)}: ${marker}`;
  return null;
}
