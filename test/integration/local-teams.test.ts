/**
 * Local mode's Teams tenant without a browser: the real Teams app is given the local Bot
 * Connector's addresses, checks every activity's token against the local key (so an unsigned or
 * strangely signed one is refused), has its own copy of the demo, and keeps its chats across a
 * restart, when it is installed again with that start's serviceUrl.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { AdjustableClock } from '../../src/domain/clock.js';
import { LOCAL_TENANT_ID, TEAMS_PEOPLE } from '../../src/local/teams/workspace.js';
import { silentLogger } from '../../src/logger.js';
import { createTarget } from '../support/database.js';
import { startTeamsStandin } from '../support/teams-standins.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const PRIYA = TEAMS_PEOPLE[0]!;
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function start(databaseUrl: string): Promise<RunningApp> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SCHEDULER_CRON: '0 0 1 1 *',
  });
  const app = await startApp(config, { clock: new AdjustableClock(NOW), logger: silentLogger });
  cleanup.push(async () => {
    await app.stop();
    if (app.local?.pageFile) rmSync(app.local.pageFile, { force: true });
  });
  return app;
}

async function newDatabaseUrl(): Promise<string> {
  const { target, drop } = await createTarget();
  cleanup.push(drop);
  return target.provider === 'sqlite' ? `file:${target.file}` : target.url;
}

const say = (app: RunningApp, text: string) =>
  fetch(`http://127.0.0.1:${app.port}/local/teams/message`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: PRIYA.localId, conversationId: PRIYA.personalChat, text }),
  });

describe('local mode’s Teams tenant', () => {
  it('answers in the 1:1 chat through the local Bot Connector, from its own Teams copy of the demo', async () => {
    const app = await start(await newDatabaseUrl());
    expect((await say(app, 'improve status')).status).toBe(200);
    await app.teams!.idle();
    const chat = app.local!.teams!.history.activities.filter((a) => a.conversationId === PRIYA.personalChat);
    expect(chat.map((a) => a.from.name)).toEqual([PRIYA.name, 'improvement-bot']);
    expect(JSON.stringify(chat[1]!.attachments)).toContain('RAG summary');
    const workspace = await app.deps.db.workspace.findUniqueOrThrow({ where: { id: LOCAL_TENANT_ID } });
    expect(workspace.platform).toBe('teams');
    const references = await app.deps.db.teamsConversation.findMany({
      where: { workspaceId: LOCAL_TENANT_ID },
    });
    expect(references.filter((r) => r.kind === 'personal')).toHaveLength(TEAMS_PEOPLE.length);
    expect(references.filter((r) => r.kind === 'channel')).toHaveLength(2);
    expect(app.local!.teams!.unexpected).toEqual([]);
  });

  it('refuses an activity with no token, or one signed by a key the local metadata does not publish', async () => {
    const app = await start(await newDatabaseUrl());
    const stranger = await startTeamsStandin({
      clientId: app.local!.config.teams!.clientId,
      clientSecret: 'x',
    });
    cleanup.push(() => stranger.close());
    const activity = {
      type: 'message',
      text: 'improve status',
      channelId: 'msteams',
      serviceUrl: app.local!.teams!.serviceUrl,
      from: { id: PRIYA.teamsId, aadObjectId: PRIYA.aadObjectId },
      recipient: { id: `28:${app.local!.config.teams!.clientId}` },
      conversation: { id: PRIYA.personalChat, conversationType: 'personal', tenantId: LOCAL_TENANT_ID },
    };
    for (const authorization of [undefined, `Bearer ${stranger.sign({ serviceurl: activity.serviceUrl })}`]) {
      const res = await fetch(`http://127.0.0.1:${app.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBe(401);
    }
    expect(app.local!.teams!.history.activities).toEqual([]);
  });

  it('keeps the Teams chats across a restart, and installs again with the new serviceUrl', async () => {
    const url = await newDatabaseUrl();
    const first = await start(url);
    await say(first, 'improve status');
    await first.teams!.idle();
    await first.stop();
    const second = await start(url);
    expect(second.local!.teams!.history.activities.map((a) => a.from.name)).toEqual([
      PRIYA.name,
      'improvement-bot',
    ]);
    await say(second, 'improve help');
    await second.teams!.idle();
    const reference = await second.deps.db.teamsConversation.findFirstOrThrow({
      where: { workspaceId: LOCAL_TENANT_ID, kind: 'personal', key: PRIYA.aadObjectId },
    });
    expect(reference.serviceUrl).toBe(second.local!.teams!.serviceUrl);
    expect(await second.deps.db.programme.count({ where: { workspaceId: LOCAL_TENANT_ID } })).toBe(1);
  });
});
