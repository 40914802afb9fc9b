/**
 * Near-duplicate actions: five copies of "Recruit four newly qualified social workers" in one
 * workstream make a plan look busier than it is. Two texts are near-duplicates when they read the
 * same once case and punctuation are set aside, or when almost all of their words are shared (at
 * least 80% of the words of both, counted as a set, leaving out small words such as "the").
 */

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'to',
  'for',
  'in',
  'on',
  'at',
  'by',
  'with',
  'all',
]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The share of words two texts have in common (Jaccard), ignoring small words. */
function sharedWords(a: string[], b: string[]): number {
  const keep = (w: string) => !SMALL_WORDS.has(w);
  const setA = new Set(a.filter(keep));
  const setB = new Set(b.filter(keep));
  if (setA.size < 3 || setB.size < 3) return 0;
  let both = 0;
  for (const w of setA) if (setB.has(w)) both += 1;
  return both / (setA.size + setB.size - both);
}

export function isNearDuplicate(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  return sharedWords(wa, wb) >= 0.8;
}

/** The word that adds an action even though a near-duplicate is open: `… --anyway`. */
export const ADD_ANYWAY = '--anyway';

/** The text without a trailing `--anyway`, and whether it was there. */
export function takeAddAnyway(text: string): { text: string; anyway: boolean } {
  const match = /(^|\s)--anyway\s*$/i.exec(text);
  if (!match) return { text, anyway: false };
  return { text: text.slice(0, match.index).trimEnd(), anyway: true };
}
