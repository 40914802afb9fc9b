/**
 * Readers for grammars that look ahead over several words (a kind of visit, a range of dates, a
 * KPI name typed without quotes), built on the Args cursor's peek and word.
 */

import { parseDateRangeAtStart } from '../src/domain/date-range.js';
import type { Day } from '../src/domain/dates.js';
import { closestWord, typoAllowance } from '../src/domain/edit-distance.js';
import { AppError } from '../src/domain/errors.js';
import type { Args } from './args.js';

/** The words not yet read, without moving the cursor. */
export function remainingWords(args: Args): string[] {
  const words: string[] = [];
  for (let word = args.peek(0); word !== undefined; word = args.peek(words.length)) words.push(word);
  return words;
}

/** Moves the cursor past `count` words. */
export function skipWords(args: Args, count: number): void {
  for (let i = 0; i < count; i++) args.word('a word');
}

/** A day or a range of days ('12/03-13/03', '12 Mar - 13 Mar'); `what` names it when missing. */
export function readDateRange(args: Args, what: string, today: Day): { start: Day; end: Day | null } {
  const words = remainingWords(args);
  if (words.length === 0)
    throw new AppError('bad_input', `Please give ${what}, such as 12/03/2027 or 12/03/2027-13/03/2027.`);
  const parsed = parseDateRangeAtStart(words, today);
  if (!parsed.ok)
    throw new AppError('bad_input', parsed.message, parsed.suggestion ? { example: parsed.suggestion } : {});
  skipWords(args, parsed.used);
  return { start: parsed.start, end: parsed.end };
}

/** Free text after the last reader, without a leading dash or colon ('12/03 - care leavers'). */
export function restAsText(args: Args): string {
  return args
    .rest()
    .replace(/^[-–—:,]\s*/, '')
    .trim();
}

/**
 * For listing subcommands that take nothing more: a stray word is probably a mistyped subcommand
 * ('kpi ad' for 'kpi add'), so the closest one is offered with the command corrected.
 */
export function expectNoMoreWords(args: Args, subcommands: string[]): void {
  if (args.done) return;
  const word = args.peek() ?? '';
  const verbs = subcommands.map((s) => s.split(' ').at(-1)!);
  const guess = closestWord(word, verbs, typoAllowance(word));
  if (guess) {
    const name = subcommands[verbs.indexOf(guess)]!;
    throw new AppError('bad_input', `I didn't understand “${word}” here. Did you mean \`${name}\`?`, {
      fix: { from: word, to: guess },
    });
  }
  const names = subcommands.map((s) => `\`${s}\``).join(', ');
  throw new AppError('bad_input', `I didn't understand “${args.rest()}” here. Did you mean one of ${names}?`);
}
