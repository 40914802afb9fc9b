/**
 * `npm start` in its own process, a burst of 50 `/improve update` commands, and SIGKILL once 18
 * of them have been acknowledged. After a restart every acknowledged update is stored exactly
 * once, with its audit row: an ack means the update is already committed. Run on PostgreSQL too.
 */
import { afterEach, expect, it } from 'vitest';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { type AppProcess, startAgainst } from '../support/processes.js';
import { sendSlashCommand } from '../support/signed-requests.js';

const SECRET = 'kill-test-signing-secret';
const BURST = 50;
const KILL_AFTER = 18;

let t: TestDatabase | undefined;
let slack: SlackWebApi | undefined;
const running: AppProcess[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
  await slack?.close();
  await t?.close();
});

async function start(): Promise<{ app: AppProcess; url: string }> {
  const started = startAgainst(t!.target, slack!, {
    SLACK_BOT_TOKEN: 'xoxb-kill',
    SLACK_SIGNING_SECRET: SECRET,
  });
  const { app } = await started;
  running.push(app);
  return started;
}

it('loses no acknowledged update when killed mid-burst, and stores none twice', {
  timeout: 120_000,
}, async () => {
  t = await testDatabase();
  await seedProgramme(t.deps);
  slack = await createSlackWebApi({ strict: false, teamId: TEAM });
  const { app, url } = await start();
  const acked: string[] = [];
  const texts = Array.from({ length: BURST }, (_, i) => `Burst update number ${i + 1} of ${BURST}`);
  await Promise.all(
    texts.map(async (text) => {
      try {
        const res = await sendSlashCommand(url, {
          signingSecret: SECRET,
          teamId: TEAM,
          userId: U.lead,
          channelId: 'C0GENERAL',
          text: `update WS1 ${text}`,
          responseUrl: slack!.responseUrl(),
        });
        if (res.status !== 200) return;
        acked.push(text);
        if (acked.length === KILL_AFTER) app.child.kill('SIGKILL');
      } catch {
        // The connection died with the process: Slack was never told it arrived.
      }
    }),
  );
  expect(await app.exited).toBeNull();
  expect(app.child.signalCode).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
  // A restart finds the same data and serves again.
  const again = await start();
  expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
  const stored = await t.deps.db.update.findMany({ where: { workspaceId: TEAM } });
  const count = (text: string) => stored.filter((u) => u.text === text).length;
  expect(acked.filter((text) => count(text) !== 1)).toEqual([]);
  expect(texts.filter((text) => count(text) > 1)).toEqual([]);
  const audited = await t.deps.db.auditLog.findMany({ where: { workspaceId: TEAM, action: 'update.post' } });
  const auditedIds = new Set(audited.map((a) => a.entityId));
  expect(stored.filter((u) => !auditedIds.has(String(u.id)))).toEqual([]);
});
