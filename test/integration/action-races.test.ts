/**
 * Two people (or one double-click) changing the same action at the same moment: one change is
 * recorded, the other is refused as stale, never both.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { completeAction } from '../../src/services/complete-action.js';
import { reassignAction } from '../../src/services/reassign-action.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { as, seedProgramme, U } from '../support/factories.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase();
  await seedProgramme(t.deps);
  await addAction(
    {
      workstream: 'WS1',
      ownerUserId: U.owner,
      dueDate: '2026-12-04',
      text: 'Publish the caseload dashboard',
    },
    t.deps,
    as(U.lead),
  );
});
afterEach(async () => {
  await t.close();
});

describe('concurrent changes to one action', () => {
  it('records one of two simultaneous Done presses', async () => {
    const results = await Promise.allSettled([
      completeAction({ ref: 'A-1', evidence: 'Dashboard live' }, t.deps, as(U.owner, undefined, 'press-1')),
      completeAction({ ref: 'A-1', evidence: 'Dashboard live' }, t.deps, as(U.owner, undefined, 'press-2')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('stale');
    expect(await t.deps.db.actionEvent.count({ where: { kind: 'done' } })).toBe(1);
    expect(await t.deps.db.auditLog.count({ where: { action: 'action.done' } })).toBe(1);
  });

  it('keeps the history a chain when two leads reassign the same action at once', async () => {
    const results = await Promise.allSettled([
      reassignAction({ ref: 'A-1', ownerUserId: U.member }, t.deps, as(U.lead)),
      reassignAction({ ref: 'A-1', ownerUserId: U.otherLead }, t.deps, as(U.admin)),
    ]);
    // Overlapping (PostgreSQL): the second is refused as stale. Serialised (SQLite): the second
    // is a later change of the first's result. Either way each success has one event, in a chain.
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    const events = await t.deps.db.actionEvent.findMany({
      where: { kind: 'reassigned' },
      orderBy: { id: 'asc' },
    });
    expect(events).toHaveLength(succeeded);
    if (events.length === 2) expect(events[1]!.fromOwnerId).toBe(events[0]!.toOwnerId);
    const action = await t.deps.db.action.findFirstOrThrow();
    expect(action.ownerId).toBe(events.at(-1)!.toOwnerId);
  });
});
