/**
 * The Slack side of the benchmark, on its own thread: the two Web API stand-ins (ours, bare) and
 * the signed-request client. The apps under test keep the main thread's event loop to themselves,
 * as they would in production, where Slack is on another machine.
 */
import { Agent } from 'node:http';
import { createSlackWebApi, type SlackWebApi } from '../src/local/slack-web-api.js';
import { TEAM } from '../test/support/factories.js';
import { sendSlashCommand } from '../test/support/signed-requests.js';
import { SIGNING_SECRET } from './apps.js';
import { type LoadResult, runLoad, VisibleAnswers } from './load.js';
import { scenarioNamed } from './scenarios.js';
import { type RunRequest, serveRuns } from './worker-protocol.js';

const METHODS = [
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'views.open',
  'users.info',
  'conversations.open',
];

async function run(slack: SlackWebApi, request: RunRequest): Promise<LoadResult> {
  const scenario = scenarioNamed(request.scenario);
  // A new connection per request. Over keep-alive connections a saturated Node server serves some
  // connections far more often than others: even a trivial server's p99 at 64 was ~450 ms beside a
  // p50 of 25 ms, for the bare app as much as ours. New connections are served in arrival order.
  const agent = new Agent({ keepAlive: false, maxSockets: request.concurrency });
  const answers = new VisibleAnswers(slack);
  try {
    const result = await runLoad({
      concurrency: request.concurrency,
      requests: request.requests,
      answers,
      send: (id) =>
        sendSlashCommand(request.appUrl, {
          signingSecret: SIGNING_SECRET,
          agent,
          teamId: request.teamId ?? TEAM,
          userId: scenario.userId,
          channelId: 'C0BENCH',
          text: scenario.text(id),
          responseUrl: slack.responseUrl(id, { channel: 'C0BENCH', user: scenario.userId }),
        }),
    });
    if (result.outcomes[scenario.expect] !== request.requests)
      throw new Error(
        `${scenario.name}: expected ${request.requests} × ${scenario.expect}, got ${JSON.stringify(result.outcomes)}`,
      );
    if (slack.unexpected.length > 0)
      throw new Error(`unexpected Slack calls: ${slack.unexpected.map((c) => c.method).join(', ')}`);
    // What the stand-in keeps grows with every request; a long run need not keep it.
    for (const list of [slack.messages, slack.responses, slack.calls] as unknown[][]) list.length = 0;
    return result;
  } finally {
    answers.dispose();
    agent.destroy();
  }
}

async function main(): Promise<void> {
  serveRuns(
    {
      ours: await createSlackWebApi({ strict: true, allowedMethods: METHODS, teamId: TEAM }),
      bare: await createSlackWebApi({ strict: true, allowedMethods: METHODS }),
    },
    { url: (slack) => slack.apiUrl, close: (slack) => slack.close(), run },
  );
}

void main();
