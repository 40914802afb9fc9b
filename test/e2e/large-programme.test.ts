/**
 * No cliffs: a programme far past any real council's (1,000 KPIs, 200 workstreams, 10,000
 * actions owned by 1,200 people) through the real Bolt app and the strict Slack stand-in. Every
 * query whose size follows the data must be chunked or a join: SQLite refuses a statement with
 * more than 999 bound parameters (Prisma P2029), and PostgreSQL's limit is 65,535.
 * Seeded with createMany in bulk (bench/digest-data.ts) so it stays fast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBenchProgramme } from '../../bench/digest-data.js';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { todayIn } from '../../src/domain/dates.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import { LOOKUPS_PER_SWEEP } from '../../src/services/reminder-recipients.js';
import { DIGEST_METHODS } from '../support/digest.js';
import { DEFAULT_METHODS, type E2E, startE2E } from '../support/e2e.js';
import { TEAM } from '../support/factories.js';
import { job, roster, shown } from '../support/reminders.js';

const NOW = new Date('2026-11-23T09:00:00Z'); // a Monday: digest day, and a working day
const PEOPLE = 1200;
const SHAPE = {
  workstreams: 200,
  projects: 400,
  actions: 10_000,
  updates: 4000,
  kpis: 1000,
  readingsPerKpi: 6,
  people: PEOPLE,
};

let e: E2E;
let programmeId: number;
beforeAll(async () => {
  e = await startE2E({ methods: [...new Set([...DEFAULT_METHODS, ...DIGEST_METHODS])], now: NOW });
  programmeId = await seedBenchProgramme(e.t.deps.db, TEAM, SHAPE, NOW, todayIn(NOW, 'Europe/London'));
  roster(e, Object.fromEntries(Array.from({ length: PEOPLE }, (_, i) => [`U0BENCH${i}`, {}])));
}, 180_000);
afterAll(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('a programme of 1,000 KPIs, 200 workstreams and 10,000 actions', () => {
  it('builds and posts the weekly digest to the board channel', async () => {
    const chat = slackChat(e.runtime.app.client);
    await digestJob({ ...e.t.deps, chat, instanceId: 'scheduler' }).run(NOW);
    const run = await e.t.deps.db.digestRun.findFirstOrThrow({ where: { programmeId } });
    expect(run.status).toBe('posted');
    const posted = e.slack.messages.filter((m) => m.channel === 'C0BENCH');
    expect(posted.length).toBeGreaterThan(1);
    const all = posted.map((m) => shown(m)).join('\n');
    expect(all).toContain('Weekly digest for Benchmark programme');
    expect(all).toContain('KPI 1000');
  }, 120_000);

  it('shows /improve status with all 200 workstreams', async () => {
    const out = await e.command('status', 'U0BENCH0');
    expect(out.replies).toHaveLength(1);
    const text = JSON.stringify(out.replies[0]!.body);
    expect(text).toContain('*WS1* Workstream 1');
    expect(text).toContain('*WS200* Workstream 200');
  }, 60_000);

  it('sends every owner with overdue or due-soon actions one reminder, once', async () => {
    const sweep = job(e);
    e.t.clock.set(new Date('2026-11-23T09:30:00Z'));
    const before = e.slack.calls.length;
    await sweep.run(e.t.clock.now());
    const calls = e.slack.calls.slice(before);
    const posts = calls.filter((c) => c.method === 'chat.postMessage').length;
    const owners = await e.t.deps.db.action.groupBy({
      by: ['ownerId'],
      where: { programmeId, status: 'open', dueDate: { lte: '2026-11-26' } },
    });
    const sent = await e.t.deps.db.reminderLog.count({
      where: { workspaceId: TEAM, kind: 'action', status: 'sent' },
    });
    expect(owners.length).toBeGreaterThan(300);
    expect(sent).toBe(owners.length);
    expect(posts).toBeGreaterThanOrEqual(owners.length); // and the leads' escalations
    // A DM is one chat.postMessage by user id: no conversations.open, and people never looked up
    // are asked at most LOOKUPS_PER_SWEEP at a sweep, the rest on the programme's clock.
    expect(calls.filter((c) => c.method === 'conversations.open')).toEqual([]);
    expect(calls.filter((c) => c.method === 'users.info').length).toBeLessThanOrEqual(LOOKUPS_PER_SWEEP);
    expect(calls.length).toBeLessThanOrEqual(posts + LOOKUPS_PER_SWEEP);
    await sweep.run(e.t.clock.now());
    expect(
      await e.t.deps.db.reminderLog.count({ where: { workspaceId: TEAM, kind: 'action', status: 'sent' } }),
    ).toBe(owners.length);
  }, 180_000);
});
