/**
 * `/improve setup`: the first person to run it in a workspace becomes admin (unless
 * ADMIN_USER_IDS names the admins) and the programme is created with its board channel. Run again
 * by an admin, it updates the name or board channel.
 */
import type { Programme } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';
import { audit } from './audit.js';
import { requireAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { guardText } from './guard-text.js';
import { inTransaction } from './transaction.js';

export interface SetupProgrammeInput {
  name?: string;
  boardChannelId?: string;
}

export interface SetupProgrammeResult {
  programme: Programme;
  created: boolean;
  becameAdmin: boolean;
}

export async function setupProgramme(
  input: SetupProgrammeInput,
  deps: Deps,
  actor: Actor,
): Promise<SetupProgrammeResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const name = input.name
      ? await guardText(tx, actor.workspaceId, input.name, 'programme name', deps.clock.now())
      : undefined;
    const existing = await tx.programme.findFirst({
      where: { workspaceId: actor.workspaceId },
      orderBy: { id: 'asc' },
    });
    if (existing) {
      requireAdmin(me, 'change the programme set-up');
      if (!name && !input.boardChannelId)
        throw new AppError(
          'bad_input',
          `The programme “${existing.name}” is already set up. Give a new name or board channel to change it.`,
        );
      const programme = await tx.programme.update({
        where: { id: existing.id },
        data: {
          name: name ?? undefined,
          boardChannelId: input.boardChannelId ?? undefined,
          boardChannelSetAt:
            input.boardChannelId && input.boardChannelId !== existing.boardChannelId
              ? deps.clock.now()
              : undefined,
        },
      });
      await audit(tx, {
        at: deps.clock.now(),
        workspaceId: actor.workspaceId,
        actor: actor.userId,
        action: 'programme.update',
        entity: 'programme',
        entityId: programme.id,
        before: existing,
        after: programme,
      });
      return { programme, created: false, becameAdmin: false };
    }
    const forced = deps.adminUserIds ?? [];
    const becameAdmin = forced.length === 0 && me.role !== 'admin';
    if (forced.length > 0 && !forced.includes(actor.userId)) {
      throw new AppError(
        'forbidden',
        `Only the admins named in ADMIN_USER_IDS can set up the programme: ${forced.map((id) => `<person:${id}>`).join(', ')}.`,
      );
    }
    if (becameAdmin) await tx.person.update({ where: { id: me.id }, data: { role: 'admin' } });
    const programme = await tx.programme.create({
      data: {
        workspaceId: actor.workspaceId,
        name: name ?? 'Improvement programme',
        boardChannelId: input.boardChannelId ?? null,
        boardChannelSetAt: input.boardChannelId ? deps.clock.now() : null,
        ...deps.defaults,
        createdAt: deps.clock.now(),
      },
    });
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'programme.create',
      entity: 'programme',
      entityId: programme.id,
      after: programme,
    });
    return { programme, created: true, becameAdmin };
  });
}
