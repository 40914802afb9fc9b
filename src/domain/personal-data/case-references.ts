/**
 * Case-management references: the ids of Mosaic, Liquidlogic (LCS, EHM), Eclipse, CareFirst,
 * Azeus and the like, "case/child/person ID" with a number, and the LCS-style letters, year and
 * number ('CP/2025/1187'). The council's own formats come from the admin's patterns.
 */
import { type Rule, type Span, spansOf } from './types.js';

const SYSTEM = String.raw`mosaic|lcs|ehm|eha|liquid\s?logic|eclipse|care\s?first|azeus|framework-?i|paris|icw|wcs`;
const SUBJECT = `case|child|children's|person|client|family|referral|episode|subject|cin|cp|lac|cla|cic|yp|young person|pupil|record|file|contact|worker|service user`;
const ID_WORD = String.raw`id|i\.d\.|no\.?|nos?\.?|number|num|ref\.?|reference|#`;
// An id: optional letters and a separator, then at least one digit (four are checked after).
const ID = String.raw`[a-z]{0,4}[/-]?\d[\da-z/-]{2,}`;

const SYSTEM_REFERENCE = new RegExp(
  `\\b(?:${SYSTEM})\\b(?:\\s(?:${SUBJECT}))?(?:\\s?(?:${ID_WORD}))?\\s?[:#.-]?\\s?${ID}`,
  'gi',
);
const LABELLED_REFERENCE = new RegExp(`\\b(?:${SUBJECT})\\s?(?:${ID_WORD})\\s?[:#.-]?\\s?${ID}`, 'gi');
// 'case 1234567', 'child: 10234567': a subject word straight before a long number.
const SUBJECT_NUMBER = /\b(?:case|child|person|client|referral|family)\s?[:#-]?\s?\d{5,}(?![\d/.])/gi;
const BARE_ID = /\bID\s?[:#-]?\s?\d{6,}\b/g;
// Letters, year and number, with the prefixes children's services systems use.
const LETTERS_YEAR_NUMBER =
  /\b(?:CP|CIN|LAC|CLA|CIC|CH|CS|CSC|CSS|EH|EHA|EHM|FS|FSW|SW|CASE|REF|LCS|MASH|FH|YJ|YOS|CYP|SG|S47|PLO|EPO|ICPC|RCPC|CPP|PA)[/-]?(?:19|20)?\d{2}[/-]\d{2,7}\b/gi;
const PREFIXED_NUMBER = /\b(?:CH|EHM|EHA|LCS|CIN|CP|LAC|CLA|MOS|PID|CID)-?\d{5,10}\b/gi;

const hasFourDigits = (m: RegExpMatchArray): boolean => (m[0].match(/\d/g)?.length ?? 0) >= 4;

// A group with a quantifier inside, itself quantified: '(\d+)+', '(a{2,})*'.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*?]|\{\d)/;

// Every stored text is checked against its workspace's patterns: each is validated and compiled
// once, not on every check (matchAll works on a copy, so one RegExp serves every caller).
const compiled = new Map<string, RegExp | null>();
const MAX_COMPILED = 1000;

/** Compiles an admin's pattern, or null when it is not usable. */
function compile(pattern: string): RegExp | null {
  let found = compiled.get(pattern);
  if (found === undefined) {
    found = validateCaseReferencePattern(pattern) === null ? new RegExp(pattern, 'gi') : null;
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(pattern, found);
  }
  return found;
}

/**
 * Checks an admin's case reference pattern before it is saved. Returns a message to show the
 * admin, or null when the pattern is fine.
 */
export function validateCaseReferencePattern(pattern: string): string | null {
  if (pattern.trim() === '') return 'The case reference pattern is empty.';
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, 'i');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `That is not a valid regular expression: ${reason}`;
  }
  // A pattern that matches nothing at all would flag every single update.
  if (compiled.test('')) return 'That pattern matches empty text, so it would flag every update.';
  // A quantified group that is itself quantified ('(\d+)+') can take exponential time on a long
  // update; patterns made from examples never have one, so any that does was typed by hand.
  if (pattern.length > 200 || NESTED_QUANTIFIER.test(pattern))
    return 'That pattern is too long or has a repeated group that could run away on a long update.';
  return null;
}

export const caseReferences: Rule = (text, options): Span[] => [
  ...spansOf(text, SYSTEM_REFERENCE, 'case_reference', hasFourDigits),
  ...spansOf(text, LABELLED_REFERENCE, 'case_reference', hasFourDigits),
  ...spansOf(text, SUBJECT_NUMBER, 'case_reference'),
  ...spansOf(text, BARE_ID, 'case_reference'),
  ...spansOf(text, LETTERS_YEAR_NUMBER, 'case_reference'),
  ...spansOf(text, PREFIXED_NUMBER, 'case_reference'),
  ...options.caseReferencePatterns
    .map(compile)
    .filter((pattern): pattern is RegExp => pattern !== null)
    .flatMap((pattern) => spansOf(text, pattern, 'case_reference')),
];
