/** What the personal-data rules share: the kinds they find and the spans they report. */

/** The kinds of personal data the guard looks for. */
export type PersonalDataKind =
  | 'nhs_number'
  | 'unique_pupil_number'
  | 'case_reference'
  | 'date_of_birth'
  | 'postcode'
  | 'address'
  | 'phone_number'
  | 'email_address'
  | 'name_with_age'
  | 'name_with_relation'
  | 'name_with_school'
  | 'name_with_circumstances';

/** How each kind reads in a refusal: "It looks like it contains …". */
export const LABELS: Readonly<Record<PersonalDataKind, string>> = {
  nhs_number: 'an NHS number',
  unique_pupil_number: 'a Unique Pupil Number',
  case_reference: 'a case reference',
  date_of_birth: 'a date of birth',
  postcode: 'a postcode',
  address: 'a home address',
  phone_number: 'a phone number',
  email_address: 'an email address',
  name_with_age: 'a name with an age',
  name_with_relation: 'a name with a family relationship',
  name_with_school: 'a name with a school',
  name_with_circumstances: 'a name with a child’s circumstances',
};

/** A finding in the normalised text: [start, end). */
export type Span = { kind: PersonalDataKind; start: number; end: number };

/** What a rule needs besides the text. */
export type RuleOptions = {
  /** Today, 'YYYY-MM-DD', from the injected clock. */
  today?: string;
  caseReferencePatterns: readonly string[];
};

/** A family of rules: reads normalised text, returns what looks personal. */
export type Rule = (text: string, options: RuleOptions) => Span[];

/** Every match of a global pattern as a span of `kind`, when `keep` accepts it. */
export function spansOf(
  text: string,
  pattern: RegExp,
  kind: PersonalDataKind,
  keep: (match: RegExpMatchArray) => boolean = () => true,
): Span[] {
  return [...text.matchAll(pattern)]
    .filter((m) => m[0].length > 0 && keep(m))
    .map((m) => ({ kind, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}
