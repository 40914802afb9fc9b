/** How KPI readings, targets and trends read in replies and on the scorecard. */
import { formatUkDate } from '../src/domain/dates.js';
import {
  describeTarget,
  formatKpiValue,
  type KpiDirection,
  type KpiTargetPoint,
  type KpiTrend,
  type KpiVerdict,
  trendArrow,
  verdictIcon,
  verdictWords,
} from '../src/domain/kpi.js';

interface KpiShape {
  unit: string;
  direction: string;
}

export const kpiValue = (value: number, kpi: KpiShape): string => formatKpiValue(value, kpi.unit);

/** '≤ 30 by 31/12/2026'; a confirmation passes formatWeekdayUkDate to show the day too. */
export const targetText = (target: KpiTargetPoint, kpi: KpiShape, formatDate = formatUkDate): string =>
  describeTarget(kpi.direction as KpiDirection, target, formatDate, kpi.unit);

/** '<icon:done> on track', '<icon:failed> missed', '<icon:question> stale: no reading since 28/11/2026'. */
export const verdictText = (verdict: KpiVerdict): string =>
  `${verdictIcon(verdict)} ${verdictWords(verdict, formatUkDate)}`;

/** '↑ improving', '↓ worsening', '→ steady', 'first reading'. */
export const trendText = (trend: KpiTrend): string => `${trendArrow(trend)} ${trend}`.trim();

export const directionText = (kpi: KpiShape): string =>
  kpi.direction === 'higher' ? 'higher is better' : 'lower is better';
