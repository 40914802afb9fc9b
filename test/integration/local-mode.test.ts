/**
 * Local mode without a browser: `startApp` with no Slack credentials loads the demo programme
 * once, keeps data across a restart, serves a page that needs nothing from the internet, and
 * forwards only what a person could type.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { AdjustableClock } from '../../src/domain/clock.js';
import { LOCAL_PEOPLE, LOCAL_TEAM_ID } from '../../src/local/workspace.js';
import { silentLogger } from '../../src/logger.js';
import { createTarget } from '../support/database.js';
import { postToApp } from '../support/signed-requests.js';

const NOW = new Date('2026-11-24T10:00:00Z');
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function newDatabaseUrl(): Promise<string> {
  const { target, drop } = await createTarget();
  cleanup.push(drop);
  return target.provider === 'sqlite' ? `file:${target.file}` : target.url;
}

async function start(databaseUrl: string): Promise<RunningApp> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SCHEDULER_CRON: '0 0 1 1 *',
  });
  expect(config.mode).toBe('local');
  const app = await startApp(config, { clock: new AdjustableClock(NOW), logger: silentLogger });
  cleanup.push(() => forgetPage(app));
  return app;
}

interface PageState {
  now: string;
  messages: { channel: string; ts: string; text: string }[];
}

async function state(app: RunningApp, userId: string): Promise<PageState> {
  return (await (await fetch(`http://127.0.0.1:${app.port}/local/state?user=${userId}`)).json()) as PageState;
}

/** On PostgreSQL the page is kept in ./data; a SQLite test database keeps it in its temp folder. */
async function forgetPage(app: RunningApp): Promise<void> {
  if (app.local?.pageFile) rmSync(app.local.pageFile, { force: true });
}

const post = (app: RunningApp, path: string, body: unknown, type = 'application/json') =>
  fetch(`http://127.0.0.1:${app.port}${path}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: JSON.stringify(body),
  });

describe('local mode', () => {
  it('listens on 127.0.0.1 only, and refuses requests signed with the old fixed secret', async () => {
    const app = await start(await newDatabaseUrl());
    cleanup.push(() => app.stop());
    expect(app.slack.host).toBe('127.0.0.1');
    const body = new URLSearchParams({
      command: '/improve',
      team_id: LOCAL_TEAM_ID,
      user_id: LOCAL_PEOPLE[0]!.id,
      channel_id: 'C0GENERAL1',
      text: 'help',
    }).toString();
    for (const secret of ['local-mode-signing-secret', 'e2e-signing-secret']) {
      const res = await postToApp(`http://127.0.0.1:${app.port}`, body, 'application/x-www-form-urlencoded', {
        signingSecret: secret,
      });
      expect(res.status).toBe(401);
    }
    // The page, which knows this start's secret, still drives the app.
    const sent = await post(app, '/local/command', {
      userId: LOCAL_PEOPLE[1]!.id,
      channelId: 'C0GENERAL1',
      text: '/improve help',
    });
    expect(sent.status).toBe(200);
  });

  it('loads the demo programme on first start only, and keeps what people did across a restart', async () => {
    const url = await newDatabaseUrl();
    const first = await start(url);
    const lead = LOCAL_PEOPLE[1]!;
    const sent = await post(first, '/local/command', {
      userId: lead.id,
      channelId: 'C0GENERAL1',
      text: '/improve update WS1 Two more posts filled this week',
    });
    expect(sent.status).toBe(200);
    await first.slack.idle();
    expect(first.local?.slack.messages.at(-1)?.text).toContain('Two more posts filled this week');
    await first.stop();

    const second = await start(url);
    cleanup.push(() => second.stop());
    const db = second.database.prisma;
    expect(await db.programme.count({ where: { workspaceId: LOCAL_TEAM_ID } })).toBe(1);
    expect(
      await db.update.count({
        where: { workspaceId: LOCAL_TEAM_ID, text: 'Two more posts filled this week' },
      }),
    ).toBe(1);
    const people = await db.person.findMany({
      where: { workspaceId: LOCAL_TEAM_ID },
      orderBy: { platformUserId: 'asc' },
    });
    expect(people.map((p) => p.platformUserId)).toEqual(
      expect.arrayContaining(LOCAL_PEOPLE.map((p) => p.id)),
    );
  });

  it('keeps the page’s messages and its moved clock across a restart, as it keeps the data', async () => {
    const url = await newDatabaseUrl();
    const first = await start(url);
    const lead = LOCAL_PEOPLE[1]!;
    await post(first, '/local/command', {
      userId: lead.id,
      channelId: 'C0GENERAL1',
      text: '/improve update WS1 Two more posts filled this week',
    });
    await first.slack.idle();
    expect((await post(first, '/local/control', { action: 'day' })).status).toBe(200);
    const before = await state(first, lead.id);
    expect(before.now).toBe('2026-11-25T10:00:00.000Z');
    await first.stop();

    const second = await start(url);
    cleanup.push(() => second.stop());
    const after = await state(second, lead.id);
    expect(after.now).toBe('2026-11-25T10:00:00.000Z');
    expect(after.messages).toEqual(before.messages);
    expect(after.messages.map((m) => m.text)).toContainEqual(
      expect.stringContaining('Two more posts filled this week'),
    );
    // New messages come after the kept ones, as in Slack.
    await post(second, '/local/command', {
      userId: lead.id,
      channelId: 'C0GENERAL1',
      text: '/improve update WS1 And a third',
    });
    await second.slack.idle();
    const latest = (await state(second, lead.id)).messages.at(-1)!;
    expect(latest.text).toContain('And a third');
    expect(Number(latest.ts)).toBeGreaterThan(Math.max(...before.messages.map((m) => Number(m.ts))));
  });

  it('says why Run reminders now sends nothing on a weekend, rather than that nothing was due', async () => {
    const app = await start(await newDatabaseUrl());
    cleanup.push(() => app.stop());
    for (let day = 0; day < 4; day += 1) await post(app, '/local/control', { action: 'day' });
    const sent = app.local!.slack.messages.length;
    const answer = await post(app, '/local/control', { action: 'reminders' });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { said: string }).said).toBe(
      'Saturday 28 November 2026 is not a working day, so no reminders go out. Move the clock forward a day.',
    );
    expect(app.local!.slack.messages.length).toBe(sent);
  });

  it('serves the page, and the page refers to nothing on the internet', async () => {
    const app = await start(await newDatabaseUrl());
    cleanup.push(() => app.stop());
    const page = await fetch(`http://127.0.0.1:${app.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/local/static/app.js');
    const web = new URL('../../src/local/web/', import.meta.url);
    for (const name of readdirSync(web)) {
      const text = readFileSync(new URL(name, web), 'utf8');
      expect(text, name).not.toMatch(
        /(src|href)=["']?(https?:)?\/\/|url\(\s*["']?(https?:)?\/\/|@import|from\s+["'](https?:)?\/\//,
      );
    }
    for (const stray of [
      '/local/static/%2e%2e%2flocal-mode.ts',
      '/local/static/routes.ts',
      '/local/nothing',
    ]) {
      expect((await fetch(`http://127.0.0.1:${app.port}${stray}`)).status, stray).toBe(404);
    }
  });

  it('forwards only the bot’s own command, only as a person of the workspace, and only as JSON', async () => {
    const app = await start(await newDatabaseUrl());
    cleanup.push(() => app.stop());
    const someone = LOCAL_PEOPLE[0]!.id;
    const other = await post(app, '/local/command', {
      userId: someone,
      channelId: 'C0GENERAL1',
      text: '/remind me tomorrow',
    });
    expect(other.status).toBe(400);
    expect(((await other.json()) as { error: string }).error).toContain('/remind is not a command here');
    const stranger = await post(app, '/local/command', {
      userId: 'U0NOBODY',
      channelId: 'C0GENERAL1',
      text: '/improve help',
    });
    expect(stranger.status).toBe(400);
    const form = await post(
      app,
      '/local/command',
      { userId: someone, channelId: 'C0GENERAL1', text: '/improve help' },
      'text/plain',
    );
    expect(form.status).toBe(415);
    expect(app.local?.slack.calls).toEqual([]);
  });
});
