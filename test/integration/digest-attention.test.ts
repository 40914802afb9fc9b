/** The sections that point the board at problems: exceptions, silence and actions. */
import { describe, expect, it } from 'vitest';
import type { Programme } from '../../src/db/generated/sqlite/client.js';
import { renderDigest } from '../../src/digest/render-digest.js';
import { buildDigest } from '../../src/services/build-digest.js';
import type { TestDatabase } from '../support/database.js';
import type { PlanBuilder } from '../support/digest-fixtures.js';
import { daysAgo, digestText, ON_SLACK, useDigestTest } from '../support/digest-test.js';
import { TEAM, U } from '../support/factories.js';

let t: TestDatabase;
let programme: Programme;
let plan: PlanBuilder;
useDigestTest((test) => {
  ({ t, programme, plan } = test);
});

const digest = () => buildDigest({ workspaceId: TEAM, programmeId: programme.id }, t.deps);
const rendered = async () => digestText(renderDigest(await digest(), ON_SLACK));

describe('exceptions', () => {
  it('lists each Red workstream and project with why, its latest update and its open actions', async () => {
    const ws1 = await plan.workstream('WS1', 'Improve Our Practice', { leads: [U.lead] });
    const ws2 = await plan.workstream('WS2', 'Workforce', { rag: 'amber' });
    const audit = await plan.project(ws2, 'Audit programme');
    await plan.rag(ws1, 'amber', 'red', '38% of assessments out of timescale', daysAgo(20), U.lead);
    await plan.update(ws1, 'Re-audit booked for December', daysAgo(3), U.lead);
    await plan.update(ws1, 'Older news', daysAgo(9), U.lead);
    await t.deps.db.update.create({
      data: {
        workspaceId: TEAM,
        programmeId: programme.id,
        workstreamId: ws1.id,
        authorId: await plan.person(U.lead),
        text: 'Withdrawn',
        createdAt: daysAgo(1),
        withdrawnAt: daysAgo(1),
      },
    });
    await plan.rag(ws2, 'amber', 'red', 'Auditor left', daysAgo(2), U.admin, audit);
    await plan.action(ws1, 'Re-audit duty assessments', '2027-01-22', U.owner);
    await plan.action(ws1, 'Closed already', '2026-11-01', U.owner, {
      status: 'done',
      completedAt: daysAgo(30),
    });
    await plan.action(ws2, 'Appoint an interim auditor', '2026-11-20', U.otherLead, { projectId: audit });
    const text = await rendered();
    expect(text).toContain(
      `:red_circle: *WS1 Improve Our Practice*\n*Why Red* (3 Nov, <@${U.lead}>): 38% of assessments out of timescale\n*Latest update* (20 Nov, <@${U.lead}>): Re-audit booked for December\n*Open actions (1):*\n• :white_circle: *A-1* WS1 · Re-audit duty assessments · <@${U.owner}> · due 22 Jan 2027`,
    );
    expect(text).toContain(
      `:red_circle: *WS2 / Audit programme* (project)\n*Why Red* (21 Nov, <@${U.admin}>): Auditor left\n*Latest update:* _none yet_\n*Open actions (1):*\n• :red_circle: *A-3* WS2/Audit programme · Appoint an interim auditor`,
    );
    expect(text).not.toContain('Closed already');
    expect(text).not.toContain('Withdrawn');
  });
});

describe('silence', () => {
  it('names workstreams with no update for the programme’s days or more and mentions their leads', async () => {
    await t.deps.db.programme.update({ where: { id: programme.id }, data: { silenceDays: 7 } });
    const quiet = await plan.workstream('WS1', 'Workforce', { leads: [U.lead, U.otherLead] });
    const busy = await plan.workstream('WS2', 'Practice', { leads: [U.otherLead] });
    const done = await plan.workstream('WS3', 'Done and dusted', { rag: 'complete' });
    await plan.workstream('WS4', 'New and never updated', { createdAt: daysAgo(20) });
    await plan.workstream('WS5', 'Added yesterday', { createdAt: daysAgo(1) });
    await plan.update(quiet, 'Last words', daysAgo(10), U.lead);
    await plan.update(busy, 'Fresh news', daysAgo(6), U.otherLead);
    await plan.update(done, 'Finished', daysAgo(40), U.admin);
    const text = await rendered();
    expect(text).toContain(
      `*Silence: no update for 7 days or more*\n• *WS1* Workforce: no update for 10 days (last 13 Nov) · <@${U.lead}> <@${U.otherLead}>\n• *WS4* New and never updated: no update since it was added 20 days ago · _no lead named_`,
    );
    expect(text).not.toMatch(/• \*WS[235]\*/);
  });

  it('by default (14 days) never flags a lead who updates once a calendar week', async () => {
    expect((await t.deps.db.programme.findUniqueOrThrow({ where: { id: programme.id } })).silenceDays).toBe(
      14,
    );
    // Monday of last week, then nothing yet this week: the longest gap a weekly updater can have.
    const weekly = await plan.workstream('WS1', 'Workforce', { leads: [U.lead], createdAt: daysAgo(60) });
    await plan.update(weekly, 'Last week', daysAgo(13), U.lead);
    const text = await rendered();
    expect(text).toContain(
      '*Silence: no update for 14 days or more*\n_Every workstream has posted an update in the last 14 days._',
    );
  });
});

describe('actions', () => {
  it('groups overdue actions by owner with days overdue, lists the next 14 days and counts completions', async () => {
    const ws = await plan.workstream('WS1', 'Workforce', { rag: 'green' });
    await plan.action(ws, 'Exit interviews', '2026-11-20', U.owner);
    await plan.action(ws, 'Market supplement', '2026-11-13', U.owner);
    await plan.action(ws, 'Caseload dashboard', '2026-11-22', U.lead);
    await plan.action(ws, 'Due in a fortnight', '2026-12-07', U.lead);
    await plan.action(ws, 'Due in fifteen days', '2026-12-08', U.lead);
    await plan.action(ws, 'Done this week', '2026-11-30', U.lead, {
      status: 'verified',
      completedAt: daysAgo(2),
    });
    await plan.action(ws, 'Done long ago', '2026-10-30', U.lead, {
      status: 'done',
      completedAt: daysAgo(10),
    });
    await plan.action(ws, 'Dropped', '2026-11-01', U.lead, { status: 'dropped' });
    const d = await digest();
    expect(d.overdue.map((o) => [o.ownerUserId, o.actions.map((a) => a.number)])).toEqual([
      [U.owner, [2, 1]],
      [U.lead, [3]],
    ]);
    const text = await rendered();
    expect(text).toContain(
      `*Overdue (3):*\n<@${U.owner}>: 2 overdue\n• :red_circle: *A-2* WS1 · Market supplement · <@${U.owner}> · due 13 Nov · *10 days overdue*\n• :red_circle: *A-1* WS1 · Exit interviews · <@${U.owner}> · due 20 Nov · *3 days overdue*\n<@${U.lead}>: 1 overdue`,
    );
    expect(text).toContain('*Due in the next 14 days (1):*\n• :white_circle: *A-4* WS1 · Due in a fortnight');
    expect(text).not.toContain('Due in fifteen days');
    expect(text).toContain('*Completed in the last 7 days:* 1');
  });
});
