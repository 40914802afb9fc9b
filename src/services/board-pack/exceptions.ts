/**
 * The exception report: every Red workstream and project, why it is Red, the open actions that
 * recover it, and what the board is asked to do. The ask follows from the recovery actions, so
 * it is never a platitude: no actions, overdue actions, or a plan to note and review.
 */
import { type Day, formatUkDate } from '../../domain/dates.js';
import type { ExceptionItem, PackAction, RagRow } from './types.js';

type OpenAction = PackAction & { workstreamId: number; projectId: number | null };

export function exceptionsOf(
  sheet: RagRow[],
  workstreams: { id: number; code: string; projects: { id: number; name: string }[] }[],
  open: OpenAction[],
  asOf: Day,
  nextBoardDate: Day,
): ExceptionItem[] {
  return sheet
    .filter((row) => row.rag === 'red')
    .map((row) => {
      const ws = workstreams.find((w) => w.code === row.code);
      const projectId = row.project ? ws?.projects.find((p) => p.name === row.project)?.id : undefined;
      const recovery = open
        .filter((a) => a.workstreamId === ws?.id && (projectId === undefined || a.projectId === projectId))
        .map(({ workstreamId: _w, projectId: _p, ...action }) => action);
      return {
        code: row.code,
        name: row.name,
        project: row.project,
        reason: row.reason,
        reasonOn: row.reasonOn,
        recovery,
        ask: askOf(recovery, asOf, nextBoardDate),
      };
    });
}

/** What follows "The board is asked", from the state of the recovery actions. */
function askOf(recovery: PackAction[], asOf: Day, nextBoardDate: Day): string {
  const next = formatUkDate(nextBoardDate);
  if (recovery.length === 0)
    return `to require a recovery plan, with owners and dates, by the next board on ${next}: no recovery actions are recorded.`;
  const overdue = recovery.filter((a) => a.dueDate < asOf).length;
  if (overdue > 0)
    return `to hold the owners to account for ${overdue} overdue recovery ${overdue === 1 ? 'action' : 'actions'} (of ${recovery.length}) and agree new dates, or the help they need, before the next board on ${next}.`;
  return `to note the recovery plan (${recovery.length} ${recovery.length === 1 ? 'action' : 'actions'}, none overdue) and review progress at the next board on ${next}.`;
}
