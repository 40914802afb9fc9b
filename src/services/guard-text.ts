/**
 * Every free text that is stored (updates, reasons, action text, evidence, comments, KPI names,
 * visit themes, workstream, project and programme names) is checked here first: the
 * personal-data guard with the workspace's own case-reference patterns, then a length limit.
 */
import type { Tx } from '../db/client.js';
import { isSql, type Sql, sql } from '../db/sql.js';
import { todayIn } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { describePersonalData, findPersonalData } from '../domain/personal-data/index.js';

export const MAX_TEXT_LENGTH = 2000;

/** Returns the trimmed text, or throws an AppError saying what to change. */
export async function guardText(
  db: Tx | Sql,
  workspaceId: string,
  text: string,
  what: string,
  now: Date,
): Promise<string> {
  const workspace = isSql(db)
    ? await db.one<{ caseReferencePatterns: string }>(
        sql`SELECT "caseReferencePatterns" FROM "Workspace" WHERE "id" = ${workspaceId}`,
      )
    : await db.workspace.findUnique({ where: { id: workspaceId } });
  return checkText(text, workspace?.caseReferencePatterns, what, now);
}

/** guardText on a workspace's caseReferencePatterns (its stored JSON) already read. */
export function checkText(
  text: string,
  caseReferencePatterns: string | undefined,
  what: string,
  now: Date,
): string {
  const trimmed = text.trim();
  // A date beside a name only counts as a birth date when it is in the past: future ones are deadlines.
  const matches = findPersonalData(trimmed, {
    caseReferencePatterns: parsePatterns(caseReferencePatterns),
    today: todayIn(now, 'Europe/London'),
  });
  // Personal data first: a long text that holds some should hear about that before its length.
  if (matches.length > 0) {
    throw new AppError(
      'personal_data',
      `${describePersonalData(matches)} What is stored here is about the programme, never about a child, so nothing was saved. Please take it out and try again.`,
    );
  }
  if (trimmed.length > MAX_TEXT_LENGTH) {
    throw new AppError(
      'bad_input',
      `The ${what} is ${trimmed.length.toLocaleString('en-GB')} characters long; the limit is ${MAX_TEXT_LENGTH.toLocaleString('en-GB')}. Please shorten it, or link to the full paper instead.`,
    );
  }
  return trimmed;
}

function parsePatterns(json: string | undefined): string[] {
  try {
    const value = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
