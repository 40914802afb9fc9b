/**
 * `/improve kpi add`: an admin adds a KPI with its direction and, often, a trajectory of dated
 * targets (at most 30 by 31/12, at most 25 by 31/03). Target dates may be in the past: a DfE notice's
 * trajectory is entered whole, even when its first step has gone by.
 */

import { type Day, formatUkDate } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import type { KpiDirection, KpiFrequency } from '../domain/kpi.js';
import { audit } from './audit.js';
import { requireAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import type { KpiWithTargets } from './find-kpi.js';
import { findWorkstream } from './find-workstream.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inTransaction } from './transaction.js';

export interface AddKpiInput {
  name: string;
  unit: string;
  direction: KpiDirection;
  /** How often a reading is due; decides when the KPI is stale. Monthly when not given. */
  frequency?: KpiFrequency;
  targets: { value: number; byDate: Day }[];
  /** The workstream it belongs to (code or name), when given: an unknown one is refused. */
  workstream?: string;
}

export type AddedKpi = KpiWithTargets & { workstream: { code: string; name: string } | null };

export async function addKpi(input: AddKpiInput, deps: Deps, actor: Actor): Promise<AddedKpi> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'add KPIs');
    const programme = await loadProgramme(tx, actor);
    const name = await guardText(tx, actor.workspaceId, input.name, 'KPI name', deps.clock.now());
    const existing = await tx.kpi.findMany({
      where: { programmeId: programme.id, workspaceId: actor.workspaceId },
      select: { name: true },
    });
    const clash = existing.find((k) => k.name.toLowerCase() === name.toLowerCase());
    if (clash)
      throw new AppError(
        'conflict',
        `There is already a KPI called “${clash.name}”. Record a reading with \`/improve kpi record\`, or choose another name.`,
      );
    const workstream = input.workstream ? await findWorkstream(tx, programme.id, input.workstream) : null;
    const dates = input.targets.map((t) => t.byDate);
    const repeated = dates.find((d, i) => dates.indexOf(d) !== i);
    if (repeated)
      throw new AppError(
        'bad_input',
        `There are two targets for ${formatUkDate(repeated)}. Give one target per date.`,
      );
    const kpi = await tx.kpi.create({
      data: {
        workspaceId: actor.workspaceId,
        programmeId: programme.id,
        name,
        unit: input.unit.trim(),
        direction: input.direction,
        frequency: input.frequency ?? 'monthly',
        workstreamId: workstream?.id ?? null,
        createdAt: deps.clock.now(),
        targets: {
          create: input.targets.map((t) => ({
            workspaceId: actor.workspaceId,
            value: t.value,
            byDate: t.byDate,
          })),
        },
      },
      include: { targets: { orderBy: { byDate: 'asc' } } },
    });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'kpi.add',
      entity: 'kpi',
      entityId: kpi.id,
      after: kpi,
    });
    return { ...kpi, workstream: workstream ? { code: workstream.code, name: workstream.name } : null };
  });
}
