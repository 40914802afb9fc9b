/**
 * Dates of birth. A date counts as a birth date when a cue says so ('DOB', 'born', 'date of
 * birth', '(b. …)', '… (DOB)'), or when it sits straight after a name and is a plausible birth
 * date: at least a year before today. Board text is full of names beside recent or future dates
 * ('Signed off by Jane Smith 20/11/2026', 'Peer review with Leeds 14/10/2026'): those are
 * meetings and deadlines, not births, and a name after 'by', 'with' or 'from' is an officer.
 */
import { FULL_DATE, FULL_DATE_AT, LOOSE_DATE, readDate } from './dates.js';
import { nameEndingAt, wordBefore } from './names.js';
import type { Rule, RuleOptions, Span } from './types.js';

const CUE =
  /(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\sof\sbirth\b|\bbirth\s?(?:date|day)\b|\bborn\b|\bdob\b|(?<![A-Za-z])b\.(?=\s?\d)|(?<=\()b(?=\s\d))/gi;
// Up to four filler words between the cue and the date: 'born on the 12th', 'DOB is given as'.
const FILLER = /\s?[:=(-]?\s?(?:(?:is|was|on|in|the|of|given|recorded|as|listed|shown|:|-)\s){0,4}\(?/iy;
const CUE_AFTER = /^\s?[,(-]?\s?(?:d\.?o\.?b\.?|date of birth|birth ?date)(?![A-Za-z])\)?/i;
// Words before a name that make it an officer or a partner, not the subject of the date.
const OFFICER_WORDS = new Set(
  'by with from to cc and chair chaired led owner owners lead met meet emailed per via for thanks thank'.split(
    ' ',
  ),
);

// Or up to three other words, when a full date with a year follows: 'born yesterday, 01/12/2026'.
const ANY_WORDS = /\s?(?:[^\s.;]+\s){1,3}/y;

function stickyAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

// 'Children born in 2026', 'babies born since April': a group's birth year is not anyone's.
const GROUP_BEFORE = /\b(?:children|babies|people|young people|those|anyone|all|pupils|cohort|infants)\s$/i;

function dateAfterCue(text: string, cue: RegExpMatchArray): Span | null {
  const cueEnd = (cue.index ?? 0) + cue[0].length;
  const before = text.slice(Math.max(0, (cue.index ?? 0) - 20), cue.index ?? 0);
  if (GROUP_BEFORE.test(before)) return null;
  const filler = stickyAt(FILLER, text, cueEnd);
  const words = stickyAt(ANY_WORDS, text, cueEnd);
  const date =
    stickyAt(LOOSE_DATE, text, cueEnd + (filler?.[0].length ?? 0)) ??
    (words ? stickyAt(FULL_DATE_AT, text, cueEnd + words[0].length) : null);
  if (!date || readDate(date.groups ?? {}) === null) return null;
  return { kind: 'date_of_birth', start: cue.index ?? 0, end: (date.index ?? 0) + date[0].length };
}

/** A year or more before today, and not more than 110 years: a child's or a parent's birth. */
function plausibleBirth(day: string, today: string | undefined): boolean {
  if (today === undefined) return true;
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const oldest = `${Number(today.slice(0, 4)) - 110}${today.slice(4)}`;
  return day <= yearAgo && day >= oldest;
}

function dateBesideName(text: string, date: RegExpMatchArray, options: RuleOptions): Span | null {
  const start = date.index ?? 0;
  const end = start + date[0].length;
  const after = CUE_AFTER.exec(text.slice(end, end + 20));
  if (after) return { kind: 'date_of_birth', start, end: end + after[0].length };
  const day = readDate(date.groups ?? {}, options.today);
  if (day === null || !plausibleBirth(day, options.today)) return null;
  const gap = /[\s,:;(–-]*$/.exec(text.slice(Math.max(0, start - 4), start))?.[0].length ?? 0;
  const name = nameEndingAt(text, start - gap);
  if (!name || OFFICER_WORDS.has(wordBefore(text, name.start))) return null;
  return { kind: 'date_of_birth', start: name.start, end };
}

export const datesOfBirth: Rule = (text, options) => {
  const cued = [...text.matchAll(CUE)].map((cue) => dateAfterCue(text, cue));
  const beside = [...text.matchAll(FULL_DATE)].map((date) => dateBesideName(text, date, options));
  return [...cued, ...beside].filter((span): span is Span => span !== null);
};
