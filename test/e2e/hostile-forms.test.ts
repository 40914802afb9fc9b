/**
 * Form values and payload kinds a forger controls, through the real Bolt app over signed HTTP:
 * a RAG that is not on the list, a "person" that is a link, a date that is not a date, a modal
 * state far larger than any modal, and options requests (block_suggestion) full of nulls. Each is
 * refused politely, or acknowledged and ignored, and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, SIGNING_SECRET, sealedMetadata, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { countRows, type RowCounts } from '../support/row-counts.js';
import { postToApp, sendEvent, sendViewSubmission } from '../support/signed-requests.js';

const FORM = 'application/x-www-form-urlencoded';
const here = sealedMetadata(JSON.stringify({ channelId: 'C0GENERAL' }));

let e: E2E;
let before: RowCounts;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
  before = await countRows(e.t.deps.db);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const errorsOf = (ack: { body: unknown }) => (ack.body as { errors?: Record<string, string> }).errors ?? {};
const nothingWritten = async () => {
  expect(await countRows(e.t.deps.db)).toEqual(before);
  expect(e.slack.messages.filter((m) => !m.ephemeralFor)).toEqual([]);
};

describe('form values from the client', () => {
  it('a RAG that is not on the list, in the silent-workstream form, is refused on its field', async () => {
    const ack = await e.submit({
      userId: U.lead,
      callbackId: 'silence_update',
      privateMetadata: sealedMetadata(JSON.stringify({ workstream: 'WS1', channelId: 'C0GENERAL' })),
      values: { rag: 'option:purple', text: 'Recruitment is on track this week' },
    });
    expect(errorsOf(ack)).toEqual({ rag: 'Choose a RAG from the list, or leave it empty for no change.' });
    await nothingWritten();
    expect((await e.t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } })).rag).not.toBe(
      'purple',
    );
  });

  it('a RAG that is not on the list, in the update form, is refused', async () => {
    const ack = await e.submit({
      userId: U.lead,
      callbackId: 'update_modal',
      privateMetadata: here,
      values: { workstream: 'option:WS1', rag: 'option:purple', text: 'Recruitment is on track' },
    });
    expect(ack.body).toMatchObject({ response_action: 'errors' });
    await nothingWritten();
  });

  it('a "person" that is a link, in the action form, counts as nobody chosen', async () => {
    const ack = await e.submit({
      userId: U.lead,
      callbackId: 'action_add_modal',
      privateMetadata: here,
      values: {
        workstream: 'option:WS1',
        owner: 'user:U0OWNER> <https://evil.example|Click here',
        due: 'date:2099-03-31',
        text: 'Run the caseload audit',
      },
    });
    expect(errorsOf(ack)).toEqual({ owner: 'Choose who owns the action.' });
    await nothingWritten();
  });

  it('a date that is not a date, in the action form, counts as no date', async () => {
    const ack = await e.submit({
      userId: U.lead,
      callbackId: 'action_add_modal',
      privateMetadata: here,
      values: {
        workstream: 'option:WS1',
        owner: `user:${U.owner}`,
        due: 'date:2099-03-31<script>',
        text: 'Run the caseload audit',
      },
    });
    expect(errorsOf(ack)).toEqual({ due: 'Choose the due date.' });
    await nothingWritten();
  });

  it('a modal state with 5,000 inputs is refused before it is read', async () => {
    const values: Record<string, Record<string, Record<string, unknown>>> = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [
        `b${i}`,
        { [`a${i}`]: { type: 'plain_text_input', value: 'x' } },
      ]),
    );
    values.text = { text: { type: 'plain_text_input', value: 'Recruitment is on track' } };
    values.workstream = { workstream: { type: 'static_select', selected_option: { value: 'WS1' } } };
    const res = await sendViewSubmission(e.url, {
      signingSecret: SIGNING_SECRET,
      teamId: TEAM,
      userId: U.lead,
      callbackId: 'update_modal',
      privateMetadata: here,
      values,
    });
    expect(res.status).toBe(400);
    await nothingWritten();
  });
});

describe('options requests (block_suggestion)', () => {
  it.each([
    ['well formed', {}],
    ['value null', { value: null }],
    ['team null and user null', { team: null, user: null }],
    ['action_id a number, view null', { action_id: 7, view: null }],
  ])('%s: acknowledged with nothing, nothing written', async (_what, change) => {
    const payload = {
      type: 'block_suggestion',
      team: { id: TEAM },
      user: { id: U.lead, team_id: TEAM },
      action_id: 'workstream',
      block_id: 'workstream',
      value: 'WS',
      view: { id: 'V1', callback_id: 'update_modal' },
      ...change,
    };
    const res = await postToApp(
      e.url,
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      FORM,
      {
        signingSecret: SIGNING_SECRET,
      },
    );
    expect([res.status, res.text]).toEqual([200, '']);
    await e.runtime.idle();
    await nothingWritten();
  });
});

describe('events', () => {
  const home = (event: Record<string, unknown>, headers: Record<string, string> = {}) =>
    sendEvent(e.url, {
      signingSecret: SIGNING_SECRET,
      teamId: TEAM,
      event: { type: 'app_home_opened', channel: 'D0LEAD', tab: 'home', ...event },
      headers,
    });
  const published = () => e.slack.calls.filter((c) => c.method === 'views.publish');

  it('an App Home opened by no one publishes nothing and writes nothing', async () => {
    const res = await home({});
    expect(res.status).toBe(200);
    await e.runtime.idle();
    expect(published()).toEqual([]);
    await nothingWritten();
  });

  it('an App Home "opened" by the bot itself is ignored: the bot answering itself could loop', async () => {
    await home({ user: e.slack.bot.userId, bot_id: e.slack.bot.botId });
    await e.runtime.idle();
    expect(published()).toEqual([]);
  });

  it('a retried App Home event publishes once per delivery and writes nothing twice', async () => {
    await home({ user: U.lead });
    await home({ user: U.lead }, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await e.runtime.idle();
    expect(published().map((c) => c.args.user_id)).toEqual([U.lead, U.lead]);
    const people = await e.t.deps.db.person.count({ where: { workspaceId: TEAM, platformUserId: U.lead } });
    expect(people).toBe(1);
  });
});
