/**
 * Reading the dates people type: '12/03/2015', '12.3.15', '2015-03-12', '12th of March 2015',
 * 'March 12, 2015', '12 Mar 15'. Pure: the caller decides whether a date is a birth.
 */

const MONTH = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const ORDINAL = `(?:st|nd|rd|th)?`;

/** A date with a year, in every common form. Named groups say which form matched. */
const FULL = [
  String.raw`(?<iy>(?:19|20)\d{2})-(?<im>\d{1,2})-(?<id>\d{1,2})`,
  String.raw`(?<nd>\d{1,2})\s?(?<sep>[/.-])\s?(?<nm>\d{1,2})\s?\k<sep>\s?(?<ny>\d{4}|\d{2})`,
  String.raw`(?<wd>\d{1,2})${ORDINAL}(?:\sof)?[\s.-]?(?<wm>${MONTH})\.?,?[\s.-]?(?<wy>\d{4}|'?\d{2})`,
  String.raw`(?<am>${MONTH})\.?\s(?<ad>\d{1,2})${ORDINAL},?\s(?<ay>\d{4})`,
].join('|');
export const FULL_DATE = new RegExp(`(?<![\\w/.-])(?:${FULL})(?![\\w/]|[.-]\\d)`, 'gi');

/** Sticky: set lastIndex to where a date with a year should start. */
export const FULL_DATE_AT = new RegExp(`(?:${FULL})(?![\\w/]|[.-]\\d)`, 'giy');

/** Forms only read after a birth cue ('DOB 12 03 2015', 'born 12th March', 'born in 2015'). */
const LOOSE = [
  FULL,
  String.raw`(?<sd>\d{1,2})\s(?<sm>\d{1,2})\s(?<sy>\d{4}|\d{2})`,
  String.raw`(?<cd>\d{2})(?<cm>\d{2})(?<cy>(?:19|20)\d{2})`,
  String.raw`(?<pd>\d{1,2})${ORDINAL}(?:\sof)?\s(?<pm>${MONTH})\b`,
  String.raw`(?<qm>${MONTH})\s(?<qd>\d{1,2})${ORDINAL}\b`,
  String.raw`(?<ym>${MONTH})\s(?<yy>(?:19|20)\d{2})`,
  String.raw`(?<by>(?:19|20)\d{2})\b`,
].join('|');
/** Sticky: set lastIndex to where the date should start. */
export const LOOSE_DATE = new RegExp(`(?:${LOOSE})(?![\\w/]|[.-]\\d)`, 'giy');

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const monthOf = (word: string): number => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

/** A matched date as 'YYYY-MM-DD' (missing parts as '01'), or null when it is not a real date. */
export function readDate(groups: Record<string, string | undefined>, today?: string): string | null {
  const g = groups;
  const day = g.id ?? g.nd ?? g.wd ?? g.ad ?? g.sd ?? g.cd ?? g.pd ?? g.qd ?? '1';
  const monthText = g.im ?? g.nm ?? g.sm ?? g.cm;
  const monthWord = g.wm ?? g.am ?? g.pm ?? g.qm ?? g.ym;
  const month = monthText ? Number(monthText) : monthWord ? monthOf(monthWord) : 1;
  const yearText = (g.iy ?? g.ny ?? g.wy ?? g.ay ?? g.sy ?? g.cy ?? g.yy ?? g.by)?.replace("'", '');
  const year = yearText === undefined ? undefined : fullYear(Number(yearText), yearText.length, today);
  if (month < 1 || month > 12 || Number(day) < 1 || Number(day) > 31) return null;
  const y = year ?? Number(today?.slice(0, 4) ?? 2000);
  return `${y}-${String(month).padStart(2, '0')}-${String(Number(day)).padStart(2, '0')}`;
}

/** True when the match carried a year. */
export const hasYear = (g: Record<string, string | undefined>): boolean =>
  [g.iy, g.ny, g.wy, g.ay, g.sy, g.cy, g.yy, g.by].some((y) => y !== undefined);

// A two-digit year takes the latest century that does not put it after this year ('85' is 1985).
function fullYear(year: number, digits: number, today: string | undefined): number {
  if (digits >= 4) return year;
  const thisYear = Number(today?.slice(0, 4) ?? 2099);
  return 2000 + year > thisYear ? 1900 + year : 2000 + year;
}
