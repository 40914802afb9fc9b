/**
 * One real app process (startApp) installed in several Slack workspaces through the real OAuth
 * pages, against the strict Slack stand-in, which records the token every Web API call carried.
 * Logs are captured at debug level, so a test can prove no token is ever written to them.
 */
import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { AdjustableClock } from '../../src/domain/clock.js';
import { createSlackWebApi, type FakeInstallTeam, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { createLogger } from '../../src/logger.js';
import { createTarget } from './database.js';
import { DEFAULT_METHODS, SIGNING_SECRET } from './e2e.js';

export const CLIENT = { clientId: '1111111111.2222222222', clientSecret: 'oauth-client-secret-for-tests' };
export const INSTALLATION_KEY = randomBytes(32).toString('base64');

export interface Page {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface OAuthHarness {
  app: RunningApp;
  slack: SlackWebApi;
  url: string;
  clock: AdjustableClock;
  /** Everything the app logged, one JSON line each. */
  logs: string[];
  /** A browser's GET, with an optional Cookie header. */
  browse(path: string, cookie?: string): Promise<Page>;
  /** The whole install as a browser does it: the install page, approval in Slack, the redirect. */
  install(team: FakeInstallTeam): Promise<Page>;
  /** Tokens of the stand-in's recorded calls of `method`, in order. */
  tokensOf(method: string): string[];
  close(): Promise<void>;
}

export async function oauthHarness(options: { now: Date; methods?: string[] }): Promise<OAuthHarness> {
  const { target, drop } = await createTarget();
  const clock = new AdjustableClock(options.now);
  const slack = await createSlackWebApi({
    strict: true,
    allowedMethods: [...(options.methods ?? DEFAULT_METHODS), 'oauth.v2.access', 'auth.test'],
    clock: () => clock.now(),
  });
  const logs: string[] = [];
  const config = loadConfig({
    DATABASE_URL: target.provider === 'sqlite' ? `file:${target.file}` : target.url,
    PORT: '0',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CLIENT_ID: CLIENT.clientId,
    SLACK_CLIENT_SECRET: CLIENT.clientSecret,
    SLACK_STATE_SECRET: randomBytes(24).toString('hex'),
    SLACK_INSTALLATION_KEY: INSTALLATION_KEY,
    SLACK_API_URL: slack.apiUrl,
    // Jobs run when the test ticks, never on their own.
    SCHEDULER_CRON: '0 0 1 1 *',
    INSTANCE_ID: 'oauth-test',
  });
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const app = await startApp(config, { clock, logger });
  const url = `http://127.0.0.1:${app.port}`;
  await app.scheduler?.tick();
  const browse = (path: string, cookie?: string) => browserGet(`${url}${path}`, cookie);
  return {
    app,
    slack,
    url,
    clock,
    logs,
    browse,
    async install(team) {
      const page = await browse('/slack/install');
      const state = /[?&;]state=([^&"]+)/.exec(page.text.replaceAll('&amp;', '&'))?.[1];
      const cookie = String(page.headers['set-cookie'] ?? '').split(';')[0];
      const code = slack.approveInstall(team, CLIENT);
      return browse(`/slack/oauth_redirect?code=${code}&state=${state}`, cookie);
    },
    tokensOf: (method) => slack.calls.filter((c) => c.method === method).map((c) => c.token ?? ''),
    async close() {
      await app.stop();
      await slack.close();
      await drop();
    },
  };
}

function browserGet(url: string, cookie?: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    get(url, { headers: cookie ? { cookie } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}
