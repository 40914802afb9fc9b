/**
 * Who may change what: the authorisation matrices, one table for both platforms (issue 13).
 * Rows are the people, columns the mutating subcommands; true = allowed. Each matrix says how a
 * cell gets its own fresh data and types its command (`prepare`), whether the change is in the
 * database afterwards (`changed`), what a refusal says, and how a cell is checked (`check`):
 * 'counts' compares every table's row count and one audit row, 'events' (the action matrix, as
 * before) the action events and audit rows and what was posted.
 */
import { addAction } from '../../src/services/add-action.js';
import { addKpi } from '../../src/services/add-kpi.js';
import { addProject } from '../../src/services/add-project.js';
import { addVisit } from '../../src/services/add-visit.js';
import { addWorkstream } from '../../src/services/add-workstream.js';
import { completeAction } from '../../src/services/complete-action.js';
import { addRecommendation } from '../../src/services/evidence/add-recommendation.js';
import { postUpdate } from '../../src/services/post-update.js';
import { NAMES, type Platform, type Role } from '../support/platforms.js';

export interface Matrix {
  title: string;
  /** Row label → who types the command. */
  rows: Record<string, Role>;
  /** Column → row label → allowed. */
  cells: Record<string, Record<string, boolean>>;
  /** Before the cells: what every cell of this matrix needs, on top of the seeded programme. */
  setUp?(p: Platform): Promise<void>;
  prepare(p: Platform, column: string, n: number, row: string): Promise<string>;
  changed(p: Platform, column: string, n: number, row: string): Promise<boolean>;
  /** What a refused cell is told, as the person reads it (test/support/platforms.ts). */
  refusal(column: string): RegExp;
  check: 'counts' | 'events';
}

const row = <R extends string>(labels: readonly R[], allowed: R[]): Record<R, boolean> =>
  Object.fromEntries(labels.map((r) => [r, allowed.includes(r)])) as Record<R, boolean>;

const LEAD = `@${NAMES.lead}`;
const OWNER = `@${NAMES.owner}`;

// ---------------------------------------------------------------------------------------------
// Actions (was test/e2e/authorisation-actions.test.ts)

const ACTION_ROWS = {
  admin: 'admin',
  'lead of this workstream': 'lead',
  'lead of another workstream': 'otherLead',
  'the action’s owner': 'owner',
  'a plain member': 'member',
} as const satisfies Record<string, Role>;
type ActionRow = keyof typeof ACTION_ROWS;
const ACTION_LABELS = Object.keys(ACTION_ROWS) as ActionRow[];

const ACTION_COMMANDS: Record<string, (n: number, row: string) => string> = {
  add: (_n, who) => `action add WS1 @{owner} 31/03/2027 Added by ${who}`,
  done: (n) => `action done A-${n} Evidence on the shared drive`,
  verify: (n) => `action verify A-${n}`,
  extend: (n) => `action extend A-${n} 29/01/2027 Waiting for the audit`,
  // Someone the bot has never seen becomes the owner.
  reassign: (n) => `action reassign A-${n} @{newcomer}`,
  drop: (n) => `action drop A-${n} No longer needed`,
};

/** The owner completes and extends; only leads of WS1 and admins do the rest. */
export const ACTIONS: Matrix = {
  title: 'the action subcommands',
  rows: ACTION_ROWS,
  cells: {
    add: row(ACTION_LABELS, ['admin', 'lead of this workstream']),
    done: row(ACTION_LABELS, ['admin', 'lead of this workstream', 'the action’s owner']),
    verify: row(ACTION_LABELS, ['admin', 'lead of this workstream']),
    extend: row(ACTION_LABELS, ['admin', 'lead of this workstream', 'the action’s owner']),
    reassign: row(ACTION_LABELS, ['admin', 'lead of this workstream']),
    drop: row(ACTION_LABELS, ['admin', 'lead of this workstream']),
  },
  /** A fresh open action of WS1 owned by the owner, due 04/12/2026; done by its owner for verify. */
  async prepare(p, column, n, who) {
    if (column === 'add') return ACTION_COMMANDS.add!(0, who);
    const { action } = await addAction(
      {
        workstream: 'WS1',
        ownerUserId: p.userId('owner'),
        dueDate: '2026-12-04',
        text: `Matrix ${column} number ${n}`,
      },
      p.deps,
      p.as('admin'),
    );
    if (column === 'verify')
      await completeAction({ ref: action.number, evidence: 'Evidence on file' }, p.deps, p.as('owner'));
    return ACTION_COMMANDS[column]!(action.number, who);
  },
  async changed(p, column, n, who) {
    const db = p.db;
    if (column === 'add') return (await db.action.count({ where: { text: `Added by ${who}` } })) === 1;
    const action = await db.action.findFirstOrThrow({ where: { text: `Matrix ${column} number ${n}` } });
    const owner = await db.person.findUniqueOrThrow({ where: { id: action.ownerId } });
    const expected: Record<string, boolean> = {
      done: action.status === 'done',
      verify: action.status === 'verified',
      extend: action.dueDate === '2027-01-29',
      reassign: owner.platformUserId === p.userId('newcomer'),
      drop: action.status === 'dropped',
    };
    return expected[column]!;
  },
  refusal: () => new RegExp(`Only .*the lead of WS1 \\(${LEAD}\\).* or an admin can`),
  check: 'events',
};

// ---------------------------------------------------------------------------------------------
// The plan's other records (was test/e2e/authorisation-plan.test.ts)

const PLAN_ROWS = {
  admin: 'admin',
  'lead of this workstream': 'lead',
  'lead of another workstream': 'otherLead',
  'an action owner': 'owner',
  'a plain member': 'member',
} as const satisfies Record<string, Role>;
type PlanRow = keyof typeof PLAN_ROWS;
const PLAN_LABELS = Object.keys(PLAN_ROWS) as PlanRow[];
const plan = (allowed: PlanRow[]) => row(PLAN_LABELS, allowed);

const PLAN_REFUSALS: Record<string, RegExp> = {
  'visit add': /Only an admin can record visits/,
  'visit cancel': /Only an admin can cancel visits/,
  'kpi add': /Only an admin can add KPIs/,
  'kpi record': /Only an admin or a workstream lead can record KPI readings/,
  'project add': new RegExp(`Only the lead of WS1 \\(${LEAD}\\) or an admin can add projects to WS1`),
  'update edit': /You have no update to edit/,
  'update undo': /You have no update to withdraw/,
  'workstream edit name': new RegExp(
    `Only the lead of C\\d+ \\(${LEAD}\\) or an admin can change C\\d+'s name`,
  ),
  'workstream edit code': /Only an admin can change the code of a workstream/,
  'workstream edit lead': /Only an admin can change the lead of a workstream/,
  'workstream close': /Only an admin can close workstreams/,
  'project rename': new RegExp(`Only the lead of WS1 \\(${LEAD}\\) or an admin can rename projects of WS1`),
  'project close': new RegExp(`Only the lead of WS1 \\(${LEAD}\\) or an admin can close projects of WS1`),
  'visit move': /Only an admin can move visits/,
};

/** Visits and KPI definitions are the programme manager's; readings any lead's; projects WS1's lead's. */
export const PLAN: Matrix = {
  title: 'visits, KPIs, projects and update corrections',
  rows: PLAN_ROWS,
  cells: {
    'visit add': plan(['admin']),
    'visit cancel': plan(['admin']),
    'kpi add': plan(['admin']),
    'kpi record': plan(['admin', 'lead of this workstream', 'lead of another workstream']),
    'project add': plan(['admin', 'lead of this workstream']),
    // Only the author corrects or withdraws an update; here WS1's lead posted it.
    'update edit': plan(['lead of this workstream']),
    'update undo': plan(['lead of this workstream']),
    // Changing the plan: a lead renames their own workstream; its code, its lead and closing it are an admin's.
    'workstream edit name': plan(['admin', 'lead of this workstream']),
    'workstream edit code': plan(['admin']),
    'workstream edit lead': plan(['admin']),
    'workstream close': plan(['admin']),
    'project rename': plan(['admin', 'lead of this workstream']),
    'project close': plan(['admin', 'lead of this workstream']),
    'visit move': plan(['admin']),
  },
  async setUp(p) {
    // The owner owns an action of WS1 but leads nothing.
    await addAction(
      { workstream: 'WS1', ownerUserId: p.userId('owner'), dueDate: '2026-12-04', text: 'Exit interviews' },
      p.deps,
      p.as('lead'),
    );
    await addKpi(
      {
        name: 'Caseload average',
        unit: 'cases',
        direction: 'lower',
        targets: [{ value: 30, byDate: '2026-12-31' }],
      },
      p.deps,
      p.as('admin'),
    );
  },
  async prepare(p, column, n) {
    const admin = p.as('admin');
    if (column === 'visit cancel' || column === 'visit move') {
      const { event } = await addVisit({ kind: 'board_meeting', startDate: '2027-01-15' }, p.deps, admin);
      return column === 'visit cancel'
        ? `visit cancel V-${event.number}`
        : `visit move V-${event.number} 19/01/2027`;
    }
    if (column.startsWith('workstream ')) {
      await addWorkstream(
        { code: `C${n}`, name: `Workstream ${n}`, leadUserIds: [p.userId('lead')] },
        p.deps,
        admin,
      );
      const commands: Record<string, string> = {
        'workstream edit name': `workstream edit C${n} name "Renamed ${n}"`,
        'workstream edit code': `workstream edit C${n} code D${n}`,
        'workstream edit lead': `workstream edit C${n} lead @{owner}`,
        'workstream close': `workstream close C${n} Merged ${n}`,
      };
      return commands[column]!;
    }
    if (column === 'project rename' || column === 'project close') {
      await addProject({ workstream: 'WS1', name: `Project ${n}` }, p.deps, admin);
      return column === 'project rename'
        ? `project rename "WS1"/"Project ${n}" Renamed ${n}`
        : `project close "WS1"/"Project ${n}" Delivered ${n}`;
    }
    if (column === 'update edit' || column === 'update undo') {
      await postUpdate({ workstream: 'WS1', text: `Update ${n}` }, p.deps, p.as('lead'));
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
  },
  async changed(p, column, n) {
    const db = p.db;
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
            where: { workstream: { code: `C${n}` }, person: { platformUserId: p.userId('owner') } },
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
  },
  refusal: (column) => PLAN_REFUSALS[column]!,
  check: 'counts',
};

// ---------------------------------------------------------------------------------------------
// The evidence of grip (was test/e2e/authorisation-evidence.test.ts)

const EVIDENCE_ROWS = {
  admin: 'admin',
  'lead of this workstream': 'lead',
  'lead of another workstream': 'otherLead',
  'the owner': 'owner',
  'a plain member': 'member',
} as const satisfies Record<string, Role>;
type EvidenceRow = keyof typeof EVIDENCE_ROWS;
const EVIDENCE_LABELS = Object.keys(EVIDENCE_ROWS) as EvidenceRow[];
const evidence = (allowed: EvidenceRow[]) => row(EVIDENCE_LABELS, allowed);

const EVIDENCE_REFUSALS: Record<string, RegExp> = {
  'recommendation add': /Only an admin can add recommendations/,
  'recommendation link (workstream)': new RegExp(
    `Only the lead of WS1 \\(${LEAD}\\) or an admin can link WS1 to a recommendation`,
  ),
  'recommendation link (action)': new RegExp(
    `Only the lead of WS1 \\(${LEAD}\\) or an admin can link A-\\d+ to a recommendation`,
  ),
  ask: new RegExp(`Only the lead of WS1 \\(${LEAD}\\) or an admin can record board requests for WS1`),
  'close a board request': new RegExp(
    `Only the owner \\(${OWNER}\\), the lead of WS1 \\(${LEAD}\\) or an admin can`,
  ),
  'visit done': /Only an admin can record the outcome of a visit/,
};

const boardRequest = (p: Platform, n: number) =>
  addAction(
    {
      workstream: 'WS1',
      ownerUserId: p.userId('owner'),
      dueDate: '2026-12-04',
      text: `Board asked ${n}`,
      kind: 'board_request',
    },
    p.deps,
    p.as('admin'),
  );

/**
 * Recommendations and visit outcomes come from external documents: the programme manager's
 * (admins). Linking work to one, and recording what the board asked of a workstream, is also its
 * leads'. A board request is closed as any action is: by its owner, the leads or an admin.
 */
export const EVIDENCE: Matrix = {
  title: 'recommendations, board requests and visit outcomes',
  rows: EVIDENCE_ROWS,
  cells: {
    'recommendation add': evidence(['admin']),
    'recommendation link (workstream)': evidence(['admin', 'lead of this workstream']),
    'recommendation link (action)': evidence(['admin', 'lead of this workstream']),
    ask: evidence(['admin', 'lead of this workstream']),
    'close a board request': evidence(['admin', 'lead of this workstream', 'the owner']),
    'visit done': evidence(['admin']),
  },
  async prepare(p, column, n) {
    if (column === 'recommendation add') return `recommendation add R${n} Recommendation ${n}`;
    if (column === 'ask') return `ask WS1 @{owner} 04/12/2026 Board asked ${n}`;
    if (column === 'visit done') {
      const { event } = await addVisit(
        { kind: 'monitoring_visit', startDate: '2026-11-10' },
        p.deps,
        p.as('admin'),
      );
      return `visit done V-${event.number} Outcome ${n}`;
    }
    if (column === 'close a board request') {
      const { action } = await boardRequest(p, n);
      return `action done A-${action.number} Evidence ${n}`;
    }
    await addRecommendation({ ref: `L${n}`, text: `Linked ${n}` }, p.deps, p.as('admin'));
    if (column === 'recommendation link (workstream)') return `recommendation link L${n} WS1`;
    const { action } = await boardRequest(p, n);
    return `recommendation link L${n} A-${action.number}`;
  },
  async changed(p, column, n) {
    const db = p.db;
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
        return (
          (await db.recommendationWorkstream.count({ where: { recommendation: { ref: `L${n}` } } })) === 1
        );
      default:
        return (await db.recommendationAction.count({ where: { recommendation: { ref: `L${n}` } } })) === 1;
    }
  },
  refusal: (column) => EVIDENCE_REFUSALS[column]!,
  check: 'counts',
};

export const MATRICES: Matrix[] = [ACTIONS, PLAN, EVIDENCE];

/** Every cell of a matrix, for it.each. */
export const cellsOf = (m: Matrix) =>
  Object.entries(m.cells).flatMap(([column, rows]) =>
    Object.entries(rows).map(([who, allowed]) => ({ column, row: who, allowed })),
  );
