/**
 * Runs one operation in one transaction: claims the request key (so a retried Slack request
 * writes nothing twice), makes sure the acting person exists, then runs the operation.
 */
import type { Tx } from '../db/client.js';
import type { Person } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import type { Actor, Deps } from './deps.js';

export async function inTransaction<T>(
  deps: Deps,
  actor: Actor,
  operation: (tx: Tx, me: Person) => Promise<T>,
): Promise<T> {
  return deps.db.$transaction(async (tx) => {
    if (actor.requestKey) await claimRequest(tx, actor.workspaceId, actor.requestKey);
    const me = await ensurePerson(tx, deps, actor);
    return operation(tx, me);
  });
}

/**
 * One insert, no look-up first: the unique key refuses a second claim, including one racing the
 * first on another replica (a look-up would let both through and one fail with a bare error).
 */
async function claimRequest(tx: Tx, workspaceId: string, key: string): Promise<void> {
  try {
    await tx.processedRequest.create({ data: { workspaceId, key } });
  } catch (error) {
    // P2002: unique constraint failed. Checked by code, as the two providers' clients have different error classes.
    if ((error as { code?: unknown }).code === 'P2002')
      throw new AppError('duplicate_request', 'That request was already handled; nothing was changed.');
    throw error;
  }
}

/** The acting person, created as a member on first contact; ADMIN_USER_IDS are always admins. */
export async function ensurePerson(tx: Tx, deps: Deps, actor: Actor): Promise<Person> {
  const forcedAdmin = deps.adminUserIds?.includes(actor.userId) ?? false;
  const where = { workspaceId_slackUserId: { workspaceId: actor.workspaceId, slackUserId: actor.userId } };
  const existing = await tx.person.findUnique({ where });
  if (existing) {
    const displayName =
      actor.displayName && actor.displayName !== existing.displayName ? actor.displayName : undefined;
    const role = forcedAdmin && existing.role !== 'admin' ? 'admin' : undefined;
    if (!displayName && !role) return existing;
    return tx.person.update({ where: { id: existing.id }, data: { displayName, role } });
  }
  // A person's first contact may also be the workspace's first.
  await tx.workspace.upsert({
    where: { id: actor.workspaceId },
    create: { id: actor.workspaceId },
    update: {},
  });
  return tx.person.create({
    data: {
      ...where.workspaceId_slackUserId,
      displayName: actor.displayName ?? '',
      role: forcedAdmin ? 'admin' : 'member',
    },
  });
}

/** A person referred to by Slack user id (an owner, a lead), created as a member if new. */
export async function personBySlackId(tx: Tx, workspaceId: string, slackUserId: string): Promise<Person> {
  const existing = await tx.person.findUnique({
    where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
  });
  if (existing) return existing;
  return tx.person.upsert({
    where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
    create: { workspaceId, slackUserId },
    update: {},
  });
}
