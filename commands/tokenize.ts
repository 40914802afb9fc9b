/**
 * Splits command text into words the way people type them: quoted names ("Caseload average",
 * “curly” or 'single') are one word, mentions (<person:U123|jo>) are one word, and each word
 * remembers where it started so free text after it can be kept exactly as typed.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
  /**
   * The word split at its slashes, for a workstream and its project: `WS2/"Front door"` is
   * ['WS2', 'Front door']. A slash inside quotes is part of the name, not a separator.
   */
  parts: string[];
}

const OPEN_TO_CLOSE: Record<string, string> = { '"': '"', '“': '”', '”': '”', '‘': '’', "'": "'" };

export function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  const next = nextIndexer(raw);
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
    if (i >= raw.length) break;
    const start = i;
    if (raw[i] === '<' && next('>', i) > i) {
      const end = next('>', i) + 1;
      tokens.push({ text: raw.slice(i, end), start, end, quoted: false, parts: [raw.slice(i, end)] });
      i = end;
      continue;
    }
    const word = readWord(raw, i, next);
    tokens.push({ text: word.text, start, end: word.end, quoted: word.quoted, parts: word.parts });
    i = word.end;
  }
  return tokens;
}

/**
 * One word from `i`: quoted parts and bare parts joined by slashes (`"Improve Our Practice"/audit`),
 * or a lone quoted phrase. A bare part runs to the next space or slash.
 */
function readWord(raw: string, from: number, next: Indexer): Omit<Token, 'start'> {
  if (quoteClose(raw, from, next) === -1) {
    let end = from;
    while (end < raw.length && !/\s/.test(raw[end]!)) end++;
    const text = raw.slice(from, end);
    // Most words have no slash: one part, read the quick way.
    if (!text.includes('/')) return { text, end, quoted: false, parts: [text] };
  }
  const parts: string[] = [];
  let quotedParts = 0;
  let i = from;
  for (;;) {
    const closeAt = quoteClose(raw, i, next);
    if (closeAt !== -1) {
      parts.push(raw.slice(i + 1, closeAt));
      quotedParts++;
      i = closeAt + 1;
    } else {
      const start = i;
      while (i < raw.length && raw[i] !== '/' && !SPACE.test(raw[i]!)) i++;
      parts.push(raw.slice(start, i));
    }
    if (raw[i] !== '/') break;
    i++; // the slash between parts
  }
  const quoted = quotedParts === 1 && parts.length === 1;
  return { text: parts.join('/'), end: i, quoted, parts };
}

const SPACE = /\s/;

// A quote opens a quoted part only if it is closed later; an apostrophe only when the closing one
// is not inside a word, so "the team's audit" stays three words.
function quoteClose(raw: string, i: number, next: Indexer): number {
  const ch = raw[i] ?? '';
  const close = OPEN_TO_CLOSE[ch];
  if (!close) return -1;
  const closeAt = next(close, i + 1);
  if (closeAt <= i + 1 || (ch === "'" && /\w/.test(raw[closeAt + 1] ?? ''))) return -1;
  return closeAt;
}

type Indexer = (char: string, from: number) => number;

/**
 * indexOf that remembers its last answer for each character. The tokeniser only moves forward,
 * so each character is searched past once in all: linear, where a fresh indexOf for every
 * unclosed quote made 40,000 of them quadratic.
 */
function nextIndexer(raw: string): Indexer {
  const found = new Map<string, number>();
  return (char, from) => {
    const last = found.get(char);
    if (last === -1 || (last !== undefined && last >= from)) return last;
    const at = raw.indexOf(char, from);
    found.set(char, at);
    return at;
  };
}
