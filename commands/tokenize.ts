/**
 * Splits command text into words the way people type them: quoted names ("Caseload average",
 * “curly” or 'single') are one word, Slack mentions (<@U123|jo>) are one word, and each word
 * remembers where it started so free text after it can be kept exactly as typed.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
}

const OPEN_TO_CLOSE: Record<string, string> = { '"': '"', '“': '”', '”': '”', '‘': '’', "'": "'" };

/** Slack escapes &, < and > in command text; we keep what the user actually typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  const next = nextIndexer(raw);
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
    if (i >= raw.length) break;
    const start = i;
    const ch = raw[i]!;
    const close = OPEN_TO_CLOSE[ch];
    // A quote opens a quoted word only at a word start, and only if it is closed later.
    const closeAt = close ? next(close, i + 1) : -1;
    if (close && closeAt > i + 1 && !(ch === "'" && /\w/.test(raw[closeAt + 1] ?? ''))) {
      tokens.push({ text: raw.slice(i + 1, closeAt), start, end: closeAt + 1, quoted: true });
      i = closeAt + 1;
      continue;
    }
    if (ch === '<' && next('>', i) > i) {
      const end = next('>', i) + 1;
      tokens.push({ text: raw.slice(i, end), start, end, quoted: false });
      i = end;
      continue;
    }
    while (i < raw.length && !/\s/.test(raw[i]!)) i++;
    tokens.push({ text: raw.slice(start, i), start, end: i, quoted: false });
  }
  return tokens;
}

/**
 * indexOf that remembers its last answer for each character. The tokeniser only moves forward,
 * so each character is searched past once in all: linear, where a fresh indexOf for every
 * unclosed quote made 40,000 of them quadratic.
 */
function nextIndexer(raw: string): (char: string, from: number) => number {
  const found = new Map<string, number>();
  return (char, from) => {
    const last = found.get(char);
    if (last === -1 || (last !== undefined && last >= from)) return last;
    const at = raw.indexOf(char, from);
    found.set(char, at);
    return at;
  };
}
