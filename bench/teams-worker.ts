/**
 * Microsoft's side of the Teams benchmark, in its own process: two Teams stand-ins (ours, bare),
 * each with its OpenID metadata, signing key, token endpoint and fake Bot Connector, and the
 * client that sends them signed activities. The apps under test keep the parent's event loop to
 * themselves, as load-worker.ts does for Slack.
 */
import { Agent, request } from 'node:http';
import { startTeamsStandin, type TeamsStandin } from '../test/support/teams-standins.js';
import { type LoadResult, type Outcome, runLoad } from './load.js';
import {
  BOT,
  CLIENT_ID,
  CLIENT_SECRET,
  chatOf,
  idOfChat,
  LEAD,
  TENANT,
  teamsScenarioNamed,
} from './teams-scenarios.js';
import { type RunRequest, serveRuns } from './worker-protocol.js';

/**
 * Resolves a request's wait when its reply reaches the fake Bot Connector, posted in the request's
 * own 1:1 chat: 'post' when it carries the request's `[id]` (the update as stored and shown),
 * 'refusal' when it starts with the warning sign, else 'reply'.
 */
class ConnectorAnswers {
  private readonly waiting = new Map<string, (outcome: Outcome) => void>();
  private readonly unsubscribe: () => void;

  constructor(standin: TeamsStandin) {
    this.unsubscribe = standin.onCall((call) => {
      if (call.method !== 'POST' || !call.conversationId || call.activityId) return;
      const id = idOfChat(call.conversationId);
      const resolve = id && this.waiting.get(id);
      if (!id || !resolve) return;
      this.waiting.delete(id);
      const text = String(call.body.text ?? '');
      if (text.startsWith('⚠️')) resolve('refusal');
      else resolve(JSON.stringify(call.body).includes(`[${id}]`) ? 'post' : 'reply');
    });
  }

  wait(id: string, timeoutMs = 15_000): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`no reply for ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
    });
  }

  dispose(): void {
    this.unsubscribe();
  }
}

/** POSTs one activity to the app's /api/messages; resolves with the status once the body is read. */
function postActivity(
  url: string,
  token: string,
  activity: object,
  agent: Agent,
): Promise<{ status: number }> {
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(standin: TeamsStandin, request: RunRequest): Promise<LoadResult> {
  const scenario = teamsScenarioNamed(request.scenario);
  // A new connection per request, as the Slack bench does (load-worker.ts says why).
  const agent = new Agent({ keepAlive: false, maxSockets: request.concurrency });
  const answers = new ConnectorAnswers(standin);
  // One token for the run, as the Bot Framework reuses its token: the app still validates it each time.
  const token = standin.sign();
  try {
    const result = await runLoad({
      concurrency: request.concurrency,
      requests: request.requests,
      answers,
      send: (id) =>
        postActivity(
          `${request.appUrl}/api/messages`,
          token,
          {
            type: 'message',
            id: `activity-${id}`,
            text: scenario.text(id),
            channelId: 'msteams',
            serviceUrl: `${standin.url}/`,
            from: LEAD,
            recipient: { id: BOT, name: 'improvement-bot' },
            conversation: { id: chatOf(id), conversationType: 'personal', tenantId: TENANT },
            channelData: { tenant: { id: TENANT } },
          },
          agent,
        ),
    });
    if (result.outcomes[scenario.expect] !== request.requests)
      throw new Error(
        `${scenario.name}: expected ${request.requests} × ${scenario.expect}, got ${JSON.stringify(result.outcomes)}`,
      );
    standin.assertExpected();
    // What the stand-in keeps grows with every request; a long run need not keep it.
    standin.calls.length = 0;
    return result;
  } finally {
    answers.dispose();
    agent.destroy();
  }
}

async function main(): Promise<void> {
  serveRuns(
    {
      ours: await startTeamsStandin({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
      bare: await startTeamsStandin({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    },
    { url: (standin) => standin.url, close: (standin) => standin.close(), run },
  );
}

void main();
