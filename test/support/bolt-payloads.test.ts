import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackWebApi, type SlackWebApi } from '../../src/local/slack-web-api.js';
import { sendBlockAction, sendEvent, sendViewSubmission } from './signed-requests.js';

/** Proves Bolt accepts and routes each payload shape our helpers build. */

const SIGNING_SECRET = 'local-signing-secret';
const LEAD = 'U0LEAD0001';
const BOARD = 'C0BOARD001';

let slack: SlackWebApi | undefined;
let app: App | undefined;

afterEach(async () => {
  await app?.stop();
  const unexpected = slack?.unexpected ?? [];
  await slack?.close();
  app = undefined;
  slack = undefined;
  expect(unexpected).toEqual([]);
});

async function startApp(register: (bolt: App) => void): Promise<{ api: SlackWebApi; appUrl: string }> {
  const api = await createSlackWebApi({ allowedMethods: ['chat.postMessage', 'views.publish'] });
  slack = api;
  app = new App({
    token: 'xoxb-local-test',
    botId: api.bot.botId,
    botUserId: api.bot.userId,
    signingSecret: SIGNING_SECRET,
    clientOptions: { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } },
    logLevel: LogLevel.ERROR,
  });
  register(app);
  const server = (await app.start(0)) as { address(): AddressInfo };
  return { api, appUrl: `http://127.0.0.1:${server.address().port}` };
}

describe('payloads sent over HTTP reach Bolt listeners', () => {
  it('routes a button click to app.action and lets it respond', async () => {
    const { api, appUrl } = await startApp((bolt) => {
      bolt.action('mark_done', async ({ ack, action, respond }) => {
        await ack();
        await respond({ replace_original: true, text: `Done: ${'value' in action ? action.value : ''}` });
      });
    });
    const result = await sendBlockAction(appUrl, {
      signingSecret: SIGNING_SECRET,
      teamId: api.teamId,
      userId: LEAD,
      actionId: 'mark_done',
      blockId: 'action_42',
      value: '42',
      channelId: BOARD,
      message: { ts: '1795000000.000100', text: 'Action due' },
      responseUrl: api.responseUrl('click'),
    });
    expect(result.status).toBe(200);
    await api.waitFor((state) => state.responses.length === 1);
    expect(api.responses[0]?.body).toEqual({ replace_original: true, text: 'Done: 42' });
  });

  it('routes a modal submission to app.view with its values and private metadata', async () => {
    const { api, appUrl } = await startApp((bolt) => {
      bolt.view('post_update', async ({ ack, view, body, client }) => {
        await ack();
        const update = view.state.values.update_block?.update_input?.value ?? '';
        await client.chat.postMessage({
          channel: BOARD,
          text: `${body.user.id} ${view.private_metadata}: ${update}`,
        });
      });
    });
    const result = await sendViewSubmission(appUrl, {
      signingSecret: SIGNING_SECRET,
      teamId: api.teamId,
      userId: LEAD,
      callbackId: 'post_update',
      privateMetadata: 'workstream-3',
      values: { update_block: { update_input: { type: 'plain_text_input', value: 'Caseloads down to 24' } } },
    });
    expect(result.status).toBe(200);
    await api.waitFor((state) => state.messages.length === 1);
    expect(api.messages[0]?.text).toBe(`${LEAD} workstream-3: Caseloads down to 24`);
  });

  it('routes app_home_opened to app.event, which publishes the home tab', async () => {
    const { api, appUrl } = await startApp((bolt) => {
      bolt.event('app_home_opened', async ({ event, client }) => {
        await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
      });
    });
    const result = await sendEvent(appUrl, {
      signingSecret: SIGNING_SECRET,
      teamId: api.teamId,
      event: { type: 'app_home_opened', user: LEAD, channel: api.dmChannelFor(LEAD), tab: 'home' },
    });
    expect(result.status).toBe(200);
    await api.waitFor((state) => state.homeView(LEAD) !== undefined);
  });
});
