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
import { loadProgramme, workspaceProgrammes } from './programme.js';
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
    // Several programmes per workspace (issue 16): the one named (`--programme`), or the one whose
    // board channel this is, is updated; a name typed anywhere else starts another programme.
    const programmes = await workspaceProgrammes(tx, actor.workspaceId);
    const named = actor.programmeId !== undefined || actor.programmeName !== undefined;
    const here = programmes.find(
      (p) => actor.channelId !== undefined && p.boardChannelId === actor.channelId,
    );
    const another = programmes.length > 0 && !named && !here && name !== undefined;
    const existing = programmes.length === 0 || another ? undefined : await loadProgramme(tx, actor);
    if (another) {
      requireAdmin(me, 'change the programme set-up');
      const clash = programmes.find(
        (p) =>
          p.name.trim().toLowerCase() === name.trim().toLowerCase() ||
          p.boardChannelId === input.boardChannelId,
      );
      if (clash)
        throw new AppError(
          'bad_input',
          clash.boardChannelId === input.boardChannelId
            ? `That channel is already the board channel of “${clash.name}”. Give the new programme its own board channel.`
            : `There is already a programme called “${clash.name}”. Give the new one another name.`,
        );
    }
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
    const becameAdmin = !another && forced.length === 0 && me.role !== 'admin';
    if (!another && forced.length > 0 && !forced.includes(actor.userId)) {
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
