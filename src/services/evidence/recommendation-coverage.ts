/**
 * Every recommendation with the actions addressing it and its verdict: covered and on time,
 * covered but overdue, or not covered. An action addresses a recommendation when it is linked to
 * it, or belongs to a workstream linked to it. A fixed number of queries for the whole programme.
 */
import type { Db, Tx } from '../../db/client.js';
import { type Day, todayIn } from '../../domain/dates.js';
import { type CoverageVerdict, coverageVerdict } from '../../domain/recommendation.js';
import type { Actor, Deps } from '../deps.js';
import { loadProgramme } from '../programme.js';

export interface CoverageAction {
  number: number;
  text: string;
  status: string;
  dueDate: Day;
  kind: string;
  ownerUserId: string;
  workstreamCode: string;
}

export interface CoverageRow {
  id: number;
  ref: string;
  text: string;
  source: string;
  sourceDate: Day | null;
  workstreamCodes: string[];
  actions: CoverageAction[];
  verdict: CoverageVerdict;
}

export interface Coverage {
  today: Day;
  programmeName: string;
  rows: CoverageRow[];
  counts: Record<CoverageVerdict, number>;
}

/** The programme's coverage as of today, for `/improve coverage` and the report card. */
export async function recommendationCoverage(
  deps: Deps,
  actor: Pick<Actor, 'workspaceId'>,
): Promise<Coverage> {
  const programme = await loadProgramme(deps.db, actor);
  const today = todayIn(deps.clock.now(), programme.timezone);
  const rows = await loadCoverageRows(
    deps.db,
    { workspaceId: actor.workspaceId, programmeId: programme.id },
    today,
  );
  return { today, programmeName: programme.name, rows, counts: countVerdicts(rows) };
}

export function countVerdicts(rows: readonly CoverageRow[]): Record<CoverageVerdict, number> {
  const counts: Record<CoverageVerdict, number> = { on_time: 0, overdue: 0, not_covered: 0 };
  for (const r of rows) counts[r.verdict] += 1;
  return counts;
}

/** The rows alone, for the digest (which already knows its programme and today). */
export async function loadCoverageRows(
  db: Db | Tx,
  scope: { workspaceId: string; programmeId: number },
  today: Day,
): Promise<CoverageRow[]> {
  const recommendations = await db.recommendation.findMany({
    where: scope,
    include: { workstreams: true, actions: true },
    orderBy: { number: 'asc' },
  });
  if (recommendations.length === 0) return [];
  const workstreamIds = [
    ...new Set(recommendations.flatMap((r) => r.workstreams.map((w) => w.workstreamId))),
  ];
  const actionIds = [...new Set(recommendations.flatMap((r) => r.actions.map((a) => a.actionId)))];
  const [workstreams, actions] = await Promise.all([
    db.workstream.findMany({ where: { workspaceId: scope.workspaceId, programmeId: scope.programmeId } }),
    db.action.findMany({
      where: { ...scope, OR: [{ id: { in: actionIds } }, { workstreamId: { in: workstreamIds } }] },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
    }),
  ]);
  const people = await db.person.findMany({
    where: { workspaceId: scope.workspaceId, id: { in: [...new Set(actions.map((a) => a.ownerId))] } },
  });
  const codes = new Map(workstreams.map((w) => [w.id, w.code]));
  const users = new Map(people.map((p) => [p.id, p.platformUserId]));
  return recommendations.map((r) => {
    const linkedWs = new Set(r.workstreams.map((w) => w.workstreamId));
    const linkedActions = new Set(r.actions.map((a) => a.actionId));
    const mine = actions
      .filter((a) => linkedActions.has(a.id) || linkedWs.has(a.workstreamId))
      .map(
        (a): CoverageAction => ({
          number: a.number,
          text: a.text,
          status: a.status,
          dueDate: a.dueDate,
          kind: a.kind,
          ownerUserId: users.get(a.ownerId) ?? 'unknown',
          workstreamCode: codes.get(a.workstreamId) ?? '?',
        }),
      );
    return {
      id: r.id,
      ref: r.ref,
      text: r.text,
      source: r.source,
      sourceDate: r.sourceDate,
      workstreamCodes: [...linkedWs].map((id) => codes.get(id) ?? '?').sort(),
      actions: mine,
      verdict: coverageVerdict(mine, today),
    };
  });
}
