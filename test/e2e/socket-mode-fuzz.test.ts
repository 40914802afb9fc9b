/**
 * Hostile Socket Mode envelopes at the real app (`npm start`'s entry point, in its own process,
 * connected to the local WebSocket stand-in): `payload: null`, `event: null`, wrong envelope
 * types and a few hundred seeded mutations. Before the guard, one `payload: null` events
 * envelope was an unhandled rejection that ended the process. Now the process never exits,
 * every envelope that kept its id is acknowledged, and a real command still works throughout.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { hostileEnvelopes } from '../support/hostile-envelopes.js';
import { type AppProcess, startAgainst } from '../support/processes.js';
import { slashCommandPayload } from '../support/slack-payloads.js';
import { createSocketModeStandIn, type SocketModeStandIn } from '../support/socket-mode-standin.js';

const SEED = 20261202;
const COUNT = 400;

let t: TestDatabase;
let slack: SlackWebApi;
let socket: SocketModeStandIn;
let app: AppProcess;
let url: string;
beforeAll(async () => {
  t = await testDatabase();
  await seedProgramme(t.deps);
  slack = await createSlackWebApi({ strict: false, teamId: TEAM });
  socket = await createSocketModeStandIn({ webApi: slack });
  ({ app, url } = await startAgainst(t.target, slack, {
    SLACK_BOT_TOKEN: 'xoxb-socket-fuzz',
    SLACK_APP_TOKEN: 'xapp-1-A0APP00001-socket-fuzz',
  }));
}, 60_000);
afterAll(async () => {
  app?.child.kill('SIGKILL');
  await socket?.close();
  await slack?.close();
  await t?.close();
});

/** A real `/improve status` through the socket: acknowledged, and answered by response_url. */
async function statusStillAnswers(tag: string): Promise<void> {
  const before = slack.responses.filter((r) => r.tag === tag).length;
  const payload = slashCommandPayload({
    teamId: TEAM,
    userId: U.lead,
    channelId: 'C0GENERAL',
    text: 'status',
    responseUrl: slack.responseUrl(tag),
  });
  const ack = await socket.sendRaw(
    JSON.stringify({ envelope_id: tag, type: 'slash_commands', payload, accepts_response_payload: true }),
    tag,
    10_000,
  );
  expect(ack?.envelope_id).toBe(tag);
  await expect
    .poll(() => slack.responses.filter((r) => r.tag === tag).length, { timeout: 10_000 })
    .toBe(before + 1);
}

it(`survives ${COUNT} hostile Socket Mode envelopes`, { timeout: 180_000 }, async () => {
  const envelopes = hostileEnvelopes(SEED, COUNT, {
    teamId: TEAM,
    userId: U.lead,
    responseUrl: slack.responseUrl('fuzz'),
  });
  const unanswered: string[] = [];
  for (const [i, envelope] of envelopes.entries()) {
    const ack = await socket.sendRaw(envelope.text, envelope.envelopeId, 10_000).catch(() => undefined);
    if (envelope.envelopeId && ack === undefined) unanswered.push(`#${i} ${envelope.label}`);
    if (i % 50 === 0) await statusStillAnswers(`alive-${i}`);
  }
  expect(unanswered).toEqual([]);
  await statusStillAnswers('alive-end');
  expect(app.child.exitCode).toBeNull();
  expect(app.child.signalCode).toBeNull();
  expect(socket.connectionCount()).toBe(1);
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  expect(app.output()).not.toMatch(/Unhandled|uncaught|TypeError/i);
  expect(await t.deps.db.programme.count({ where: { workspaceId: '' } })).toBe(0);
});
