/**
 * `/improve status <workstream>`: one workstream's report card. Its RAG and the latest reason for
 * it, its projects with their RAG, its open and overdue actions, and its latest update.
 */
import type { Action, Project, RagChange, Update, Workstream } from '../db/generated/sqlite/client.js';
import { type Day, todayIn } from '../domain/dates.js';
import { type KpiVerdict, verdictForKpi } from '../domain/kpi-verdict.js';
import type { Actor, Deps } from './deps.js';
import { type CoverageRow, loadCoverageRows } from './evidence/recommendation-coverage.js';
import { findWorkstream } from './find-workstream.js';
import { loadProgramme } from './programme.js';

export interface ReportCard {
  today: Day;
  /** The programme's timezone, for the card's dates. */
  timezone: string;
  workstream: Workstream;
  leadUserIds: string[];
  /** The latest change of the workstream's own RAG (not a project's). */
  latestRagChange: RagChange | null;
  projects: Project[];
  openActions: number;
  overdueActions: number;
  latestUpdate: (Update & { authorUserId: string }) | null;
  /** The full card: the workstream's own RAG changes, newest first, with reasons and who made them. */
  ragHistory: (RagChange & { authorUserId: string })[];
  /** The latest updates, newest first (the first is `latestUpdate`). */
  updates: (Update & { authorUserId: string })[];
  /** Open actions, soonest due first, with their owners. */
  actions: (Action & { ownerUserId: string })[];
  /** KPIs that belong to the workstream (Kpi.workstreamId), with today's verdict. */
  kpis: { name: string; unit: string; latest: number | null; verdict: KpiVerdict }[];
  /** Recommendations linked to the workstream or to one of its actions, with their coverage verdict. */
  recommendations: CoverageRow[];
}

/** How much of each list the card shows: a card, not the archive (`history` has the rest). */
export const CARD_ROWS = { ragHistory: 5, updates: 3, actions: 10 };

export async function workstreamReportCard(
  query: string,
  deps: Deps,
  actor: Pick<Actor, 'workspaceId'>,
): Promise<ReportCard> {
  const { db } = deps;
  const programme = await loadProgramme(db, actor);
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
  const [ragHistory, updates, actions, kpis, coverage] = await Promise.all([
    db.ragChange.findMany({
      where: { ...scope, projectId: null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: CARD_ROWS.ragHistory,
    }),
    db.update.findMany({
      where: { ...scope, withdrawnAt: null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: CARD_ROWS.updates,
    }),
    db.action.findMany({
      where: { ...scope, status: 'open' },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      take: CARD_ROWS.actions,
    }),
    db.kpi.findMany({
      where: scope,
      include: { targets: true, readings: { where: { period: { lte: today } }, orderBy: { period: 'asc' } } },
      orderBy: { name: 'asc' },
    }),
    loadCoverageRows(db, { workspaceId: actor.workspaceId, programmeId: programme.id }, today),
  ]);
  const personIds = [
    ...ragHistory.map((r) => r.authorId),
    ...updates.map((u) => u.authorId),
    ...actions.map((a) => a.ownerId),
  ];
  const people = await db.person.findMany({
    where: { workspaceId: actor.workspaceId, id: { in: personIds } },
  });
  const userOf = (id: number) => people.find((p) => p.id === id)?.platformUserId ?? '';
  const author = update ? await db.person.findUnique({ where: { id: update.authorId } }) : null;
  return {
    ragHistory: ragHistory.map((r) => ({ ...r, authorUserId: userOf(r.authorId) })),
    updates: updates.map((u) => ({ ...u, authorUserId: userOf(u.authorId) })),
    actions: actions.map((a) => ({ ...a, ownerUserId: userOf(a.ownerId) })),
    kpis: kpis.map((k) => ({
      name: k.name,
      unit: k.unit,
      latest: k.readings.at(-1)?.value ?? null,
      verdict: verdictForKpi(k, k.readings, today),
    })),
    recommendations: coverage.filter(
      (r) =>
        r.workstreamCodes.includes(workstream.code) ||
        r.actions.some((a) => a.workstreamCode === workstream.code),
    ),
    today,
    timezone: programme.timezone,
    workstream,
    latestRagChange,
    projects,
    openActions,
    overdueActions,
    leadUserIds: leads.map((l) => l.person.platformUserId),
    latestUpdate: update ? { ...update, authorUserId: author?.platformUserId ?? '' } : null,
  };
}
