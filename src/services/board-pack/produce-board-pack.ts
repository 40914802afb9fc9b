/**
 * Produces the board pack for a board date (admins and workstream leads): reads the plan, stores
 * the snapshot of what the pack shows (BoardPack) with its audit row in one transaction, and
 * renders the files from that snapshot. The next pack's movement is measured from this one.
 */
import type { Tx } from '../../db/client.js';
import type { Person, Programme } from '../../db/generated/sqlite/client.js';
import { addDays, type Day, formatUkDate, todayIn } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { audit } from '../audit.js';
import { isAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { loadProgramme } from '../programme.js';
import { loadBoardPack } from './load-board-pack.js';
import { claimPackRequest, recordPackRequest } from './pack-request.js';
import { type PackFile, renderBoardPack } from './render-board-pack.js';
import type { BoardPackSnapshot } from './types.js';

/** A board is at most a year ahead: further out, the date is almost certainly mistyped. */
const LATEST_DAYS_AHEAD = 366;

export interface ProducedPack {
  id: number;
  snapshot: BoardPackSnapshot;
  files: PackFile[];
  /** The sharing lease this attempt holds, when a chat request produced it (sharePackOnce). */
  lease?: Date;
}

/** Refuses (writing nothing) unless the person may produce a pack and the date is a board date to come. */
export async function checkPackRequest(
  deps: Deps,
  actor: Actor,
  boardDate: Day | undefined,
): Promise<{ boardDate: Day; programme: Programme }> {
  const programme = await requirePackProducer(deps, actor, 'the board pack');
  return { boardDate: await checkBoardDate(deps, programme, boardDate), programme };
}

/**
 * The programme, if the person may produce its packs (an admin or any workstream lead of it);
 * the board pack and the pre-visit pack share this rule. `what` names the pack in the refusal.
 */
export async function requirePackProducer(deps: Deps, actor: Actor, what: string): Promise<Programme> {
  const programme = await loadProgramme(deps.db, actor);
  const person = await deps.db.person.findUnique({
    where: { workspaceId_platformUserId: { workspaceId: actor.workspaceId, platformUserId: actor.userId } },
  });
  const allowed =
    deps.adminUserIds?.includes(actor.userId) ||
    (person !== null && (await mayProduce(deps.db, person, programme)));
  if (!allowed)
    throw new AppError(
      'forbidden',
      `Only an admin or a workstream lead can produce ${what}. Ask your programme manager.`,
    );
  return programme;
}

/** The board date to use: the one given if it is to come (within a year), else the next board meeting. */
export async function checkBoardDate(
  deps: Deps,
  programme: Programme,
  boardDate: Day | undefined,
): Promise<Day> {
  const today = todayIn(deps.clock.now(), programme.timezone);
  const day = boardDate ?? (await nextBoard(deps, programme, today));
  if (day < today)
    throw new AppError(
      'bad_input',
      `${formatUkDate(day)} has passed. A pack shows the plan as it stands now, so give the date of a board to come (today or later).`,
    );
  if (day > addDays(today, LATEST_DAYS_AHEAD))
    throw new AppError(
      'bad_input',
      `${formatUkDate(day)} is more than a year away. Give the date of the next board meeting.`,
    );
  return day;
}

async function mayProduce(db: Deps['db'], person: Person, programme: Programme): Promise<boolean> {
  if (isAdmin(person)) return true;
  const lead = await db.workstreamLead.findFirst({
    where: { personId: person.id, workstream: { programmeId: programme.id } },
  });
  return Boolean(lead);
}

/** The next board meeting in the calendar (visit add board …), else today. */
async function nextBoard(deps: Deps, programme: Programme, today: Day): Promise<Day> {
  const board = await deps.db.event.findFirst({
    where: { programmeId: programme.id, kind: 'board_meeting', status: 'planned', startDate: { gte: today } },
    orderBy: { startDate: 'asc' },
  });
  return board?.startDate ?? today;
}

/**
 * Checks the request, then writes and renders the pack as the person asking, once per request
 * key: a retry of the same request throws AppError('duplicate_request') and stores nothing.
 */
export async function produceBoardPack(
  deps: Deps,
  actor: Actor,
  boardDate: Day | undefined,
): Promise<ProducedPack> {
  const checked = await checkPackRequest(deps, actor, boardDate);
  const me = await deps.db.person.findUnique({
    where: { workspaceId_platformUserId: { workspaceId: actor.workspaceId, platformUserId: actor.userId } },
  });
  return writeBoardPack(deps, {
    ...checked,
    actorId: actor.userId,
    producedBy: me?.displayName || actor.displayName || actor.userId,
    actor,
  });
}

/**
 * Reads the plan, stores the snapshot and its audit row in one transaction, and renders the
 * files from the stored snapshot. Authorisation is the caller's: the chat command checks the
 * person, the server-side CLI is trusted.
 */
export async function writeBoardPack(
  deps: Deps,
  /** `actor`, when a chat request produces the pack: its request key makes the pack once-only. */
  input: { programme: Programme; boardDate: Day; actorId: string; producedBy: string; actor?: Actor },
): Promise<ProducedPack> {
  const { programme, boardDate } = input;
  const now = deps.clock.now();
  const { id, snapshot, lease } = await deps.db.$transaction(
    async (tx: Tx) => {
      // Claimed first: a retry racing this attempt waits on the key, then finds it taken.
      if (input.actor) await claimPackRequest(tx, input.actor, now);
      const snapshot = await loadBoardPack(tx, { programme, boardDate, now, producedBy: input.producedBy });
      const row = await tx.boardPack.create({
        data: {
          workspaceId: programme.workspaceId,
          programmeId: programme.id,
          boardDate,
          producedAt: now,
          producedBy: input.actorId,
          snapshot: JSON.stringify(snapshot),
        },
      });
      await audit(tx, {
        workspaceId: programme.workspaceId,
        actor: input.actorId,
        action: 'board_pack.produce',
        entity: 'BoardPack',
        entityId: row.id,
        after: { boardDate, red: snapshot.exceptions.length, kpis: snapshot.kpis.length },
        at: now,
      });
      const lease = input.actor
        ? await recordPackRequest(tx, input.actor, { kind: 'board_pack', boardPackId: row.id }, now)
        : undefined;
      return { id: row.id, snapshot, lease };
      // A large plan takes a few seconds to read; Prisma's default of 5 s is for request paths.
    },
    { timeout: 60_000 },
  );
  return { id, snapshot, files: await renderBoardPack(snapshot), ...(lease ? { lease } : {}) };
}

/** The files of a stored pack, from its snapshot: byte for byte what was produced then. */
export async function reproduceBoardPack(
  deps: Pick<Deps, 'db'>,
  workspaceId: string,
  packId: number,
): Promise<ProducedPack> {
  const row = await deps.db.boardPack.findFirst({ where: { id: packId, workspaceId } });
  if (!row) throw new AppError('not_found', `There is no board pack ${packId} in this workspace.`);
  const snapshot = JSON.parse(row.snapshot) as BoardPackSnapshot;
  return { id: row.id, snapshot, files: await renderBoardPack(snapshot) };
}
