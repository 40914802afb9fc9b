/**
 * The personal-data guard. Chat updates are about the programme, never about a child, so text
 * that looks like case-level personal data is refused before it is stored or broadcast. The text
 * is normalised first (normalise.ts), then each family of rules reads it; findings are mapped
 * back to what the person typed, so a refusal can quote it and say where it is.
 */

import { caseReferences } from './case-references.js';
import { datesOfBirth } from './dates-of-birth.js';
import { emailAddresses, nhsNumbers, phoneNumbers, pupilNumbers } from './identifiers.js';
import { normaliseForGuard, originalSpan } from './normalise.js';
import { people } from './people.js';
import { addresses, postcodes } from './places.js';
import { LABELS, type PersonalDataKind, type Rule, type Span } from './types.js';

export { anotherLike, patternFromExample, shapeOf } from './case-reference-format.js';
export { validateCaseReferencePattern } from './case-references.js';
export { isValidNhsNumber, isValidUpn } from './identifiers.js';
export type { PersonalDataKind } from './types.js';

/** One suspicious part of a message: what it looks like, the text as typed and where it starts. */
export type PersonalDataMatch = { kind: PersonalDataKind; match: string; index: number; label: string };

/** What the guard needs besides the text. */
export type PersonalDataOptions = {
  /** Admin-configured regular expressions for the council's case reference numbers. */
  caseReferencePatterns?: string[];
  /**
   * Today, 'YYYY-MM-DD', from the injected clock. A date straight after a name only counts as a
   * birth when it is at least a year before today. Without it, every such date counts.
   */
  today?: string;
};

// Listed most specific first: on a tie, the earlier rule's kind names the finding.
const RULES: Rule[] = [
  emailAddresses,
  nhsNumbers,
  pupilNumbers,
  caseReferences,
  phoneNumbers,
  datesOfBirth,
  postcodes,
  addresses,
  people,
];

// When two findings overlap, keep the one that starts first (the longer on a tie, then the
// rule listed first), so one phone number is not reported twice as two things.
function withoutOverlaps(spans: Span[]): Span[] {
  const ordered = spans
    .map((span, order) => ({ span, order }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.order - b.order);
  const kept: Span[] = [];
  for (const { span } of ordered) {
    const last = kept.at(-1);
    if (!last || span.start >= last.end) kept.push(span);
  }
  return kept;
}

/**
 * Finds the parts of `text` that look like case-level personal data, in the order they appear.
 * An empty result means the text may be stored. Invalid case reference patterns are ignored
 * (validateCaseReferencePattern stops them being saved in the first place).
 */
export function findPersonalData(text: string, options: PersonalDataOptions = {}): PersonalDataMatch[] {
  const normalised = normaliseForGuard(text);
  const ruleOptions = { today: options.today, caseReferencePatterns: options.caseReferencePatterns ?? [] };
  const spans = RULES.flatMap((rule) => rule(normalised.text, ruleOptions));
  return withoutOverlaps(spans).map((span) => {
    const typed = originalSpan(text, normalised, span.start, span.end);
    return { kind: span.kind, match: typed.text.trim(), index: typed.index, label: LABELS[span.kind] };
  });
}

const MAX_NAMED = 5;

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// Zero-width and other invisible characters are shown, so the person can find what to delete.
const showInvisible = (text: string): string =>
  text.replace(
    /[\u00AD\u200B-\u200F\u2060\uFEFF]/g,
    (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );

/**
 * A short explanation that points at each suspicious part and where it is, e.g. 'It looks like
 * it contains an NHS number (“943 476 5919”, at character 12) and a date of birth (“DOB
 * 12/03/2015”, at character 30).' Empty when nothing matched. The quoted parts are the user's own
 * text: escape them before rendering.
 */
export function describePersonalData(matches: readonly PersonalDataMatch[]): string {
  // The same text twice (a Slack mailto link repeats the address) is named once, where it first is.
  const first = new Map<string, PersonalDataMatch>();
  for (const m of matches) if (!first.has(`${m.label}\n${m.match}`)) first.set(`${m.label}\n${m.match}`, m);
  const parts = [...first.values()].map(
    (m) => `${m.label} (“${showInvisible(m.match)}”, at character ${m.index + 1})`,
  );
  // A pasted case list can hold dozens: name the first few, so the refusal stays readable.
  if (parts.length > MAX_NAMED) parts.splice(MAX_NAMED, parts.length, `${parts.length - MAX_NAMED} more`);
  return parts.length === 0 ? '' : `It looks like it contains ${joinWithAnd(parts)}.`;
}
