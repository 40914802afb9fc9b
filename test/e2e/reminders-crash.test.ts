/**
 * A replica killed (SIGKILL, really) after Slack accepted a reminder and before the ledger row was
 * marked sent: once its claim lapses, the next sweep finds the message in the conversation by
 * its metadata, records it and sends nothing twice; what the dead replica never sent goes out once.
 */
import { LogLevel } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { slackWebClient } from '../../src/chat/slack/web-client.js';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { reminderJob } from '../../src/scheduler/reminder-job.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { startDigestChild } from '../support/digest-child-runner.js';
import { BOARD_CHANNEL, seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, roster } from '../support/reminders.js';

/** What a sweep may call: people's details, their DMs, posting, and looking back in a conversation. */
const METHODS = ['users.info', 'conversations.open', 'chat.postMessage', 'conversations.history'];

let h: { t: TestDatabase; slack: SlackWebApi };
let seeded: Awaited<ReturnType<typeof seedProgramme>>;
beforeEach(async () => {
  const t = await testDatabase();
  // The stand-in stamps messages from the test clock, as Slack would from the real one.
  const slack = await createSlackWebApi({
    strict: true,
    allowedMethods: METHODS,
    teamId: TEAM,
    clock: () => t.clock.now(),
  });
  h = { t, slack };
  at(h, '2026-11-02 10:00');
  seeded = await seedProgramme(t.deps);
  roster(h, everyone());
});
afterEach(async () => {
  expect(h.slack.unexpected).toEqual([]);
  await h.slack.close();
  await h.t.close();
});

/** A sweep in this process, as another replica. */
const sweep = (now: Date) =>
  reminderJob(
    {
      ...h.t.deps,
      chat: slackChat(slackWebClient('xoxb-test', h.slack.apiUrl, LogLevel.ERROR)),
      instanceId: 'replica-b',
    },
    { minIntervalMs: 0 },
  ).run(now);

/** Starts a replica in its own process and SIGKILLs it right after its first reminder reached Slack. */
async function killedAfterFirstPost(now: Date): Promise<void> {
  const child = startDigestChild({
    job: 'reminders',
    target: h.t.target,
    apiUrl: h.slack.apiUrl,
    now,
    instanceId: 'replica-a',
    pauseAt: 'posted',
  });
  await child.line('CHECKPOINT posted');
  child.process.kill('SIGKILL');
  expect(await child.exited).toBe('SIGKILL');
}

const rowFor = (kind: string, recipient: string) =>
  h.t.deps.db.reminderLog.findFirstOrThrow({ where: { workspaceId: TEAM, kind, recipient } });
const board = () => h.slack.messages.filter((m) => m.channel === BOARD_CHANNEL);

/** Two owners with actions due; a replica DMs one of them and is killed. Who got it, and who not. */
async function ownerDmedThenKilled() {
  await addActionAt(h, '2026-11-02 10:00', { due: '2026-11-20', text: 'Audit duty team assessments' });
  await addActionAt(h, '2026-11-02 10:00', { owner: U.member, due: '2026-11-24', text: 'Book the audit' });
  await killedAfterFirstPost(at(h, '2026-11-23 09:30'));
  const first = dmsTo(h, U.owner).length === 1 ? U.owner : U.member;
  const second = first === U.owner ? U.member : U.owner;
  expect(dmsTo(h, first)).toHaveLength(1);
  expect(dmsTo(h, second)).toHaveLength(0);
  return { first, second, dm: dmsTo(h, first)[0]! };
}

describe('a reminder replica killed between Slack accepting a reminder and recording it', () => {
  it('sends the owner’s DM once: the next sweep finds it by its metadata and marks the row sent', async () => {
    const { first, second, dm } = await ownerDmedThenKilled();
    const row = await rowFor('action', first);
    expect(row).toMatchObject({ status: 'claimed', claimedBy: 'replica-a', messageId: null });
    expect(dm.metadata).toEqual({
      event_type: 'improvement_reminder',
      event_payload: { reminderId: row.id },
    });

    await sweep(at(h, '2026-11-23 09:31'));
    expect(dmsTo(h, first)).toHaveLength(1);
    expect(dmsTo(h, second)).toHaveLength(0);

    await sweep(at(h, '2026-11-23 09:41'));
    expect(dmsTo(h, first)).toHaveLength(1);
    expect(dmsTo(h, second)).toHaveLength(1);
    expect(await rowFor('action', first)).toMatchObject({
      status: 'sent',
      channelId: h.slack.dmChannelFor(first),
      messageId: dm.ts,
      attempts: 2,
    });
    expect(await rowFor('action', second)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('looks again later when the look itself fails for a passing reason, and still sends once', async () => {
    const { first, second, dm } = await ownerDmedThenKilled();
    // Both claims lapsed with the replica, so both are looked for (a few at once): both looks fail.
    h.slack.failNext('conversations.history', { error: 'internal_error', times: 2 });
    await sweep(at(h, '2026-11-23 09:41'));
    expect(dmsTo(h, first)).toHaveLength(1);
    expect(dmsTo(h, second)).toHaveLength(0);
    expect(await rowFor('action', first)).toMatchObject({ status: 'failed', lastError: 'internal_error' });
    expect(await rowFor('action', second)).toMatchObject({ status: 'failed', lastError: 'internal_error' });
    await sweep(at(h, '2026-11-23 09:50'));
    expect(dmsTo(h, first)).toHaveLength(1);
    expect(dmsTo(h, second)).toHaveLength(1);
    expect(await rowFor('action', first)).toMatchObject({ status: 'sent', messageId: dm.ts });
  });

  it('sends the DM again rather than lose it when Slack refuses the look (no im:history scope)', async () => {
    const { first, second } = await ownerDmedThenKilled();
    h.slack.failNext('conversations.history', { error: 'missing_scope', times: 2 });
    await sweep(at(h, '2026-11-23 09:41'));
    expect(dmsTo(h, first)).toHaveLength(2);
    expect(dmsTo(h, second)).toHaveLength(1);
    expect(await rowFor('action', first)).toMatchObject({
      status: 'sent',
      messageId: dmsTo(h, first)[1]!.ts,
    });
  });

  it('tells the admins of a deactivated owner once: the notice is found in their DM after the lease', async () => {
    roster(h, { ...everyone(), [U.owner]: { deleted: true } });
    await addActionAt(h, '2026-11-02 10:00', { due: '2026-11-20', text: 'Audit duty team assessments' });
    await killedAfterFirstPost(at(h, '2026-11-23 09:30'));
    expect(dmsTo(h, U.admin)).toHaveLength(1);
    expect(await rowFor('unreachable', U.admin)).toMatchObject({ status: 'claimed', messageId: null });

    await sweep(at(h, '2026-11-23 09:41'));
    expect(dmsTo(h, U.admin)).toHaveLength(1);
    expect(dmsTo(h, U.owner)).toHaveLength(0);
    expect(await rowFor('unreachable', U.admin)).toMatchObject({
      status: 'sent',
      messageId: dmsTo(h, U.admin)[0]!.ts,
      attempts: 2,
    });
  });

  it('posts a countdown to the board channel once: found there by its metadata after the lease', async () => {
    const event = await h.t.deps.db.event.create({
      data: {
        workspaceId: TEAM,
        programmeId: seeded.programme.id,
        number: 1,
        kind: 'monitoring_visit',
        startDate: '2026-12-07',
        theme: 'Care leavers',
        status: 'planned',
        createdById: 1,
        createdAt: h.t.clock.now(),
      },
    });
    await h.t.deps.db.eventWorkstream.create({
      data: { eventId: event.id, workstreamId: seeded.ws2.id, workspaceId: TEAM },
    });
    await killedAfterFirstPost(at(h, '2026-11-23 09:30'));
    expect(board()).toHaveLength(1);
    expect(dmsTo(h, U.otherLead)).toHaveLength(0);
    expect(await rowFor('countdown', BOARD_CHANNEL)).toMatchObject({ status: 'claimed', messageId: null });

    await sweep(at(h, '2026-11-23 09:41'));
    expect(board()).toHaveLength(1);
    expect(dmsTo(h, U.otherLead)).toHaveLength(1);
    expect(await rowFor('countdown', BOARD_CHANNEL)).toMatchObject({
      status: 'sent',
      messageId: board()[0]!.ts,
      attempts: 2,
    });
  });
});
