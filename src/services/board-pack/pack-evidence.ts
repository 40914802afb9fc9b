/**
 * The evidence a board pack carries beside the plan: the coverage of every recommendation (the
 * same verdicts as `/improve coverage`), the board's own requests and what became of them, and
 * the audit trail of the period (the same rows as `npm run audit`). Read in a fixed number of
 * queries, whatever the size of the plan.
 */
import type { Db, Tx } from '../../db/client.js';
import type { Programme } from '../../db/generated/sqlite/client.js';
import { printedText } from '../../digest/plain-text.js';
import { type Day, todayIn, zonedInstant } from '../../domain/dates.js';
import { sourceLabel } from '../../domain/recommendation.js';
import { loadAuditTrail } from '../evidence/export-audit.js';
import { countVerdicts, loadCoverageRows } from '../evidence/recommendation-coverage.js';
import type { BoardPackSnapshot, PackAction, PackBoardRequest } from './types.js';

type Evidence = Required<Pick<BoardPackSnapshot, 'coverage' | 'boardRequests' | 'audit'>>;

export interface EvidenceInput {
  programme: Programme;
  today: Day;
  sinceDay: Day;
  /** Display names by platform user id (coverage names owners by their user id). */
  namesByUser: Map<string, string>;
  /** The pack's own view of an action, so a board request reads as it does in the action log. */
  toAction: (a: BoardRequestRow) => PackAction;
}

type BoardRequestRow = Awaited<ReturnType<typeof loadRequests>>[number];

export async function loadPackEvidence(db: Db | Tx, input: EvidenceInput): Promise<Evidence> {
  const { programme, today, sinceDay } = input;
  const scope = { workspaceId: programme.workspaceId, programmeId: programme.id };
  const [coverage, requests, audit] = await Promise.all([
    loadCoverageRows(db, scope, today),
    loadRequests(db, programme, sinceDay),
    loadAuditTrail(db, programme, sinceDay, today),
  ]);
  const owner = (userId: string) => input.namesByUser.get(userId) || userId;
  return {
    coverage: {
      rows: coverage.map((r) => ({
        ref: r.ref,
        text: printedText(r.text),
        source: sourceLabel(r.source),
        sourceDate: r.sourceDate,
        workstreams: r.workstreamCodes,
        actions: r.actions.map((a) => ({
          number: a.number,
          text: printedText(a.text),
          owner: owner(a.ownerUserId),
          dueDate: a.dueDate,
          status: a.status,
          code: a.workstreamCode,
        })),
        verdict: r.verdict,
      })),
      counts: countVerdicts(coverage),
    },
    boardRequests: requests.map((r) => boardRequest(r, input.toAction(r), today, programme.timezone)),
    audit: {
      from: sinceDay,
      to: today,
      rows: audit.map(({ when, who, what, action, entity, entityId }) => ({
        when,
        who,
        what,
        action,
        entity,
        entityId,
      })),
    },
  };
}

/** Open board requests, and those done, verified or dropped from `sinceDay`. */
function loadRequests(db: Db | Tx, programme: Programme, sinceDay: Day) {
  const since = zonedInstant(sinceDay, '00:00', programme.timezone);
  return db.action.findMany({
    where: {
      workspaceId: programme.workspaceId,
      programmeId: programme.id,
      kind: 'board_request',
      OR: [
        { status: 'open' },
        { status: { in: ['done', 'verified'] }, completedAt: { gte: since } },
        { status: 'verified', verifiedAt: { gte: since } },
        { status: 'dropped', history: { some: { kind: 'dropped', createdAt: { gte: since } } } },
      ],
    },
    include: { history: { where: { kind: 'dropped' }, orderBy: { createdAt: 'desc' }, take: 1 } },
    orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
  });
}

function boardRequest(
  row: BoardRequestRow,
  action: PackAction,
  today: Day,
  timezone: string,
): PackBoardRequest {
  const drop = row.history[0];
  const outcome: PackBoardRequest['outcome'] =
    action.status === 'done' || action.status === 'verified'
      ? 'done'
      : action.status === 'dropped'
        ? 'dropped'
        : action.dueDate < today
          ? 'overdue'
          : 'open';
  return {
    ...action,
    evidenceNote: row.evidenceNote ? printedText(row.evidenceNote) : null,
    droppedOn: drop ? todayIn(drop.createdAt, timezone) : null,
    dropNote: drop?.note ? printedText(drop.note) : null,
    outcome,
  };
}
