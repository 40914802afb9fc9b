/**
 * "Did you mean …?" made useful: the user's whole command with the one mistyped word replaced,
 * so they can copy it and send it again.
 */
import { closestWord, typoAllowance } from '../src/domain/edit-distance.js';
import { AppError, type WordFix } from '../src/domain/errors.js';
import type { Token } from './tokenize.js';

/** `raw` with the first word (or slash-separated part of one) that reads `fix.from` replaced. */
export function correctedCommand(command: string, raw: string, tokens: Token[], fix: WordFix): string | null {
  for (const token of tokens) {
    const replacement = replaceIn(token, fix);
    if (replacement !== null)
      return `${command} ${raw.slice(0, token.start)}${replacement}${raw.slice(token.end)}`.trim();
  }
  return null;
}

function replaceIn(token: Token, { from, to }: WordFix): string | null {
  if (token.text === from && (token.quoted || token.parts.length === 1)) return quoted(to);
  const at = token.parts.indexOf(from);
  if (at === -1) return null;
  return token.parts.map((part, i) => quoted(i === at ? to : part)).join('/');
}

/** A name with spaces or a slash goes in quotes, as the grammar reads it. */
function quoted(word: string): string {
  return /[\s/]/.test(word) ? `"${word}"` : word;
}

/** A mistyped subcommand ('udpate', 'updat') gets the one it is closest to, with the command fixed. */
export function unknownSubcommand(word: string, subcommands: string[], command: string): AppError {
  const names = [...new Set(subcommands.map((name) => name.split(' ')[0]!))];
  const lower = word.toLowerCase();
  const guess =
    closestWord(lower, names, typoAllowance(lower)) ??
    (lower.length >= 3 ? names.find((n) => n.startsWith(lower)) : undefined);
  const unknown = `I don't know the subcommand “${word}”.`;
  if (!guess) return new AppError('bad_input', `${unknown} Try \`${command} help\` to see them all.`);
  return new AppError(
    'bad_input',
    `${unknown} Did you mean “${guess}”? (\`${command} help\` lists them all.)`,
    { fix: { from: word, to: guess } },
  );
}
