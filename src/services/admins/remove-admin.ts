/**
 * `/improve admins remove @person` (admins). The person goes back to lead (if they lead a
 * workstream) or member. Refused for the last admin, so a workspace is never left without one,
 * and for someone named in ADMIN_USER_IDS, who would be made admin again on their next command.
 */
import type { Person } from '../../db/generated/sqlite/client.js';
import { AppError } from '../../domain/errors.js';
import { audit } from '../audit.js';
import { requireAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { inTransaction } from '../transaction.js';

export async function removeAdmin(input: { userId: string }, deps: Deps, actor: Actor): Promise<Person> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'remove admins');
    const person = await tx.person.findUnique({
      where: { workspaceId_platformUserId: { workspaceId: actor.workspaceId, platformUserId: input.userId } },
    });
    if (person?.role !== 'admin')
      throw new AppError('not_found', `<person:${input.userId}> is not an admin.`);
    if (deps.adminUserIds?.includes(input.userId))
      throw new AppError(
        'conflict',
        `<person:${input.userId}> is an admin through the ADMIN_USER_IDS setting, so they would be made admin again. Ask whoever runs the bot to take them out of it first.`,
      );
    const admins = await tx.person.count({ where: { workspaceId: actor.workspaceId, role: 'admin' } });
    if (admins <= 1)
      throw new AppError(
        'conflict',
        'You are the last admin, so you cannot remove yourself: add another admin first with `/improve admins add @person`.',
      );
    const leads = await tx.workstreamLead.count({ where: { personId: person.id } });
    const role = leads > 0 ? 'lead' : 'member';
    const removed = await tx.person.update({ where: { id: person.id }, data: { role } });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'admin.remove',
      entity: 'person',
      entityId: person.id,
      before: { platformUserId: person.platformUserId, role: 'admin' },
      after: { platformUserId: person.platformUserId, role },
    });
    return removed;
  });
}
