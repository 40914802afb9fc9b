/** `/improve workstream add`: an admin adds a workstream with its lead(s) and critical friend. */
import type { Workstream } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import { audit } from './audit.js';
import { requireAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inTransaction, personByPlatformId } from './transaction.js';

export interface AddWorkstreamInput {
  code: string;
  name: string;
  leadUserIds: string[];
  criticalFriendUserId?: string;
  theme?: string;
}

export async function addWorkstream(
  input: AddWorkstreamInput,
  deps: Deps,
  actor: Actor,
): Promise<Workstream> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'add workstreams');
    const programme = await loadProgramme(tx, actor);
    const name = await guardText(tx, actor.workspaceId, input.name, 'workstream name', deps.clock.now());
    const theme = input.theme
      ? await guardText(tx, actor.workspaceId, input.theme, 'theme', deps.clock.now())
      : null;
    const code = input.code.toUpperCase();
    // WS-2 and WS2 are the same code to the people typing it, so they may not both exist.
    const compact = (c: string) => c.replace(/-/g, '');
    const clash = (await tx.workstream.findMany({ where: { programmeId: programme.id } })).find(
      (w) => compact(w.code) === compact(code),
    );
    if (clash)
      throw new AppError(
        'conflict',
        `There is already a workstream ${clash.code} (“${clash.name}”). Choose another code.`,
      );
    const friend = input.criticalFriendUserId
      ? await personByPlatformId(tx, actor.workspaceId, input.criticalFriendUserId, deps.clock.now())
      : null;
    const workstream = await tx.workstream.create({
      data: {
        workspaceId: actor.workspaceId,
        programmeId: programme.id,
        code,
        name,
        theme,
        criticalFriendId: friend?.id ?? null,
        createdAt: deps.clock.now(),
      },
    });
    for (const userId of new Set(input.leadUserIds)) {
      const lead = await personByPlatformId(tx, actor.workspaceId, userId, deps.clock.now());
      await tx.workstreamLead.create({
        data: { workstreamId: workstream.id, personId: lead.id, workspaceId: actor.workspaceId },
      });
      if (lead.role === 'member') await tx.person.update({ where: { id: lead.id }, data: { role: 'lead' } });
    }
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'workstream.add',
      entity: 'workstream',
      entityId: workstream.id,
      after: { ...workstream, leads: input.leadUserIds, criticalFriend: input.criticalFriendUserId ?? null },
    });
    return workstream;
  });
}
