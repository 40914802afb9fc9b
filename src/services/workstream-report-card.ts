/**
 * `/improve status <workstream>`: one workstream's report card. Its RAG and the latest reason for
 * it, its projects with their RAG, its open and overdue actions, and its latest update.
 */
import type { Project, RagChange, Update, Workstream } from '../db/generated/sqlite/client.js';
import { type Day, todayIn } from '../domain/dates.js';
import type { Actor, Deps } from './deps.js';
import { findWorkstream } from './find-workstream.js';
import { loadProgramme } from './programme.js';

export interface ReportCard {
  today: Day;
  workstream: Workstream;
  leadUserIds: string[];
  /** The latest change of the workstream's own RAG (not a project's). */
  latestRagChange: RagChange | null;
  projects: Project[];
  openActions: number;
  overdueActions: number;
  latestUpdate: (Update & { authorUserId: string }) | null;
}

export async function workstreamReportCard(
  query: string,
  deps: Deps,
  actor: Pick<Actor, 'workspaceId'>,
): Promise<ReportCard> {
  const { db } = deps;
  const programme = await loadProgramme(db, actor.workspaceId);
  const workstream = await findWorkstream(db, programme.id, query, { includeClosed: true });
  const today = todayIn(deps.clock.now(), programme.timezone);
  const scope = { workstreamId: workstream.id, workspaceId: actor.workspaceId };
  const [leads, latestRagChange, projects, openActions, overdueActions, update] = await Promise.all([
    db.workstreamLead.findMany({ where: scope, include: { person: true } }),
    db.ragChange.findFirst({
      where: { ...scope, projectId: null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
    db.project.findMany({ where: { ...scope, closedAt: null }, orderBy: { name: 'asc' } }),
    db.action.count({ where: { ...scope, status: 'open' } }),
    db.action.count({ where: { ...scope, status: 'open', dueDate: { lt: today } } }),
    db.update.findFirst({
      where: { ...scope, withdrawnAt: null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  ]);
  const author = update ? await db.person.findUnique({ where: { id: update.authorId } }) : null;
  return {
    today,
    workstream,
    latestRagChange,
    projects,
    openActions,
    overdueActions,
    leadUserIds: leads.map((l) => l.person.platformUserId),
    latestUpdate: update ? { ...update, authorUserId: author?.platformUserId ?? '' } : null,
  };
}
