/**
 * `/improve action extend <ref> <new due> <reason>` and the reminders' New date button: the owner, a
 * lead of the workstream or an admin moves an open action's due date. The reason is required and
 * the history keeps both dates, because slipping dates are what a board asks about. When the
 * programme needs a lead's approval (extension-approval), an owner who is not a lead or an admin
 * only asks: the date stands until a lead approves (extension-request.ts).
 */
import { formatActionRef } from '../domain/actions.js';
import { formatUkDate } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { programmeToday, requireDueDate, requireReason } from './action-checks.js';
import { recordActionEvent } from './action-events.js';
import { isAdmin, isLeadOf, requireOwnerLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { NO_REQUEST, requestExtension } from './extensions/extension-request.js';
import { type ActionInContext, loadAction, requireStatus, updateActionIfUnchanged } from './find-action.js';
import { guardText } from './guard-text.js';
import { inTransaction } from './transaction.js';

export interface ExtendActionInput {
  ref: string | number;
  /** The new due date, 'YYYY-MM-DD': today or later. */
  dueDate: string;
  reason: string;
}

export interface ExtendActionResult extends ActionInContext {
  fromDue: string;
  /** Set when the date was only requested: who was asked to approve it, and whether it replaced an earlier request. */
  requested?: { toDue: string; toldUserIds: string[]; replaced: boolean };
}

export async function extendAction(
  input: ExtendActionInput,
  deps: Deps,
  actor: Actor,
): Promise<ExtendActionResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const found = await loadAction(tx, actor, input.ref);
    const { action, workstream, programme } = found;
    const ref = formatActionRef(action.number);
    await requireOwnerLeadOrAdmin(tx, me, action, workstream, `change the due date of ${ref}`);
    requireStatus(action, ['open'], programme.timezone);
    const example = `/improve action extend ${ref} 31/03/2027 Waiting for the audit results`;
    const dueDate = requireDueDate(input.dueDate, programmeToday(deps, programme), example);
    if (dueDate === action.dueDate)
      throw new AppError('stale', `${ref} is already due on ${formatUkDate(dueDate)}; nothing was changed.`);
    const reason = requireReason(
      input.reason,
      `A new due date needs a reason: the board will ask why ${ref} moved.`,
      example,
    );
    const note = await guardText(tx, actor.workspaceId, reason, 'reason', deps.clock.now());
    if (programme.extensionApproval && !isAdmin(me) && !(await isLeadOf(tx, me, workstream.id))) {
      const asked = await requestExtension(tx, deps, me, found, { dueDate, reason: note });
      const requested = { toDue: dueDate, toldUserIds: asked.toldUserIds, replaced: asked.replaced };
      return { ...found, action: asked.action, fromDue: action.dueDate, requested };
    }
    const now = deps.clock.now();
    // A lead or an admin setting the date answers any pending request too.
    const updated = await updateActionIfUnchanged(tx, action, { dueDate, ...NO_REQUEST });
    await recordActionEvent(tx, me, action, updated, {
      kind: 'extended',
      at: now,
      note,
      fromDue: action.dueDate,
      toDue: dueDate,
    });
    return { ...found, action: updated, fromDue: action.dueDate };
  });
}
