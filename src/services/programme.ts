/**
 * The programme a request acts on: every operation starts here. A workspace can run several
 * programmes (a SEND improvement plan beside the children's social care plan), each with its own
 * board channel. A request's programme is, in order: the one it names (`--programme`, or the id a
 * button or form carries), the one whose board channel it was typed in, or the workspace's only
 * programme. Otherwise it is refused, listing the programmes and saying how to choose.
 */
import type { Tx } from '../db/client.js';
import type { Programme } from '../db/generated/sqlite/client.js';
import { jsonRows } from '../db/json-rows.js';
import { isSql, type Query, type Sql, sql } from '../db/sql.js';
import { AppError } from '../domain/errors.js';
import { toSafeText } from '../domain/text.js';

/** What says which programme a request means: the Actor carries all of it. */
export interface ProgrammeScope {
  workspaceId: string;
  /** Where the request was typed or pressed. */
  channelId?: string;
  /** Named by a button value or a form's metadata (checked against the workspace). */
  programmeId?: number;
  /** Named by `--programme <name or id>`. */
  programmeName?: string;
}

/** What chooseProgramme looks at, and the chosen programme's timezone. */
export type ProgrammeChoice = Pick<Programme, 'id' | 'name' | 'boardChannelId' | 'timezone'>;

/**
 * The workspace's programmes, oldest first, as one JSON value (db/json-rows.ts: read it with
 * `parsed`), for a statement that reads them beside what the request needs.
 */
export const programmeChoices = (provider: Sql['provider'], workspaceId: string): Query =>
  jsonRows(
    provider,
    ['id', 'name', 'boardChannelId', 'timezone'],
    sql`FROM "Programme" t WHERE t."workspaceId" = ${workspaceId}`,
    'id',
  );

/**
 * The id chooseProgramme would choose for a scope that names no programme by name (the named one,
 * the board channel's, or the only one), as a scalar subquery: NULL where it would refuse, or where
 * the scope names one by name.
 */
export function chosenProgrammeId(scope: ProgrammeScope): Query {
  const { workspaceId } = scope;
  if (scope.programmeId !== undefined)
    return sql`(SELECT g."id" FROM "Programme" g WHERE g."id" = ${scope.programmeId} AND g."workspaceId" = ${workspaceId})`;
  if (scope.programmeName !== undefined) return sql`(SELECT CAST(NULL AS INTEGER))`;
  const channel = scope.channelId ?? null;
  return sql`(SELECT g."id" FROM "Programme" g WHERE g."workspaceId" = ${workspaceId}
      AND (g."boardChannelId" = ${channel} OR (SELECT count(*) FROM "Programme" c WHERE c."workspaceId" = ${workspaceId}) = 1)
      ORDER BY CASE WHEN g."boardChannelId" = ${channel} THEN 0 ELSE 1 END, g."id" LIMIT 1)`;
}

/** The programme the request means, or a polite AppError saying how to choose one. */
export async function loadProgramme(db: Tx | Sql, scope: ProgrammeScope): Promise<Programme> {
  return chooseProgramme(await workspaceProgrammes(db, scope.workspaceId), scope);
}

/**
 * loadProgramme's choice among the workspace's programmes (oldest first), for callers that have
 * read them already (post-update's one read, or a request's context: CommandContext.programmes).
 * Only id, name and boardChannelId are looked at.
 */
export function chooseProgramme<P extends Pick<Programme, 'id' | 'name' | 'boardChannelId'>>(
  programmes: readonly P[],
  scope: ProgrammeScope,
): P {
  const found = pickProgramme(programmes, scope);
  if (found) return found;
  if (programmes.length === 0) {
    throw new AppError(
      'not_set_up',
      'This workspace has no improvement programme yet. An admin can start one with `/improve setup`.',
      {
        example: '/improve setup "Children\'s Services Improvement Plan" #improvement-board',
      },
    );
  }
  throw new AppError(
    'bad_input',
    `This workspace runs ${programmes.length} programmes: ${listProgrammes(programmes)}. ` +
      `Say which one with \`--programme\`, such as \`--programme "${toSafeText(programmes[1]!.name)}"\`, ` +
      'or type the command in that programme’s board channel.',
  );
}

/**
 * The programme the scope names, or undefined when it names none and the workspace has none or
 * several. A named programme that is not this workspace's is refused, as not found.
 */
export async function scopedProgramme(db: Tx | Sql, scope: ProgrammeScope): Promise<Programme | undefined> {
  return pickProgramme(await workspaceProgrammes(db, scope.workspaceId), scope);
}

/** Every programme of the workspace, oldest first. */
export async function workspaceProgrammes(db: Tx | Sql, workspaceId: string): Promise<Programme[]> {
  return isSql(db)
    ? db.all<Programme>(sql`SELECT * FROM "Programme" WHERE "workspaceId" = ${workspaceId} ORDER BY "id"`)
    : db.programme.findMany({ where: { workspaceId }, orderBy: { id: 'asc' } });
}

function pickProgramme<P extends Pick<Programme, 'id' | 'name' | 'boardChannelId'>>(
  programmes: readonly P[],
  scope: ProgrammeScope,
): P | undefined {
  if (scope.programmeId !== undefined) {
    const named = programmes.find((p) => p.id === scope.programmeId);
    if (!named)
      throw new AppError(
        'stale',
        'This belongs to a programme that is not in this workspace (or no longer exists); nothing was changed.',
      );
    return named;
  }
  if (scope.programmeName !== undefined) {
    const wanted = scope.programmeName.trim().toLowerCase();
    const named =
      programmes.find((p) => p.name.trim().toLowerCase() === wanted) ??
      programmes.find((p) => String(p.id) === wanted);
    if (!named)
      throw new AppError(
        'bad_input',
        programmes.length === 0
          ? 'This workspace has no improvement programme yet. An admin can start one with `/improve setup`.'
          : `There is no programme “${toSafeText(scope.programmeName)}” in this workspace. Its programmes are ${listProgrammes(programmes)}.`,
      );
    return named;
  }
  const board = scope.channelId ? programmes.find((p) => p.boardChannelId === scope.channelId) : undefined;
  if (board) return board;
  return programmes.length === 1 ? programmes[0] : undefined;
}

function listProgrammes(programmes: readonly Pick<Programme, 'name' | 'boardChannelId'>[]): string {
  return programmes
    .map(
      (p) =>
        `“${toSafeText(p.name)}”` +
        (p.boardChannelId ? ` (board channel <channel:${p.boardChannelId}>)` : ''),
    )
    .join(', ');
}

/** As loadProgramme, but undefined (not an error) while the workspace has no programme yet. */
export async function programmeIfAny(db: Tx | Sql, scope: ProgrammeScope): Promise<Programme | undefined> {
  const programmes = await workspaceProgrammes(db, scope.workspaceId);
  return programmes.length === 0 ? undefined : loadProgramme(db, scope);
}

/**
 * The request's programme's timezone, for 'today': the default before setup or while the
 * programme is still to be chosen. A button or form naming another workspace's programme is
 * refused here, before anything runs.
 */
export async function programmeTimezone(
  deps: { sql: Sql; defaults?: { timezone: string } },
  scope: ProgrammeScope,
): Promise<string> {
  return (await requestProgrammes(deps, scope)).timezone;
}

/**
 * What a request's context needs from its programmes, in one read: the timezone (as
 * programmeTimezone) and the workspace's programmes, oldest first, for chooseProgramme.
 */
export async function requestProgrammes(
  deps: { sql: Sql; defaults?: { timezone: string } },
  scope: ProgrammeScope,
): Promise<{ timezone: string; programmes: Programme[] }> {
  const programmes = await workspaceProgrammes(deps.sql, scope.workspaceId);
  const programme = pickProgramme(programmes, scope);
  return { timezone: programme?.timezone ?? deps.defaults?.timezone ?? 'Europe/London', programmes };
}
