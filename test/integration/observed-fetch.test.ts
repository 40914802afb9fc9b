/**
 * Every Slack Web API answer is counted on /metrics (observed-fetch.ts), through the real
 * WebClient against the Slack stand-in: the client still reads each answer as Slack sent it, and
 * an installed workspace's own client (OAuth installs) is counted as the app's is.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { plain } from '../../src/chat/message.js';
import { slackWorkspaceChats } from '../../src/chat/slack/oauth/workspace-chats.js';
import { observedFetch } from '../../src/chat/slack/observed-fetch.js';
import { slackWebClient } from '../../src/chat/slack/web-client.js';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { createMetrics } from '../../src/ops/metrics.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeSlack(): Promise<SlackWebApi> {
  const slack = await createSlackWebApi({ strict: true, allowedMethods: ['chat.postMessage'] });
  cleanups.push(() => slack.close());
  return slack;
}

const errorsOn = (text: string, method: string, error: string): number | undefined => {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`improvement_bot_slack_api_errors_total{method="${method}",error="${error}"}`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};

describe('Slack Web API answers on /metrics', () => {
  it('counts a refusal by its error and leaves a success uncounted, the client reading both as sent', async () => {
    const slack = await fakeSlack();
    const metrics = createMetrics();
    const client = slackWebClient('xoxb-test', slack.apiUrl, LogLevel.ERROR, observedFetch(metrics));

    const posted = await client.chat.postMessage({ channel: 'C0BOARD001', text: 'Weekly digest' });
    expect(posted.ok).toBe(true);
    expect(posted.ts).toBe(slack.messages[0]!.ts);
    expect(posted.channel).toBe('C0BOARD001');

    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await expect(client.chat.postMessage({ channel: 'C0BOARD001', text: 'Again' })).rejects.toMatchObject({
      data: { ok: false, error: 'not_in_channel' },
    });

    const text = await metrics.render();
    expect(errorsOn(text, 'chat.postMessage', 'not_in_channel')).toBe(1);
    expect(text).not.toMatch(/improvement_bot_slack_api_errors_total\{[^}]*error="unknown_error"/);
    expect(slack.unexpected).toEqual([]);
  });

  it("counts an installed workspace's answers too (each install's own client)", async () => {
    const slack = await fakeSlack();
    const metrics = createMetrics();
    const chats = slackWorkspaceChats(
      { botToken: async () => 'xoxb-install' },
      slack.apiUrl,
      observedFetch(metrics),
    );
    const chat = (await chats('T0COUNCIL1'))!;

    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(chat.post('C0GONE0001', plain('Reminder'))).rejects.toThrow();
    await chat.post('C0BOARD001', plain('Reminder'));

    expect(errorsOn(await metrics.render(), 'chat.postMessage', 'channel_not_found')).toBe(1);
    expect(slack.messages.map((m) => m.channel)).toEqual(['C0BOARD001']);
  });

  it("posts once when the connection drops in the middle of Slack's answer (no retry of a post Slack made)", async () => {
    let posts = 0;
    const server = createServer((_req, res) => {
      posts += 1;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '200' });
      res.write('{"ok":true,"channel":"C0BOARD001",');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    const metrics = createMetrics();
    const client = slackWebClient('xoxb-test', apiUrl, LogLevel.ERROR, observedFetch(metrics));

    await expect(client.chat.postMessage({ channel: 'C0BOARD001', text: 'Reminder' })).rejects.toThrow();

    expect(posts).toBe(1);
    expect(errorsOn(await metrics.render(), 'chat.postMessage', 'network_error')).toBe(1);
  });

  it('hands back an answer that is not JSON untouched, with its address', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/gzip' }).end(Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin.analytics.getFile`;
    const metrics = createMetrics();

    const response = await observedFetch(metrics)(url, { method: 'POST' });

    expect(response.url).toBe(url);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x1f, 0x8b, 0x08, 0x00]);
    expect(await metrics.render()).not.toContain('improvement_bot_slack_api_errors_total{');
  });

  it('reads a compressed answer, and sends one post after another on one kept-alive connection', async () => {
    let connections = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' })
          .end(gzipSync('{"ok":true,"channel":"C0BOARD001","ts":"1700000000.000100"}'));
      });
    });
    server.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    const client = slackWebClient('xoxb-test', apiUrl, LogLevel.ERROR, observedFetch(createMetrics()));

    for (const text of ['One', 'Two', 'Three']) {
      const posted = await client.chat.postMessage({ channel: 'C0BOARD001', text });
      expect(posted.ts).toBe('1700000000.000100');
    }
    expect(connections).toBe(1);
  });

  it('counts a refused connection as a network error, and the client reports it failed', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const metrics = createMetrics();
    const client = new WebClient('xoxb-test', {
      slackApiUrl: `http://127.0.0.1:${port}/api/`,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 0 },
      fetch: observedFetch(metrics),
    });

    await expect(client.chat.postMessage({ channel: 'C0BOARD001', text: 'Reminder' })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    expect(errorsOn(await metrics.render(), 'chat.postMessage', 'network_error')).toBe(1);
  });
});
