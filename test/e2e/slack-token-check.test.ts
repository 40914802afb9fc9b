/**
 * `auth.test` at start, against the strict Slack stand-in: a token Slack refuses stops `npm start`
 * with one clear line and writes no database; a good token gives Bolt the real bot ids; Slack out
 * of reach still starts, with a warning; configured bot ids mean no call at all.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { createLogger } from '../../src/logger.js';
import { type AppProcess, spawnApp } from '../support/processes.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function standIn(methods: string[]): Promise<SlackWebApi> {
  const slack = await createSlackWebApi({ strict: true, allowedMethods: methods });
  cleanups.push(() => slack.close());
  return slack;
}

function env(apiUrl: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'token-check-'));
  return {
    file: join(dir, 'bot.db'),
    vars: {
      SLACK_BOT_TOKEN: 'xoxb-token-check',
      SLACK_SIGNING_SECRET: 'token-check-secret',
      SLACK_API_URL: apiUrl,
      DATABASE_URL: `file:${join(dir, 'bot.db')}`,
      PORT: '0',
      SCHEDULER_ENABLED: 'false',
      ...extra,
    },
  };
}

function capturedLogger() {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  return { logger: createLogger('info', sink), lines: () => out.split('\n').filter(Boolean) };
}

describe('the Slack token is checked at start', () => {
  it('a token Slack refuses stops npm start with one line, and no database is created', async () => {
    const slack = await standIn(['auth.test']);
    slack.failNext('auth.test', { error: 'invalid_auth' });
    const { file, vars } = env(slack.apiUrl);
    const app: AppProcess = spawnApp(vars);
    cleanups.push(() => void app.child.kill('SIGKILL'));
    expect(await app.exited).toBe(1);
    expect(app.output().trim().split('\n')).toEqual([
      'Slack refused SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth Token again from OAuth & Permissions, or reinstall the app.',
    ]);
    expect(existsSync(file)).toBe(false);
    expect(slack.unexpected).toEqual([]);
  });

  it("a good token gives Bolt the bot's real ids", async () => {
    const slack = await standIn(['auth.test']);
    const { logger, lines } = capturedLogger();
    const app = await startApp(loadConfig(env(slack.apiUrl).vars), { logger });
    cleanups.push(() => app.stop());
    const checked = lines().find((l) => l.includes('Slack token checked'));
    expect(JSON.parse(checked!)).toMatchObject({ botId: slack.bot.botId, botUserId: slack.bot.userId });
    expect(lines().some((l) => l.includes('placeholder'))).toBe(false);
    expect(slack.unexpected).toEqual([]);
  });

  it('Slack out of reach: starts anyway, with a warning', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const { logger, lines } = capturedLogger();
    const app = await startApp(loadConfig(env(`http://127.0.0.1:${closedPort}/api/`).vars), { logger });
    cleanups.push(() => app.stop());
    const warning = lines().find((l) => l.includes('did not answer auth.test'));
    expect(JSON.parse(warning!)).toMatchObject({ level: 40 });
    expect(lines().some((l) => l.includes('improvement-bot is running'))).toBe(true);
  });

  it('with SLACK_BOT_ID and SLACK_BOT_USER_ID set, Slack is not called', async () => {
    const slack = await standIn([]);
    const { logger } = capturedLogger();
    const app = await startApp(
      loadConfig(env(slack.apiUrl, { SLACK_BOT_ID: 'B0SET00001', SLACK_BOT_USER_ID: 'U0SET00001' }).vars),
      { logger },
    );
    cleanups.push(() => app.stop());
    expect(slack.calls).toEqual([]);
    expect(slack.unexpected).toEqual([]);
  });
});
