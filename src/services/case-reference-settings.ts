/**
 * `/improve settings case-reference add|list|remove`: an admin teaches the personal-data guard
 * the council's own case-reference format from one example. Only the pattern is stored (digits
 * become digit classes), never the example, which may be a real child's reference. Audited.
 */
import type { Tx } from '../db/client.js';
import { AppError } from '../domain/errors.js';
import { patternFromExample, validateCaseReferencePattern } from '../domain/personal-data/index.js';
import { audit } from './audit.js';
import { requireAdmin } from './authorise.js';
import type { Actor, Deps } from './deps.js';
import { inTransaction } from './transaction.js';

async function patternsOf(tx: Tx, workspaceId: string): Promise<string[]> {
  const workspace = await tx.workspace.findUnique({ where: { id: workspaceId } });
  try {
    const value = JSON.parse(workspace?.caseReferencePatterns ?? '[]');
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

async function save(
  tx: Tx,
  actor: Actor,
  change: { action: string; before: string[]; after: string[]; at: Date },
): Promise<void> {
  const { action, before, after } = change;
  await tx.workspace.update({
    where: { id: actor.workspaceId },
    data: { caseReferencePatterns: JSON.stringify(after) },
  });
  await audit(tx, {
    at: change.at,
    workspaceId: actor.workspaceId,
    actor: actor.userId,
    action,
    entity: 'workspace',
    entityId: actor.workspaceId,
    before: { caseReferencePatterns: before },
    after: { caseReferencePatterns: after },
  });
}

/** Adds the format of `example`; returns the stored pattern. */
export async function addCaseReference(example: string, deps: Deps, actor: Actor): Promise<string> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'change the case-reference formats');
    const made = patternFromExample(example);
    if ('problem' in made) throw new AppError('bad_input', made.problem);
    const problem = validateCaseReferencePattern(made.pattern);
    if (problem) throw new AppError('bad_input', problem);
    const before = await patternsOf(tx, actor.workspaceId);
    if (before.includes(made.pattern)) throw new AppError('conflict', 'That format is already on the list.');
    await save(tx, actor, {
      action: 'settings.case_reference.add',
      before: before,
      after: [...before, made.pattern],
      at: deps.clock.now(),
    });
    return made.pattern;
  });
}

/** The stored patterns, in the order they were added. */
export async function listCaseReferences(deps: Deps, actor: Actor): Promise<string[]> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'see the case-reference formats');
    return patternsOf(tx, actor.workspaceId);
  });
}

/** Removes the pattern at `position` (1-based, as listed) or the one `example` matches. */
export async function removeCaseReference(which: string, deps: Deps, actor: Actor): Promise<string> {
  return inTransaction(deps, actor, async (tx, me) => {
    requireAdmin(me, 'change the case-reference formats');
    const before = await patternsOf(tx, actor.workspaceId);
    const position = /^\d{1,2}$/.test(which.trim()) ? Number(which) - 1 : -1;
    const index = position >= 0 ? position : before.findIndex((p) => new RegExp(p, 'i').test(which.trim()));
    const removed = before[index];
    if (removed === undefined)
      throw new AppError(
        'not_found',
        `No format on the list is number ${which.trim()} or matches it. See them with \`settings case-reference list\`.`,
      );
    await save(tx, actor, {
      action: 'settings.case_reference.remove',
      before,
      after: before.filter((_, i) => i !== index),
      at: deps.clock.now(),
    });
    return removed;
  });
}
