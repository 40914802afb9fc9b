/**
 * Finds a workstream the way people refer to one: by code (`WS3`), by name, or by an unambiguous
 * prefix or word of the name (`workforce`). An ambiguous or unknown name is an AppError that lists
 * the choices, so the user can correct it in one go.
 */
import type { Tx } from '../db/client.js';
import type { Project, Workstream } from '../db/generated/sqlite/client.js';
import { isSql, type Sql, sql } from '../db/sql.js';
import { boundedDistance, typoAllowance } from '../domain/edit-distance.js';
import { AppError } from '../domain/errors.js';

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Picks the one candidate `query` names, by exact key, then exact name, prefix, word prefix. */
export function matchByName<T>(candidates: T[], query: string, keys: (c: T) => string[]): T[] {
  const q = norm(query);
  if (!q) return [];
  const tiers: ((k: string) => boolean)[] = [
    (k) => k === q,
    (k) => k.startsWith(q),
    (k) => k.split(' ').some((w) => w.startsWith(q)) || k.includes(q),
  ];
  for (const test of tiers) {
    const found = candidates.filter((c) => keys(c).map(norm).some(test));
    if (found.length > 0) return found;
  }
  return [];
}

// Codes compare without case or dashes: 'ws2' and 'WS-2' both name WS-2.
const compactCode = (s: string) => s.toLowerCase().replace(/[-\s]/g, '');

/** A workstream by its code alone, for typed codes with or without their dash. */
function byCode(all: Workstream[], query: string): Workstream | undefined {
  const q = compactCode(query);
  return all.find((w) => compactCode(w.code) === q);
}

/**
 * The one name or code `query` is probably a typo of ('worforce', 'WS11' when there is no WS11):
 * one or two slips in a code or in one word of a name, and only when a single candidate is that
 * close, so a guess is never a coin toss.
 */
export function nearestByName<T>(candidates: T[], query: string, keys: (c: T) => string[]): T | null {
  const q = norm(query);
  if (q.length < 2) return null;
  const allowance = typoAllowance(q);
  const distance = (c: T) =>
    Math.min(
      ...keys(c)
        .map(norm)
        .flatMap((k) => [k, ...(q.includes(' ') ? [] : k.split(' ').filter((w) => w.length >= 4))])
        .map((k) => boundedDistance(q, k, allowance)),
    );
  const scored = candidates.map((c) => ({ c, d: distance(c) })).filter((x) => x.d <= allowance);
  const best = Math.min(...scored.map((x) => x.d));
  const winners = scored.filter((x) => x.d === best);
  return winners.length === 1 ? winners[0]!.c : null;
}

/**
 * A live workstream of the programme. A closed one is refused by name, saying it is closed, so
 * nothing new is written to it; `includeClosed` finds it too (for reading its history).
 */
export async function findWorkstream(
  db: Tx | Sql,
  programmeId: number,
  query: string,
  options: { includeClosed?: boolean } = {},
): Promise<Workstream> {
  const every = isSql(db)
    ? await db.all<Workstream>(
        sql`SELECT * FROM "Workstream" WHERE "programmeId" = ${programmeId} ORDER BY "code"`,
      )
    : await db.workstream.findMany({ where: { programmeId }, orderBy: { code: 'asc' } });
  return pickWorkstream(every, query, options);
}

/** findWorkstream's choice among a programme's workstreams (ordered by code), already read. */
export function pickWorkstream(
  every: Workstream[],
  query: string,
  options: { includeClosed?: boolean } = {},
): Workstream {
  const all = options.includeClosed ? every : every.filter((w) => w.closedAt === null);
  const coded = byCode(all, query);
  if (coded) return coded;
  const found = matchByName(all, query, (w) => [w.code, w.name]);
  if (found.length === 1) return found[0]!;
  const list = (ws: Workstream[]) => ws.map((w) => `${w.code} ${w.name}`).join('; ');
  if (found.length > 1) {
    throw new AppError(
      'ambiguous',
      `“${query}” matches more than one workstream: ${list(found)}. Use the code, for example ${found[0]!.code}.`,
    );
  }
  const closed = byCode(every, query) ?? only(matchByName(every, query, (w) => [w.code, w.name]));
  if (closed?.closedAt)
    throw new AppError(
      'conflict',
      `${closed.code} ${closed.name} is closed${closed.closedReason ? ` (“${closed.closedReason}”)` : ''}: it stays in the history and board packs, but nothing new can be added to it.`,
    );
  if (all.length === 0) {
    throw new AppError(
      'not_found',
      'There are no workstreams yet. An admin can add one with `/improve workstream add`.',
      {
        example: '/improve workstream add WS1 "Support and Develop Our Workforce" lead @jo',
      },
    );
  }
  const near = nearestByName(all, query, (w) => [w.code, w.name]);
  if (near)
    throw new AppError(
      'not_found',
      `I can't find a workstream called “${query}”. Did you mean ${near.code} ${near.name}? Nothing has been saved.`,
      { fix: { from: query, to: near.code } },
    );
  throw new AppError(
    'not_found',
    `I can't find a workstream called “${query}”. The workstreams are: ${list(all)}.`,
  );
}

const only = <T>(found: T[]): T | undefined => (found.length === 1 ? found[0] : undefined);

/** A live project of the workstream; a closed one is refused by name, as closed workstreams are. */
export async function findProject(db: Tx | Sql, workstream: Workstream, query: string): Promise<Project> {
  const every = isSql(db)
    ? await db.all<Project>(
        sql`SELECT * FROM "Project" WHERE "workstreamId" = ${workstream.id} ORDER BY "name"`,
      )
    : await db.project.findMany({ where: { workstreamId: workstream.id }, orderBy: { name: 'asc' } });
  return pickProject(every, workstream, query);
}

/** findProject's choice among the workstream's projects (ordered by name), already read. */
export function pickProject(every: Project[], workstream: Workstream, query: string): Project {
  const all = every.filter((p) => p.closedAt === null);
  const found = matchByName(all, query, (p) => [p.name]);
  if (found.length === 1) return found[0]!;
  const closed = only(matchByName(every, query, (p) => [p.name]));
  if (found.length === 0 && closed?.closedAt)
    throw new AppError(
      'conflict',
      `${workstream.code}/${closed.name} is closed${closed.closedReason ? ` (“${closed.closedReason}”)` : ''}: it stays in the history, but nothing new can be added to it.`,
    );
  const names = (ps: Project[]) => ps.map((p) => `“${p.name}”`).join(', ');
  if (found.length > 1)
    throw new AppError(
      'ambiguous',
      `“${query}” matches more than one project in ${workstream.code}: ${names(found)}.`,
    );
  const near = nearestByName(all, query, (p) => [p.name]);
  if (near)
    throw new AppError(
      'not_found',
      `${workstream.code} has no project called “${query}”. Did you mean “${near.name}”? Nothing has been saved.`,
      { fix: { from: query, to: near.name } },
    );
  const choices = all.length > 0 ? `Its projects are ${names(all)}.` : 'It has no projects yet.';
  throw new AppError('not_found', `${workstream.code} has no project called “${query}”. ${choices}`);
}
