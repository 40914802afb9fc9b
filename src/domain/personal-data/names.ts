/**
 * Recognising a person's name next to something else (an age, a relation, a date). A name is
 * one to three words: a common first name in any case, or capitalised words that are not
 * programme vocabulary; a surname may be in capitals ('JAYDEN SMITH') or, after a known first
 * name, in lower case ('jayden smith').
 */
import { isFirstName } from './first-names.js';
import { isStopWord, isVocabulary } from './vocabulary.js';

/** Where a name is in the text, and whether it contains a known first name. */
export type NameAt = { start: number; end: number; known: boolean; words: string[]; ends: number[] };

type Word = { text: string; start: number; end: number };

const WORD = /[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]/g;

const capitalised = (w: string): boolean => /^[A-Z][a-z]/.test(w) || /^(?:Mc|Mac|O')[A-Z]/.test(w);
const allCaps = (w: string): boolean => /^[A-Z][A-Z'-]+$/.test(w);
const bare = (w: string): string => w.replace(/'s$/, '');

/** A word that can start a name. */
function canStart(word: string): boolean {
  const w = bare(word);
  if (isFirstName(w)) return true;
  return capitalised(w) && !isVocabulary(w);
}

/** A word that can follow the first word of a name. */
function canFollow(word: string, first: string): boolean {
  const w = bare(word);
  if (isStopWord(w)) return false;
  // Plenty of surnames are ordinary words ('Sophie Green', 'Lucas Grant'): after a known first
  // name a capitalised word is a surname; otherwise 'Improvement Board' would be a name.
  if (capitalised(w) && isFirstName(first)) return true;
  if (isVocabulary(w)) return false;
  if (capitalised(w) || isFirstName(w)) return true;
  if (allCaps(w)) return allCaps(first) || isFirstName(first);
  // 'jayden smith': all in lower case, after a known first name.
  return /^[a-z][a-z'-]+$/.test(w) && /^[a-z]/.test(first) && isFirstName(first) && w.length > 2;
}

function isName(words: Word[]): boolean {
  const [first, ...rest] = words;
  if (!first || !canStart(first.text)) return false;
  return rest.every((w) => canFollow(w.text, first.text));
}

function nameOf(words: Word[]): NameAt {
  return {
    start: words[0]!.start,
    end: words.at(-1)!.end,
    known: words.some((w) => isFirstName(bare(w.text))),
    words: words.map((w) => bare(w.text)),
    ends: words.map((w) => w.end),
  };
}

/** The words of `text` as positions, joined only by single spaces or hyphens. */
function wordsIn(text: string, offset: number): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: offset + (m.index ?? 0),
    end: offset + (m.index ?? 0) + m[0].length,
  }));
}

function adjacent(words: Word[], text: string, offset: number): boolean {
  return words.every((w, i) => i === 0 || /^[ ]$/.test(text.slice(w.start - offset - 1, w.start - offset)));
}

/** The longest name (up to three words) that ends exactly at `end`. */
export function nameEndingAt(text: string, end: number): NameAt | null {
  const from = Math.max(0, end - 60);
  const words = wordsIn(text.slice(from, end), from).filter((w) => w.end <= end);
  if (words.at(-1)?.end !== end) return null;
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const candidate = words.slice(-k);
    if (adjacent(candidate, text.slice(from, end), from) && isName(candidate)) return nameOf(candidate);
  }
  return null;
}

/** The longest name (up to three words) that starts exactly at `start`. */
export function nameStartingAt(text: string, start: number): NameAt | null {
  const slice = text.slice(start, start + 60);
  const words = wordsIn(slice, start);
  if (words[0]?.start !== start) return null;
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const candidate = words.slice(0, k);
    if (adjacent(candidate, slice, start) && isName(candidate)) return nameOf(candidate);
  }
  return null;
}

/** The word straight before `index` (skipping spaces and punctuation), lower-cased. */
export function wordBefore(text: string, index: number): string {
  return (
    /([A-Za-z']+)[^A-Za-z']*$/.exec(text.slice(Math.max(0, index - 30), index))?.[1]?.toLowerCase() ?? ''
  );
}
