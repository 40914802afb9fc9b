/**
 * The same commands over Socket Mode (councils that cannot open an inbound port): the real app
 * started by startSlack connects to a local WebSocket stand-in, which delivers envelopes as Slack
 * does and records the acks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackRuntime, startSlack } from '../../src/chat/slack/app.js';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { DEFAULT_METHODS } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { slashCommandPayload, viewSubmissionPayload } from '../support/slack-payloads.js';
import { createSocketModeStandIn, type SocketModeStandIn } from '../support/socket-mode-standin.js';

let t: TestDatabase;
let slack: SlackWebApi;
let socket: SocketModeStandIn;
let runtime: SlackRuntime;

beforeEach(async () => {
  t = await testDatabase();
  await seedProgramme(t.deps);
  slack = await createSlackWebApi({
    strict: true,
    teamId: TEAM,
    allowedMethods: ['apps.connections.open', ...DEFAULT_METHODS],
  });
  socket = await createSocketModeStandIn({ webApi: slack });
  runtime = await startSlack({
    config: {
      mode: 'socket',
      port: 0,
      slack: {
        botToken: 'xoxb-socket',
        signingSecret: 'unused-in-socket-mode',
        appToken: 'xapp-1-A0APP00001-socket',
        apiUrl: slack.apiUrl,
        command: '/improve',
        botId: slack.bot.botId,
        botUserId: slack.bot.userId,
      },
    },
    deps: t.deps,
    health: async () => ({ ok: true, detail: { database: 'ok' } }),
  });
});

afterEach(async () => {
  expect(slack.unexpected).toEqual([]);
  // The app first: a Socket Mode client that loses its server tries to reconnect.
  await runtime.stop();
  await socket.close();
  await slack.close();
  await t.close();
});

/** Sends `/improve <text>` through the socket; resolves once the app has finished answering. */
async function command(text: string, userId: string, channelId = 'C0GENERAL') {
  const tag = `socket-${text.slice(0, 20)}`;
  const ack = await socket.sendSlashCommand(
    slashCommandPayload({
      teamId: TEAM,
      userId,
      channelId,
      text,
      responseUrl: slack.responseUrl(tag, { channel: channelId, user: userId }),
    }),
  );
  await runtime.idle();
  return { ack, replies: slack.responses.filter((r) => r.tag === tag) };
}

describe('Socket Mode', () => {
  it('connects through apps.connections.open', () => {
    expect(socket.connectionCount()).toBe(1);
    expect(slack.calls.map((c) => c.method)).toEqual(['apps.connections.open']);
  });

  it('posts an update with a RAG change in the channel and stores both', async () => {
    const { ack } = await command('update WS1 amber Recruitment behind plan: 6 of 12 posts filled', U.lead);
    expect(ack.envelope_id).toEqual(expect.any(String));
    const posts = slack.messages.filter((m) => !m.ephemeralFor);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.channel).toBe('C0GENERAL');
    expect(JSON.stringify(posts[0]!.blocks)).toContain('Recruitment behind plan: 6 of 12 posts filled');
    expect(JSON.stringify(posts[0]!.blocks)).toContain('*Amber*');
    const stored = await t.deps.db.update.findFirstOrThrow();
    expect(stored).toMatchObject({
      text: 'Recruitment behind plan: 6 of 12 posts filled',
      rag: 'amber',
      messageId: posts[0]!.ts,
    });
    expect((await t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } })).rag).toBe('amber');
  });

  it('refuses bad input with the usual ephemeral reply and writes nothing', async () => {
    const { replies } = await command('update WS9 green Nothing to see', U.lead);
    expect(String(replies[0]?.body.text)).toContain('find a workstream called \u201cWS9\u201d');
    expect(String(replies[0]?.body.text)).toContain('/improve update WS9 green Nothing to see');
    expect(await t.deps.db.update.count()).toBe(0);
  });

  it('opens the update modal, and its submission through the socket posts and stores the update', async () => {
    await command('update', U.lead, 'C0BOARD');
    const opened = slack.views.at(-1)!;
    expect(opened.view.callback_id).toBe('update_modal');
    const ack = await socket.sendInteractive(
      viewSubmissionPayload({
        teamId: TEAM,
        userId: U.lead,
        callbackId: 'update_modal',
        privateMetadata: String(opened.view.private_metadata),
        values: {
          workstream: { workstream: { type: 'static_select', selected_option: { value: 'WS2' } } },
          rag: { rag: { type: 'static_select', selected_option: null } },
          text: { text: { type: 'plain_text_input', value: 'Practice standards published' } },
        },
      }),
    );
    await runtime.idle();
    // U.lead leads WS1, not WS2: the refusal shows in the modal and nothing is stored.
    expect(ack.payload).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(ack.payload)).toContain('Only the lead of WS2');
    expect(await t.deps.db.update.count()).toBe(0);

    const accepted = await socket.sendInteractive(
      viewSubmissionPayload({
        teamId: TEAM,
        userId: U.lead,
        callbackId: 'update_modal',
        privateMetadata: String(opened.view.private_metadata),
        values: {
          workstream: { workstream: { type: 'static_select', selected_option: { value: 'WS1' } } },
          rag: { rag: { type: 'static_select', selected_option: { value: 'green' } } },
          text: { text: { type: 'plain_text_input', value: 'All twelve posts filled' } },
        },
      }),
    );
    await runtime.idle();
    expect(accepted.payload ?? {}).toEqual({});
    const post = slack.messages.filter((m) => !m.ephemeralFor).at(-1)!;
    expect(post.channel).toBe('C0BOARD');
    expect(post.text).toContain('All twelve posts filled');
    expect(await t.deps.db.update.findFirstOrThrow()).toMatchObject({
      text: 'All twelve posts filled',
      rag: 'green',
      channelId: 'C0BOARD',
    });
  });
});
