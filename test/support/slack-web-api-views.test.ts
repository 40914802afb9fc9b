import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';

const LEAD = 'U0LEAD0001';
const BOARD = 'C0BOARD001';

let slack: SlackWebApi | undefined;

afterEach(async () => {
  const unexpected = slack?.unexpected ?? [];
  await slack?.close();
  slack = undefined;
  expect(unexpected).toEqual([]);
});

async function start(): Promise<{ api: SlackWebApi; web: webApi.WebClient }> {
  slack = await createSlackWebApi();
  const web = new webApi.WebClient('xoxb-local-test', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
  return { api: slack, web };
}

const modal = (title: string) => ({
  type: 'modal' as const,
  callback_id: 'post_update',
  private_metadata: '{"workstream":1}',
  title: { type: 'plain_text' as const, text: title },
  blocks: [],
});

describe('views', () => {
  it('opens a modal for the user a trigger was minted for, and updates it by id with hash checks', async () => {
    const { api, web } = await start();
    const opened = await web.views.open({ trigger_id: api.triggerId(LEAD), view: modal('Post an update') });
    expect(opened.view).toMatchObject({ callback_id: 'post_update', private_metadata: '{"workstream":1}' });
    expect(api.views[0]).toMatchObject({ type: 'modal', userId: LEAD });

    const id = opened.view?.id ?? '';
    await expect(web.views.update({ view_id: id, hash: 'stale', view: modal('x') })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    await web.views.update({ view_id: id, hash: opened.view?.hash ?? '', view: modal('Saved') });
    expect(api.views[0]?.view).toMatchObject({ title: { text: 'Saved' } });
  });

  it('keeps one App Home per user, replaced on each publish', async () => {
    const { api, web } = await start();
    const home = (text: string) => ({
      type: 'home' as const,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    });
    const first = await web.views.publish({ user_id: LEAD, view: home('3 actions due') });
    const second = await web.views.publish({ user_id: LEAD, view: home('1 action due') });
    expect(second.view?.id).toBe(first.view?.id);
    expect(api.views).toHaveLength(1);
    expect(api.homeView(LEAD)?.view).toMatchObject({ blocks: [{ text: { text: '1 action due' } }] });
  });
});

describe('response URLs', () => {
  async function respond(url: string, body: unknown): Promise<number> {
    const reply = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return reply.status;
  }

  it('records bodies and mirrors in_channel, ephemeral, replace and delete on the messages', async () => {
    const { api, web } = await start();
    const posted = await web.chat.postMessage({ channel: BOARD, text: 'Action due: board papers' });
    const url = api.responseUrl('action', { channel: BOARD, user: LEAD, messageTs: posted.ts ?? '' });

    expect(await respond(url, { response_type: 'in_channel', text: 'Lead marked it done' })).toBe(200);
    expect(await respond(url, { text: 'Saved' })).toBe(200);
    expect(await respond(url, { replace_original: true, text: 'Done ✅' })).toBe(200);
    expect(api.messages.map((m) => [m.text, m.ephemeralFor])).toEqual([
      ['Done ✅', undefined],
      ['Lead marked it done', undefined],
      ['Saved', LEAD],
    ]);
    expect(await respond(url, { delete_original: true })).toBe(200);
    expect(api.messages.map((m) => m.text)).toEqual(['Lead marked it done', 'Saved']);
    expect(api.responses.map((r) => r.tag)).toEqual(['action', 'action', 'action', 'action']);
  });

  it('allows five uses, like Slack, and can be made to fail', async () => {
    const { api } = await start();
    const url = api.responseUrl();
    api.failNext('response_url', { status: 500 });
    expect(await respond(url, { text: 'x' })).toBe(500);
    for (let use = 0; use < 5; use += 1) expect(await respond(url, { text: `use ${use}` })).toBe(200);
    expect(await respond(url, { text: 'sixth' })).toBe(404);
  });
});

describe('waiting', () => {
  it('resolves waitFor on the change that satisfies it and rejects on timeout', async () => {
    const { api, web } = await start();
    const seen: number[] = [];
    const unsubscribe = api.onChange(() => seen.push(api.calls.length));
    const waiting = api.waitFor((state) => state.messages.some((m) => m.text === 'second'));
    await web.chat.postMessage({ channel: BOARD, text: 'first' });
    await web.chat.postMessage({ channel: BOARD, text: 'second' });
    await waiting;
    unsubscribe();
    await web.chat.postMessage({ channel: BOARD, text: 'third' });
    expect(seen).toEqual([1, 2]);
    await expect(api.waitFor(() => false, 20)).rejects.toThrow(/waitFor timed out after 20 ms; last calls: /);
  });
});
