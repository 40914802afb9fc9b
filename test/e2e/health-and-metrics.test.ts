/**
 * The operations endpoints of the real app: /livez says the process is up, /readyz that the
 * database answers, its migrations are applied and the scheduler runs (and fails while the
 * database is unreachable, when /livez does not), /healthz answers as before, and /metrics counts
 * what a scripted session through the real Bolt app did.
 */
import { renameSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { silentLogger } from '../../src/logger.js';
import { createTarget } from '../support/database.js';
import { DIGEST_METHODS } from '../support/digest.js';
import { DEFAULT_METHODS, type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster } from '../support/reminders.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
};

/** The real app's configuration on a test database, talking to the Slack stand-in. */
function appConfig(
  target: Awaited<ReturnType<typeof createTarget>>['target'],
  slack: SlackWebApi,
  more: Record<string, string>,
) {
  return loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-health',
    SLACK_SIGNING_SECRET: 'health-signing-secret',
    SLACK_BOT_USER_ID: slack.bot.userId,
    SLACK_BOT_ID: slack.bot.botId,
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: target.provider === 'sqlite' ? `file:${target.file}` : target.url,
    PORT: '0',
    ...more,
  });
}

describe('/livez, /readyz and /healthz', () => {
  it('readiness fails while the database is unreachable and recovers; liveness stays up', async () => {
    const { target, drop } = await createTarget();
    cleanups.push(drop);
    const slack: SlackWebApi = await createSlackWebApi({ strict: true, allowedMethods: [] });
    cleanups.push(() => slack.close());
    const config = appConfig(target, slack, { SCHEDULER_ENABLED: 'true' });
    const app: RunningApp = await startApp(config, { logger: silentLogger });
    let stopped = false;
    cleanups.push(async () => {
      if (!stopped) await app.stop();
    });
    const base = `http://127.0.0.1:${app.port}`;

    expect(await get(`${base}/livez`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get(`${base}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok', migrations: 'ok', scheduler: 'running' },
    });
    expect(await get(`${base}/healthz`)).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } });

    const restore = await makeUnreachable(target);
    const down = await get(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'unavailable',
      migrations: 'not checked: database unreachable',
    });
    expect(down.body.database).toMatch(/^unreachable: /);
    expect(await get(`${base}/livez`)).toEqual({ status: 200, body: { status: 'ok' } });

    await restore();
    expect((await get(`${base}/readyz`)).status).toBe(200);

    // A stopping replica's scheduler is no longer running: it is taken out of rotation.
    await app.scheduler!.stop();
    expect(await get(`${base}/readyz`)).toEqual({
      status: 503,
      body: { status: 'unavailable', database: 'ok', migrations: 'ok', scheduler: 'not running' },
    });
    await app.stop();
    stopped = true;
    expect(slack.unexpected).toEqual([]);
  });
});

describe('METRICS_TOKEN', () => {
  it('with a token set, /metrics answers 401 to a scrape without it or with a wrong one, and the counts to one bearing it; the probes stay open', async () => {
    const { target, drop } = await createTarget();
    cleanups.push(drop);
    const slack: SlackWebApi = await createSlackWebApi({ strict: true, allowedMethods: [] });
    cleanups.push(() => slack.close());
    const token = 'b7c0f2a9d4e6b1c3a5f7e9d2c4b6a8f0';
    const config = appConfig(target, slack, { SCHEDULER_ENABLED: 'false', METRICS_TOKEN: token });
    const app: RunningApp = await startApp(config, { logger: silentLogger });
    cleanups.push(() => app.stop());
    const metrics = `http://127.0.0.1:${app.port}/metrics`;

    const bare = await fetch(metrics);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await bare.text()).toContain('METRICS_TOKEN');
    const wrong = await fetch(metrics, { headers: { authorization: `Bearer ${token.slice(0, -1)}x` } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('improvement_bot_');

    const right = await fetch(metrics, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('improvement_bot_command_duration_seconds');
    // Probes carry no token: an orchestrator's checks keep working.
    expect((await fetch(`http://127.0.0.1:${app.port}/livez`)).status).toBe(200);
    expect(slack.unexpected).toEqual([]);
  });

  it('a token too short to be safe stops start-up with a line naming METRICS_TOKEN', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN.*must be at least 16 characters/,
    );
  });
});

/**
 * SQLite: the folder holding the database file is moved away (a volume gone). PostgreSQL: the
 * database stops accepting connections and the app's are ended. Returns how to undo it.
 */
async function makeUnreachable(
  target: Awaited<ReturnType<typeof createTarget>>['target'],
): Promise<() => Promise<void>> {
  if (target.provider === 'sqlite') {
    const dir = dirname(target.file);
    renameSync(dir, `${dir}-away`);
    return async () => renameSync(`${dir}-away`, dir);
  }
  const name = new URL(target.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  return async () => {
    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
    await admin.end();
  };
}

/** The value of one series in Prometheus text, e.g. series(text, 'x_total', { outcome: 'ok' }). */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.length === have.length && wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  let e: E2E;
  afterEach(async () => {
    expect(e.slack.unexpected).toEqual([]);
    await e.close();
  });

  it('counts commands by name and outcome, digests, reminders, Slack errors, 429s and queue depth', async () => {
    e = await startE2E({ metrics: true, methods: [...new Set([...DEFAULT_METHODS, ...DIGEST_METHODS])] });
    await seedProgramme(e.t.deps);
    roster(e, everyone());
    await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-09', text: 'Recruit four social workers' });
    at(e, '2026-11-23 09:05');
    const scrape = async () => {
      const res = await fetch(`${e.url}/metrics`);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return res.text();
    };

    expect(series(await scrape(), 'improvement_bot_digests_total', { outcome: 'posted' })).toBe(0);

    e.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const refusedBySlack = await e.command('digest send', U.admin);
    expect(refusedBySlack.reply).toContain('The digest could not be posted');
    expect(series(await scrape(), 'improvement_bot_queue_depth', { queue: 'digests' })).toBe(1);
    expect((await e.command('digest send', U.admin)).reply).toContain("Posted this week's digest");

    expect(
      (await e.command('update WS1 amber Re-audit shows 22% out of timescale', U.lead)).posts,
    ).toHaveLength(1);
    await e.command('update WS1 amberr Re-audit shows 22% out of timescale', U.lead);
    await e.command('udpate WS1 hello', U.lead);
    await e.command('status', U.member);
    e.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    expect((await e.command('update WS1 Agency staff down to 12', U.lead)).posts).toHaveLength(1);

    const before = dmsTo(e, U.owner).length;
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(dmsTo(e, U.owner).length).toBe(before + 1);

    const text = await scrape();
    const commands = (command: string, outcome: string) =>
      series(text, 'improvement_bot_command_duration_seconds_count', { command, outcome });
    expect(commands('update', 'ok')).toBe(2);
    expect(commands('update', 'refused')).toBe(1);
    expect(commands('unknown', 'refused')).toBe(1);
    expect(commands('status', 'ok')).toBe(1);
    expect(commands('digest send', 'ok')).toBe(2);
    expect(commands('update', 'error')).toBeUndefined();
    // Every command took under 5 s: all are in the 5 s bucket.
    expect(
      series(text, 'improvement_bot_command_duration_seconds_bucket', {
        command: 'update',
        outcome: 'ok',
        le: '5',
      }),
    ).toBe(2);
    expect(series(text, 'improvement_bot_digests_total', { outcome: 'failed' })).toBe(1);
    expect(series(text, 'improvement_bot_digests_total', { outcome: 'posted' })).toBe(1);
    expect(series(text, 'improvement_bot_digests_total', { outcome: 'late' })).toBe(0);
    // The owner's reminder and the lead's escalation (the action is 14 days overdue).
    expect(series(text, 'improvement_bot_reminders_total', { outcome: 'sent' })).toBe(2);
    expect(series(text, 'improvement_bot_reminders_total', { outcome: 'failed' })).toBe(0);
    expect(
      series(text, 'improvement_bot_slack_api_errors_total', {
        method: 'chat.postMessage',
        error: 'not_in_channel',
      }),
    ).toBe(1);
    expect(series(text, 'improvement_bot_slack_rate_limited_total', { method: 'chat.postMessage' })).toBe(1);
    expect(series(text, 'improvement_bot_queue_depth', { queue: 'digests' })).toBe(0);
    expect(series(text, 'improvement_bot_queue_depth', { queue: 'reminders' })).toBe(0);
    expect(text).toContain('improvement_bot_process_resident_memory_bytes');
  });
});
