/**
 * The audit trail of a programme between two days, as CSV for board papers and for
 * inspectors: when (UK date and time in the programme's timezone), who, what in words, and the
 * raw action, entity, before and after. Both days are included.
 */
import type { Db, Tx } from '../../db/client.js';
import { describeAuditRow } from '../../domain/audit-words.js';
import { addDays, type Day, formatDateTimeUk, zonedInstant } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { rowsOfProgramme } from './audit-scope.js';

export interface ExportAuditInput {
  programmeId: number;
  from: Day;
  to: Day;
}

const HEADER = ['when', 'who', 'what', 'action', 'entity', 'entity id', 'before', 'after'];

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a cell a spreadsheet would run
 * as a formula (= + - @ at the start) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One audit row as a reader sees it: when (UK, programme's timezone), who, what in words, and the raw row. */
export interface AuditTrailRow {
  when: string;
  who: string;
  what: string;
  action: string;
  entity: string;
  entityId: string;
  before: string;
  after: string;
}

/**
 * The programme's audit rows from `from` to `to` (both days included), oldest first, with the
 * workspace-wide ones (audit-scope.ts): the same rows for `npm run audit` and the board pack.
 */
export async function loadAuditTrail(
  db: Db | Tx,
  programme: { id: number; workspaceId: string; timezone: string },
  from: Day,
  to: Day,
): Promise<AuditTrailRow[]> {
  const tz = programme.timezone;
  const everyRow = await db.auditLog.findMany({
    where: {
      workspaceId: programme.workspaceId,
      createdAt: { gte: zonedInstant(from, '00:00', tz), lt: zonedInstant(addDays(to, 1), '00:00', tz) },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const rows = await rowsOfProgramme(db, programme, everyRow);
  const people = await db.person.findMany({ where: { workspaceId: programme.workspaceId } });
  const names = new Map(people.map((p) => [p.platformUserId, p.displayName]));
  const who = (actor: string) =>
    actor === 'system' ? 'the bot' : names.get(actor) ? `${names.get(actor)} (${actor})` : actor;
  return rows.map((r) => ({
    when: formatDateTimeUk(r.createdAt, tz),
    who: who(r.actor),
    what: describeAuditRow(r),
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before ?? '',
    after: r.after ?? '',
  }));
}

/** The CSV text, header first, oldest row first; and how many rows it holds. */
export async function exportAudit(
  input: ExportAuditInput,
  deps: { db: Db },
): Promise<{ csv: string; rows: number }> {
  const programme = await deps.db.programme.findFirst({ where: { id: input.programmeId } });
  if (!programme) throw new AppError('not_found', `There is no programme ${input.programmeId}.`);
  if (input.to < input.from) throw new AppError('bad_input', 'The --to day is before the --from day.');
  const rows = await loadAuditTrail(deps.db, programme, input.from, input.to);
  const lines = rows.map((r) =>
    [r.when, r.who, r.what, r.action, r.entity, r.entityId, r.before, r.after].map(csvCell).join(','),
  );
  return { csv: `${[HEADER.join(','), ...lines].join('\r\n')}\r\n`, rows: rows.length };
}
