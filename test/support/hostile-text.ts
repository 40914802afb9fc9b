/**
 * Generates command texts that real users, careless pastes and attackers might send: real
 * subcommand words mixed with names, mentions, dates, broadcasts, injection attempts, personal
 * data, odd unicode and huge strings. Seeded, so a failing input can be reproduced by number.
 */
import {
  BROADCASTS,
  DATES,
  INJECTIONS,
  MENTIONS,
  NUMBERS,
  PERSONAL,
  RAGS,
  UNICODE,
  VALID_STARTS,
  WORDS,
  WORKSTREAMS,
} from './hostile-words.js';

/** mulberry32: a tiny, fast PRNG with a 32-bit seed; same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How to build one text: the subcommand names come from the live registry. */
export interface HostileTextOptions {
  subcommands: string[];
}

/** One random command text. */
export function hostileText(random: () => number, options: HostileTextOptions): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const roll = random();
  if (roll < 0.01) return '';
  if (roll < 0.02) return pick([' ', '\n\t ', '""', '“”', "''"]);
  if (roll < 0.04) return `${pick(options.subcommands)} ${pick(WORKSTREAMS)} ${hugeString(pick)}`;
  if (roll < 0.05) return hugeString(pick);
  const parts: string[] = [];
  // Most texts start like a real command, so they reach the grammars and the services.
  const start = random();
  if (start < 0.3) parts.push(pick(VALID_STARTS));
  else if (start < 0.85) parts.push(pick(options.subcommands));
  const count = Math.floor(random() * 9);
  for (let i = 0; i < count; i++) parts.push(piece(random, pick));
  return parts.join(pick([' ', ' ', ' ', '  ', '\n', '\t']));
}

function piece(random: () => number, pick: <T>(list: readonly T[]) => T): string {
  const kinds = [
    WORKSTREAMS,
    RAGS,
    MENTIONS,
    BROADCASTS,
    DATES,
    DATES,
    NUMBERS,
    INJECTIONS,
    PERSONAL,
    UNICODE,
    WORDS,
    WORDS,
  ];
  const word = pick(pick(kinds));
  // Sometimes glue two pieces together or wrap one in quotes, as careless typing does.
  const r = random();
  if (r < 0.06) return `"${word}`;
  if (r < 0.1) return `“${word}”`;
  if (r < 0.13) return `${word}${piece(random, pick)}`;
  return word;
}

function hugeString(pick: <T>(list: readonly T[]) => T): string {
  const unit = pick([
    'a',
    'Recruitment behind plan. ',
    '😀',
    '<!here> ',
    "'); DROP TABLE x;-- ",
    'ẞ\u0301',
    '"',
  ]);
  const length = pick([2001, 5000, 40_000]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
