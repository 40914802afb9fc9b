/**
 * Who may record the evidence of grip, through the real Bolt app: recommendations (add, link a
 * workstream, link an action), board requests (ask, and close with action done), visit outcomes.
 * Rows are the people, columns the subcommands; each cell works on fresh data and checks what the
 * person is told and what the database holds. A refusal writes nothing anywhere.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { addVisit } from '../../src/services/add-visit.js';
import { addRecommendation } from '../../src/services/evidence/add-recommendation.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
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
  'the owner': U.owner,
  'a plain member': U.member,
};
type Row = keyof typeof ROWS;
const row = (allowed: Row[]): Record<Row, boolean> =>
  Object.fromEntries(Object.keys(ROWS).map((r) => [r, allowed.includes(r as Row)])) as Record<Row, boolean>;

/**
 * true = allowed. Recommendations and visit outcomes come from external documents: the programme
 * manager's (admins). Linking work to one, and recording what the board asked of a workstream, is
 * also its leads'. A board request is closed as any action is: by its owner, the leads or an admin.
 */
const MATRIX: Record<string, Record<Row, boolean>> = {
  'recommendation add': row(['admin']),
  'recommendation link (workstream)': row(['admin', 'lead of this workstream']),
  'recommendation link (action)': row(['admin', 'lead of this workstream']),
  ask: row(['admin', 'lead of this workstream']),
  'close a board request': row(['admin', 'lead of this workstream', 'the owner']),
  'visit done': row(['admin']),
};

const REFUSAL: Record<string, RegExp> = {
  'recommendation add': /Only an admin can add recommendations/,
  'recommendation link (workstream)':
    /Only the lead of WS1 \(<@U0LEAD1>\) or an admin can link WS1 to a recommendation/,
  'recommendation link (action)':
    /Only the lead of WS1 \(<@U0LEAD1>\) or an admin can link A-\d+ to a recommendation/,
  ask: /Only the lead of WS1 \(<@U0LEAD1>\) or an admin can record board requests for WS1/,
  'close a board request': /Only the owner \(<@U0OWNER>\), the lead of WS1 \(<@U0LEAD1>\) or an admin can/,
  'visit done': /Only an admin can record the outcome of a visit/,
};

async function boardRequest(n: number) {
  return addAction(
    {
      workstream: 'WS1',
      ownerUserId: U.owner,
      dueDate: '2026-12-04',
      text: `Board asked ${n}`,
      kind: 'board_request',
    },
    e.t.deps,
    as(U.admin),
  );
}

/** Per-cell set-up and the command the person types. */
async function prepare(column: string, n: number): Promise<string> {
  if (column === 'recommendation add') return `recommendation add R${n} Recommendation ${n}`;
  if (column === 'ask') return `ask WS1 <@${U.owner}|owner> 04/12/2026 Board asked ${n}`;
  if (column === 'visit done') {
    const { event } = await addVisit(
      { kind: 'monitoring_visit', startDate: '2026-11-10' },
      e.t.deps,
      as(U.admin),
    );
    return `visit done V-${event.number} Outcome ${n}`;
  }
  if (column === 'close a board request') {
    const { action } = await boardRequest(n);
    return `action done A-${action.number} Evidence ${n}`;
  }
  await addRecommendation({ ref: `L${n}`, text: `Linked ${n}` }, e.t.deps, as(U.admin));
  if (column === 'recommendation link (workstream)') return `recommendation link L${n} WS1`;
  const { action } = await boardRequest(n);
  return `recommendation link L${n} A-${action.number}`;
}

async function changed(column: string, n: number): Promise<boolean> {
  const db = e.t.deps.db;
  switch (column) {
    case 'recommendation add':
      return (await db.recommendation.count({ where: { ref: `R${n}` } })) === 1;
    case 'ask':
      return (await db.action.count({ where: { text: `Board asked ${n}`, kind: 'board_request' } })) === 1;
    case 'visit done':
      return (await db.event.count({ where: { outcome: `Outcome ${n}` } })) === 1;
    case 'close a board request':
      return (await db.action.findFirstOrThrow({ where: { text: `Board asked ${n}` } })).status === 'done';
    case 'recommendation link (workstream)':
      return (await db.recommendationWorkstream.count({ where: { recommendation: { ref: `L${n}` } } })) === 1;
    default:
      return (await db.recommendationAction.count({ where: { recommendation: { ref: `L${n}` } } })) === 1;
  }
}

const cells = Object.entries(MATRIX).flatMap(([column, rows]) =>
  Object.entries(rows).map(([who, allowed]) => ({ column, row: who as Row, allowed })),
);

let cell = 0;
describe('authorisation matrix for recommendations, board requests and visit outcomes', () => {
  it.each(cells)('$column by $row: allowed = $allowed', async ({ column, row: who, allowed }) => {
    const n = ++cell;
    const text = await prepare(column, n);
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, ROWS[who]);
    expect(await changed(column, n)).toBe(allowed);
    const after = await countRows(e.t.deps.db);
    if (allowed) {
      expect(out.reply).not.toContain(':warning:');
      expect(after.AuditLog).toBe((before.AuditLog ?? 0) + 1);
    } else {
      expect(out.reply).toMatch(REFUSAL[column]!);
      expect(out.reply).toContain('Your text, so nothing is lost');
      expect(after).toEqual(before);
    }
  });
});
