/** `/improve digest preview` and `/improve digest send` through the real Bolt app. */
import { LogLevel } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { slackWebClient } from '../../src/chat/slack/web-client.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import { DIGEST_METHODS } from '../support/digest.js';
import { PlanBuilder } from '../support/digest-fixtures.js';
import { DEFAULT_METHODS, type E2E, startE2E } from '../support/e2e.js';
import { BOARD_CHANNEL, seedProgramme, U } from '../support/factories.js';

let e: E2E;
let programmeId: number;
beforeEach(async () => {
  e = await startE2E({
    methods: [...new Set([...DEFAULT_METHODS, ...DIGEST_METHODS])],
    now: new Date('2026-11-23T08:00:00Z'),
  });
  programmeId = (await seedProgramme(e.t.deps)).programme.id;
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const blocksOf = (body: Record<string, unknown>) => JSON.stringify(body.blocks);
const weekly = () => e.slack.messages.filter((m) => m.metadata?.event_type === 'improvement_digest');
const run = () => e.t.deps.db.digestRun.findFirst({ where: { programmeId } });

describe('/improve digest preview', () => {
  it('shows this week’s digest to the person who asked, and posts nothing', async () => {
    const out = await e.command('digest preview', U.member);
    // The headline, then the detail as a second ephemeral reply (the digest's thread).
    expect(out.replies).toHaveLength(2);
    expect(out.replies[0]!.body.response_type).toBe('ephemeral');
    expect(out.reply).toContain(
      "Weekly digest for Improving Children's Services, week of Monday 23 November 2026",
    );
    expect(blocksOf(out.replies[0]!.body)).toContain(
      `:eyes: *Preview*: only you can see this. The digest goes to <#${BOARD_CHANNEL}> on Mondays at 09:00 (Europe/London). This week's is due at 23/11/2026 09:00.`,
    );
    expect(out.posts).toEqual([]);
    expect((await e.command('digest', U.member)).reply).toBe(out.reply);
    expect(await run()).toBeNull();
  });

  it('sends a long digest as several messages, in order', async () => {
    const plan = new PlanBuilder(
      e.t.deps.db,
      await e.t.deps.db.programme.findUniqueOrThrow({ where: { id: programmeId } }),
    );
    for (let i = 3; i <= 30; i += 1) {
      const ws = await plan.workstream(`WS${i}`, `Workstream ${i}`);
      await plan.rag(
        ws,
        'amber',
        'red',
        `Reason ${i}: ${'behind plan, '.repeat(40)}`,
        new Date('2026-11-20T10:00:00Z'),
        U.admin,
      );
    }
    const out = await e.command('digest preview', U.member);
    expect(out.replies.length).toBeGreaterThan(1);
    expect(out.replies.slice(1).map((r) => r.body.text)).toEqual(
      out.replies
        .slice(1)
        .map(
          (_r, i) =>
            `Weekly digest for Improving Children's Services, week of Monday 23 November 2026, continued (part ${i + 2} of ${out.replies.length})`,
        ),
    );
    expect(out.replies.map((r) => blocksOf(r.body)).join('')).toContain('Reason 30:');
  });
});

describe('/improve digest send', () => {
  it('is for admins only, and a refusal posts nothing', async () => {
    const out = await e.command('digest send', U.lead);
    expect(out.reply).toContain('Only an admin can send the weekly digest.');
    expect(out.posts).toEqual([]);
    expect(await run()).toBeNull();
  });

  it('posts this week’s digest now, which the schedule then does not post again; a second send is an extra marked on request', async () => {
    const out = await e.command('digest send', U.admin);
    expect(out.reply).toBe(
      `:white_check_mark: Posted this week's digest to <#${BOARD_CHANNEL}>. The schedule will not post it again this week.`,
    );
    expect(weekly()).toHaveLength(1);
    expect(JSON.stringify(weekly()[0]!.blocks)).toContain(`Sent on request by <@${U.admin}>.`);
    expect(await run()).toMatchObject({ status: 'posted', messageId: weekly()[0]!.ts });
    const chat = slackChat(slackWebClient('xoxb-e2e', e.slack.apiUrl, LogLevel.ERROR));
    e.t.clock.set(new Date('2026-11-23T09:00:00Z'));
    await digestJob({ ...e.t.deps, chat, instanceId: 'scheduler' }).run(e.t.clock.now());
    expect(weekly()).toHaveLength(1);
    const again = await e.command('digest send', U.admin);
    expect(again.reply).toContain(
      "This week's digest had already gone (posted 23/11/2026 08:00), so I posted an update",
    );
    const extra = e.slack.messages.filter((m) => m.metadata?.event_type === 'improvement_digest_on_request');
    expect(extra).toHaveLength(1);
    expect(JSON.stringify(extra[0]!.blocks)).toContain(
      `Sent on request by <@${U.admin}>: an update to this week's digest posted 23/11/2026 08:00.`,
    );
    expect(weekly()).toHaveLength(1);
  });

  it('says why when Slack refuses, tells the admins, and a later send retries at once', async () => {
    e.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const out = await e.command('digest send', U.admin);
    expect(out.reply).toContain('The digest could not be posted: the bot is not a member of that channel.');
    expect(await run()).toMatchObject({ status: 'failed', lastError: 'not_in_channel' });
    expect(e.slack.messages.filter((m) => m.channel === e.slack.dmChannelFor(U.admin))).toHaveLength(1);
    const retry = await e.command('digest send', U.admin);
    expect(retry.reply).toContain("Posted this week's digest");
    expect(weekly()).toHaveLength(1);
    expect(await run()).toMatchObject({ status: 'posted' });
  });
});
