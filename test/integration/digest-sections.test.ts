/** Each section's rules, from the database to the rendered digest the board reads. */
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
}, "Improving Children's Services");

const digest = () => buildDigest({ workspaceId: TEAM, programmeId: programme.id }, t.deps);
const rendered = async () => digestText(renderDigest(await digest(), ON_SLACK));
const lastDigestPosted = (at: Date) =>
  t.deps.db.digestRun.create({
    data: {
      workspaceId: TEAM,
      programmeId: programme.id,
      weekStart: '2026-11-16',
      status: 'posted',
      claimedBy: 'x',
      leaseUntil: at,
      postedAt: at,
      claimedAt: at,
    },
  });

describe('RAG at a glance and changes', () => {
  it('shows an arrow only for a RAG that moved since the last digest, and lists every change since', async () => {
    await lastDigestPosted(new Date('2026-11-16T09:00:00Z'));
    const ws1 = await plan.workstream('WS1', 'Support and Develop Our Workforce', { leads: [U.lead] });
    const ws2 = await plan.workstream('WS2', 'Improve Our Practice');
    const ws3 = await plan.workstream('WS3', 'Listen to the Voice of the Child');
    await plan.rag(ws1, 'not_started', 'amber', 'Baseline', daysAgo(13), U.lead);
    await plan.rag(ws1, 'amber', 'red', 'Three leavers this month', daysAgo(5), U.lead);
    await plan.rag(ws2, 'not_started', 'amber', 'Baseline', daysAgo(13), U.admin);
    await plan.rag(ws3, 'not_started', 'red', 'Advocacy contract lapsed', daysAgo(6), U.admin);
    await plan.rag(ws3, 'red', 'not_started', 'Recorded in error', daysAgo(4), U.admin);
    const d = await digest();
    expect(d.workstreams.map((w) => [w.code, w.rag, w.movedFrom])).toEqual([
      ['WS1', 'red', 'amber'],
      ['WS2', 'amber', null],
      ['WS3', 'not_started', null],
    ]);
    const text = await rendered();
    expect(text).toContain(
      ':red_circle: *WS1* Support and Develop Our Workforce: Red ↓ from Amber · no updates yet',
    );
    expect(text).toContain(':large_orange_circle: *WS2* Improve Our Practice: Amber · no updates yet');
    expect(text).toContain(
      '*Workstreams:* :red_circle: 1 Red · :large_orange_circle: 1 Amber · :large_green_circle: 0 Green',
    );
    expect(text).toContain('*Changes since the last digest*');
    // WS3 went Red and back within the week: no net move, so it is not listed as a change.
    expect(d.changes.map((c) => `${c.subject} ${c.from}→${c.to}`)).toEqual(['WS1 amber→red']);
    expect(text).not.toContain('Advocacy contract lapsed');
    expect(text).toContain(
      `• 18 Nov · *WS1* Support and Develop Our Workforce: :large_orange_circle: Amber → :red_circle: *Red* (<@${U.lead}>): Three leavers this month`,
    );
    expect(text).not.toContain('Baseline');
  });

  it('without an earlier digest covers the last 7 days', async () => {
    const ws1 = await plan.workstream('WS1', 'Workforce');
    await plan.rag(ws1, 'not_started', 'amber', 'Eight days ago', daysAgo(8), U.admin);
    await plan.rag(ws1, 'amber', 'green', 'Six days ago', daysAgo(6), U.admin);
    const text = await rendered();
    expect(text).toContain('*Changes in the last 7 days*');
    expect(text).toContain('Six days ago');
    expect(text).not.toContain('Eight days ago');
    expect(text).toContain('Green ↑ from Amber');
  });
});

describe('KPI scorecard', () => {
  it('judges against the next target: on track on its date and after, stale, then missed', async () => {
    await plan.kpi(
      'Average caseload',
      'cases',
      'lower',
      [
        [30, '2026-12-31'],
        [25, '2027-03-31'],
      ],
      [
        ['2026-12-21', 29],
        ['2026-12-28', 28],
      ],
    );
    t.clock.set(new Date('2026-12-31T12:00:00Z'));
    const onTheDay = (await digest()).kpis[0]!;
    expect(onTheDay).toMatchObject({
      target: { value: 30, byDate: '2026-12-31' },
      verdict: { state: 'on_track' },
      trend: 'improving',
      previous: 29,
      next: { value: 25 },
    });
    expect(await rendered()).toContain(
      ':white_check_mark: *Average caseload*: 28 (28 Dec) · target ≤ 30 by 31/12/2026, *on track* · ↑ improving (was 29) · next ≤ 25 by 31/03/2027',
    );
    // The day after, 28 is above 25 but on the line from 30 (31/12) to 25 (31/03): not "not met".
    t.clock.set(new Date('2027-01-01T12:00:00Z'));
    expect((await digest()).kpis[0]).toMatchObject({
      target: { value: 25, byDate: '2027-03-31' },
      verdict: { state: 'on_track' },
      next: null,
    });
    expect(await rendered()).toContain(
      ':white_check_mark: *Average caseload*: 28 (28 Dec 2026) · target ≤ 25 by 31/03/2027, *on track* · ↑ improving (was 29)\n',
    );
    // A monthly KPI: January's reading was due by 12/02/2027.
    t.clock.set(new Date('2027-02-15T12:00:00Z'));
    expect(await rendered()).toContain(
      ':grey_question: *Average caseload*: 28 (28 Dec 2026) · target ≤ 25 by 31/03/2027, *stale: no reading since 28/12/2026*',
    );
    t.clock.set(new Date('2027-04-01T12:00:00Z'));
    expect(await rendered()).toContain(
      ':x: *Average caseload*: 28 (28 Dec 2026) · target ≤ 25 by 31/03/2027, *missed*',
    );
  });

  it('says off track when the readings fall behind the trajectory', async () => {
    await plan.kpi(
      'CP visits in timescale',
      '%',
      'higher',
      [[75, '2027-03-31']],
      [
        ['2026-09-30', 60],
        ['2026-10-31', 59],
      ],
    );
    expect(await rendered()).toContain(
      ':warning: *CP visits in timescale*: 59% (31 Oct) · target ≥ 75% by 31/03/2027, *off track*',
    );
  });

  it('says when a KPI has no readings or no target', async () => {
    await plan.kpi('CP visits in timescale', '%', 'higher', [[85, '2027-06-30']], []);
    await plan.kpi('Agency staff', '%', 'lower', [], [['2026-11-20', 23.5]]);
    const text = await rendered();
    expect(text).toContain(
      ':grey_question: *CP visits in timescale*: _no readings yet_ · target ≥ 85% by 30/06/2027, not judged',
    );
    expect(text).toContain(':grey_question: *Agency staff*: 23.5% (20 Nov) · no target set · first reading');
  });
});

describe('an empty week', () => {
  it('renders the headline alone, then every section, in order, with what is (not) there, in one reply', async () => {
    const message = renderDigest(await digest(), ON_SLACK);
    expect(message.thread).toHaveLength(1);
    expect(JSON.stringify(message.blocks)).not.toContain('*RAG at a glance*');
    expect(message.blocks![0]).toEqual({
      type: 'header',
      text: 'Weekly digest: week of Monday 23 November 2026',
    });
    const text = digestText(message);
    const titles = [
      'RAG at a glance',
      'Changes in the last 7 days',
      'Exceptions: what is Red',
      'Silence: no update for 14 days or more',
      'Actions',
      'KPI scorecard',
      'Coming up in the next 8 weeks',
    ];
    const positions = titles.map((title) => text.indexOf(`*${title}*`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const empty of [
      '_No workstreams yet._',
      '_No RAG changes._',
      '_Nothing is Red._',
      '*Overdue:* _none_',
      '*Completed in the last 7 days:* 0',
      '_No KPIs yet._',
      '_Nothing dated in the next 8 weeks._',
      '*Next Ofsted/DfE event:* _none planned_',
    ]) {
      expect(text).toContain(empty);
    }
    expect(message.text).toBe(
      "Weekly digest for Improving Children's Services, week of Monday 23 November 2026: 0 Red, 0 Amber, 0 Green, 0 Complete, 0 Not started. 0 RAG changes, 0 overdue actions. Continues in the thread (1 reply).",
    );
  });
});
