/**
 * A replica in a separate process: runs one tick of the weekly digest job (or, with
 * CHILD_JOB=reminders, of the reminder job) against DATABASE_URL and the Slack stand-in at
 * SLACK_API_URL, as of DIGEST_NOW. Fault tests kill it for real:
 * - DIGEST_PAUSE_AT=claimed|posted: at that point print `CHECKPOINT <point>` and wait forever,
 *   so the parent can SIGKILL it there (between claim and post, between post and record; for
 *   reminders only `posted`: after Slack accepted the first reminder, before the ledger has it);
 * - TEAMS_TOKEN_URL, CLIENT_ID, CLIENT_SECRET: Teams workspaces post through the Bot Connector
 *   stand-in (the token endpoint and the conversations' stored serviceUrl are the stand-in's);
 * - DIGEST_WAIT_FOR_GO=1: print `READY` before claiming and wait for a `go` line on stdin, so
 *   two replicas can be released into the same instant.
 * Prints `DONE` when the tick has finished.
 */

import { createInterface } from 'node:readline';
import { LogLevel } from '@slack/web-api';
import type { Chat } from '../../src/chat/chat.js';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { slackWebClient } from '../../src/chat/slack/web-client.js';
import { createSendQueue } from '../../src/chat/teams/send-queue.js';
import { teamsChat } from '../../src/chat/teams/teams-chat.js';
import { botTokenSource } from '../../src/chat/teams/token.js';
import { openDatabase } from '../../src/db/client.js';
import { parseDatabaseUrl } from '../../src/db/database-url.js';
import { AdjustableClock } from '../../src/domain/clock.js';
import { silentLogger } from '../../src/logger.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import { reminderJob } from '../../src/scheduler/reminder-job.js';
import type { DigestCheckpoint } from '../../src/services/post-weekly-digest.js';

const env = process.env;
const parsed = parseDatabaseUrl(env.DATABASE_URL ?? '');
if (!parsed.ok) throw new Error(`DATABASE_URL ${parsed.message}`);
const now = new Date(env.DIGEST_NOW ?? '');
const database = await openDatabase(parsed.target, { poolSize: 2 });
const clock = new AdjustableClock(now);
const chat = slackChat(slackWebClient('xoxb-child', env.SLACK_API_URL, LogLevel.ERROR));
const base = { db: database.prisma, sql: database.sql, clock, logger: silentLogger };
const teams = env.TEAMS_TOKEN_URL
  ? {
      clientId: env.CLIENT_ID ?? '',
      token: botTokenSource(
        {
          clientId: env.CLIENT_ID ?? '',
          clientSecret: env.CLIENT_SECRET ?? '',
          tokenUrl: env.TEAMS_TOKEN_URL,
          openIdMetadataUrl: '',
        },
        clock,
      ),
      queue: createSendQueue({ sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: Math.random }),
    }
  : undefined;
const deps = {
  ...base,
  chat,
  ...(teams
    ? {
        teamsChat: (tenantId: string) =>
          teamsChat({ ...teams, deps: base, tenantId, defaultServiceUrl: env.TEAMS_TOKEN_URL ?? '' }),
      }
    : {}),
  instanceId: env.INSTANCE_ID ?? `child-${process.pid}`,
};

const stdinLines = createInterface({ input: process.stdin });
const go = () =>
  new Promise<void>((resolve) => stdinLines.on('line', (line) => line.trim() === 'go' && resolve()));
const forever = () => new Promise<void>(() => {});

async function checkpoint(point: DigestCheckpoint): Promise<void> {
  if (point === 'due' && env.DIGEST_WAIT_FOR_GO === '1') {
    const released = go();
    process.stdout.write('READY\n');
    await released;
  }
  if (point === env.DIGEST_PAUSE_AT) {
    process.stdout.write(`CHECKPOINT ${point}\n`);
    await forever();
  }
}

/**
 * The reminder job has no checkpoints of its own: the point that matters, a message Slack has
 * accepted that the ledger does not know of yet, is right after a post returns.
 */
function pausedAfterPosts(inner: Chat): Chat {
  const posted = async <T>(result: T) => {
    await checkpoint('posted');
    return result;
  };
  // The sweep sends several at once; here one post goes at a time, so "the first reminder Slack
  // accepted" is one message and the kill leaves the others unsent, as the tests expect.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(send: () => Promise<T>): Promise<T> => {
    const turn = queue.then(send).then(posted);
    queue = turn.catch(() => {});
    return turn;
  };
  return {
    ...inner,
    dm: (userId, message, options) => inTurn(() => inner.dm(userId, message, options)),
    post: (channelId, message, options) => inTurn(() => inner.post(channelId, message, options)),
  };
}

const job =
  env.CHILD_JOB === 'reminders'
    ? reminderJob({ ...deps, chat: pausedAfterPosts(chat) }, { minIntervalMs: 0 })
    : digestJob(deps, { checkpoint });
await job.run(now);
process.stdout.write('DONE\n');
stdinLines.close();
await database.close();
