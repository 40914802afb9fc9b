/**
 * How far apart two words are, for "did you mean …?" suggestions: the number of single-letter
 * insertions, deletions, substitutions and swaps of neighbours ('udpate' is one swap from
 * 'update'), the optimal string alignment distance.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The distance when it can be within `max`, else max + 1 without comparing: words whose lengths
 * differ by more than `max` cannot be, and a pasted 40,000-character word must stay cheap.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  return Math.abs(a.length - b.length) > max ? max + 1 : editDistance(a, b);
}

/**
 * The one candidate within `maxDistance` of `word` (case-insensitive), or null when none is, or
 * when two are equally close: a guess between two is no help.
 */
export function closestWord(word: string, candidates: readonly string[], maxDistance: number): string | null {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | null = null;
  let tied = false;
  for (const candidate of candidates) {
    const distance = boundedDistance(lower, candidate.toLowerCase(), maxDistance);
    if (distance > maxDistance) continue;
    if (best && distance === best.distance && best.candidate.toLowerCase() !== candidate.toLowerCase())
      tied = true;
    if (!best || distance < best.distance) {
      best = { candidate, distance };
      tied = false;
    }
  }
  return best && !tied ? best.candidate : null;
}

/** How far a typo may go: one slip in a short word, two in a word of seven letters or more. */
export function typoAllowance(word: string): number {
  if (word.length <= 3) return 1;
  return word.length >= 7 ? 2 : 1;
}
