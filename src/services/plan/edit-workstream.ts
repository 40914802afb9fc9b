/**
 * `/improve workstream edit <ws> name|code|lead|friend|parent <value>`: one field of a workstream,
 * audited with before and after. Admins change anything. A workstream's own lead may change its
 * name, parent theme and critical friend, but not its code (board papers cite it) nor its lead:
 * who is accountable for a workstream is the programme's decision, so a lead cannot hand the
 * workstream on (or take a colleague off it) by themself.
 */
import type { Tx } from '../../db/client.js';
import type { Person, Programme, Workstream } from '../../db/generated/sqlite/client.js';
import { AppError } from '../../domain/errors.js';
import { audit } from '../audit.js';
import { requireAdmin, requireLeadOrAdmin } from '../authorise.js';
import type { Actor, Deps } from '../deps.js';
import { findWorkstream } from '../find-workstream.js';
import { guardText } from '../guard-text.js';
import { loadProgramme } from '../programme.js';
import { inTransaction, personByPlatformId } from '../transaction.js';

export const WORKSTREAM_FIELDS = ['name', 'code', 'lead', 'friend', 'parent'] as const;
export type WorkstreamField = (typeof WORKSTREAM_FIELDS)[number];

export type EditWorkstreamInput = { workstream: string } & (
  | { field: 'name' | 'code'; value: string }
  /** Replaces the leads with these people. */
  | { field: 'lead'; userIds: string[] }
  /** A person, or null to remove the critical friend / the parent theme. */
  | { field: 'friend'; userId: string | null }
  | { field: 'parent'; value: string | null }
);

export interface EditWorkstreamResult {
  workstream: Workstream;
  before: unknown;
  after: unknown;
}

export async function editWorkstream(
  input: EditWorkstreamInput,
  deps: Deps,
  actor: Actor,
): Promise<EditWorkstreamResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    await authorise(tx, me, workstream, input.field);
    const change = await applyChange(tx, deps, actor, programme, workstream, input);
    await audit(tx, {
      at: deps.clock.now(),
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: `workstream.edit.${input.field}`,
      entity: 'workstream',
      entityId: workstream.id,
      before: { [input.field]: change.before },
      after: { [input.field]: change.after },
    });
    return change;
  });
}

async function authorise(tx: Tx, me: Person, workstream: Workstream, field: WorkstreamField) {
  if (field === 'code' || field === 'lead')
    return requireAdmin(
      me,
      `change the ${field} of a workstream (its lead can change its name, parent and critical friend)`,
    );
  await requireLeadOrAdmin(
    tx,
    me,
    workstream,
    `change ${workstream.code}'s ${field === 'friend' ? 'critical friend' : field}`,
  );
}

async function applyChange(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  programme: Programme,
  workstream: Workstream,
  input: EditWorkstreamInput,
): Promise<EditWorkstreamResult> {
  const now = deps.clock.now();
  const update = async (data: Partial<Workstream>) =>
    tx.workstream.update({ where: { id: workstream.id }, data });
  switch (input.field) {
    case 'name': {
      const name = await guardText(tx, actor.workspaceId, input.value, 'workstream name', now);
      return { workstream: await update({ name }), before: workstream.name, after: name };
    }
    case 'parent': {
      const theme = input.value
        ? await guardText(tx, actor.workspaceId, input.value, 'parent theme', now)
        : null;
      return { workstream: await update({ theme }), before: workstream.theme, after: theme };
    }
    case 'code': {
      const code = input.value.toUpperCase();
      const compact = (c: string) => c.replace(/-/g, '');
      const clash = (await tx.workstream.findMany({ where: { programmeId: programme.id } })).find(
        (w) => w.id !== workstream.id && compact(w.code) === compact(code),
      );
      if (clash)
        throw new AppError(
          'conflict',
          `There is already a workstream ${clash.code} (“${clash.name}”)${clash.closedAt ? ', closed but kept in the history' : ''}. Choose another code.`,
        );
      return { workstream: await update({ code }), before: workstream.code, after: code };
    }
    case 'friend': {
      const friend = input.userId ? await personByPlatformId(tx, actor.workspaceId, input.userId, now) : null;
      const before = workstream.criticalFriendId
        ? (await tx.person.findUnique({ where: { id: workstream.criticalFriendId } }))?.platformUserId
        : null;
      const changed = await update({ criticalFriendId: friend?.id ?? null });
      return { workstream: changed, before: before ?? null, after: input.userId };
    }
    case 'lead':
      return replaceLeads(tx, actor, workstream, input.userIds, now);
  }
}

async function replaceLeads(tx: Tx, actor: Actor, workstream: Workstream, userIds: string[], now: Date) {
  const current = await tx.workstreamLead.findMany({
    where: { workstreamId: workstream.id },
    include: { person: true },
    orderBy: { personId: 'asc' },
  });
  const before = current.map((l) => l.person.platformUserId);
  await tx.workstreamLead.deleteMany({ where: { workstreamId: workstream.id } });
  for (const userId of new Set(userIds)) {
    const lead = await personByPlatformId(tx, actor.workspaceId, userId, now);
    await tx.workstreamLead.create({
      data: { workstreamId: workstream.id, personId: lead.id, workspaceId: actor.workspaceId },
    });
    if (lead.role === 'member') await tx.person.update({ where: { id: lead.id }, data: { role: 'lead' } });
  }
  return { workstream, before, after: [...new Set(userIds)] };
}
