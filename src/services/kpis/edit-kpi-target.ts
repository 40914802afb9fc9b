/**
 * `/improve kpi target add|change|remove`: the trajectory of a KPI changes when the DfE resets it.
 * Admins and the leads of the KPI's workstream edit it; each edit is audited with the whole
 * trajectory before and after, so the board can see what the target was when it judged a reading.
 */
import type { Tx } from '../../db/client.js';
import type { KpiTarget } from '../../db/generated/sqlite/client.js';
import { type Day, formatUkDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { audit } from '../audit.js';
import { requireAdmin, requireLeadOrAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { findKpi, type KpiWithTargets } from '../find-kpi.js';
import { loadProgramme } from '../programme.js';
import { inTransaction } from '../transaction.js';

/** As many dated targets as `kpi add` allows. */
export const MAX_KPI_TARGETS = 12;

export type KpiTargetEdit =
  | { kind: 'add'; value: number; byDate: Day }
  | { kind: 'change'; byDate: Day; value: number; newByDate?: Day }
  | { kind: 'remove'; byDate: Day };

export interface EditKpiTargetResult {
  kpi: KpiWithTargets;
  before: { value: number; byDate: Day }[];
  after: { value: number; byDate: Day }[];
}

const points = (targets: KpiTarget[]) =>
  targets
    .map((t) => ({ value: t.value, byDate: t.byDate }))
    .sort((a, b) => (a.byDate < b.byDate ? -1 : a.byDate > b.byDate ? 1 : 0));

export async function editKpiTarget(
  input: { kpi: string; edit: KpiTargetEdit },
  deps: Deps,
  actor: Actor,
): Promise<EditKpiTargetResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const kpi = await findKpi(tx, programme.id, actor.workspaceId, input.kpi);
    const what = `change the targets of “${kpi.name}”`;
    const workstream = kpi.workstreamId
      ? await tx.workstream.findFirst({ where: { id: kpi.workstreamId, workspaceId: actor.workspaceId } })
      : null;
    if (workstream) await requireLeadOrAdmin(tx, me, workstream, what);
    else requireAdmin(me, what);
    const before = points(kpi.targets);
    await apply(tx, kpi, input.edit);
    const targets = await tx.kpiTarget.findMany({
      where: { kpiId: kpi.id, workspaceId: actor.workspaceId },
      orderBy: { byDate: 'asc' },
    });
    const after = points(targets);
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: `kpi.target.${input.edit.kind}`,
      entity: 'kpi',
      entityId: kpi.id,
      before: { targets: before },
      after: { targets: after },
    });
    return { kpi: { ...kpi, targets }, before, after };
  });
}

function targetOn(kpi: KpiWithTargets, byDate: Day): KpiTarget {
  const found = kpi.targets.find((t) => t.byDate === byDate);
  if (found) return found;
  const dates = points(kpi.targets).map((t) => formatUkDate(t.byDate));
  throw new AppError(
    'not_found',
    dates.length > 0
      ? `“${kpi.name}” has no target for ${formatUkDate(byDate)}. Its targets are for ${dates.join(', ')}.`
      : `“${kpi.name}” has no targets yet. Add one with \`/improve kpi target add\`.`,
  );
}

function refuseClash(kpi: KpiWithTargets, byDate: Day, kind: 'add' | 'change'): void {
  if (!kpi.targets.some((t) => t.byDate === byDate)) return;
  throw new AppError(
    'conflict',
    kind === 'add'
      ? `“${kpi.name}” already has a target for ${formatUkDate(byDate)}. Change it with \`/improve kpi target change\` instead.`
      : `“${kpi.name}” already has another target for ${formatUkDate(byDate)}. Remove that one first, or choose another date.`,
  );
}

async function apply(tx: Tx, kpi: KpiWithTargets, edit: KpiTargetEdit): Promise<void> {
  if (edit.kind === 'add') {
    refuseClash(kpi, edit.byDate, 'add');
    if (kpi.targets.length >= MAX_KPI_TARGETS)
      throw new AppError(
        'bad_input',
        `“${kpi.name}” already has ${MAX_KPI_TARGETS} targets, the most a KPI can have. Remove one that no longer applies first.`,
      );
    await tx.kpiTarget.create({
      data: { workspaceId: kpi.workspaceId, kpiId: kpi.id, value: edit.value, byDate: edit.byDate },
    });
    return;
  }
  const target = targetOn(kpi, edit.byDate);
  if (edit.kind === 'remove') {
    await tx.kpiTarget.delete({ where: { id: target.id } });
    return;
  }
  if (edit.newByDate && edit.newByDate !== edit.byDate) refuseClash(kpi, edit.newByDate, 'change');
  await tx.kpiTarget.update({
    where: { id: target.id },
    data: { value: edit.value, byDate: edit.newByDate ?? edit.byDate },
  });
}
