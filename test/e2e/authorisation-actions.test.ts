/**
 * Who may change actions, through the real Bolt app: rows are the people, columns the mutating
 * action subcommands. Each cell acts on a fresh action of WS1 (owned by U.owner) and checks both
 * what the person is told and what the database holds afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { completeAction } from '../../src/services/complete-action.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(() => {
  expect(e.slack.unexpected).toEqual([]);
});
afterAll(async () => {
  await e.close();
});

const ROWS = {
  admin: U.admin,
  'lead of this workstream': U.lead,
  'lead of another workstream': U.otherLead,
  'the action’s owner': U.owner,
  'a plain member': U.member,
};
type Row = keyof typeof ROWS;
const NEW_OWNER = 'U0NEWOWNER';

/** true = allowed. The owner completes and extends; only leads of WS1 and admins do the rest. */
const MATRIX: Record<string, Record<Row, boolean>> = {
  add: {
    admin: true,
    'lead of this workstream': true,
    'lead of another workstream': false,
    'the action’s owner': false,
    'a plain member': false,
  },
  done: {
    admin: true,
    'lead of this workstream': true,
    'lead of another workstream': false,
    'the action’s owner': true,
    'a plain member': false,
  },
  verify: {
    admin: true,
    'lead of this workstream': true,
    'lead of another workstream': false,
    'the action’s owner': false,
    'a plain member': false,
  },
  extend: {
    admin: true,
    'lead of this workstream': true,
    'lead of another workstream': false,
    'the action’s owner': true,
    'a plain member': false,
  },
  reassign: {
    admin: true,
    'lead of this workstream': true,
    'lead of another workstream': false,
    'the action’s owner': false,
    'a plain member': false,
  },
  drop: {
    admin: true,
    'lead of this workstream': true,
    'lead of another workstream': false,
    'the action’s owner': false,
    'a plain member': false,
  },
};

/** A fresh open action of WS1 owned by U.owner, due 04/12/2026; done by its owner for verify. */
let fresh = 0;
async function freshAction(column: string): Promise<number> {
  fresh += 1;
  const { action } = await addAction(
    {
      workstream: 'WS1',
      ownerUserId: U.owner,
      dueDate: '2026-12-04',
      text: `Matrix ${column} number ${fresh}`,
    },
    e.t.deps,
    as(U.admin),
  );
  if (column === 'verify')
    await completeAction({ ref: action.number, evidence: 'Evidence on file' }, e.t.deps, as(U.owner));
  return action.number;
}

const COMMANDS: Record<string, (n: number, row: string) => string> = {
  add: (_n, row) => `action add WS1 <@${U.owner}> 31/03/2027 Added by ${row}`,
  done: (n) => `action done A-${n} Evidence on the shared drive`,
  verify: (n) => `action verify A-${n}`,
  extend: (n) => `action extend A-${n} 29/01/2027 Waiting for the audit`,
  reassign: (n) => `action reassign A-${n} <@${NEW_OWNER}>`,
  drop: (n) => `action drop A-${n} No longer needed`,
};

/** What the action looks like when the change happened (the field each column changes). */
async function changed(column: string, n: number, row: string): Promise<boolean> {
  const db = e.t.deps.db;
  if (column === 'add') return (await db.action.count({ where: { text: `Added by ${row}` } })) === 1;
  const action = await db.action.findFirstOrThrow({ where: { number: n } });
  const owner = await db.person.findUniqueOrThrow({ where: { id: action.ownerId } });
  const expected: Record<string, boolean> = {
    done: action.status === 'done',
    verify: action.status === 'verified',
    extend: action.dueDate === '2027-01-29',
    reassign: owner.platformUserId === NEW_OWNER,
    drop: action.status === 'dropped',
  };
  return expected[column]!;
}

const cells = Object.entries(MATRIX).flatMap(([column, rows]) =>
  Object.entries(rows).map(([row, allowed]) => ({ column, row: row as Row, allowed })),
);

describe('authorisation matrix for the action subcommands', () => {
  it.each(cells)('$column by $row: allowed = $allowed', async ({ column, row, allowed }) => {
    const n = column === 'add' ? 0 : await freshAction(column);
    const events = await e.t.deps.db.actionEvent.count();
    const audits = await e.t.deps.db.auditLog.count();
    const out = await e.command(COMMANDS[column]!(n, row), ROWS[row]);
    expect(await changed(column, n, row)).toBe(allowed);
    if (allowed) {
      expect(out.posts).toHaveLength(1);
      expect(out.replies).toEqual([]);
      expect(await e.t.deps.db.actionEvent.count()).toBe(events + 1);
      expect(await e.t.deps.db.auditLog.count()).toBe(audits + 1);
    } else {
      expect(out.posts).toEqual([]);
      expect(out.reply).toMatch(/Only .*the lead of WS1 \(<@U0LEAD1>\).* or an admin can/);
      expect(await e.t.deps.db.actionEvent.count()).toBe(events);
      expect(await e.t.deps.db.auditLog.count()).toBe(audits);
    }
  });
});
