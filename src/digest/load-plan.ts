/**
 * The plan part of a digest: workstreams with their leads, projects, latest updates and RAG
 * changes since the last digest. A fixed number of queries whatever the size of the plan: rows for
 * many workstreams come back from one query, never one query per workstream.
 */
import type { Db } from '../db/client.js';
import type { Day } from '../domain/dates.js';
import { todayIn } from '../domain/dates.js';
import type { DigestProgramme } from './types.js';

/** Orders codes as people read them: WS2 before WS10. */
export const byCode = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' }).compare;

export interface PlanRows {
  workstreams: {
    id: number;
    code: string;
    name: string;
    rag: string;
    createdDay: Day;
    leadUserIds: string[];
  }[];
  projects: { id: number; workstreamId: number; name: string; rag: string }[];
  /** Latest update instant per (workstream, project or null). */
  latestUpdates: { workstreamId: number; projectId: number | null; at: Date }[];
  changes: {
    id: number;
    workstreamId: number;
    projectId: number | null;
    fromRag: string;
    toRag: string;
    reason: string;
    authorId: number;
    createdAt: Date;
  }[];
}

export async function loadPlan(
  db: Db,
  programme: DigestProgramme,
  since: Date,
  asOf: Date,
): Promise<PlanRows> {
  const scope = { workspaceId: programme.workspaceId, programmeId: programme.id };
  const [workstreams, projects, groups, changes] = await Promise.all([
    // Closed workstreams and projects stay in the history but leave the live digest.
    db.workstream.findMany({
      where: { ...scope, closedAt: null },
      include: {
        leads: {
          where: { workspaceId: programme.workspaceId },
          include: { person: { select: { platformUserId: true } } },
        },
      },
    }),
    db.project.findMany({
      where: {
        workspaceId: programme.workspaceId,
        closedAt: null,
        workstream: { programmeId: programme.id, closedAt: null },
      },
      orderBy: { name: 'asc' },
    }),
    db.update.groupBy({
      by: ['workstreamId', 'projectId'],
      where: { ...scope, withdrawnAt: null, createdAt: { lte: asOf } },
      _max: { createdAt: true },
    }),
    db.ragChange.findMany({
      where: { ...scope, createdAt: { gt: since, lte: asOf } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const live = new Set(workstreams.map((w) => w.id));
  const liveProjects = new Set(projects.map((p) => p.id));
  return {
    workstreams: workstreams
      .map((w) => ({
        id: w.id,
        code: w.code,
        name: w.name,
        rag: w.rag,
        createdDay: todayIn(w.createdAt, programme.timezone),
        leadUserIds: w.leads.map((l) => l.person.platformUserId).sort(),
      }))
      .sort((a, b) => byCode(a.code, b.code)),
    projects,
    latestUpdates: groups.flatMap((g) =>
      g._max.createdAt
        ? [{ workstreamId: g.workstreamId, projectId: g.projectId, at: g._max.createdAt }]
        : [],
    ),
    changes: changes.filter(
      (c) => live.has(c.workstreamId) && (c.projectId === null || liveProjects.has(c.projectId)),
    ),
  };
}

/** The red workstreams and projects: the board's exceptions. */
export function redItems(plan: PlanRows): { workstreamIds: number[]; projectIds: number[] } {
  return {
    workstreamIds: plan.workstreams.filter((w) => w.rag === 'red').map((w) => w.id),
    projectIds: plan.projects.filter((p) => p.rag === 'red').map((p) => p.id),
  };
}
