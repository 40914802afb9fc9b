/** Dates ahead, safety of user text, tenancy, and a programme too big for one message. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/chat/message.js';
import { toMrkdwn } from '../../src/chat/slack/mrkdwn.js';
import type { Programme } from '../../src/db/generated/sqlite/client.js';
import { renderDigest } from '../../src/digest/render-digest.js';
import { buildDigest } from '../../src/services/build-digest.js';
import { setupProgramme } from '../../src/services/setup-programme.js';
import type { TestDatabase } from '../support/database.js';
import { PlanBuilder } from '../support/digest-fixtures.js';
import { daysAgo, digestText, ON_SLACK, useDigestTest } from '../support/digest-test.js';
import { as, OTHER_TEAM, TEAM, U } from '../support/factories.js';

let t: TestDatabase;
let programme: Programme;
let plan: PlanBuilder;
useDigestTest((test) => {
  ({ t, programme, plan } = test);
});

const digest = () => buildDigest({ workspaceId: TEAM, programmeId: programme.id }, t.deps);
const blockText = (b: Block) => toMrkdwn('text' in b ? b.text : '');

describe('dates', () => {
  it('counts down to the next Ofsted/DfE event and deadline, and lists the next 8 weeks', async () => {
    await plan.event('monitoring_visit', '2026-12-23', 'Care leavers', '2026-12-24');
    await plan.event('focused_visit', '2026-11-28', 'Cancelled one', null, 'cancelled');
    await plan.event('deadline', '2026-12-03', 'Improvement plan to Ofsted');
    await plan.event('board_meeting', '2027-02-01', 'Too far ahead');
    await plan.event('dfe_review', '2026-11-20', 'Stocktake', '2026-11-24');
    const text = digestText(renderDigest(await digest(), ON_SLACK));
    expect(text).toContain(
      '*Next Ofsted/DfE event:* DfE review V-5, 20 Nov to 24 Nov: Stocktake · *under way*',
    );
    expect(text).toContain('*Next deadline:* V-3, 3 Dec: Improvement plan to Ofsted · *in 10 days*');
    expect(text).toContain(
      '*Coming up in the next 8 weeks*\n• DfE review V-5, 20 Nov to 24 Nov: Stocktake · under way\n• Deadline V-3, 3 Dec: Improvement plan to Ofsted · in 10 days\n• Monitoring visit V-1, 23 Dec to 24 Dec: Care leavers · in 30 days',
    );
    expect(text).not.toContain('Too far ahead');
    expect(text).not.toContain('Cancelled one');
  });
});

describe('safety and tenancy', () => {
  it('never broadcasts or links from user text, and shows nothing of another workspace', async () => {
    const ws = await plan.workstream('WS1', 'Workforce <!here>', { leads: [U.lead] });
    await plan.rag(ws, 'amber', 'red', '<!channel> read <https://evil.example|this>', daysAgo(1), U.lead);
    const { programme: other } = await setupProgramme(
      { name: 'Other council', boardChannelId: 'C0OTHER' },
      t.deps,
      as(U.admin, OTHER_TEAM),
    );
    const theirs = new PlanBuilder(t.deps.db, other);
    const ws9 = await theirs.workstream('WS9', 'Secret workstream');
    await theirs.update(ws9, 'Their update', daysAgo(1), U.admin);
    const message = renderDigest(await digest(), ON_SLACK);
    const all = JSON.stringify(message);
    expect(all).not.toMatch(/<!channel>|<!here>|<https:\/\/evil/);
    expect(digestText(message)).toContain('&lt;https://evil.example|this&gt;');
    expect(all).not.toContain('Secret workstream');
    expect(all).not.toContain('Their update');
  });
});

describe('a programme of 40 workstreams', () => {
  it('continues in thread replies within Slack’s limits, cutting nothing', async () => {
    const long = (i: number) =>
      `Update ${i}: ${'recruitment, caseloads and supervision all reviewed with partners; '.repeat(14)}end of update ${i}.`;
    for (let i = 1; i <= 40; i += 1) {
      const ws = await plan.workstream(`WS${i}`, `Workstream number ${i}`, { leads: [`U0LEAD${i}`] });
      if (i % 2 === 0)
        await plan.rag(
          ws,
          'amber',
          'red',
          `Reason ${i}: ${'behind plan '.repeat(30)}`,
          daysAgo(2),
          `U0LEAD${i}`,
        );
      await plan.update(ws, long(i), daysAgo(1 + (i % 9)), `U0LEAD${i}`);
      await plan.action(ws, `Action for workstream ${i}`, '2026-11-30', `U0LEAD${i}`);
    }
    const message = renderDigest(await digest(), ON_SLACK);
    const messages = [message, ...(message.thread ?? [])];
    expect(messages.length).toBeGreaterThan(1);
    for (const [i, m] of messages.entries()) {
      expect(m.blocks!.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks!) expect(blockText(b).length).toBeLessThanOrEqual(3000);
      expect(m.text.length).toBeLessThanOrEqual(3000);
      if (i > 0)
        expect(blockText(m.blocks![0]!)).toBe(
          `Weekly digest for Plan, week of Monday 23 November 2026: part ${i + 1} of ${messages.length}.`,
        );
    }
    expect(blockText(message.blocks!.at(-1)!)).toBe(
      `:thread: Continues in the thread: ${messages.length - 1} more message${messages.length > 2 ? 's' : ''}.`,
    );
    const text = digestText(message);
    for (let i = 1; i <= 40; i += 1) {
      expect(text).toContain(`*WS${i}* Workstream number ${i}:`);
      if (i % 2 === 0) expect(text).toContain(`Reason ${i}: ${'behind plan '.repeat(30).trim()}`);
      if (i % 2 === 0) expect(text).toContain(long(i));
      // Actions of Red workstreams are listed once, under Exceptions; the rest due soon are capped.
      if (i % 2 === 0) expect(text.split(`Action for workstream ${i} ·`)).toHaveLength(2);
    }
    expect(text.match(/Action for workstream \d*[13579] ·/g)).toHaveLength(8);
    expect(text).toContain('*Due in the next 14 days (40, 20 of them listed under Exceptions above):*');
    expect(text).toContain('• _and 12 more: `/improve action list` lists every open action_');
    expect(text).toContain('*Exceptions: what is Red* (continued)');
  });
});
