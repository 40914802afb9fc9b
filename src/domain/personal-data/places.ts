/**
 * Where a family lives: postcodes in any case and spacing, house number and street, flats, and
 * "lives at 12 …". Office addresses are refused too: a lead can write "County Hall" instead,
 * while a child's address cannot be taken back once it is in the board channel.
 */

import { type Rule, type Span, spansOf } from './types.js';
import { isStopWord } from './vocabulary.js';

// Outward code letters follow Royal Mail's rules, so 'Q3', 'WS1' alone or 'A-12' never match.
const POSTCODE =
  /(?<![A-Za-z0-9])[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/gi;

function isPlausiblePostcode(candidate: string): boolean {
  const letters = candidate.replace(/[^A-Za-z]/g, '');
  // Mixed case ('Ws1 3rd') is prose, not an address; so is an ordinal after a workstream,
  // project or action code in lower case ('ws1 3rd', 'p2 4th'). 'b33 8th' is still a postcode.
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
  return !/^(?:ws\d+|[a-z]\d)\s?\d(?:st|nd|rd|th)$/.test(candidate);
}

// Street words that are seldom anything else, in any case: '12 acacia avenue'.
const STREET = `road|rd|street|st|avenue|ave|lane|ln|crescent|cres|terrace|terr|gardens|gdns|grove|mews|drive|boulevard|close|way|place|court|walk|row|square|sq|hill|view|rise|park|green|gate|parade|croft|fold|mount|vale|wharf|yard|meadows?|grange|heights|chase|glade|brow|bank|copse|dene|garth|wynd|ride|avenue`;
const ADDRESS = new RegExp(
  `\\b(\\d{1,4}[a-z]?(?:-\\d{1,4}[a-z]?)?),?\\s((?:[a-z][a-z'-]*\\s){1,3})(${STREET})\\b\\.?`,
  'gi',
);
// Words that are ordinary English too: as a street, they need capitals ('5 Lime Close').
const COMMON_STREET = new Set(
  'close way place court walk row square hill view rise park green gate parade fold mount bank chase ride yard end'.split(
    ' ',
  ),
);

function isAddress(m: RegExpMatchArray): boolean {
  const words = m[2]!.trim().split(' ');
  if (words.some((w) => isStopWord(w))) return false;
  const street = m[3]!;
  if (!COMMON_STREET.has(street.toLowerCase()) && street.toLowerCase() !== 'st') return true;
  return /^[A-Z]/.test(street) && words.every((w) => /^[A-Z]/.test(w));
}

const FLAT =
  /\b(?:flat|apartment|apt|maisonette|bedsit)\s?(?:no\.?\s?)?\d{1,4}[a-z]?\b(?!\s?(?:%|per|months?|weeks?|years?|quarters?|days?|cases?|points?|pp|at|in|since|for|over|and)\b)/gi;
const LIVES_AT =
  /\b(?:lives|living|lived|moved|moving|staying|stays|resides|residing|address(?:\sis)?|home address)\s?(?:at|to|in|is|:)?\s(?:no\.?\s)?\d{1,4}[a-z]?,?\s[a-z][a-z'-]+/gi;

export const postcodes: Rule = (text) =>
  spansOf(text, POSTCODE, 'postcode', (m) => isPlausiblePostcode(m[0]));

export const addresses: Rule = (text): Span[] => [
  ...spansOf(text, ADDRESS, 'address', isAddress),
  ...spansOf(text, FLAT, 'address'),
  ...spansOf(
    text,
    LIVES_AT,
    'address',
    (m) => !/\d\s(?:cases?|children|families|days?|weeks?|months?)\b/i.test(m[0]),
  ),
];
