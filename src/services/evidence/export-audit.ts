/**
 * The audit trail of a programme's workspace between two days, as CSV for board papers and for
 * inspectors: when (UK date and time in the programme's timezone), who, what in words, and the
 * raw action, entity, before and after. Both days are included.
 */
import type { Db } from '../../db/client.js';
import { describeAuditRow } from '../../domain/audit-words.js';
import { addDays, type Day, formatDateTimeUk, zonedInstant } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';

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

/** The CSV text, header first, oldest row first; and how many rows it holds. */
export async function exportAudit(
  input: ExportAuditInput,
  deps: { db: Db },
): Promise<{ csv: string; rows: number }> {
  const programme = await deps.db.programme.findFirst({ where: { id: input.programmeId } });
  if (!programme) throw new AppError('not_found', `There is no programme ${input.programmeId}.`);
  if (input.to < input.from) throw new AppError('bad_input', 'The --to day is before the --from day.');
  const tz = programme.timezone;
  const rows = await deps.db.auditLog.findMany({
    where: {
      workspaceId: programme.workspaceId,
      createdAt: {
        gte: zonedInstant(input.from, '00:00', tz),
        lt: zonedInstant(addDays(input.to, 1), '00:00', tz),
      },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const people = await deps.db.person.findMany({ where: { workspaceId: programme.workspaceId } });
  const names = new Map(people.map((p) => [p.platformUserId, p.displayName]));
  const who = (actor: string) =>
    actor === 'system' ? 'the bot' : names.get(actor) ? `${names.get(actor)} (${actor})` : actor;
  const lines = rows.map((r) =>
    [
      formatDateTimeUk(r.createdAt, tz),
      who(r.actor),
      describeAuditRow(r),
      r.action,
      r.entity,
      r.entityId,
      r.before ?? '',
      r.after ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return { csv: `${[HEADER.join(','), ...lines].join('\r\n')}\r\n`, rows: rows.length };
}
