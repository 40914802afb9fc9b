/**
 * Numbers and addresses that point at one person: NHS numbers, Unique Pupil Numbers, UK phone
 * numbers and email addresses. Checksums (NHS Modulus 11, the UPN check letter) keep ordinary
 * long numbers, such as a purchase order, from being refused; a number labelled "NHS" or "UPN"
 * is refused whatever its checksum, because a mistyped NHS number is still someone's.
 */
import { isFirstName } from './first-names.js';
import { type Rule, type Span, spansOf } from './types.js';

/** True when ten digits carry a valid NHS Modulus 11 check digit. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// The same separator (or none) between the 3-3-4 groups: '943 476 5919', '943.476.5919'.
const NHS_NUMBER = /(?<![\d.,/-])\d{3}(\s?[./-]?\s?)\d{3}\1\d{4}(?![\d/]|[.,-]\d)/g;
const LABELLED_NHS = /\bNHS\s?(?:no\.?|nos?\.?|number|num|#)?\s?[:#.-]?\s?(?:\d[\s./-]?){9}\d(?!\d)/gi;

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * True when a 13-character UPN's first letter is the DfE check letter: positions 2 to 13 weighted
 * 2 to 13, summed, modulo 23. A temporary UPN ends in a letter, which counts as its place in the list.
 */
export function isValidUpn(upn: string): boolean {
  const u = upn.toUpperCase();
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(u)) return false;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const c = u[i]!;
    const value = /\d/.test(c) ? Number(c) : UPN_LETTERS.indexOf(c);
    if (value < 0) return false;
    sum += value * (i + 1);
  }
  return UPN_LETTERS[sum % 23] === u[0];
}

const UPN = /\b[A-Z]\d{11}[0-9A-Z]\b/gi;
const LABELLED_UPN = /\bU\.?P\.?N\.?\s?(?:no\.?|number)?\s?[:#-]?\s?[A-Z]?\d{8,12}[0-9A-Z]?\b/gi;

// +44, 0044 or 0, then 9 to 11 more digits with up to two spaces, dots, dashes or brackets between.
const PHONE = /(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s().-]{0,2}\d){8,10}(?!\d)/g;
const DATE_INSIDE = /\d{1,2}[./]\d{1,2}[./]\d{2,4}/;

/** A UK number a family could be reached on: mobiles are 11 digits, landlines 10 or 11. */
export function isUkPhone(candidate: string): boolean {
  if (DATE_INSIDE.test(candidate)) return false;
  let digits = candidate.replace(/\D/g, '');
  if (/^\s*(?:\+|00)/.test(candidate)) digits = `0${digits.replace(/^(?:00)?44/, '').replace(/^0/, '')}`;
  // 03, 08 and 09 numbers (0300, 0800 and the like) belong to public bodies, charities and
  // businesses, not families: helplines are fine to share.
  if (/^07/.test(digits)) return digits.length === 11;
  if (/^0[12]/.test(digits)) return digits.length === 10 || digits.length === 11;
  return false;
}

// Each pattern starts only where a run of its characters starts: otherwise a 40,000-character
// run with no '@' would be scanned again from every position in it.
const EMAIL = /(?<![a-z0-9._%+'-])[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
// 'jo.smith [at] example.org', 'jo dot smith at gmail dot com': spelt out to dodge filters.
const EMAIL_SPELT =
  /(?<![a-z0-9._-])[a-z0-9._-]+\s?(?:\[at\]|\(at\)|\sat\s)\s?[a-z0-9-]+(?:\s?(?:\.|\[dot\]|\(dot\)|\sdot\s)\s?[a-z0-9-]+)*\s?(?:\.|\[dot\]|\(dot\)|\sdot\s)\s?(?:com|org|net|uk|co\.uk|gov\.uk|ac\.uk)\b/gi;

export const nhsNumbers: Rule = (text) => [
  ...spansOf(text, NHS_NUMBER, 'nhs_number', (m) => isValidNhsNumber(m[0].replace(/\D/g, ''))),
  ...spansOf(text, LABELLED_NHS, 'nhs_number'),
];

export const pupilNumbers: Rule = (text) => [
  ...spansOf(text, UPN, 'unique_pupil_number', (m) => isValidUpn(m[0])),
  ...spansOf(text, LABELLED_UPN, 'unique_pupil_number'),
];

export const phoneNumbers: Rule = (text) => spansOf(text, PHONE, 'phone_number', (m) => isUkPhone(m[0]));

// A shared mailbox of a public body ('improvement@worcestershire.gov.uk') is how papers are
// sent; a person's address ('jane.smith@…', 'kelly84@…') is not, whatever the domain.
const PUBLIC_DOMAIN = /@(?:[a-z0-9-]+\.)*(?:gov\.uk|nhs\.uk|nhs\.net|police\.uk|sch\.uk|org\.uk)$/i;

function isPersonalEmail(m: RegExpMatchArray): boolean {
  const local = m[0].split('@')[0] ?? '';
  if (!PUBLIC_DOMAIN.test(m[0])) return true;
  return /[._\d'-]/.test(local) || isFirstName(local);
}

export const emailAddresses: Rule = (text): Span[] => [
  ...spansOf(text, EMAIL, 'email_address', isPersonalEmail),
  ...spansOf(text, EMAIL_SPELT, 'email_address', (m) => !/^(?:meet|met|here|there|look)\b/i.test(m[0])),
];
