/**
 * `/improve admins add @person` (admins): admins are people with the role 'admin' in the
 * database. ADMIN_USER_IDS and the first person to run setup only bootstrap that list: once a
 * workspace has an admin, admins add and remove others here, each change audited.
 */
import type { Person } from '../../db/generated/sqlite/client.js';
import { AppError } from '../../domain/errors.js';
import { audit } from '../audit.js';
import { requireAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { inTransaction, personByPlatformId } from '../transaction.js';

export async function addAdmin(input: { userId: string }, deps: Deps, actor: Actor): Promise<Person> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'add admins');
    const person = await personByPlatformId(tx, actor.workspaceId, input.userId, deps.clock.now());
    if (person.role === 'admin')
      throw new AppError('conflict', `<person:${input.userId}> is already an admin.`);
    const admin = await tx.person.update({ where: { id: person.id }, data: { role: 'admin' } });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'admin.add',
      entity: 'person',
      entityId: person.id,
      before: { platformUserId: person.platformUserId, role: person.role },
      after: { platformUserId: person.platformUserId, role: 'admin' },
    });
    return admin;
  });
}
