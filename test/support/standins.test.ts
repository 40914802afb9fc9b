import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { sendSlashCommand } from './signed-requests.js';
import { blockActionsPayload, slashCommandPayload } from './slack-payloads.js';
import { createSocketModeStandIn, type SocketModeStandIn } from './socket-mode-standin.js';

const SIGNING_SECRET = 'local-signing-secret';
const LEAD = 'U0LEAD0001';
const BOARD_CHANNEL = 'C0BOARD001';

let slack: SlackWebApi | undefined;
let socket: SocketModeStandIn | undefined;
let app: App | undefined;

afterEach(async () => {
  // Stop the app before its servers: a Socket Mode client that loses its server reconnects.
  await app?.stop();
  await socket?.close();
  const unexpected = slack?.unexpected ?? [];
  await slack?.close();
  app = undefined;
  socket = undefined;
  slack = undefined;
  expect(unexpected).toEqual([]);
});

/** A real Bolt app with a `/ping` command that posts to the channel and responds. */
function pingApp(api: SlackWebApi, transport: { socketMode: true } | { socketMode?: false } = {}): App {
  const bolt = new App({
    token: 'xoxb-local-test',
    // With both ids given Bolt never calls auth.test, which offline would crash start-up.
    botId: api.bot.botId,
    botUserId: api.bot.userId,
    signingSecret: SIGNING_SECRET,
    ...(transport.socketMode ? { socketMode: true, appToken: 'xapp-1-A0APP00001-local' } : {}),
    clientOptions: { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } },
    logLevel: LogLevel.ERROR,
  });
  bolt.command('/ping', async ({ ack, client, command, respond }) => {
    await ack();
    await client.chat.postMessage({ channel: command.channel_id, text: `pong for <@${command.user_id}>` });
    await respond({ response_type: 'ephemeral', text: 'Only you can see this pong' });
  });
  return bolt;
}

async function startHttpApp(api: SlackWebApi): Promise<string> {
  app = pingApp(api);
  const server = (await app.start(0)) as { address(): AddressInfo };
  return `http://127.0.0.1:${server.address().port}`;
}

describe('Slack stand-ins driving a real Bolt app over HTTP', () => {
  it('delivers a signed slash command, records the post and the respond() reply', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });
    const appUrl = await startHttpApp(slack);

    const result = await sendSlashCommand(appUrl, {
      signingSecret: SIGNING_SECRET,
      command: '/ping',
      text: '',
      userId: LEAD,
      teamId: slack.teamId,
      channelId: BOARD_CHANNEL,
      responseUrl: slack.responseUrl('ping', { channel: BOARD_CHANNEL, user: LEAD }),
    });

    expect(result.status).toBe(200);
    await slack.waitFor((state) => state.responses.length === 1 && state.messages.length === 2);
    expect(slack.messages[0]).toMatchObject({ channel: BOARD_CHANNEL, text: `pong for <@${LEAD}>` });
    expect(slack.messages[1]).toMatchObject({ channel: BOARD_CHANNEL, ephemeralFor: LEAD });
    expect(slack.responses[0]).toMatchObject({
      tag: 'ping',
      body: { response_type: 'ephemeral', text: 'Only you can see this pong' },
    });
  });

  it('answers an unsigned request with 401 and never runs the listener', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });
    const appUrl = await startHttpApp(slack);

    const result = await sendSlashCommand(appUrl, {
      signingSecret: SIGNING_SECRET,
      signed: false,
      command: '/ping',
      userId: LEAD,
      teamId: slack.teamId,
      channelId: BOARD_CHANNEL,
      responseUrl: slack.responseUrl(),
    });

    expect(result.status).toBe(401);
    expect(slack.calls).toEqual([]);
  });

  it('rejects a signature made with the wrong secret', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });
    const appUrl = await startHttpApp(slack);

    const result = await sendSlashCommand(appUrl, {
      signingSecret: 'not-the-secret',
      command: '/ping',
      userId: LEAD,
      teamId: slack.teamId,
      channelId: BOARD_CHANNEL,
      responseUrl: slack.responseUrl(),
    });

    expect(result.status).toBe(401);
  });
});

describe('Web API stand-in strictness and faults', () => {
  function client(api: SlackWebApi, extra: ConstructorParameters<typeof webApi.WebClient>[1] = {}) {
    return new webApi.WebClient('xoxb-local-test', {
      slackApiUrl: api.apiUrl,
      retryConfig: { retries: 0 },
      ...extra,
    });
  }

  it('puts a call to a method outside allowedMethods in unexpected', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });

    await expect(client(slack).chat.delete({ channel: BOARD_CHANNEL, ts: '1.0' })).rejects.toMatchObject({
      data: { ok: false, error: 'unknown_method' },
    });

    expect(slack.unexpected.map((call) => call.method)).toEqual(['chat.delete']);
    slack.unexpected.length = 0; // seen and asserted; afterEach checks nothing else slipped through
  });

  it('answers a rate-limit fault with 429 and Retry-After, which WebClient reads', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 7 });

    const raw = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-local-test', 'content-type': 'application/json' },
      body: JSON.stringify({ channel: BOARD_CHANNEL, text: 'hello' }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });

    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 3 });
    const limited = client(slack, { rejectRateLimitedCalls: true });
    await expect(limited.chat.postMessage({ channel: BOARD_CHANNEL, text: 'hello' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 3,
    });
    // The fault is used up: the next post goes through.
    await client(slack).chat.postMessage({ channel: BOARD_CHANNEL, text: 'hello again' });
    expect(slack.messages.map((message) => message.text)).toEqual(['hello again']);
  });

  it('repeats a fault `times` times and supports 5xx and ok:false errors', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });
    slack.failNext('chat.postMessage', { status: 500, times: 2 });
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const web = client(slack);
    const post = () => web.chat.postMessage({ channel: BOARD_CHANNEL, text: 'update' });

    await expect(post()).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500 });
    await expect(post()).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500 });
    await expect(post()).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(post()).resolves.toMatchObject({ ok: true, channel: BOARD_CHANNEL });
    expect(slack.calls.map((call) => call.status)).toEqual([500, 500, 200, 200]);
  });
});

describe('Socket Mode stand-in', () => {
  it('lets a Socket Mode Bolt app start, receive a command and ack it', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });
    socket = await createSocketModeStandIn({ webApi: slack });
    app = pingApp(slack, { socketMode: true });
    await app.start();

    const ack = await socket.sendSlashCommand(
      slashCommandPayload({
        command: '/ping',
        userId: LEAD,
        teamId: slack.teamId,
        channelId: BOARD_CHANNEL,
        responseUrl: slack.responseUrl('socket-ping', { channel: BOARD_CHANNEL, user: LEAD }),
      }),
    );

    expect(ack.envelope_id).toEqual(expect.any(String));
    await slack.waitFor((state) => state.responses.length === 1 && state.messages.length === 2);
    expect(slack.messages[0]).toMatchObject({ channel: BOARD_CHANNEL, text: `pong for <@${LEAD}>` });
    expect(slack.calls.map((call) => call.method)).toEqual(['apps.connections.open', 'chat.postMessage']);
  });

  it('delivers an interactive payload and returns the ack', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });
    socket = await createSocketModeStandIn({ webApi: slack });
    app = pingApp(slack, { socketMode: true });
    app.action('mark_done', async ({ ack, respond }) => {
      await ack();
      await respond({ replace_original: true, text: 'Done' });
    });
    await app.start();

    const ack = await socket.sendInteractive(
      blockActionsPayload({
        teamId: slack.teamId,
        userId: LEAD,
        actionId: 'mark_done',
        blockId: 'action_7',
        value: '7',
        channelId: BOARD_CHANNEL,
        responseUrl: slack.responseUrl('done'),
      }),
    );

    expect(ack.payload).toEqual({});
    await slack.waitFor((state) => state.responses.length === 1);
    expect(slack.responses[0]?.body).toEqual({ replace_original: true, text: 'Done' });
  });

  it('makes a Socket Mode app fail to start, instead of retrying forever, when none is attached', async () => {
    slack = await createSlackWebApi({ allowedMethods: ['chat.postMessage'] });
    const unstarted = pingApp(slack, { socketMode: true });

    await expect(unstarted.start()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    expect(slack.unexpected.map((call) => call.method)).toEqual(['apps.connections.open']);
    slack.unexpected.length = 0;
  });
});
