/**
 * `/improve history <workstream|action|kpi>`: who changed what, and when, from the audit log,
 * newest first. A workstream's history takes in its projects, updates and actions; a KPI's its
 * readings. Anyone in the workspace may read it, as they may read the plan.
 */
import type { AuditLog } from '../../db/generated/sqlite/client.js';
import { formatActionRef, parseActionRef } from '../../domain/actions.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Actor, Deps } from '../deps.js';
import { findAction } from '../find-action.js';
import { findKpi } from '../find-kpi.js';
import { findWorkstream } from '../find-workstream.js';
import { loadProgramme } from '../programme.js';

export interface HistoryInput {
  /** A workstream, an action reference, or a KPI (optionally after the word 'kpi'). */
  subject: string;
  kind?: 'kpi';
  limit: number;
}

export interface History {
  title: string;
  timezone: string;
  rows: AuditLog[];
  total: number;
}

type Target = { entity: string; ids: number[] };

export async function changeHistory(
  input: HistoryInput,
  deps: Deps,
  actor: Pick<Actor, 'workspaceId'>,
): Promise<History> {
  const { db } = deps;
  const programme = await loadProgramme(db, actor);
  const { title, targets } = await resolve(deps, programme, input);
  const where = {
    workspaceId: actor.workspaceId,
    OR: targets
      .filter((t) => t.ids.length > 0)
      .map((t) => ({ entity: t.entity, entityId: { in: t.ids.map(String) } })),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit }),
    db.auditLog.count({ where }),
  ]);
  return { title, timezone: programme.timezone, rows, total };
}

async function resolve(
  deps: Deps,
  programme: { id: number; workspaceId: string },
  input: HistoryInput,
): Promise<{ title: string; targets: Target[] }> {
  const { db } = deps;
  const scope = { workspaceId: programme.workspaceId };
  if (
    input.kind !== 'kpi' &&
    /^(a-?|#)\d+$/i.test(input.subject.trim()) &&
    parseActionRef(input.subject) !== null
  ) {
    const action = await findAction(db, programme, input.subject);
    return {
      title: `${formatActionRef(action.number)} ${action.text}`,
      targets: [{ entity: 'action', ids: [action.id] }],
    };
  }
  if (input.kind !== 'kpi') {
    try {
      const ws = await findWorkstream(db, programme.id, input.subject);
      const [projects, updates, actions] = await Promise.all([
        db.project.findMany({ where: { ...scope, workstreamId: ws.id }, select: { id: true } }),
        db.update.findMany({ where: { ...scope, workstreamId: ws.id }, select: { id: true } }),
        db.action.findMany({ where: { ...scope, workstreamId: ws.id }, select: { id: true } }),
      ]);
      return {
        title: `${ws.code} ${ws.name}`,
        targets: [
          { entity: 'workstream', ids: [ws.id] },
          { entity: 'project', ids: projects.map((p) => p.id) },
          { entity: 'update', ids: updates.map((u) => u.id) },
          { entity: 'action', ids: actions.map((a) => a.id) },
        ],
      };
    } catch (error) {
      if (!isAppError(error) || error.code !== 'not_found') throw error;
    }
  }
  try {
    const kpi = await findKpi(db, programme.id, programme.workspaceId, input.subject);
    const readings = await db.kpiReading.findMany({
      where: { ...scope, kpiId: kpi.id },
      select: { id: true },
    });
    return {
      title: `KPI ${kpi.name}`,
      targets: [
        { entity: 'kpi', ids: [kpi.id] },
        { entity: 'kpi_reading', ids: readings.map((r) => r.id) },
      ],
    };
  } catch (error) {
    if (input.kind === 'kpi' || !isAppError(error) || error.code !== 'not_found') throw error;
    throw new AppError(
      'not_found',
      `There is no workstream, action or KPI called “${input.subject}”. Try a code such as WS1, an action such as A-12, or \`kpi <name>\`.`,
    );
  }
}
