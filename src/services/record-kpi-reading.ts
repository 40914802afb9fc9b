/**
 * `/improve kpi record`: a reading for a period, the KPI's verdict today with it (on track, off
 * track, met, missed, stale: domain/kpi-verdict.ts) and the trend against the reading before it. Admins and workstream leads may record (the leads often own the
 * data); when a KPI belongs to a workstream, only that workstream's leads and admins.
 * A second reading for the same period corrects the first: one value per period, the old value
 * kept in the audit log.
 */
import type { Tx } from '../db/client.js';
import type { KpiReading, Person } from '../db/generated/sqlite/client.js';
import { type Day, endOfMonth, formatUkDate, todayIn } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import {
  type KpiDirection,
  type KpiTargetPoint,
  type KpiTrend,
  type KpiVerdict,
  trend,
  verdictForKpi,
} from '../domain/kpi.js';
import { audit } from './audit.js';
import { isAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { findKpi, type KpiWithTargets } from './find-kpi.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export interface RecordKpiReadingInput {
  kpi: string;
  value: number;
  /** The day the reading is for; today when not given. */
  period?: Day;
}

export interface RecordKpiReadingResult {
  kpi: KpiWithTargets;
  reading: KpiReading;
  /** The value this reading replaced, when the period already had one. */
  replacedValue: number | null;
  previous: KpiReading | null;
  /** The target the verdict judged (the next one, or the last once every date has passed). */
  target: KpiTargetPoint | null;
  /** How the KPI is doing today, this reading included. */
  verdict: KpiVerdict;
  trend: KpiTrend;
}

export async function recordKpiReading(
  input: RecordKpiReadingInput,
  deps: Deps,
  actor: Actor,
): Promise<RecordKpiReadingResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const kpi = await findKpi(tx, programme.id, actor.workspaceId, input.kpi);
    await requireRecorder(tx, me, kpi.workstreamId);
    if (!Number.isFinite(input.value))
      throw new AppError('bad_input', 'Give the reading as a number, such as 23 or 86%.');
    const today = todayIn(deps.clock.now(), programme.timezone);
    const period = input.period ?? today;
    if (period > endOfMonth(today)) {
      throw new AppError(
        'bad_input',
        `${formatUkDate(period)} is in a month that has not started: a reading is for a period that has begun.`,
      );
    }
    const sameWhere = { kpiId: kpi.id, workspaceId: actor.workspaceId };
    const existing = await tx.kpiReading.findFirst({
      where: { ...sameWhere, period },
      orderBy: { id: 'desc' },
    });
    const reading = existing
      ? await tx.kpiReading.update({
          where: { id: existing.id },
          data: { value: input.value, recordedById: me.id },
        })
      : await tx.kpiReading.create({
          data: {
            ...sameWhere,
            value: input.value,
            period,
            recordedById: me.id,
            createdAt: deps.clock.now(),
          },
        });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: existing ? 'kpi.reading.correct' : 'kpi.reading.record',
      entity: 'kpi_reading',
      entityId: reading.id,
      before: existing ? { value: existing.value, period } : undefined,
      after: { kpi: kpi.name, value: input.value, period },
    });
    const previous = await tx.kpiReading.findFirst({
      where: { ...sameWhere, period: { lt: period } },
      orderBy: [{ period: 'desc' }, { id: 'desc' }],
    });
    const direction = kpi.direction as KpiDirection;
    const readings = await tx.kpiReading.findMany({
      where: sameWhere,
      select: { value: true, period: true },
    });
    const verdict = verdictForKpi(kpi, readings, today);
    return {
      kpi,
      reading,
      replacedValue: existing?.value ?? null,
      previous,
      target: verdict.target,
      verdict,
      trend: trend(direction, previous?.value ?? null, input.value),
    };
  });
}

async function requireRecorder(tx: Tx, me: Person, workstreamId: number | null): Promise<void> {
  if (isAdmin(me)) return;
  const lead = await tx.workstreamLead.findFirst({
    where: { workspaceId: me.workspaceId, personId: me.id, ...(workstreamId ? { workstreamId } : {}) },
  });
  if (lead) return;
  throw new AppError(
    'forbidden',
    `Only an admin or a ${workstreamId ? "lead of this KPI's workstream" : 'workstream lead'} can record KPI readings. Ask your programme manager.`,
  );
}
