/**
 * The personal-data guard. Chat updates are about the programme, never about a child, so text
 * that looks like case-level personal data is refused before it is stored or broadcast.
 * The rules lean towards refusing: a lead can reword an update, but a leaked date of birth
 * cannot be taken back.
 */

/** The kinds of personal data the guard looks for. */
export type PersonalDataKind =
  | 'nhs_number'
  | 'date_of_birth'
  | 'postcode'
  | 'phone_number'
  | 'email_address'
  | 'case_reference';

/** One suspicious part of a message: what it looks like, the text itself and where it starts. */
export type PersonalDataMatch = { kind: PersonalDataKind; match: string; index: number; label: string };

/** What the guard needs besides the text. */
export type PersonalDataOptions = {
  /** Admin-configured regular expressions for the council's case reference numbers. */
  caseReferencePatterns?: string[];
  /**
   * Today, 'YYYY-MM-DD'. A date straight after a name only counts as a date of birth when it
   * is before today (future dates are deadlines). Without it every such date counts.
   */
  today?: string;
};

const LABELS: Readonly<Record<PersonalDataKind, string>> = {
  nhs_number: 'an NHS number',
  date_of_birth: 'a date of birth',
  postcode: 'a postcode',
  phone_number: 'a phone number',
  email_address: 'an email address',
  case_reference: 'a case reference',
};

type Span = Omit<PersonalDataMatch, 'label'>;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const NHS_NUMBER = /(?<![\d-])\d{3}(?<sep>[ -]?)\d{3}\k<sep>\d{4}(?![\d-])/g;
// Outward code letters follow Royal Mail's rules, so 'Q3', 'WS1' alone or 'A-12' never match.
const POSTCODE =
  /(?<![A-Za-z0-9])[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?)( ?)\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/gi;
// Candidates start +44 or 0 then 1, 2, 3 or 7; the digit count is checked afterwards. 08/09
// numbers (0800 and the like) belong to organisations, not families.
const PHONE = /(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)[1237](?:[\s()-]{0,2}\d){8,9}(?!\d)/g;

/** True when ten digits carry a valid NHS Modulus 11 check digit. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function isUkPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const national = candidate.startsWith('+44') ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
  if (/^07/.test(national) || /^03/.test(national)) return national.length === 11;
  return national.length === 10 || national.length === 11;
}

function isPlausiblePostcode(candidate: string): boolean {
  const letters = candidate.replace(/[^A-Za-z]/g, '');
  // Mixed case ('WS1 3rd') is prose, not an address; so is an ordinal written in lower case.
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
  if (/ \d(?:st|nd|rd|th)$/.test(candidate)) return false;
  // Without the space a postcode is only unambiguous when written in capitals ('SW1A1AA').
  return candidate.includes(' ') || letters === letters.toUpperCase();
}

function collect(
  text: string,
  pattern: RegExp,
  kind: PersonalDataKind,
  keep: (m: string) => boolean,
): Span[] {
  return [...text.matchAll(pattern)]
    .filter((m) => m[0].length > 0 && keep(m[0]))
    .map((m) => ({ kind, match: m[0], index: m.index ?? 0 }));
}

/** Compiles a case reference pattern, or returns null when it is not usable. */
function compileCaseReference(pattern: string): RegExp | null {
  return validateCaseReferencePattern(pattern) === null ? new RegExp(pattern, 'gi') : null;
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
  return null;
}

function caseReferences(text: string, patterns: readonly string[]): Span[] {
  return patterns
    .map(compileCaseReference)
    .filter((pattern): pattern is RegExp => pattern !== null)
    .flatMap((pattern) => collect(text, pattern, 'case_reference', () => true));
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const MONTH_NAMES = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
// 12/03/2015, 1.3.15, 2015-03-12, 12 March 2015, 12th Mar 2015. A year is required: '12/12'
// and '31 Mar' are how deadlines and meetings are written.
const DATE = new RegExp(
  `(?<![\\d/.-])(?:\\d{1,2}(?<sep>[/.-])\\d{1,2}\\k<sep>(?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_NAMES})\\.?,?\\s+\\d{4})(?![\\d/])`,
  'gi',
);
const CUE_BEFORE =
  /(?:\b(?:DOB|D\.O\.B\.?|date of birth|born(?:\s+on)?)|(?<![A-Za-z])b\.)\s*[:=-]?\s*\(?\s*$/i;
const CUE_AFTER = /^\s*\(?\s*(?:DOB|D\.O\.B\.?)(?![A-Za-z])\)?/i;
// Two capitalised words ending in lower case (so 'ICPC', 'DfE' and 'WS3' are not names),
// then at most a comma, colon, dash or opening bracket before the date. Case-sensitive.
const NAME_BEFORE = /(?<![A-Za-z'’-])([A-Z][a-zA-Z'’-]*[a-z])\s+([A-Z][a-zA-Z'’-]*[a-z])\s*[,:–-]?\s*\(?\s*$/;

// Programme vocabulary and calendar words: workstream titles ('Improve Our Practice') and
// meetings ('Improvement Board') are capitalised and often followed by a date.
const PROGRAMME_WORDS = new Set(
  `${MONTHS} january february march april june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday the our and of for to on by from since
  until due deadline date dated completed complete closed opened started agreed signed approved
  board panel meeting meetings hall house centre center team teams service services practice
  workforce review reviews visit visits audit audits ofsted council county city borough children
  childrens child care leavers improvement improve plan plans strategy policy training session
  report letter inspection monitoring focused action actions project projects workstream
  priority priorities outcome outcomes cabinet scrutiny overview commissioner adviser director
  sprint week quarter phase stage version draft update deliver make provide focus listen support
  develop commitment continuous right time decisions voice good permanency earlier access
  safeguarding partnership front door hub court school schools police health launch live go bank
  holiday christmas easter term forum conference duty assessment protection need family families
  hubs social worker workers manager managers head lead leads officer officers practitioners staff
  agency recruitment starters new first early help edge youth justice fostering adoption homes
  home placement placements parenting corporate virtual independent chair members partners
  programme group network steering local authority trust regional national`.split(/\s+/),
);

function isProgrammeWord(word: string): boolean {
  return PROGRAMME_WORDS.has(word.toLowerCase().replace(/['’]/g, ''));
}

const monthNumber = (name: string): number => MONTHS.split('|').indexOf(name.toLowerCase()) + 1;

/** Reads a matched date as 'YYYY-MM-DD', or null when it is not a real-looking date. */
function toDay(date: string, today: string | undefined): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(date);
  const worded = /^(\d{1,2})\D*?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/i.exec(date);
  let parts: number[] = [];
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  if (worded) parts = [Number(worded[3]), monthNumber(`${worded[2]}`), Number(worded[1])];
  const [rawYear = 0, month = 0, day = 0] = parts;
  // A two-digit year takes the latest century that does not put it after this year ('85' is 1985).
  const thisYear = Number(today?.slice(0, 4) ?? 9999);
  const year = rawYear >= 100 ? rawYear : rawYear + (2000 + rawYear > thisYear ? 1900 : 2000);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateOfBirthAt(text: string, date: string, index: number, today?: string): Span | null {
  const day = toDay(date, today);
  if (day === null) return null;
  const end = index + date.length;
  const before = text.slice(Math.max(0, index - 80), index);
  const offset = index - before.length;
  const cue = CUE_BEFORE.exec(before);
  if (cue)
    return { kind: 'date_of_birth', match: text.slice(offset + cue.index, end), index: offset + cue.index };
  const after = CUE_AFTER.exec(text.slice(end, end + 12));
  if (after) return { kind: 'date_of_birth', match: text.slice(index, end + after[0].length), index };
  // A date straight after a name is read as a birth only when it is in the past: future dates
  // next to names are deadlines ('Sarah Jones 31/03/2026'). No upper age limit, because a
  // parent's date of birth is just as personal as a child's.
  const name = NAME_BEFORE.exec(before);
  // Both words must be vocabulary to rule a name out: plenty of surnames are ordinary words
  // ('Jane Hall'), while 'Improvement Board' and 'Social Worker' are vocabulary twice over.
  if (!name || (isProgrammeWord(name[1]!) && isProgrammeWord(name[2]!))) return null;
  if (today !== undefined && day >= today) return null;
  const start = offset + name.index;
  return { kind: 'date_of_birth', match: text.slice(start, end), index: start };
}

function datesOfBirth(text: string, today?: string): Span[] {
  return [...text.matchAll(DATE)]
    .map((m) => dateOfBirthAt(text, m[0], m.index ?? 0, today))
    .filter((span): span is Span => span !== null);
}

// When two findings overlap, keep the one that starts first (the longer on a tie, then the
// kind listed first), so one phone number is not reported twice as two things.
function withoutOverlaps(spans: Span[]): Span[] {
  const ordered = spans
    .map((span, order) => ({ span, order }))
    .sort(
      (a, b) => a.span.index - b.span.index || b.span.match.length - a.span.match.length || a.order - b.order,
    );
  const kept: Span[] = [];
  for (const { span } of ordered) {
    const last = kept.at(-1);
    if (!last || span.index >= last.index + last.match.length) kept.push(span);
  }
  return kept;
}

/**
 * Finds the parts of `text` that look like case-level personal data, in the order they appear.
 * An empty result means the text may be stored. Invalid case reference patterns are ignored
 * (validateCaseReferencePattern stops them being saved in the first place).
 */
export function findPersonalData(text: string, options: PersonalDataOptions = {}): PersonalDataMatch[] {
  const spans = [
    ...collect(text, EMAIL, 'email_address', () => true),
    ...caseReferences(text, options.caseReferencePatterns ?? []),
    ...collect(text, PHONE, 'phone_number', isUkPhone),
    ...collect(text, NHS_NUMBER, 'nhs_number', (m) => isValidNhsNumber(m.replace(/\D/g, ''))),
    ...datesOfBirth(text, options.today),
    ...collect(text, POSTCODE, 'postcode', isPlausiblePostcode),
  ];
  return withoutOverlaps(spans).map((span) => ({ ...span, label: LABELS[span.kind] }));
}

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A short explanation that points at each suspicious part, e.g. 'It looks like it contains an
 * NHS number (“943 476 5919”) and a date of birth (“DOB 12/03/2015”).' Empty when nothing
 * matched. The quoted parts are the user's own text: escape them before rendering.
 */
export function describePersonalData(matches: readonly PersonalDataMatch[]): string {
  const parts = [...new Set(matches.map((m) => `${m.label} (“${m.match}”)`))];
  return parts.length === 0 ? '' : `It looks like it contains ${joinWithAnd(parts)}.`;
}
