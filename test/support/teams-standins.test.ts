/**
 * The Teams stand-in against a bare Teams SDK app: its tokens pass the SDK's real JWT validation,
 * forged ones do not, the bot's replies reach its Bot Connector, and it reports what it did not expect.
 */
import { createServer, type Server } from 'node:http';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsStandin, type TeamsStandin } from './teams-standins.js';

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const SECRET = 'teams-client-secret';
let standin: TeamsStandin;
/** A second stand-in: the same key (made once per file), published under its own kid only. */
let other: TeamsStandin;
let server: Server;
let url: string;

beforeAll(async () => {
  standin = await startTeamsStandin({ clientId: CLIENT_ID, clientSecret: SECRET });
  other = await startTeamsStandin({ clientId: CLIENT_ID, clientSecret: SECRET });
  const web = express();
  const app = new App({
    clientId: CLIENT_ID,
    clientSecret: '',
    // As the app will: the bot's own token from the token endpoint, by client credentials.
    token: async () => {
      const res = await fetch(standin.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: CLIENT_ID,
          client_secret: SECRET,
        }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
    cloud: withOverrides(PUBLIC, { openIdMetadataUrl: standin.openIdMetadataUrl }),
    dangerouslyAllowUnauthenticatedRequests: false,
    httpServerAdapter: new ExpressAdapter(web),
    logger: silent as never,
  });
  app.on('message', async (ctx) => {
    await ctx.send(`echo: ${ctx.activity.text}`);
  });
  await app.initialize();
  server = createServer(web);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/messages`;
});
afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await standin?.close();
  await other?.close();
});

const silent: Record<string, unknown> = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  log() {},
  trace() {},
};
silent.child = () => silent;

function activity(text: string) {
  return {
    type: 'message',
    id: 'incoming-1',
    text,
    channelId: 'msteams',
    serviceUrl: `${standin.url}/`,
    from: { id: '29:user', aadObjectId: '9f1c2d3e-0000-4000-8000-000000000001', name: 'Sam Patel' },
    recipient: { id: `28:${CLIENT_ID}`, name: 'improvement-bot' },
    conversation: { id: 'a:personal-chat', conversationType: 'personal', tenantId: 'tenant-1' },
  };
}

const post = (body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('Teams stand-in', () => {
  it('a signed activity is accepted and the reply reaches the connector at its serviceUrl', async () => {
    const res = await post(activity('help'), standin.sign());
    expect(res.status).toBe(200);
    const [call] = await standin.waitForCalls(1);
    expect(call).toMatchObject({
      method: 'POST',
      conversationId: 'a:personal-chat',
      authorization: expect.stringMatching(/^Bearer ey[\w-]+\.[\w-]+\.[\w-]+$/),
      body: { type: 'message', text: 'echo: help' },
    });
    standin.assertExpected();
  });

  it.each([
    ['no token', () => undefined],
    ['a wrong audience', () => standin.sign({ aud: '99999999-2222-4333-8444-555555555555' })],
    ['a key the metadata does not publish', () => standin.signWithStrangeKey()],
    // Only its kid differs: the stand-ins share one key, so this is refused by the kid alone.
    ["another stand-in's kid", () => other.sign({ serviceurl: `${standin.url}/` })],
    ['another issuer', () => standin.sign({ iss: 'https://evil.example' })],
    ['an expired token', () => standin.sign({ exp: Math.floor(Date.now() / 1000) - 3600 })],
  ])('%s is refused with 401 and nothing is sent', async (_, token) => {
    const before = standin.calls.length;
    expect((await post(activity('help'), token())).status).toBe(401);
    expect(standin.calls.length).toBe(before);
  });

  it('reports a request it did not expect, and answers a throttled call once with 429', async () => {
    await fetch(`${standin.url}/v3/teams/x`);
    expect(() => standin.assertExpected()).toThrow(/GET \/v3\/teams\/x/);
    standin.unexpected.length = 0;
    standin.rateLimitNext(2);
    const first = await fetch(`${standin.url}/v3/conversations/c/activities`, { method: 'POST', body: '{}' });
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '2']);
    const second = await fetch(`${standin.url}/v3/conversations/c/activities`, {
      method: 'POST',
      body: '{}',
    });
    expect(second.status).toBe(200);
  });

  it('gives a bot token only for the right client id and secret', async () => {
    const ask = (secret: string) =>
      fetch(standin.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: CLIENT_ID,
          client_secret: secret,
        }),
      });
    const good = (await (await ask(SECRET)).json()) as { access_token: string };
    expect(good.access_token.split('.')).toHaveLength(3);
    expect((await ask('wrong-secret')).status).toBe(401);
    standin.unexpected.length = 0;
  });
});
