/**
 * `/improve action add`: a lead of the workstream (or an admin) adds an action with an owner and a
 * due date. It is numbered A-<n> from the programme's counter, which the same transaction
 * increments, so two actions added at once never share a number.
 */

import type { Tx } from '../db/client.js';
import type { Project } from '../db/generated/sqlite/client.js';
import { formatActionRef } from '../domain/actions.js';
import { formatUkDate } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { ADD_ANYWAY, isNearDuplicate } from '../domain/similar-actions.js';
import { truncateText } from '../domain/text.js';
import { programmeToday, requireDueDate } from './action-checks.js';
import { recordActionEvent } from './action-events.js';
import { requireLeadOrAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import type { ActionInContext } from './find-action.js';
import { findProject, findWorkstream } from './find-workstream.js';
import { guardText } from './guard-text.js';
import { loadProgramme } from './programme.js';
import { inTransaction, personByPlatformId } from './transaction.js';

export interface AddActionInput {
  /** Code, name or unambiguous word of the workstream. */
  workstream: string;
  project?: string;
  /** Slack user id of the owner. */
  ownerUserId: string;
  /** 'YYYY-MM-DD' in the programme's timezone; today or later. */
  dueDate: string;
  text: string;
  /** 'board_request' when the Improvement Board asked for it (`/improve ask`); an ordinary action otherwise. */
  kind?: 'action' | 'board_request';
  /** Add it even though an open action of the workstream reads the same (`--anyway`). */
  anyway?: boolean;
}

export interface AddActionResult extends ActionInContext {
  project: Project | null;
}

export async function addAction(input: AddActionInput, deps: Deps, actor: Actor): Promise<AddActionResult> {
  return inTransaction(deps, actor, async (tx, me) => {
    const programme = await loadProgramme(tx, actor);
    const workstream = await findWorkstream(tx, programme.id, input.workstream);
    const project = input.project ? await findProject(tx, workstream, input.project) : null;
    const what = input.kind === 'board_request' ? 'record board requests for' : 'add actions to';
    await requireLeadOrAdmin(tx, me, workstream, `${what} ${workstream.code}`);
    const example =
      input.kind === 'board_request'
        ? `/improve ask ${workstream.code} @owner 31/03/2027 A report on agency social worker numbers by team`
        : `/improve action add ${workstream.code} @owner 31/03/2027 Recruit four newly qualified social workers`;
    const dueDate = requireDueDate(input.dueDate, programmeToday(deps, programme), example);
    if (input.text.trim().length < 3)
      throw new AppError('bad_input', `Say what the action is, after the due date.`, { example });
    const text = await guardText(tx, actor.workspaceId, input.text, 'action', deps.clock.now());
    if (!input.anyway) await refuseNearDuplicate(tx, workstream, text);
    const owner = await personByPlatformId(tx, actor.workspaceId, input.ownerUserId, deps.clock.now());
    // The increment is a row update, so concurrent adds queue on the programme row (both databases).
    const counter = await tx.programme.update({
      where: { id: programme.id },
      data: { nextActionNumber: { increment: 1 } },
    });
    const now = deps.clock.now();
    const action = await tx.action.create({
      data: {
        workspaceId: actor.workspaceId,
        programmeId: programme.id,
        number: counter.nextActionNumber - 1,
        workstreamId: workstream.id,
        projectId: project?.id ?? null,
        ownerId: owner.id,
        text,
        dueDate,
        createdById: me.id,
        createdAt: now,
        kind: input.kind ?? 'action',
      },
    });
    await recordActionEvent(tx, me, null, action, {
      kind: 'created',
      at: now,
      toDue: dueDate,
      toOwnerId: owner.id,
    });
    return { programme: counter, action, workstream, owner, project };
  });
}

/**
 * An open action of the same workstream that reads the same asks the person to confirm: the plan
 * should not carry five copies of one action. Ending the text with `--anyway` (in the form too) goes ahead.
 */
async function refuseNearDuplicate(tx: Tx, workstream: { id: number; code: string }, text: string) {
  const open = await tx.action.findMany({
    where: { workstreamId: workstream.id, status: 'open' },
    select: { number: true, text: true, dueDate: true },
    orderBy: { number: 'asc' },
  });
  const same = open.find((a) => isNearDuplicate(a.text, text));
  if (!same) return;
  throw new AppError(
    'conflict',
    `${formatActionRef(same.number)} in ${workstream.code} is open and reads the same: “${truncateText(same.text, 200)}”, due ${formatUkDate(same.dueDate)}. Nothing was added. If yours is a different action, say how it differs; to add it anyway, put ${ADD_ANYWAY} at the end of the text and send it again.`,
    { goAhead: ADD_ANYWAY },
  );
}
