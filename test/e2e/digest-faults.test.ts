/**
 * Exactly one digest a week whatever happens: replicas killed (SIGKILL, really) between claim and
 * post and between post and record, Slack answering 500 or 429, and replicas racing. Every test
 * ends with exactly one digest for the week in the stand-in's messages.
 */
import { LogLevel } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { slackWebClient } from '../../src/chat/slack/web-client.js';
import { openDatabase } from '../../src/db/client.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import { type DigestHarness, digestHarness } from '../support/digest.js';
import { startDigestChild } from '../support/digest-child-runner.js';
import { PlanBuilder } from '../support/digest-fixtures.js';
import { seedProgramme } from '../support/factories.js';

const MONDAY = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(MONDAY.getTime() + ms);
const MINUTE = 60_000;

let h: DigestHarness;
let programmeId: number;
beforeEach(async () => {
  h = await digestHarness({ now: MONDAY });
  programmeId = (await seedProgramme(h.t.deps)).programme.id;
});
afterEach(async () => {
  expect(h.slack.unexpected).toEqual([]);
  await h.close();
});

const run = () => h.t.deps.db.digestRun.findFirstOrThrow({ where: { programmeId, weekStart: '2026-11-23' } });
const child = (options: {
  instanceId: string;
  pauseAt?: 'claimed' | 'posted';
  waitForGo?: boolean;
  now?: Date;
}) =>
  startDigestChild({
    target: h.t.target,
    apiUrl: h.slack.apiUrl,
    now: options.now ?? h.t.clock.now(),
    ...options,
  });
const calls = (method: string) => h.slack.calls.filter((c) => c.method === method);
const expectOneDigest = async () => {
  expect(h.digests()).toHaveLength(1);
  expect(await run()).toMatchObject({ status: 'posted', messageId: h.digests()[0]!.ts });
};

describe('a replica killed with SIGKILL', () => {
  it('between claim and post: another replica waits out the lease, finds nothing posted, posts once', async () => {
    const a = child({ instanceId: 'replica-a', pauseAt: 'claimed' });
    await a.line('CHECKPOINT claimed');
    a.process.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');
    expect(h.digests()).toHaveLength(0);
    expect(await run()).toMatchObject({ status: 'claimed', claimedBy: 'replica-a', messageId: null });
    h.t.clock.set(later(1 * MINUTE));
    await h.tick();
    expect(h.digests()).toHaveLength(0);
    h.t.clock.set(later(6 * MINUTE));
    await h.tick();
    expect(calls('conversations.history')).toHaveLength(1);
    await expectOneDigest();
    expect(await run()).toMatchObject({ claimedBy: 'replica-b', attempts: 2, late: false });
  });

  it('between post and record: restarted, it finds its digest in the channel, completes the thread, posts nothing twice', async () => {
    const plan = new PlanBuilder(
      h.t.deps.db,
      await h.t.deps.db.programme.findUniqueOrThrow({ where: { id: programmeId } }),
    );
    for (let i = 3; i <= 40; i += 1) {
      const ws = await plan.workstream(`WS${i}`, `Workstream ${i}`, { leads: [`U0LEAD${i}`] });
      await plan.rag(
        ws,
        'amber',
        'red',
        `Reason ${i}: ${'behind plan, '.repeat(40)}`,
        later(-2 * 86_400_000),
        `U0LEAD${i}`,
      );
    }
    const a = child({ instanceId: 'replica-a', pauseAt: 'posted' });
    await a.line('CHECKPOINT posted');
    a.process.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');
    const main = h.digests()[0]!;
    expect(h.slack.messages.filter((m) => m.thread_ts === main.ts)).toHaveLength(0);
    expect(await run()).toMatchObject({ status: 'claimed', messageId: null });
    // The same instance comes back at once (a stable INSTANCE_ID): its own claim need not be waited out.
    const again = child({ instanceId: 'replica-a' });
    await again.line('DONE');
    await expectOneDigest();
    const replies = h.slack.messages.filter((m) => m.thread_ts === main.ts);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map((r) => r.metadata?.event_payload.part)).toEqual(replies.map((_r, i) => i + 2));
    expect(calls('chat.postMessage').filter((c) => !c.args.thread_ts)).toHaveLength(1);
  });
});

describe('Slack failures', () => {
  it('a 500 then success: retried, one digest', async () => {
    h.slack.failNext('chat.postMessage', { status: 500 });
    await h.tick();
    expect(calls('chat.postMessage').map((c) => c.status)).toEqual([500, 200, 200]); // the headline, retried, then its thread
    await expectOneDigest();
  });

  it('500s outlasting the client’s retries: the week stays claimed and is retried after a backoff', async () => {
    h.slack.failNext('chat.postMessage', { status: 500, times: 4 });
    await h.tick();
    expect(h.digests()).toHaveLength(0);
    expect(await run()).toMatchObject({
      status: 'claimed',
      lastError: 'slack_webapi_http_error',
      postedAt: null,
    });
    h.t.clock.set(later(30_000));
    await h.tick();
    expect(calls('chat.postMessage')).toHaveLength(4);
    h.t.clock.set(later(MINUTE + 1000));
    await h.tick();
    expect(calls('conversations.history')).toHaveLength(1);
    await expectOneDigest();
  });

  it('a network error: the week stays claimed and the next tick after the backoff posts once', async () => {
    const unreachable = slackChat(slackWebClient('xoxb-test', 'http://127.0.0.1:9/api/', LogLevel.ERROR));
    await digestJob({ ...h.deps, chat: unreachable }).run(MONDAY);
    expect(await run()).toMatchObject({ status: 'claimed', lastError: 'slack_webapi_request_error' });
    h.t.clock.set(later(MINUTE));
    await h.tick();
    await expectOneDigest();
  });

  it('a 429 with Retry-After: waited out, then posted once', async () => {
    h.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const started = performance.now();
    await h.tick();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(calls('chat.postMessage').map((c) => c.status)).toEqual([429, 200, 200]); // the headline, waited out, then its thread
    await expectOneDigest();
  });
});

describe('replicas racing', () => {
  it('two processes released at the same instant post one digest', async () => {
    const [a, b] = [
      child({ instanceId: 'replica-a', waitForGo: true }),
      child({ instanceId: 'replica-c', waitForGo: true }),
    ];
    await Promise.all([a.line('READY'), b.line('READY')]);
    a.send('go');
    b.send('go');
    await Promise.all([a.line('DONE'), b.line('DONE')]);
    await expectOneDigest();
    expect(await h.t.deps.db.digestRun.count()).toBe(1);
  });

  it('five replicas with their own connections ticking together post one digest', async () => {
    const replicas = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const database = await openDatabase(h.t.target, { poolSize: 2 });
        const chat = slackChat(slackWebClient('xoxb-test', h.slack.apiUrl, LogLevel.ERROR));
        return {
          database,
          job: digestJob({
            ...h.t.deps,
            db: database.prisma,
            sql: database.sql,
            chat,
            instanceId: `replica-${i}`,
          }),
        };
      }),
    );
    await Promise.all(replicas.map((r) => r.job.run(MONDAY)));
    await Promise.all(replicas.map((r) => r.database.close()));
    await expectOneDigest();
  });
});

describe('a replica that stalls past its lease', () => {
  it('finds its claim taken over and posts nothing; the replica that took over posts once', async () => {
    const chat = slackChat(slackWebClient('xoxb-test', h.slack.apiUrl, LogLevel.ERROR));
    const other = digestJob({ ...h.t.deps, chat, instanceId: 'replica-z' });
    const stalling = digestJob(
      { ...h.t.deps, chat, instanceId: 'replica-y' },
      {
        async checkpoint(point) {
          if (point !== 'claimed') return;
          // While this replica stalls, its lease runs out and another replica takes the week over.
          await other.run(later(6 * MINUTE));
        },
      },
    );
    await stalling.run(MONDAY);
    await expectOneDigest();
    expect(await run()).toMatchObject({ claimedBy: 'replica-z', attempts: 2 });
  });
});
