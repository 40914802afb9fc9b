import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSlackWebApi,
  type SlackWebApi,
  type SlackWebApiOptions,
} from '../../src/local/slack-web-api.js';

const LEAD = 'U0LEAD0001';
const OWNER = 'U0OWNER001';
const LEFT = 'U0LEFT0001';
const BOARD = 'C0BOARD001';
const NOW = new Date('2026-11-23T10:00:00Z');

let slack: SlackWebApi | undefined;

afterEach(async () => {
  const unexpected = slack?.unexpected ?? [];
  await slack?.close();
  slack = undefined;
  expect(unexpected).toEqual([]);
});

async function start(options: SlackWebApiOptions = {}): Promise<{ api: SlackWebApi; web: webApi.WebClient }> {
  slack = await createSlackWebApi({
    clock: () => NOW,
    users: [
      { id: LEAD, name: 'lead', realName: 'Workstream Lead' },
      { id: OWNER, name: 'owner' },
      { id: LEFT, name: 'left', deleted: true },
    ],
    channels: [
      { id: BOARD, name: 'improvement-board' },
      { id: 'C0OLD00001', name: 'old-board', isArchived: true },
      { id: 'C0PRIVATE1', name: 'private', isMember: false },
    ],
    ...options,
  });
  const web = new webApi.WebClient('xoxb-local-test', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
  return { api: slack, web };
}

describe('messages', () => {
  it('posts to a user as a DM, decodes blocks and metadata, and issues increasing ts', async () => {
    const { api, web } = await start();
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Red*: caseloads' } }];
    const first = await web.chat.postMessage({
      channel: LEAD,
      text: 'RAG changed',
      blocks,
      metadata: { event_type: 'rag_changed', event_payload: { workstream: 'Workforce' } },
    });
    const second = await web.chat.postMessage({ channel: BOARD, text: 'Digest' });
    const opened = await web.conversations.open({ users: LEAD });

    expect(first.channel).toBe(api.dmChannelFor(LEAD));
    expect(opened.channel?.id).toBe(first.channel);
    expect(first.message).toMatchObject({ text: 'RAG changed', blocks, bot_id: api.bot.botId });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(api.messages[0]).toMatchObject({
      channel: first.channel,
      user: api.bot.userId,
      blocks,
      metadata: { event_type: 'rag_changed' },
    });
  });

  it('answers the errors Slack gives for bad channels', async () => {
    const { web } = await start();
    const post = (channel: string) => web.chat.postMessage({ channel, text: 'x' });
    await expect(post('C0NOPE0001')).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(post('C0OLD00001')).rejects.toMatchObject({ data: { error: 'is_archived' } });
    await expect(post('C0PRIVATE1')).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });

  it('lists history newest first with paging, windows and metadata, leaving out ephemerals and replies', async () => {
    const { web } = await start();
    const posted = [];
    for (const text of ['one', 'two', 'three']) {
      posted.push(
        await web.chat.postMessage({
          channel: BOARD,
          text,
          metadata: { event_type: 'e', event_payload: {} },
        }),
      );
    }
    await web.chat.postMessage({ channel: BOARD, text: 'reply', thread_ts: posted[0]?.ts ?? '' });
    await web.chat.postEphemeral({ channel: BOARD, user: LEAD, text: 'just for you' });

    const page1 = await web.conversations.history({ channel: BOARD, limit: 2 });
    expect(page1.messages?.map((m) => m.text)).toEqual(['three', 'two']);
    expect(page1.messages?.[0]?.metadata).toBeUndefined();
    const page2 = await web.conversations.history({
      channel: BOARD,
      limit: 2,
      cursor: page1.response_metadata?.next_cursor ?? '',
      include_all_metadata: true,
    });
    expect(page2.messages?.map((m) => m.text)).toEqual(['one']);
    expect(page2.messages?.[0]).toMatchObject({ reply_count: 1, metadata: { event_type: 'e' } });
    expect(page2.has_more).toBe(false);
    const windowed = await web.conversations.history({ channel: BOARD, oldest: posted[0]?.ts ?? '' });
    expect(windowed.messages?.map((m) => m.text)).toEqual(['three', 'two']);

    const thread = await web.conversations.replies({ channel: BOARD, ts: posted[0]?.ts ?? '' });
    expect(thread.messages?.map((m) => m.text)).toEqual(['one', 'reply']);
  });

  it('stores ephemerals for one user, and edits and deletes the bot’s messages', async () => {
    const { api, web } = await start();
    const ephemeral = await web.chat.postEphemeral({ channel: BOARD, user: OWNER, text: 'Reminder' });
    expect(api.messages[0]).toMatchObject({ ts: ephemeral.message_ts, ephemeralFor: OWNER });

    const posted = await web.chat.postMessage({ channel: BOARD, text: 'Amber' });
    const ts = posted.ts ?? '';
    const updated = await web.chat.update({ channel: BOARD, ts, text: 'Red' });
    expect(updated.message).toMatchObject({ text: 'Red', edited: { ts: api.messages[1]?.editedAt } });
    await web.chat.delete({ channel: BOARD, ts });
    expect(api.messages.map((m) => m.text)).toEqual(['Reminder']);
    await expect(web.chat.update({ channel: BOARD, ts, text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('refuses a post with neither text nor blocks, and counts it as unexpected', async () => {
    const { api, web } = await start();
    await expect(web.chat.postMessage({ channel: BOARD } as never)).rejects.toMatchObject({
      data: { error: 'no_text' },
    });
    expect(api.unexpected.map((call) => call.error)).toEqual(['no_text']);
    api.unexpected.length = 0;
  });
});

describe('users, workspace and auth', () => {
  it('describes known and deactivated users and refuses unknown ones', async () => {
    const { web } = await start();
    const lead = await web.users.info({ user: LEAD });
    expect(lead.user).toMatchObject({
      id: LEAD,
      real_name: 'Workstream Lead',
      deleted: false,
      tz: 'Europe/London',
    });
    expect(lead.user?.tz_offset).toBe(0);
    expect((await web.users.info({ user: LEFT })).user?.deleted).toBe(true);
    await expect(web.users.info({ user: 'U0NOBODY01' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });

  it('answers auth.test and team.info for the bot', async () => {
    const { api, web } = await start();
    expect(await web.auth.test()).toMatchObject({
      user_id: api.bot.userId,
      bot_id: api.bot.botId,
      team_id: api.teamId,
    });
    expect((await web.team.info()).team).toMatchObject({ id: api.teamId });
  });

  it('refuses a call with no token as not_authed', async () => {
    const { api } = await start();
    const reply = await fetch(`${api.apiUrl}auth.test`, { method: 'POST' });
    expect(await reply.json()).toEqual({ ok: false, error: 'not_authed' });
    expect(api.unexpected.map((call) => call.error)).toEqual(['not_authed']);
    api.unexpected.length = 0;
  });

  it('accepts JSON bodies and lets a test script a method', async () => {
    const { api } = await start();
    api.handle('reminders.add', (args) => ({ ok: true, reminder: { id: 'Rm1', text: args.text } }));
    const reply = await fetch(`${api.apiUrl}reminders.add`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-local-test', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Board papers due' }),
    });
    expect(await reply.json()).toEqual({ ok: true, reminder: { id: 'Rm1', text: 'Board papers due' } });
    expect(api.calls[0]).toMatchObject({ method: 'reminders.add', args: { text: 'Board papers due' } });
  });
});
