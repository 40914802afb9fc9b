/**
 * 2,200 signed, structurally hostile bodies of every Slack payload type, sent to the real app
 * (`npm start`'s entry point, in its own process) over HTTP: it never exits, every answer is a
 * 2xx or 4xx with no stack trace in it, and /healthz answers all the way through. Seeded, so a
 * failure names the case and replays the same way.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { hostileBodies } from '../support/hostile-bodies.js';
import { type AppProcess, startAgainst } from '../support/processes.js';
import { postToApp } from '../support/signed-requests.js';

const SECRET = 'fuzz-signing-secret';
const SEED = 20261202;
const COUNT = 2200;
const IN_FLIGHT = 16;
const STACK = /\n\s+at \S|TypeError|ReferenceError|RangeError|node_modules|\.ts:\d+/;

let t: TestDatabase;
let slack: SlackWebApi;
let app: AppProcess;
let url: string;
beforeAll(async () => {
  t = await testDatabase();
  await seedProgramme(t.deps);
  slack = await createSlackWebApi({ strict: false, teamId: TEAM });
  ({ app, url } = await startAgainst(t.target, slack, {
    SLACK_BOT_TOKEN: 'xoxb-fuzz',
    SLACK_SIGNING_SECRET: SECRET,
  }));
}, 60_000);
afterAll(async () => {
  app?.child.kill('SIGKILL');
  await slack?.close();
  await t?.close();
});

/** Generous: the machine running the tests may be shared and busy; a hung or dead app never answers. */
const healthy = async () => (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) })).status;

it(`survives ${COUNT} hostile signed bodies`, { timeout: 120_000 }, async () => {
  const bodies = hostileBodies(SEED, COUNT, {
    teamId: TEAM,
    userId: U.lead,
    responseUrl: slack.responseUrl('fuzz'),
  });
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  async function worker(): Promise<void> {
    while (next < bodies.length) {
      const i = next++;
      const { body, contentType, label } = bodies[i]!;
      const res = await postToApp(url, body, contentType, { signingSecret: SECRET });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status < 200 || res.status >= 500 || STACK.test(res.text))
        failures.push(`#${i} ${label}: ${res.status} ${res.text.slice(0, 200)}`);
      if (i % 100 === 0) expect(await healthy(), `/healthz after #${i}`).toBe(200);
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  expect(failures).toEqual([]);
  // Both kinds are well represented: the mutations that Bolt and the listeners still had to face,
  // and the ones the guard refused.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(COUNT / 10);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 10);
  expect(app.child.exitCode).toBeNull();
  expect(app.child.signalCode).toBeNull();
  expect(await healthy()).toBe(200);
  // The programme is still there and still this workspace's alone: nothing landed in workspace "".
  expect(await t.deps.db.programme.count({ where: { workspaceId: '' } })).toBe(0);
  expect(app.output()).not.toMatch(/Unhandled|uncaught/i);
});
