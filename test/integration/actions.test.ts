/** The action services against a real database: numbering, history, audit, refusals, tenancy. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { type AddActionInput, addAction } from '../../src/services/add-action.js';
import { completeAction } from '../../src/services/complete-action.js';
import { dropAction } from '../../src/services/drop-action.js';
import { extendAction } from '../../src/services/extend-action.js';
import { listActions } from '../../src/services/list-actions.js';
import { reassignAction } from '../../src/services/reassign-action.js';
import { verifyAction } from '../../src/services/verify-action.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { as, OTHER_TEAM, seedProgramme, TEAM, U } from '../support/factories.js';

// The test clock starts on Monday 23 November 2026, 10:00 in London.
let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase();
  await seedProgramme(t.deps);
});
afterEach(async () => {
  await t.close();
});

const add = (over: Partial<AddActionInput> = {}, by: string = U.lead, team = TEAM) =>
  addAction(
    {
      workstream: 'WS1',
      ownerUserId: U.owner,
      dueDate: '2026-12-04',
      text: 'Recruit four newly qualified social workers',
      // Several copies of one text on purpose; the near-duplicate check has its own tests.
      anyway: true,
      ...over,
    },
    t.deps,
    as(by, team),
  );

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

/** Everything a refused operation must leave untouched. */
async function snapshot() {
  const db = t.deps.db;
  return {
    actions: await db.action.findMany({ orderBy: { id: 'asc' } }),
    events: await db.actionEvent.count(),
    audits: await db.auditLog.count(),
    people: await db.person.count(),
    counters: (await db.programme.findMany({ orderBy: { id: 'asc' } })).map((p) => p.nextActionNumber),
  };
}

const events = async (number: number) => {
  const action = await t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TEAM, number } });
  return t.deps.db.actionEvent.findMany({ where: { actionId: action.id }, orderBy: { id: 'asc' } });
};

describe('adding actions', () => {
  it('numbers actions A-1, A-2… from the programme counter, even when added at once', async () => {
    await add();
    await add({ workstream: 'workforce' });
    await Promise.all([1, 2, 3, 4].map((i) => add({ text: `Concurrent action ${i}` })));
    const numbers = (await t.deps.db.action.findMany({ orderBy: { number: 'asc' } })).map((a) => a.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await t.deps.db.programme.findFirstOrThrow()).nextActionNumber).toBe(7);
  });

  it('writes a retried request once and uses one number', async () => {
    const input = { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-12-04', text: 'Induction pack' };
    await addAction(input, t.deps, as(U.lead, TEAM, 'command:trigger-7'));
    const again = await refusal(addAction(input, t.deps, as(U.lead, TEAM, 'command:trigger-7')));
    expect(again.code).toBe('duplicate_request');
    expect(await t.deps.db.action.count()).toBe(1);
    expect((await t.deps.db.programme.findFirstOrThrow()).nextActionNumber).toBe(2);
  });

  it('stores the owner, due date and a created event, and audits it', async () => {
    const { action, owner } = await add({ project: undefined, dueDate: '2026-11-23' });
    expect(action).toMatchObject({
      number: 1,
      status: 'open',
      dueDate: '2026-11-23',
      text: 'Recruit four newly qualified social workers',
    });
    expect(owner.platformUserId).toBe(U.owner);
    expect((await events(1)).map((e) => [e.kind, e.toDue, e.toOwnerId])).toEqual([
      ['created', '2026-11-23', owner.id],
    ]);
    const audit = await t.deps.db.auditLog.findFirstOrThrow({ where: { action: 'action.created' } });
    expect(audit).toMatchObject({
      actor: U.lead,
      entity: 'action',
      entityId: String(action.id),
      before: null,
    });
  });

  it('files an action under a project with WS1/project', async () => {
    const ws1 = await t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } });
    await t.deps.db.project.create({
      data: { workspaceId: TEAM, workstreamId: ws1.id, name: 'Recruitment', createdAt: t.clock.now() },
    });
    const { action, project } = await add({ project: 'recruit' });
    expect(project?.name).toBe('Recruitment');
    expect(action.projectId).toBe(project?.id);
  });

  it.each([
    [
      'a past due date',
      { dueDate: '2026-11-22' },
      /22\/11\/2026 is in the past: the due date must be today \(23\/11\/2026\) or later/,
    ],
    ['a day that does not exist', { dueDate: '2027-02-31' }, /not a date/],
    ['no text', { text: '  ' }, /Say what the action is/],
    ['personal data', { text: 'Call Jane Smith on 07700 900123' }, /phone/i],
    ['an unknown workstream', { workstream: 'WS9' }, /can't find a workstream/],
  ])('refuses %s and writes nothing', async (_what, over, message) => {
    const before = await snapshot();
    expect((await refusal(add(over))).message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a lead of another workstream, saying who can, and writes nothing', async () => {
    const before = await snapshot();
    const error = await refusal(add({}, U.otherLead));
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(
      `Only the lead of WS1 (<person:${U.lead}>) or an admin can add actions to WS1.`,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('changing actions', () => {
  it('keeps the whole history: done, verified, with who and the evidence', async () => {
    await add();
    await completeAction({ ref: 'a1', evidence: 'Offer letters on the shared drive' }, t.deps, as(U.owner));
    const { action } = await verifyAction({ ref: '1', note: 'Checked the letters' }, t.deps, as(U.lead));
    expect(action).toMatchObject({ status: 'verified', evidenceNote: 'Offer letters on the shared drive' });
    expect(action.completedAt).toEqual(t.clock.now());
    expect(action.verifiedAt).toEqual(t.clock.now());
    const people = new Map((await t.deps.db.person.findMany()).map((p) => [p.id, p.platformUserId]));
    expect((await events(1)).map((e) => [e.kind, people.get(e.personId), e.note])).toEqual([
      ['created', U.lead, null],
      ['done', U.owner, 'Offer letters on the shared drive'],
      ['verified', U.lead, 'Checked the letters'],
    ]);
    const audits = await t.deps.db.auditLog.findMany({ where: { entity: 'action' }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.actor])).toEqual([
      ['action.created', U.lead],
      ['action.done', U.owner],
      ['action.verified', U.lead],
    ]);
    expect(JSON.parse(audits[2]!.before!).status).toBe('done');
    expect(JSON.parse(audits[2]!.after!).status).toBe('verified');
  });

  it('extends with the old and new dates and the reason; refuses past dates and missing reasons', async () => {
    await add();
    const before = await snapshot();
    expect(
      (await refusal(extendAction({ ref: 'A-1', dueDate: '2026-12-18', reason: '' }, t.deps, as(U.owner))))
        .message,
    ).toMatch(/needs a reason/);
    expect(
      (
        await refusal(
          extendAction({ ref: 'A-1', dueDate: '2026-11-01', reason: 'Late' }, t.deps, as(U.owner)),
        )
      ).message,
    ).toMatch(/in the past/);
    expect(
      (
        await refusal(
          extendAction({ ref: 'A-1', dueDate: '2026-12-04', reason: 'Same' }, t.deps, as(U.owner)),
        )
      ).code,
    ).toBe('stale');
    expect(await snapshot()).toEqual(before);
    const { action, fromDue } = await extendAction(
      { ref: 'A-1', dueDate: '2026-12-18', reason: 'HR approval slipped' },
      t.deps,
      as(U.owner),
    );
    expect([fromDue, action.dueDate]).toEqual(['2026-12-04', '2026-12-18']);
    expect((await events(1)).at(-1)).toMatchObject({
      kind: 'extended',
      fromDue: '2026-12-04',
      toDue: '2026-12-18',
      note: 'HR approval slipped',
    });
    expect(await t.deps.db.auditLog.count({ where: { action: 'action.extended' } })).toBe(1);
  });

  it('reassigns with the old and new owner', async () => {
    const { owner } = await add();
    const {
      action,
      owner: next,
      previousOwner,
    } = await reassignAction({ ref: 1, ownerUserId: U.member, note: 'Jo is on leave' }, t.deps, as(U.admin));
    expect(previousOwner.id).toBe(owner.id);
    expect(action.ownerId).toBe(next.id);
    expect((await events(1)).at(-1)).toMatchObject({
      kind: 'reassigned',
      fromOwnerId: owner.id,
      toOwnerId: next.id,
      note: 'Jo is on leave',
    });
    expect((await refusal(reassignAction({ ref: 1, ownerUserId: U.member }, t.deps, as(U.admin)))).code).toBe(
      'stale',
    );
  });

  it('drops with a reason, keeps the row, and a verified action cannot be dropped', async () => {
    await add();
    await add();
    expect((await refusal(dropAction({ ref: 'A-1', reason: '' }, t.deps, as(U.lead)))).message).toMatch(
      /needs a reason/,
    );
    const { action } = await dropAction({ ref: 'A-1', reason: 'Superseded by A-2' }, t.deps, as(U.lead));
    expect(action.status).toBe('dropped');
    expect((await events(1)).at(-1)).toMatchObject({ kind: 'dropped', note: 'Superseded by A-2' });
    await completeAction({ ref: 'A-2', evidence: 'Report on SharePoint' }, t.deps, as(U.owner));
    await verifyAction({ ref: 'A-2' }, t.deps, as(U.admin));
    expect(
      (await refusal(dropAction({ ref: 'A-2', reason: 'Changed our minds' }, t.deps, as(U.lead)))).code,
    ).toBe('stale');
  });

  it('answers a repeated or stale change politely and changes nothing', async () => {
    await add();
    await completeAction({ ref: 'A-1', evidence: 'Done' }, t.deps, as(U.owner));
    const before = await snapshot();
    const again = await refusal(completeAction({ ref: 'A-1', evidence: 'Done again' }, t.deps, as(U.owner)));
    expect(again.code).toBe('stale');
    expect(again.message).toBe('A-1 was already marked done on 23/11/2026; nothing was changed.');
    expect(
      (
        await refusal(
          extendAction({ ref: 'A-1', dueDate: '2026-12-18', reason: 'More time' }, t.deps, as(U.owner)),
        )
      ).code,
    ).toBe('stale');
    expect(
      (await refusal(reassignAction({ ref: 'A-1', ownerUserId: U.member }, t.deps, as(U.lead)))).code,
    ).toBe('stale');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to verify an open action, and nobody verifies their own work', async () => {
    await add({ ownerUserId: U.lead });
    expect((await refusal(verifyAction({ ref: 'A-1' }, t.deps, as(U.admin)))).message).toMatch(/still open/);
    await completeAction({ ref: 'A-1', evidence: 'Minutes of the panel' }, t.deps, as(U.lead));
    const before = await snapshot();
    expect((await refusal(verifyAction({ ref: 'A-1' }, t.deps, as(U.lead)))).message).toMatch(
      /You own A-1, so someone else must verify it/,
    );
    expect(await snapshot()).toEqual(before);
    await add();
    await completeAction({ ref: 'A-2', evidence: 'Audit report' }, t.deps, as(U.admin));
    expect((await refusal(verifyAction({ ref: 'A-2' }, t.deps, as(U.admin)))).message).toMatch(
      /You marked A-2 done/,
    );
    expect((await verifyAction({ ref: 'A-2' }, t.deps, as(U.lead))).action.status).toBe('verified');
    expect((await verifyAction({ ref: 'A-1' }, t.deps, as(U.admin))).action.status).toBe('verified');
  });

  it('reads references as A-12, a12, #12 or 12, and names the unknown ones', async () => {
    await add();
    for (const [i, ref] of ['A-1', 'a1', '#1', '1'].entries()) {
      expect(
        (await extendAction({ ref, dueDate: `2026-12-1${i}`, reason: 'Reference form' }, t.deps, as(U.owner)))
          .action.number,
      ).toBe(1);
    }
    expect((await refusal(completeAction({ ref: 'A-99' }, t.deps, as(U.owner)))).message).toMatch(
      /There is no action A-99/,
    );
    expect((await refusal(completeAction({ ref: 'B-1' }, t.deps, as(U.owner)))).message).toMatch(
      /not an action reference/,
    );
  });
});

describe('listing actions', () => {
  it('lists open and done actions soonest first, filters, and caps with the total', async () => {
    await add({ dueDate: '2026-12-10', text: 'Later' });
    await add({ dueDate: '2026-11-24', text: 'Sooner' });
    await addAction(
      { workstream: 'WS2', ownerUserId: U.member, dueDate: '2026-11-25', text: 'Practice audit' },
      t.deps,
      as(U.otherLead),
    );
    await add({ dueDate: '2026-11-30', text: 'To be dropped' });
    await dropAction({ ref: 'A-4', reason: 'Not needed' }, t.deps, as(U.lead));
    t.clock.advance(3 * 24 * 3600 * 1000); // Thursday 26 November: are overdue.
    const list = async (
      filter: Parameters<typeof listActions>[0]['filter'],
      userId: string = U.member,
      limit?: number,
    ) => listActions({ filter, limit }, t.deps, { workspaceId: TEAM, userId });
    expect((await list({ kind: 'all' })).actions.map((a) => a.number)).toEqual([2, 3, 1]);
    expect((await list({ kind: 'overdue' })).actions.map((a) => a.number)).toEqual([2, 3]);
    expect((await list({ kind: 'mine' }, U.owner)).actions.map((a) => a.number)).toEqual([2, 1]);
    expect((await list({ kind: 'owner', userId: U.member })).actions.map((a) => a.text)).toEqual([
      'Practice audit',
    ]);
    expect((await list({ kind: 'workstream', query: 'practice' })).title).toBe(
      'Open actions of WS2 Improve Our Practice',
    );
    const capped = await list({ kind: 'all' }, U.member, 2);
    expect([capped.actions.length, capped.total, capped.today]).toEqual([2, 3, '2026-11-26']);
    expect((await list({ kind: 'mine' }, 'U0NOBODY')).total).toBe(0);
  });
});

describe('tenancy', () => {
  it('keeps actions, numbers and references apart between workspaces', async () => {
    await seedProgramme(t.deps, OTHER_TEAM);
    await add({ text: 'Team A action' });
    expect(
      (await listActions({ filter: { kind: 'all' } }, t.deps, { workspaceId: OTHER_TEAM, userId: U.lead }))
        .total,
    ).toBe(0);
    const before = await snapshot();
    expect((await refusal(completeAction({ ref: 'A-1' }, t.deps, as(U.owner, OTHER_TEAM)))).code).toBe(
      'not_found',
    );
    expect(await snapshot()).toEqual(before);
    const { action } = await add({ text: 'Team B action' }, U.lead, OTHER_TEAM);
    expect(action.number).toBe(1);
    await completeAction({ ref: 'A-1' }, t.deps, as(U.owner, OTHER_TEAM));
    const a1 = await t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TEAM, number: 1 } });
    expect(a1).toMatchObject({ text: 'Team A action', status: 'open' });
  });
});
