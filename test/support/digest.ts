/**
 * The weekly digest job against a real database and the strict Slack stand-in, with one clock
 * for both (so message timestamps match the schedule). Tests tick the job; nothing sleeps.
 */

import { LogLevel } from '@slack/web-api';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { slackWebClient } from '../../src/chat/slack/web-client.js';
import {
  createSlackWebApi,
  type FakeChannel,
  type SlackWebApi,
  type StoredMessage,
} from '../../src/local/slack-web-api.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import type { Job } from '../../src/scheduler/index.js';
import type { ChatDeps } from '../../src/services/deps.js';
import { type TestDatabase, testDatabase } from './database.js';
import { BOARD_CHANNEL, TEAM } from './factories.js';

/** What the digest may call: post, look in the channel and thread, open DMs to admins. */
export const DIGEST_METHODS = [
  'chat.postMessage',
  'conversations.history',
  'conversations.replies',
  'conversations.open',
];

export interface DigestHarness {
  t: TestDatabase;
  slack: SlackWebApi;
  deps: ChatDeps;
  job: Job;
  tick(): Promise<void>;
  /** The week's main digest messages in the board channel (thread replies excluded). */
  digests(channel?: string): StoredMessage[];
  close(): Promise<void>;
}

export async function digestHarness(options: {
  now: Date;
  channels?: FakeChannel[];
  instanceId?: string;
}): Promise<DigestHarness> {
  const t = await testDatabase({ now: options.now });
  const slack = await createSlackWebApi({
    strict: true,
    allowedMethods: DIGEST_METHODS,
    teamId: TEAM,
    clock: () => t.clock.now(),
    channels: options.channels ?? [{ id: BOARD_CHANNEL, name: 'improvement-board' }],
  });
  const deps: ChatDeps = {
    ...t.deps,
    chat: slackChat(slackWebClient('xoxb-test', slack.apiUrl, LogLevel.ERROR)),
    instanceId: options.instanceId ?? 'replica-b',
  };
  const job = digestJob(deps);
  return {
    t,
    slack,
    deps,
    job,
    tick: () => job.run(t.clock.now()),
    digests: (channel = BOARD_CHANNEL) => digestMessages(slack, channel),
    async close() {
      await slack.close();
      await t.close();
    },
  };
}

export function digestMessages(slack: SlackWebApi, channel = BOARD_CHANNEL): StoredMessage[] {
  return slack.messages.filter(
    (m) => m.channel === channel && m.metadata?.event_type === 'improvement_digest',
  );
}

/** Everything the board sees of one digest: the main message's blocks and its thread's, as text. */
export function digestText(slack: SlackWebApi, main: StoredMessage): string {
  const thread = slack.messages.filter((m) => m.thread_ts === main.ts && m.ts !== main.ts);
  return [main, ...thread].map((m) => JSON.stringify(m.blocks)).join('\n');
}

/** Instant of a Slack ts. */
export const tsDate = (ts: string): Date => new Date(Math.round(Number(ts) * 1000));
