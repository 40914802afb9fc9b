/**
 * Spotting a mistyped RAG word at the start of an update ('amberr', 'gren'), so the user is asked
 * "did you mean amber?" instead of the typo being posted as text and the RAG left as it was.
 *
 * The rule, chosen to keep ordinary first words of an update out:
 * - only Amber and Green are guessed at by edit distance: one slip (a letter added, dropped,
 *   changed, or two neighbours swapped) in a word of 4 to 6 letters;
 * - English words one slip away are ordinary words, not typos: ember, umber, greed, greet, Greek,
 *   preen, and plurals ('Greens', 'Ambers', 'Reds' as in "Reds are down to two");
 * - Red is too short to guess at (led, fed, rod, bed, reed and 'Re:' are all one slip away), so
 *   only its swapped or doubled forms count: rde, erd, redd, rred;
 * - words with digits or inner punctuation ('A-12', 'g2') are never typos of a RAG word;
 * - Complete and Not started are not guessed ('compete', 'completed' are ordinary words).
 */
import { editDistance } from './edit-distance.js';
import { parseRag } from './rag.js';

type RagWord = 'red' | 'amber' | 'green';

const ENGLISH_NEIGHBOURS = new Set(['ember', 'umber', 'ambler', 'greed', 'greet', 'greek', 'preen']);
const RED_SLIPS = new Set(['rde', 'erd', 'redd', 'rred']);

/** The RAG word `word` is probably a typo of, or null when it is a RAG word or an ordinary word. */
export function ragTypo(word: string): RagWord | null {
  const key = word.toLowerCase().replace(/^[*_~]+|[*_~.,:;!?]+$/g, '');
  if (!/^[a-z]+$/.test(key) || parseRag(key) !== null) return null;
  if (RED_SLIPS.has(key)) return 'red';
  if (key.length < 4 || key.length > 6 || ENGLISH_NEIGHBOURS.has(key)) return null;
  for (const rag of ['amber', 'green'] as const) {
    if (key === `${rag}s`) return null;
    if (editDistance(key, rag) === 1) return rag;
  }
  return null;
}
