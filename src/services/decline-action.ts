/**
 * "Not mine", from the reminders' button: the owner of an open action says it belongs to someone
 * else and suggests who. Ownership does not change (only a lead may reassign); the history
 * records the claim with the suggestion, and a notice to each lead of the workstream (the admins,
 * if it has none) is queued in the same transaction, so the leads are always told, exactly once.
 */
import type { Tx } from '../db/client.js';
import type { ActionEvent, Person } from '../db/generated/sqlite/client.js';
import { formatActionRef } from '../domain/actions.js';
import { AppError } from '../domain/errors.js';
import { programmeToday } from './action-checks.js';
import { recordActionEvent } from './action-events.js';
import type { Actor, Deps } from './deps.js';
import { type ActionInContext, loadAction, requireStatus } from './find-action.js';
import { guardText } from './guard-text.js';
import { queueNotice } from './reminder-log.js';
import { inTransaction, personByPlatformId } from './transaction.js';

export interface DeclineActionInput {
  ref: string | number;
  /** Slack user id of the person the owner thinks should have it. */
  suggestedUserId: string;
  note?: string;
}

export async function declineAction(
  input: DeclineActionInput,
  deps: Deps,
  actor: Actor,
): Promise<ActionInContext & { event: ActionEvent; toldUserIds: string[] }> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, programme, owner } = found;
    const ref = formatActionRef(action.number);
    requireStatus(action, ['open'], programme.timezone);
    if (owner.id !== me.id) {
      const how = `A lead can reassign it with \`/improve action reassign ${ref} @someone\`.`;
      throw new AppError(
        'forbidden',
        `Only the owner of ${ref} (<person:${owner.platformUserId}>) can say it is not theirs. ${how}`,
      );
    }
    if (input.suggestedUserId === me.platformUserId) {
      throw new AppError('bad_input', `Suggest someone other than yourself: who should own ${ref}?`);
    }
    const raw = input.note?.trim();
    const note = raw ? await guardText(tx, actor.workspaceId, raw, 'note', deps.clock.now()) : null;
    const suggested = await personByPlatformId(
      tx,
      actor.workspaceId,
      input.suggestedUserId,
      deps.clock.now(),
    );
    const now = deps.clock.now();
    const event = await recordActionEvent(tx, me, action, action, {
      kind: 'not_mine',
      at: now,
      note,
      fromOwnerId: me.id,
      toOwnerId: suggested.id,
    });
    const told = (await whoDecides(tx, deps, found)).filter((p) => p.id !== me.id);
    const payload = {
      actionId: action.id,
      fromUserId: me.platformUserId,
      suggestedUserId: suggested.platformUserId,
      note,
    };
    const key = {
      workspaceId: actor.workspaceId,
      kind: 'not_mine',
      subjectKey: `action-event:${event.id}`,
      day: programmeToday(deps, programme),
    };
    for (const person of told)
      await queueNotice(tx, { ...key, recipient: person.platformUserId }, programme.id, payload, now);
    return { ...found, event, toldUserIds: told.map((p) => p.platformUserId) };
  });
}

/** The workstream's leads decide who owns an action; with no lead, the admins do. */
export async function whoDecides(tx: Tx, deps: Deps, { workstream }: ActionInContext): Promise<Person[]> {
  const leads = await tx.workstreamLead.findMany({
    where: { workstreamId: workstream.id, workspaceId: workstream.workspaceId },
    include: { person: true },
  });
  if (leads.length > 0) return leads.map((l) => l.person);
  return tx.person.findMany({
    where: {
      workspaceId: workstream.workspaceId,
      OR: [{ role: 'admin' }, { platformUserId: { in: deps.adminUserIds ?? [] } }],
    },
  });
}
