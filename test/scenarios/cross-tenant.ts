/**
 * Tenant isolation, one table for both platforms (issue 13: "a Teams tenant is a workspace; a
 * programme lives in one platform's workspace; tenant isolation tests as for Slack"). Two
 * workspaces on one install, A and B, each with the seeded programme; only A has WS9, an action,
 * a visit, a KPI, a recommendation, an update of the lead's and sent reminders. The people of B
 * have the same user ids as A's (one person in both, as on Enterprise Grid or a guest in two
 * tenants), so only the workspace stands between them and A's rows.
 */
import { addAction } from '../../src/services/add-action.js';
import { addKpi } from '../../src/services/add-kpi.js';
import { addVisit } from '../../src/services/add-visit.js';
import { addWorkstream } from '../../src/services/add-workstream.js';
import { addRecommendation } from '../../src/services/evidence/add-recommendation.js';
import { postUpdate } from '../../src/services/post-update.js';
import type { FormValues, Platform, Role } from '../support/platforms.js';

/** Anything of A's that B must never be shown. */
export const A_SECRETS = /Secret|Run the caseload audit|Caseloads reviewed/;

export interface ASeed {
  programme: number;
  /** Sent reminders' log ids in A: an action reminder, a silence nudge and a not-mine notice. */
  action: number;
  silence: number;
  notice: number;
  /** An extension request's notice to the lead. */
  request: number;
  ws1: number;
  ws9: number;
}

/** A sent reminder of `kind` in A, as the reminder job leaves it. */
export async function sentReminder(
  p: Platform,
  programmeId: number,
  kind: string,
  role: Role,
): Promise<number> {
  const now = p.deps.clock.now();
  const log = await p.db.reminderLog.create({
    data: {
      workspaceId: p.workspace('A'),
      programmeId,
      kind,
      subjectKey: `${kind}-1`,
      recipient: p.userId(role),
      day: '2026-11-23',
      status: 'sent',
      claimedBy: 'test',
      leaseUntil: now,
      createdAt: now,
      sentAt: now,
      channelId: 'D0ADM',
      messageId: '1700000000.000100',
    },
  });
  return log.id;
}

export async function seedTwoWorkspaces(p: Platform): Promise<ASeed> {
  await p.seed('A');
  await p.seed('B');
  const admin = p.as('admin', 'A');
  await addWorkstream(
    { code: 'WS9', name: 'Secret plan of A', leadUserIds: [p.userId('lead')] },
    p.deps,
    admin,
  );
  await addAction(
    {
      workstream: 'WS1',
      ownerUserId: p.userId('owner'),
      dueDate: '2026-12-07',
      text: 'Run the caseload audit',
    },
    p.deps,
    p.as('lead', 'A'),
  );
  await addVisit(
    { kind: 'monitoring_visit', startDate: '2027-01-12', theme: 'Secret visit of A' },
    p.deps,
    admin,
  );
  await addKpi({ name: 'Secret KPI of A', unit: '%', direction: 'higher', targets: [] }, p.deps, admin);
  await addRecommendation({ ref: 'RA1', text: 'Secret recommendation of A' }, p.deps, admin);
  await postUpdate({ workstream: 'WS1', text: 'Caseloads reviewed in all teams' }, p.deps, p.as('lead', 'A'));
  const programme = await p.db.programme.findFirstOrThrow({ where: { workspaceId: p.workspace('A') } });
  const ws = (code: string) =>
    p.db.workstream.findFirstOrThrow({ where: { workspaceId: p.workspace('A'), code } }).then((w) => w.id);
  return {
    programme: programme.id,
    action: await sentReminder(p, programme.id, 'action', 'owner'),
    silence: await sentReminder(p, programme.id, 'silence', 'lead'),
    notice: await sentReminder(p, programme.id, 'not_mine', 'lead'),
    request: await sentReminder(p, programme.id, 'extension_request', 'lead'),
    ws1: await ws('WS1'),
    ws9: await ws('WS9'),
  };
}

/**
 * [what, typed in B, by whom, what B's person is told]. Each names A's references; none may
 * change, show or post anything of A's.
 */
export const COMMANDS_FROM_B: [string, string, Role, RegExp][] = [
  ['status of A’s workstream', 'status WS9', 'admin', /find a workstream called “WS9”/],
  [
    'an update on A’s workstream',
    'update WS9 Workforce plan agreed',
    'lead',
    /find a workstream called “WS9”/,
  ],
  [
    'a RAG for A’s workstream',
    'rag WS9 red Recruitment behind plan',
    'lead',
    /find a workstream called “WS9”/,
  ],
  ['A’s action done', 'action done A-1 Audit done and filed', 'owner', /no action A-1/i],
  ['A’s action extended', 'action extend A-1 29/01/2027 Waiting for the audit', 'lead', /no action A-1/i],
  ['A’s action dropped', 'action drop A-1 No longer needed', 'admin', /no action A-1/i],
  ['A’s action reassigned', 'action reassign A-1 @{member}', 'admin', /no action A-1/i],
  ['A’s visit cancelled', 'visit cancel V-1', 'admin', /V-1/],
  ['a reading of A’s KPI', 'kpi record "Secret KPI of A" 5 for 01/10/2026', 'admin', /KPI/],
  ['A’s workstream closed', 'workstream close WS9 Merged', 'admin', /find a workstream called “WS9”/],
  [
    'A’s workstream renamed',
    'workstream edit WS9 name "Taken over"',
    'admin',
    /find a workstream called “WS9”/,
  ],
  ['A’s recommendation linked', 'recommendation link RA1 WS1', 'admin', /RA1/],
  ['a project on A’s workstream', 'project add WS9 Front door', 'admin', /find a workstream called “WS9”/],
  ['the lead’s update in A edited', 'update edit Changed in B', 'lead', /You have no update to edit/],
  ['the lead’s update in A withdrawn', 'update undo', 'lead', /You have no update to withdraw/],
  ['the action list', 'action list', 'admin', /none/i],
  ['the visit list', 'visit list', 'admin', /./],
  ['the KPI list', 'kpi list', 'admin', /./],
  ['the recommendation list', 'recommendation list', 'admin', /./],
];

/** A's ids, as each button would carry them: [presser, value]; `P<id>/` is A's programme stamp. */
export const PRESSES_FROM_B: Record<string, (a: ASeed, p: Platform) => [Role, string][]> = {
  status_post_to_channel: (a) => [
    ['lead', 'WS9'],
    ['lead', `P${a.programme}/WS9`],
  ],
  // The button carries nothing of A's: B's user posts B's own (empty) coverage.
  coverage_post_to_channel: () => [['lead', '']],
  reminder_done: (a) => [
    ['owner', `${a.action}.1`],
    ['owner', `P${a.programme}/${a.action}.1`],
  ],
  reminder_new_date: (a) => [['owner', `${a.action}.1`]],
  reminder_add_update: (a) => [['owner', `${a.action}.1`]],
  reminder_not_mine: (a) => [['owner', `${a.action}.1`]],
  not_mine_reassign: (a, p) => [['lead', `${a.notice}.1.${p.userId('member')}`]],
  extension_approve: (a) => [
    ['lead', `${a.request}.1.1`],
    ['lead', `P${a.programme}/${a.request}.1.1`],
  ],
  extension_refuse: (a) => [['lead', `${a.request}.1.1`]],
  silence_add_update: (a) => [
    ['lead', `${a.silence}.${a.ws9}`],
    ['lead', `${a.silence}.${a.ws1}`],
  ],
};

/** What B's person is told when a press finds nothing of theirs. */
export const NOTHING_CHANGED =
  /nothing was changed|there is no|find a workstream|no recommendations are recorded/i;

/** [what, form, answers, by whom, what the form says]: B's forms naming A's references. */
export const FORMS_FROM_B: [string, string, FormValues, Role, RegExp][] = [
  [
    'the update form, picking A’s workstream',
    'update',
    { workstream: 'WS9', text: 'Workforce plan agreed by the board' },
    'admin',
    /find a workstream called “WS9”/,
  ],
  [
    'the RAG form, picking A’s workstream',
    'rag',
    { workstream: 'WS9', rag: 'red', reason: 'Recruitment behind plan' },
    'admin',
    /find a workstream called “WS9”/,
  ],
];
