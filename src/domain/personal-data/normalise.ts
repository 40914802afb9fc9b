/**
 * Text as the rules read it. People (and their phones) write the same number many ways:
 * fullwidth or Arabic-Indic digits, no-break or double spaces, soft hyphens and zero-width
 * characters pasted from case notes. Folding them first means each rule is written once, for
 * plain ASCII, and a zero-width space cannot smuggle an NHS number past it.
 */

/** The normalised text, and for each of its characters where it came from in the original. */
export interface Normalised {
  text: string;
  /** start[i]: index in the original of the character that produced text[i]. */
  start: number[];
  /** end[i]: index in the original just after that character. */
  end: number[];
}

// Soft hyphen, combining grapheme joiner, zero-width and direction marks, word joiners, BOM,
// variation selectors: invisible, so they are dropped.
const INVISIBLE: readonly [number, number][] = [
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];
const isInvisible = (ch: string): boolean => {
  const code = ch.codePointAt(0) ?? 0;
  return INVISIBLE.some(([from, to]) => code >= from && code <= to);
};
// The zero of each run of ten decimal digits NFKC leaves alone (Arabic-Indic, Devanagari, …).
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
  0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50,
  0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xaa50, 0xabf0,
];
const DASH = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/;
const DOT = /[\u00B7\u2022\u2024\u2027\u2219\u30FB]/;
const SLASH = /[\u2044\u2215\u29F8]/;
const QUOTE = /[\u2018\u2019\u201B\u02BC\u00B4`]/;

function foldCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  for (const zero of DIGIT_ZEROS) if (code >= zero && code < zero + 10) return String(code - zero);
  if (DASH.test(ch)) return '-';
  if (DOT.test(ch)) return '.';
  if (SLASH.test(ch)) return '/';
  if (QUOTE.test(ch)) return "'";
  if (/\s/u.test(ch)) return ' ';
  return ch;
}

/** NFKC per character, invisibles dropped, digits, dashes, dots, quotes and spaces folded. */
export function normaliseForGuard(raw: string): Normalised {
  const chars: string[] = [];
  const out: Normalised = { text: '', start: [], end: [] };
  let index = 0;
  for (const character of raw) {
    const from = index;
    index += character.length;
    const code = character.charCodeAt(0);
    // Printable ASCII needs no folding: the fast path for nearly every character typed.
    const folded =
      code > 32 && code < 127
        ? [character]
        : isInvisible(character)
          ? []
          : [...character.normalize('NFKC')].map(foldCharacter);
    for (const ch of folded) {
      // Runs of spaces become one, so 'B33  8TH' and '943 476  5919' read as typed once.
      if (ch === ' ' && chars[chars.length - 1] === ' ') {
        out.end[out.end.length - 1] = index;
        continue;
      }
      chars.push(ch);
      out.start.push(from);
      out.end.push(index);
    }
  }
  out.text = chars.join('');
  return out;
}

/** Where normalised [start, end) is in the original text, and what was typed there. */
export function originalSpan(
  raw: string,
  n: Normalised,
  start: number,
  end: number,
): { index: number; text: string } {
  const from = n.start[start] ?? 0;
  const to = n.end[end - 1] ?? from;
  return { index: from, text: raw.slice(from, to) };
}
