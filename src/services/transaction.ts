/**
 * Runs one operation in one transaction: claims the request key (so a retried Slack request
 * writes nothing twice), makes sure the acting person exists, then runs the operation. On Prisma
 * (inTransaction) or on hand-written SQL (inSqlTransaction, for the paths Slack waits on).
 */
import type { Tx } from '../db/client.js';
import type { Person } from '../db/generated/sqlite/client.js';
import { isSql, type Sql, sql } from '../db/sql.js';
import { AppError } from '../domain/errors.js';
import type { Actor, Deps } from './deps.js';

const NO_WORKSPACE =
  'Sorry, I could not tell which workspace this came from, so nothing was changed. Please try again.';

export async function inTransaction<T>(
  deps: Deps,
  actor: Actor,
  operation: (tx: Tx, me: Person) => Promise<T>,
  /** Prisma's `timeout` (5 s by default, for request paths), for an operation known to run longer. */
  options?: { timeout: number },
): Promise<T> {
  return deps.db.$transaction((tx) => asActor(tx, deps, actor, operation), options);
}

export async function inSqlTransaction<T>(
  deps: Deps,
  actor: Actor,
  operation: (sql: Sql, me: Person) => Promise<T>,
): Promise<T> {
  return deps.sql.transaction((tx) => asActor(tx, deps, actor, operation));
}

async function asActor<S extends Tx | Sql, T>(
  tx: S,
  deps: Deps,
  actor: Actor,
  operation: (tx: S, me: Person) => Promise<T>,
): Promise<T> {
  // Defence in depth behind the chat layer's check (chat/slack/workspace.ts): an empty workspace
  // id would otherwise become a shared workspace "" that every team-less request lands in.
  if (actor.workspaceId.trim() === '') throw new AppError('bad_input', NO_WORKSPACE);
  if (actor.requestKey) await claimRequest(tx, actor.workspaceId, actor.requestKey, deps.clock.now());
  return operation(tx, await ensurePerson(tx, deps, actor));
}

/**
 * One insert, no look-up first: the unique key refuses a second claim, including one racing the
 * first on another replica (a look-up would let both through and one fail with a bare error).
 */
export async function claimRequest(db: Tx | Sql, workspaceId: string, key: string, now: Date): Promise<void> {
  const duplicate = () =>
    new AppError('duplicate_request', 'That request was already handled; nothing was changed.');
  if (isSql(db)) {
    const claimed = await db.run(
      sql`INSERT INTO "ProcessedRequest" ("workspaceId", "key", "createdAt") VALUES (${workspaceId}, ${key}, ${now}) ON CONFLICT DO NOTHING`,
    );
    if (claimed === 0) throw duplicate();
    return;
  }
  try {
    await db.processedRequest.create({ data: { workspaceId, key, createdAt: now } });
  } catch (error) {
    // P2002: unique constraint failed. Checked by code, as the two providers' clients have different error classes.
    if ((error as { code?: unknown }).code === 'P2002') throw duplicate();
    throw error;
  }
}

/** The acting person, created as a member on first contact; ADMIN_USER_IDS are always admins. */
export async function ensurePerson(db: Tx | Sql, deps: Deps, actor: Actor): Promise<Person> {
  const forcedAdmin = deps.adminUserIds?.includes(actor.userId) ?? false;
  const { workspaceId, userId: platformUserId } = actor;
  const existing = isSql(db)
    ? await db.one<Person>(
        sql`SELECT * FROM "Person" WHERE "workspaceId" = ${workspaceId} AND "platformUserId" = ${platformUserId}`,
      )
    : await db.person.findUnique({ where: { workspaceId_platformUserId: { workspaceId, platformUserId } } });
  if (existing) {
    const displayName =
      actor.displayName && actor.displayName !== existing.displayName ? actor.displayName : undefined;
    const role = forcedAdmin && existing.role !== 'admin' ? 'admin' : undefined;
    if (!displayName && !role) return existing;
    if (!isSql(db)) return db.person.update({ where: { id: existing.id }, data: { displayName, role } });
    const changed = await db.one<Person>(
      sql`UPDATE "Person" SET "displayName" = ${displayName ?? existing.displayName}, "role" = ${role ?? existing.role} WHERE "id" = ${existing.id} RETURNING *`,
    );
    return changed!;
  }
  const newcomer = { displayName: actor.displayName ?? '', role: forcedAdmin ? 'admin' : 'member' };
  const now = deps.clock.now();
  const platform = actor.platform ?? 'slack';
  if (isSql(db)) {
    await db.run(
      sql`INSERT INTO "Workspace" ("id", "platform", "createdAt") VALUES (${workspaceId}, ${platform}, ${now}) ON CONFLICT DO NOTHING`,
    );
    const created = await db.one<Person>(
      sql`INSERT INTO "Person" ("workspaceId", "platformUserId", "displayName", "role", "createdAt") VALUES (${workspaceId}, ${platformUserId}, ${newcomer.displayName}, ${newcomer.role}, ${now}) RETURNING *`,
    );
    return created!;
  }
  // A person's first contact may also be the workspace's first.
  await db.workspace.upsert({
    where: { id: workspaceId },
    create: { id: workspaceId, platform, createdAt: now },
    update: {},
  });
  return db.person.create({ data: { workspaceId, platformUserId, ...newcomer, createdAt: now } });
}

/** A person referred to by Slack user id (an owner, a lead), created as a member if new (at `now`). */
export async function personByPlatformId(
  tx: Tx,
  workspaceId: string,
  platformUserId: string,
  now: Date,
): Promise<Person> {
  const existing = await tx.person.findUnique({
    where: { workspaceId_platformUserId: { workspaceId, platformUserId } },
  });
  if (existing) return existing;
  return tx.person.upsert({
    where: { workspaceId_platformUserId: { workspaceId, platformUserId } },
    create: { workspaceId, platformUserId, createdAt: now },
    update: {},
  });
}
