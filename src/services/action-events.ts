/**
 * Every change to an action writes its history row (ActionEvent) and an audit row in the same
 * transaction, so "who did what, when" can always be shown to an inspector.
 */
import type { Tx } from '../db/client.js';
import type { Action, ActionEvent, Person } from '../db/generated/sqlite/client.js';
import type { ActionEventKind } from '../domain/actions.js';
import { audit } from './audit.js';

export interface ActionEventInput {
  kind: ActionEventKind;
  at: Date;
  note?: string | null;
  fromDue?: string;
  toDue?: string;
  fromOwnerId?: number;
  toOwnerId?: number;
}

/** Writes the ActionEvent and the audit row ('action.<kind>', before and after). */
export async function recordActionEvent(
  tx: Tx,
  me: Person,
  before: Action | null,
  after: Action,
  event: ActionEventInput,
): Promise<ActionEvent> {
  const row = await tx.actionEvent.create({
    data: {
      workspaceId: after.workspaceId,
      actionId: after.id,
      kind: event.kind,
      personId: me.id,
      note: event.note ?? null,
      fromDue: event.fromDue ?? null,
      toDue: event.toDue ?? null,
      fromOwnerId: event.fromOwnerId ?? null,
      toOwnerId: event.toOwnerId ?? null,
      createdAt: event.at,
    },
  });
  await audit(tx, {
    at: event.at,
    workspaceId: after.workspaceId,
    actor: me.platformUserId,
    action: `action.${event.kind}`,
    entity: 'action',
    entityId: after.id,
    before: before ?? undefined,
    after,
  });
  return row;
}
