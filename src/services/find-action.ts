/**
 * Finding an action by the reference people type (A-12, a12, 12) and loading what every change
 * to it needs. Shared by the action services and by button handlers (reminders' Done / New date).
 */
import type { Tx } from '../db/client.js';
import type { Action, Person, Prisma, Programme, Workstream } from '../db/generated/sqlite/client.js';
import { type ActionView, formatActionRef, parseActionRef } from '../domain/actions.js';
import { formatUkDate, todayIn } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { toSafeText } from '../domain/text.js';
import { loadProgramme, type ProgrammeScope } from './programme.js';

/** The action `ref` names in this programme, or a polite not_found AppError. */
export async function findAction(
  tx: Tx,
  programme: Pick<Programme, 'id' | 'workspaceId'>,
  ref: string | number,
): Promise<Action> {
  const number = typeof ref === 'number' ? ref : parseActionRef(ref);
  if (number === null) {
    throw new AppError(
      'bad_input',
      `“${toSafeText(String(ref))}” is not an action reference. Use the number shown when the action was added, such as A-12.`,
    );
  }
  const action = await tx.action.findFirst({
    where: { programmeId: programme.id, workspaceId: programme.workspaceId, number },
  });
  if (!action) {
    throw new AppError(
      'not_found',
      `There is no action ${formatActionRef(number)}. \`/improve action list\` shows the open ones.`,
    );
  }
  return action;
}

/** An action with its programme, workstream and owner: what a change and its reply need. */
export interface ActionInContext {
  programme: Programme;
  action: Action;
  workstream: Workstream;
  owner: Person;
}

export async function loadAction(
  tx: Tx,
  scope: ProgrammeScope,
  ref: string | number,
): Promise<ActionInContext> {
  const { workspaceId } = scope;
  const programme = await loadProgramme(tx, scope);
  const action = await findAction(tx, programme, ref);
  const workstream = await tx.workstream.findFirstOrThrow({
    where: { id: action.workstreamId, workspaceId },
  });
  const owner = await tx.person.findFirstOrThrow({ where: { id: action.ownerId, workspaceId } });
  return { programme, action, workstream, owner };
}

/**
 * Refuses a change that the action's status no longer allows, saying what state it is in, so a
 * button pressed twice or a stale message changes nothing and the person knows why.
 */
export function requireStatus(action: Action, allowed: string[], timezone: string): void {
  if (allowed.includes(action.status)) return;
  const ref = formatActionRef(action.number);
  const on = (d: Date | null) => (d ? ` on ${formatUkDate(todayIn(d, timezone))}` : '');
  const messages: Record<string, string> = {
    open: `${ref} is still open: its owner marks it done, with the evidence, before it can be verified.`,
    done: `${ref} was already marked done${on(action.completedAt)}; nothing was changed.`,
    verified: `${ref} was already verified${on(action.verifiedAt)}; nothing was changed.`,
    dropped: `${ref} has been dropped; nothing was changed. A lead can add a new action if it is needed again.`,
  };
  throw new AppError('stale', messages[action.status] ?? `${ref} is ${action.status}; nothing was changed.`);
}

/**
 * Changes an action only if nobody changed it since it was read (same status, due date and
 * owner). Two presses of Done at the same moment on PostgreSQL both read 'open'; the second one's
 * conditional update then matches nothing and is refused as stale instead of recording twice.
 */
export async function updateActionIfUnchanged(
  tx: Tx,
  action: Action,
  data: Prisma.ActionUpdateManyMutationInput,
): Promise<Action> {
  const { count } = await tx.action.updateMany({
    where: { id: action.id, status: action.status, dueDate: action.dueDate, ownerId: action.ownerId },
    data,
  });
  if (count === 0) {
    throw new AppError(
      'stale',
      `${formatActionRef(action.number)} was changed by someone else a moment ago; nothing was changed. Look again and retry if needed.`,
    );
  }
  return tx.action.findUniqueOrThrow({ where: { id: action.id } });
}

/** The line-presenter's view of an action loaded with its workstream and owner. */
export function toActionView(a: ActionInContext, projectName?: string | null): ActionView {
  return {
    number: a.action.number,
    text: a.action.text,
    dueDate: a.action.dueDate,
    status: a.action.status,
    ownerPlatformUserId: a.owner.platformUserId,
    workstreamCode: a.workstream.code,
    projectName: projectName ?? null,
    requestedDue: a.action.requestedDue,
  };
}
