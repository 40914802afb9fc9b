/**
 * `/improve action list [mine|overdue|<workstream>|@user]`: anyone may read the plan. Open actions
 * and done ones awaiting verification, soonest due first, at most `limit` of them with the total.
 */
import { chunked } from '../db/chunked.js';
import type { Tx } from '../db/client.js';
import type { Action, Programme } from '../db/generated/sqlite/client.js';
import type { ActionView } from '../domain/actions.js';
import type { Day } from '../domain/dates.js';
import { programmeToday } from './action-checks.js';
import type { Actor, Deps } from './deps.js';
import { findWorkstream } from './find-workstream.js';
import { loadProgramme } from './programme.js';

export type ActionFilter =
  | { kind: 'all' }
  | { kind: 'mine' }
  | { kind: 'overdue' }
  | { kind: 'workstream'; query: string }
  | { kind: 'owner'; userId: string };

export interface ActionList {
  /** What was listed, in words: 'Open actions of WS1', 'Overdue actions'. */
  title: string;
  actions: ActionView[];
  /** How many matched in all (more than `actions.length` when capped). */
  total: number;
  today: Day;
}

export const DEFAULT_LIST_LIMIT = 20;

export async function listActions(
  input: { filter: ActionFilter; limit?: number },
  deps: Deps,
  actor: Pick<Actor, 'workspaceId' | 'userId'>,
): Promise<ActionList> {
  const tx = deps.db as unknown as Tx;
  const programme = await loadProgramme(tx, actor);
  const today = programmeToday(deps, programme);
  const { where, title } = await filterWhere(tx, programme, input.filter, actor.userId, today);
  const [rows, total] = await Promise.all([
    tx.action.findMany({
      where,
      include: { workstream: true },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      take: input.limit ?? DEFAULT_LIST_LIMIT,
    }),
    tx.action.count({ where }),
  ]);
  return { title, actions: await toViews(tx, actor.workspaceId, rows), total, today };
}

type ActionWhere = NonNullable<Parameters<Tx['action']['findMany']>[0]>['where'];

async function filterWhere(
  tx: Tx,
  programme: Programme,
  filter: ActionFilter,
  userId: string,
  today: Day,
): Promise<{ where: ActionWhere; title: string }> {
  const base = {
    workspaceId: programme.workspaceId,
    programmeId: programme.id,
    status: { in: ['open', 'done'] },
  };
  const ownerId = async (platformUserId: string) =>
    (
      await tx.person.findUnique({
        where: { workspaceId_platformUserId: { workspaceId: programme.workspaceId, platformUserId } },
      })
    )?.id ?? -1;
  switch (filter.kind) {
    case 'all':
      return { where: base, title: 'Open actions' };
    case 'mine':
      return { where: { ...base, ownerId: await ownerId(userId) }, title: 'Your open actions' };
    case 'owner':
      return {
        where: { ...base, ownerId: await ownerId(filter.userId) },
        title: `Open actions of <person:${filter.userId}>`,
      };
    case 'overdue':
      return { where: { ...base, status: 'open', dueDate: { lt: today } }, title: 'Overdue actions' };
    case 'workstream': {
      const workstream = await findWorkstream(tx, programme.id, filter.query, { includeClosed: true });
      return {
        where: { ...base, workstreamId: workstream.id },
        title: `Open actions of ${workstream.code} ${workstream.name}`,
      };
    }
  }
}

/** Adds owners' Slack ids and project names: two queries for the whole page. */
async function toViews(
  tx: Tx,
  workspaceId: string,
  rows: (Action & { workstream: { code: string } })[],
): Promise<ActionView[]> {
  const ownerIds = [...new Set(rows.map((r) => r.ownerId))];
  const projectIds = [...new Set(rows.flatMap((r) => (r.projectId ? [r.projectId] : [])))];
  const [owners, projects] = await Promise.all([
    chunked(ownerIds, (ids) => tx.person.findMany({ where: { workspaceId, id: { in: ids } } })),
    chunked(projectIds, (ids) => tx.project.findMany({ where: { workspaceId, id: { in: ids } } })),
  ]);
  const userIdOf = new Map(owners.map((o) => [o.id, o.platformUserId]));
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    number: r.number,
    text: r.text,
    dueDate: r.dueDate,
    status: r.status,
    ownerPlatformUserId: userIdOf.get(r.ownerId) ?? 'unknown',
    workstreamCode: r.workstream.code,
    projectName: r.projectId ? (projectName.get(r.projectId) ?? null) : null,
    requestedDue: r.requestedDue,
  }));
}
