import type { Day } from './dates.js';

/** Which way is better for a KPI: 'higher' (e.g. visits in timescale) or 'lower' (e.g. caseloads). */
export type KpiDirection = 'higher' | 'lower';

/** One point of a KPI's trajectory: reach `value` by `byDate` ('YYYY-MM-DD'). */
export type KpiTargetPoint = { value: number; byDate: Day };

/** How a reading compares with the one before it, from the board's point of view. */
export type KpiTrend = 'improving' | 'worsening' | 'steady' | 'first reading';

function byDateAscending(targets: readonly KpiTargetPoint[]): KpiTargetPoint[] {
  // 'YYYY-MM-DD' strings sort in date order, so no date parsing is needed.
  return [...targets].sort((a, b) => (a.byDate < b.byDate ? -1 : a.byDate > b.byDate ? 1 : 0));
}

function indexInForce(sorted: readonly KpiTargetPoint[], day: Day): number {
  const upcoming = sorted.findIndex((target) => target.byDate >= day);
  // Once every date has passed, the final target is still the standard the KPI is held to.
  return upcoming === -1 ? sorted.length - 1 : upcoming;
}

/**
 * The target being worked towards on `day`: the one with the earliest `byDate` on or after
 * `day` (so a target is still in force on its own date); once all dates have passed, the last
 * one stays in force. Null when the KPI has no targets.
 */
export function targetInForce(targets: readonly KpiTargetPoint[], day: Day): KpiTargetPoint | null {
  const sorted = byDateAscending(targets);
  return sorted[indexInForce(sorted, day)] ?? null;
}

/**
 * The step of the trajectory after the target in force, for a scorecard's "next target"
 * column: the in-force target already shows its own date, so repeating it would tell the
 * board nothing. Null when the target in force is the last one (or there are none).
 */
export function nextTarget(targets: readonly KpiTargetPoint[], day: Day): KpiTargetPoint | null {
  const sorted = byDateAscending(targets);
  if (sorted.length === 0) return null;
  return sorted[indexInForce(sorted, day) + 1] ?? null;
}

/** True when `value` meets the target: at or above it for 'higher', at or below it for 'lower'. */
export function isTargetMet(direction: KpiDirection, value: number, target: number): boolean {
  return direction === 'higher' ? value >= target : value <= target;
}

/** Compares a reading with the previous one, taking into account which way is better. */
export function trend(direction: KpiDirection, previous: number | null, current: number): KpiTrend {
  if (previous === null) return 'first reading';
  if (current === previous) return 'steady';
  const wentUp = current > previous;
  return wentUp === (direction === 'higher') ? 'improving' : 'worsening';
}

/**
 * Arrow for a trend, pointing the way of *better*, not of the raw number (so a caseload
 * falling shows '↑'), to match ragArrow: '↑' improving, '↓' worsening, '→' steady, '' first.
 */
export function trendArrow(kpiTrend: KpiTrend): string {
  const arrows: Record<KpiTrend, string> = {
    improving: '↑',
    worsening: '↓',
    steady: '→',
    'first reading': '',
  };
  return arrows[kpiTrend];
}

// Units that are just "a count of things" read best as a bare number on a scorecard.
const BARE_UNITS = new Set(['', 'count', 'cases', 'number', 'no.', '#']);
const SINGULAR: Readonly<Record<string, string>> = { days: 'day', weeks: 'week', months: 'month' };

// Built once: making a formatter costs far more than using one (a digest formats thousands).
const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const TWO_SIGNIFICANT = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 2 });

function formatNumber(value: number): string {
  // One decimal place is plenty for board papers, but a small non-zero rate must not show as 0.
  const small = value !== 0 && Math.abs(value) < 0.1;
  const text = (small ? TWO_SIGNIFICANT : ONE_DECIMAL).format(value);
  return text === '-0' ? '0' : text;
}

/**
 * A KPI value as the board reads it: '86%', '86.5%', '12 days', '1 day', '1,300', '£1,250'.
 * At most one decimal place, none when it is a whole number; en-GB thousands separators.
 */
export function formatKpiValue(value: number, unit: string): string {
  const number = formatNumber(value);
  const key = unit.trim().toLowerCase();
  if (key === '%') return `${number}%`;
  if (key === '£') return value < 0 ? `-£${number.slice(1)}` : `£${number}`;
  if (BARE_UNITS.has(key)) return number;
  const word = value === 1 ? (SINGULAR[key] ?? unit.trim()) : unit.trim();
  return `${number} ${word}`;
}

/**
 * A target as a scorecard shows it: '≤ 30 by 31/12/2026', '≥ 75% by 31/03/2027'.
 * The date formatter is passed in so this stays free of timezone and locale concerns.
 */
export function describeTarget(
  direction: KpiDirection,
  target: KpiTargetPoint,
  formatDate: (day: Day) => string,
  unit = '',
): string {
  const sign = direction === 'higher' ? '≥' : '≤';
  return `${sign} ${formatKpiValue(target.value, unit)} by ${formatDate(target.byDate)}`;
}

export { READING_GRACE_WORKING_DAYS, readingDueBy } from './kpi-reading-due.js';
export {
  type KpiFrequency,
  type KpiReadingPoint,
  type KpiVerdict,
  type KpiVerdictInput,
  type KpiVerdictState,
  kpiVerdict,
  verdictForKpi,
} from './kpi-verdict.js';
export { verdictIcon, verdictWords } from './kpi-verdict-text.js';
