/**
 * Who may change the plan's other records, through the real Bolt app: visits, KPIs, projects and
 * update corrections. Rows are the people, columns the mutating subcommands. Each cell works on
 * fresh data and checks both what the person is told and what the database holds afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { addKpi } from '../../src/services/add-kpi.js';
import { addProject } from '../../src/services/add-project.js';
import { addVisit } from '../../src/services/add-visit.js';
import { addWorkstream } from '../../src/services/add-workstream.js';
import { postUpdate } from '../../src/services/post-update.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
  // U.owner owns an action of WS1 but leads nothing.
  await addAction(
    { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-12-04', text: 'Exit interviews' },
    e.t.deps,
    as(U.lead),
  );
  await addKpi(
    {
      name: 'Caseload average',
      unit: 'cases',
      direction: 'lower',
      targets: [{ value: 30, byDate: '2026-12-31' }],
    },
    e.t.deps,
    as(U.admin),
  );
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
  'an action owner': U.owner,
  'a plain member': U.member,
};
type Row = keyof typeof ROWS;
const row = (allowed: Row[]): Record<Row, boolean> =>
  Object.fromEntries(Object.keys(ROWS).map((r) => [r, allowed.includes(r as Row)])) as Record<Row, boolean>;

/** true = allowed. Visits and KPI definitions are the programme manager's; readings any lead's; projects WS1's lead's. */
const MATRIX: Record<string, Record<Row, boolean>> = {
  'visit add': row(['admin']),
  'visit cancel': row(['admin']),
  'kpi add': row(['admin']),
  'kpi record': row(['admin', 'lead of this workstream', 'lead of another workstream']),
  'project add': row(['admin', 'lead of this workstream']),
  // Only the author corrects or withdraws an update; here WS1's lead posted it.
  'update edit': row(['lead of this workstream']),
  'update undo': row(['lead of this workstream']),
  // Changing the plan: a lead renames their own workstream; its code, its lead and closing it are an admin's.
  'workstream edit name': row(['admin', 'lead of this workstream']),
  'workstream edit code': row(['admin']),
  'workstream edit lead': row(['admin']),
  'workstream close': row(['admin']),
  'project rename': row(['admin', 'lead of this workstream']),
  'project close': row(['admin', 'lead of this workstream']),
  'visit move': row(['admin']),
};

const REFUSAL: Record<string, RegExp> = {
  'visit add': /Only an admin can record visits/,
  'visit cancel': /Only an admin can cancel visits/,
  'kpi add': /Only an admin can add KPIs/,
  'kpi record': /Only an admin or a workstream lead can record KPI readings/,
  'project add': /Only the lead of WS1 \(<@U0LEAD1>\) or an admin can add projects to WS1/,
  'update edit': /You have no update to edit/,
  'update undo': /You have no update to withdraw/,
  'workstream edit name': /Only the lead of C\d+ \(<@U0LEAD1>\) or an admin can change C\d+'s name/,
  'workstream edit code': /Only an admin can change the code of a workstream/,
  'workstream edit lead': /Only an admin can change the lead of a workstream/,
  'workstream close': /Only an admin can close workstreams/,
  'project rename': /Only the lead of WS1 \(<@U0LEAD1>\) or an admin can rename projects of WS1/,
  'project close': /Only the lead of WS1 \(<@U0LEAD1>\) or an admin can close projects of WS1/,
  'visit move': /Only an admin can move visits/,
};

let cell = 0;
/** Per-cell set-up and the command the person types; `n` makes each cell's data its own. */
async function prepare(column: string, n: number): Promise<string> {
  if (column === 'visit cancel') {
    const { event } = await addVisit(
      { kind: 'board_meeting', startDate: '2027-01-15' },
      e.t.deps,
      as(U.admin),
    );
    return `visit cancel V-${event.number}`;
  }
  if (column.startsWith('workstream ')) {
    await addWorkstream(
      { code: `C${n}`, name: `Workstream ${n}`, leadUserIds: [U.lead] },
      e.t.deps,
      as(U.admin),
    );
    const commands: Record<string, string> = {
      'workstream edit name': `workstream edit C${n} name "Renamed ${n}"`,
      'workstream edit code': `workstream edit C${n} code D${n}`,
      'workstream edit lead': `workstream edit C${n} lead <@${U.owner}>`,
      'workstream close': `workstream close C${n} Merged ${n}`,
    };
    return commands[column]!;
  }
  if (column === 'project rename' || column === 'project close') {
    await addProject({ workstream: 'WS1', name: `Project ${n}` }, e.t.deps, as(U.admin));
    return column === 'project rename'
      ? `project rename "WS1"/"Project ${n}" Renamed ${n}`
      : `project close "WS1"/"Project ${n}" Delivered ${n}`;
  }
  if (column === 'visit move') {
    const { event } = await addVisit(
      { kind: 'board_meeting', startDate: '2027-01-15' },
      e.t.deps,
      as(U.admin),
    );
    return `visit move V-${event.number} 19/01/2027`;
  }
  if (column === 'update edit' || column === 'update undo') {
    await postUpdate({ workstream: 'WS1', text: `Update ${n}` }, e.t.deps, as(U.lead));
    return column === 'update edit' ? `update edit Corrected ${n}` : 'update undo';
  }
  const commands: Record<string, string> = {
    'visit add': `visit add monitoring 12/03/2027 Theme ${n}`,
    'kpi add': `kpi add "KPI ${n}" % higher`,
    // A period per cell, so no reading corrects another.
    'kpi record': `kpi record caseload ${n} for ${String((n % 28) + 1).padStart(2, '0')}/10/2026`,
    'project add': `project add WS1 Project ${n}`,
  };
  return commands[column]!;
}

/** Whether the cell's change is in the database. */
async function changed(column: string, n: number): Promise<boolean> {
  const db = e.t.deps.db;
  switch (column) {
    case 'visit add':
      return (await db.event.count({ where: { theme: `Theme ${n}` } })) === 1;
    case 'visit cancel':
      return (await db.event.findFirstOrThrow({ orderBy: { number: 'desc' } })).status === 'cancelled';
    case 'kpi add':
      return (await db.kpi.count({ where: { name: `KPI ${n}` } })) === 1;
    case 'kpi record':
      return (await db.kpiReading.count({ where: { value: n } })) === 1;
    case 'project add':
      return (await db.project.count({ where: { name: `Project ${n}` } })) === 1;
    case 'workstream edit name':
      return (await db.workstream.count({ where: { name: `Renamed ${n}` } })) === 1;
    case 'workstream edit code':
      return (await db.workstream.count({ where: { code: `D${n}` } })) === 1;
    case 'workstream edit lead':
      return (
        (await db.workstreamLead.count({
          where: { workstream: { code: `C${n}` }, person: { platformUserId: U.owner } },
        })) === 1
      );
    case 'workstream close':
      return (await db.workstream.count({ where: { code: `C${n}`, closedReason: `Merged ${n}` } })) === 1;
    case 'project rename':
      return (await db.project.count({ where: { name: `Renamed ${n}` } })) === 1;
    case 'project close':
      return (
        (await db.project.count({ where: { name: `Project ${n}`, closedReason: `Delivered ${n}` } })) === 1
      );
    case 'visit move':
      return (await db.event.findFirstOrThrow({ orderBy: { number: 'desc' } })).startDate === '2027-01-19';
    case 'update edit':
      return (
        (await db.update.count({ where: { text: `Corrected ${n}`, originalText: `Update ${n}` } })) === 1
      );
    default:
      return (await db.update.findFirstOrThrow({ where: { text: `Update ${n}` } })).withdrawnAt !== null;
  }
}

const cells = Object.entries(MATRIX).flatMap(([column, rows]) =>
  Object.entries(rows).map(([who, allowed]) => ({ column, row: who as Row, allowed })),
);

describe('authorisation matrix for visits, KPIs, projects and update corrections', () => {
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
      expect(out.reply).toContain(`/improve ${text}`);
      expect(after).toEqual(before);
    }
  });
});
