/**
 * Builds the weekly digest of one programme from the database, as of now. The number of queries
 * is fixed (about twenty) whatever the number of workstreams, projects, actions or KPIs: rows are
 * fetched for the whole programme at once and grouped in memory, never one query per row.
 */

import { actionSections, dates, openActions, scorecard } from '../digest/assemble-others.js';
import {
  countRags,
  countRagsBefore,
  exceptions,
  ragChanges,
  silence,
  workstreamsAtAGlance,
} from '../digest/assemble-plan.js';
import { loadActions, loadEvents, loadKpis, loadPeople } from '../digest/load-others.js';
import { loadPlan, redItems } from '../digest/load-plan.js';
import { loadRedDetail } from '../digest/load-red-detail.js';
import { type Digest, type DigestProgramme, DUE_SOON_DAYS } from '../digest/types.js';
import { addDays, type Day, weekStart as mondayOf, todayIn } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import type { Deps } from './deps.js';
import { countVerdicts, loadCoverageRows } from './evidence/recommendation-coverage.js';

const WEEK_MS = 7 * 86_400_000;

export interface BuildDigestInput {
  workspaceId: string;
  programmeId: number;
}

export async function buildDigest(
  input: BuildDigestInput,
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<Digest> {
  const { db } = deps;
  const row = await db.programme.findFirst({
    where: { id: input.programmeId, workspaceId: input.workspaceId },
  });
  if (!row) throw new AppError('not_found', `There is no programme ${input.programmeId} in this workspace.`);
  const programme: DigestProgramme = {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    timezone: row.timezone,
    boardChannelId: row.boardChannelId,
    silenceDays: row.silenceDays,
    exceptionsOnly: row.digestExceptionsOnly,
  };
  const asOf = deps.clock.now();
  const today = todayIn(asOf, programme.timezone);
  const weekStart = mondayOf(today);
  const { since, sinceLastDigest } = await digestWindow(deps, programme, weekStart, asOf);
  const plan = await loadPlan(db, programme, since, asOf);
  const red = redItems(plan);
  const [detail, loaded, kpiRows, events, coverage] = await Promise.all([
    loadRedDetail(db, programme, plan, asOf),
    loadActions(db, programme, red, { today, since, asOf }),
    loadKpis(db, programme, today),
    loadEvents(db, programme, today),
    loadCoverageRows(db, { workspaceId: programme.workspaceId, programmeId: programme.id }, today),
  ]);
  // Board requests come with the open actions (one query) whatever their due date; the other
  // sections keep to the actions they always listed.
  const requests = loaded.open.filter((a) => a.kind === 'board_request');
  const horizon = addDays(today, DUE_SOON_DAYS);
  const isListed = (a: (typeof loaded.open)[number]) =>
    a.dueDate <= horizon ||
    red.workstreamIds.includes(a.workstreamId) ||
    (a.projectId !== null && red.projectIds.includes(a.projectId));
  const actionRows = {
    ...loaded,
    open: loaded.open.filter((a) => a.kind !== 'board_request' || isListed(a)),
  };
  const personIds = [
    ...plan.changes.map((c) => c.authorId),
    ...detail.reasons.map((r) => r.authorId),
    ...detail.updates.map((u) => u.authorId),
    ...actionRows.open.map((a) => a.ownerId),
    ...requests.map((a) => a.ownerId),
  ];
  const people = await loadPeople(db, programme.workspaceId, personIds);
  const actions = openActions(actionRows, plan, people);
  const workstreams = workstreamsAtAGlance(plan, programme.timezone);
  return {
    programme,
    weekStart,
    today,
    asOf,
    since,
    sinceLastDigest,
    ...dates(events, today),
    workstreams,
    ragCounts: { workstreams: countRags(plan.workstreams), projects: countRags(plan.projects) },
    ragCountsBefore: countRagsBefore(plan),
    changes: ragChanges(plan, people, programme.timezone),
    exceptions: exceptions(plan, detail, actions, people, programme.timezone),
    silent: silence(workstreams, plan, today, programme.silenceDays),
    ...actionSections(actions, today),
    completedCount: actionRows.completedCount,
    kpis: scorecard(kpiRows, today),
    ...(coverage.length > 0 ? { coverage: countVerdicts(coverage) } : {}),
    ...(requests.length > 0
      ? { boardRequests: openActions({ open: requests, completedCount: 0 }, plan, people) }
      : {}),
  };
}

/**
 * Changes are reported since the last digest actually posted for an earlier week (so a digest
 * that failed for a week does not lose that week's changes), or for the last 7 days.
 */
async function digestWindow(deps: Pick<Deps, 'db'>, programme: DigestProgramme, weekStart: Day, asOf: Date) {
  const last = await deps.db.digestRun.findFirst({
    where: {
      workspaceId: programme.workspaceId,
      programmeId: programme.id,
      status: 'posted',
      weekStart: { lt: weekStart },
      postedAt: { lt: asOf },
    },
    orderBy: { weekStart: 'desc' },
  });
  if (last?.postedAt) return { since: last.postedAt, sinceLastDigest: true };
  return { since: new Date(asOf.getTime() - WEEK_MS), sinceLastDigest: false };
}
