/**
 * `/improve kpi list`: the scorecard. Each KPI's latest reading, the target in force for that
 * reading's period, today's verdict (domain/kpi-verdict.ts: on track, off track, met, missed,
 * stale) and the trend against the reading before it. Anyone may read.
 */

import type { Kpi, KpiReading } from '../db/generated/sqlite/client.js';
import { type Day, todayIn } from '../domain/dates.js';
import {
  type KpiDirection,
  type KpiTargetPoint,
  type KpiTrend,
  type KpiVerdict,
  nextTarget,
  targetInForce,
  trend,
  verdictForKpi,
} from '../domain/kpi.js';
import type { Deps } from './deps.js';
import { type ProgrammeScope, programmeIfAny } from './programme.js';

export interface ScorecardRow {
  kpi: Kpi;
  latest: KpiReading | null;
  /** The target the verdict judged: the next one today, or the last once every date has passed. */
  target: KpiTargetPoint | null;
  next: KpiTargetPoint | null;
  /** How the KPI is doing today. */
  verdict: KpiVerdict;
  trend: KpiTrend | null;
}

export async function kpiScorecard(
  deps: Deps,
  actor: ProgrammeScope,
): Promise<{ today: Day; rows: ScorecardRow[] }> {
  const programme = await programmeIfAny(deps.db, actor);
  const today = todayIn(deps.clock.now(), programme?.timezone ?? 'Europe/London');
  if (!programme) return { today, rows: [] };
  const kpis = await deps.db.kpi.findMany({
    where: { programmeId: programme.id, workspaceId: actor.workspaceId },
    // Every reading: the verdict needs the recent trend and the reading on a past target's date.
    include: {
      targets: true,
      readings: { orderBy: [{ period: 'desc' }, { id: 'desc' }] },
    },
  });
  // Sorted here, not by the database: SQLite and PostgreSQL collate capitals differently.
  kpis.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const rows = kpis.map(({ targets, readings, ...kpi }): ScorecardRow => {
    const [latest = null, previous = null] = readings;
    const direction = kpi.direction as KpiDirection;
    const verdict = verdictForKpi({ ...kpi, targets }, readings, today);
    // The target shown is the one the verdict judged, so the line never contradicts itself.
    const target = verdict.target ?? targetInForce(targets, latest?.period ?? today);
    return {
      kpi,
      latest,
      target,
      next: target ? nextTarget(targets, target.byDate) : null,
      verdict,
      trend: latest ? trend(direction, previous?.value ?? null, latest.value) : null,
    };
  });
  return { today, rows };
}
