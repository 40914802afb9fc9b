/**
 * The one rule that says how a KPI is doing, used by every reply, scorecard and digest.
 *
 * - `no_reading`: there are targets but no reading yet (or, once the last target date has passed,
 *   no reading for a period on or before it, so there is nothing to judge it on).
 * - `no_target`: there are readings but no target (still `stale` when the readings have stopped).
 * - `met` / `missed`: every target date has passed, so the last target is judged on the latest
 *   reading for a period on or before its date. A target is still in force on its own date.
 * - `stale`: a reading is overdue (see {@link readingDueBy}); said before any trend, because a
 *   trend drawn from old readings would reassure the board about a KPI nobody is measuring.
 * - `on_track` / `off_track`: before the next target's date. The trajectory is the straight line
 *   from the previous target (or, before the first target, the first reading) to the next
 *   target. On track when any of these holds, off track otherwise:
 *   1. the latest reading already meets the next target;
 *   2. the latest reading is at or better than the trajectory on its period's day;
 *   3. the straight-line trend of the last 3 readings (least squares, at least 2 readings on
 *      different days), carried on to the target date, meets the target: a KPI behind the line
 *      but recovering fast enough is on track.
 *   A single first reading is the start of its own trajectory, so it is on track.
 */
import { type Day, daysBetween } from './dates.js';
import { isTargetMet, type KpiDirection, type KpiTargetPoint } from './kpi.js';
import { type KpiFrequency, readingDueBy } from './kpi-reading-due.js';
import type { Holidays } from './working-days.js';

export type { KpiFrequency } from './kpi-reading-due.js';

/** One reading: its value and the day its period ends. */
export type KpiReadingPoint = { value: number; period: Day };

/** The verdict's state, as the board reads it: 'on_track' is shown as "on track". */
export type KpiVerdictState =
  | 'met'
  | 'missed'
  | 'on_track'
  | 'off_track'
  | 'stale'
  | 'no_target'
  | 'no_reading';

/** A verdict and what it rests on. */
export interface KpiVerdict {
  state: KpiVerdictState;
  /** The target judged: the last one for met/missed, the next one for on/off track. */
  target: KpiTargetPoint | null;
  /** The reading judged; for `stale`, the last reading there is. */
  reading: KpiReadingPoint | null;
}

/** What the rule needs to know about one KPI. */
export interface KpiVerdictInput {
  direction: KpiDirection;
  frequency: KpiFrequency;
  targets: readonly KpiTargetPoint[];
  readings: readonly KpiReadingPoint[];
  today: Day;
  /** Bank holidays for the monthly grace period; England and Wales when not given. */
  holidays?: Holidays;
}

/** Value of the straight line through `from` and `to` on `day` (held at `from` before it). */
function along(from: KpiReadingPoint, to: KpiReadingPoint, day: Day): number {
  const span = daysBetween(from.period, to.period);
  if (span <= 0 || day <= from.period) return from.value;
  return from.value + ((to.value - from.value) * daysBetween(from.period, day)) / span;
}

/** The least-squares line through `points`, read on `day`; null without two distinct days. */
function projected(points: readonly KpiReadingPoint[], day: Day): number | null {
  const base = points[0]?.period ?? day;
  const xs = points.map((p) => daysBetween(base, p.period));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = points.reduce((a, p) => a + p.value, 0) / points.length;
  const sxx = xs.reduce((a, x) => a + (x - meanX) ** 2, 0);
  if (points.length < 2 || sxx === 0) return null;
  const sxy = xs.reduce((a, x, i) => a + (x - meanX) * ((points[i]?.value ?? 0) - meanY), 0);
  return meanY + (sxy / sxx) * (daysBetween(base, day) - meanX);
}

function trackState(
  input: KpiVerdictInput,
  sorted: readonly KpiReadingPoint[],
  next: KpiTargetPoint,
  previous: KpiTargetPoint | undefined,
): 'on_track' | 'off_track' {
  const { direction } = input;
  const latest = sorted.at(-1) as KpiReadingPoint;
  const first = sorted[0] as KpiReadingPoint;
  const start = previous ? { value: previous.value, period: previous.byDate } : first;
  const line = along(start, { value: next.value, period: next.byDate }, latest.period);
  const trend = projected(sorted.slice(-3), next.byDate);
  const onTrack =
    isTargetMet(direction, latest.value, next.value) ||
    isTargetMet(direction, latest.value, line) ||
    (trend !== null && isTargetMet(direction, trend, next.value));
  return onTrack ? 'on_track' : 'off_track';
}

/** How a KPI is doing today, by the rule above. */
export function kpiVerdict(input: KpiVerdictInput): KpiVerdict {
  const { direction, today } = input;
  const targets = [...input.targets].sort((a, b) => a.byDate.localeCompare(b.byDate));
  const sorted = [...input.readings].sort((a, b) => a.period.localeCompare(b.period));
  const latest = sorted.at(-1) ?? null;
  const last = targets.at(-1);
  const nextIndex = targets.findIndex((t) => t.byDate >= today);
  if (!latest) {
    const inForce = targets[nextIndex] ?? last ?? null;
    return { state: last ? 'no_reading' : 'no_target', target: inForce, reading: null };
  }
  const stale = today > readingDueBy(latest.period, input.frequency, input.holidays);
  if (!last) return { state: stale ? 'stale' : 'no_target', target: null, reading: latest };
  if (nextIndex === -1) {
    const judged = sorted.filter((r) => r.period <= last.byDate).at(-1) ?? null;
    if (!judged) return { state: 'no_reading', target: last, reading: null };
    const met = isTargetMet(direction, judged.value, last.value);
    return { state: met ? 'met' : 'missed', target: last, reading: judged };
  }
  const next = targets[nextIndex] as KpiTargetPoint;
  if (stale) return { state: 'stale', target: next, reading: latest };
  const state = trackState(input, sorted, next, targets[nextIndex - 1]);
  return { state, target: next, reading: latest };
}

/** The verdict for a KPI as the database holds it (direction and frequency as plain strings). */
export function verdictForKpi(
  kpi: { direction: string; frequency: string; targets: readonly KpiTargetPoint[] },
  readings: readonly KpiReadingPoint[],
  today: Day,
): KpiVerdict {
  return kpiVerdict({
    direction: kpi.direction === 'lower' ? 'lower' : 'higher',
    frequency: kpi.frequency === 'weekly' ? 'weekly' : 'monthly',
    targets: kpi.targets,
    readings,
    today,
  });
}
