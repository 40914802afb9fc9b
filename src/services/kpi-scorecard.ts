/**
 * `/improve kpi list`: the scorecard. Each KPI's latest reading against the target in force for
 * that reading's period, met or not, and the trend against the reading before it. Anyone may read.
 */
import type { Kpi, KpiReading } from '../db/generated/sqlite/client.js';
import { type Day, todayIn } from '../domain/dates.js';
import {
  isTargetMet,
  type KpiDirection,
  type KpiTargetPoint,
  type KpiTrend,
  nextTarget,
  targetInForce,
  trend,
} from '../domain/kpi.js';
import type { Actor, Deps } from './deps.js';

export interface ScorecardRow {
  kpi: Kpi;
  latest: KpiReading | null;
  /** For the latest reading's period, or today when there is no reading yet. */
  target: KpiTargetPoint | null;
  next: KpiTargetPoint | null;
  met: boolean | null;
  trend: KpiTrend | null;
}

export async function kpiScorecard(
  deps: Deps,
  actor: Pick<Actor, 'workspaceId'>,
): Promise<{ today: Day; rows: ScorecardRow[] }> {
  const programme = await deps.db.programme.findFirst({
    where: { workspaceId: actor.workspaceId },
    orderBy: { id: 'asc' },
  });
  const today = todayIn(deps.clock.now(), programme?.timezone ?? 'Europe/London');
  if (!programme) return { today, rows: [] };
  const kpis = await deps.db.kpi.findMany({
    where: { programmeId: programme.id, workspaceId: actor.workspaceId },
    // Two readings are enough for the latest value and its trend.
    include: { targets: true, readings: { orderBy: [{ period: 'desc' }, { id: 'desc' }], take: 2 } },
  });
  // Sorted here, not by the database: SQLite and PostgreSQL collate capitals differently.
  kpis.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const rows = kpis.map(({ targets, readings, ...kpi }) => {
    const [latest = null, previous = null] = readings;
    const direction = kpi.direction as KpiDirection;
    const day = latest?.period ?? today;
    const target = targetInForce(targets, day);
    return {
      kpi,
      latest,
      target,
      next: nextTarget(targets, day),
      met: latest && target ? isTargetMet(direction, latest.value, target.value) : null,
      trend: latest ? trend(direction, previous?.value ?? null, latest.value) : null,
    };
  });
  return { today, rows };
}
