/**
 * Signed bodies that no real Slack request looks like: refused with a polite 400 before Bolt can
 * trip on them (a signed `payload=null` used to kill the process), and nothing is written.
 * Shapes Slack does send but the app has no listener for are acknowledged and ignored.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type E2E, SIGNING_SECRET, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { countRows, type RowCounts } from '../support/row-counts.js';
import { postToApp } from '../support/signed-requests.js';
import { blockActionsPayload, viewSubmissionPayload } from '../support/slack-payloads.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const payload = (value: unknown) => `payload=${encodeURIComponent(JSON.stringify(value))}`;

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

const button = () =>
  blockActionsPayload({
    teamId: TEAM,
    userId: U.lead,
    actionId: 'post_status',
    value: 'WS1',
    blockId: 'b',
    responseUrl: 'http://127.0.0.1:1/none',
  });
const submission = () =>
  viewSubmissionPayload({ teamId: TEAM, userId: U.lead, callbackId: 'update_modal', values: {} });

const HOSTILE: [string, string, string][] = [
  ['payload=null', 'payload=null', FORM],
  ['a JSON null', 'null', JSON_TYPE],
  ['a JSON array', '[1,2,3]', JSON_TYPE],
  ['a JSON string', '"event_callback"', JSON_TYPE],
  ['broken JSON', '{"type":', JSON_TYPE],
  ['event: null', JSON.stringify({ type: 'event_callback', team_id: TEAM, event: null }), JSON_TYPE],
  ['user: null', payload({ ...button(), user: null }), FORM],
  ['view: null', payload({ ...submission(), view: null }), FORM],
  ['actions: "x"', payload({ ...button(), actions: 'x' }), FORM],
  [
    'state values of numbers',
    payload({
      ...submission(),
      view: { ...(submission().view as object), state: { values: { text: { text: { value: 42 } } } } },
    }),
    FORM,
  ],
  ['no workspace at all', payload({ ...button(), team: null, user: { id: U.lead } }), FORM],
  [
    'a slash command with an empty team_id',
    `command=%2Fimprove&team_id=&user_id=${U.lead}&channel_id=C1&text=help`,
    FORM,
  ],
  [
    'nesting 10,000 deep',
    `{"type":"event_callback","team_id":"${TEAM}","event":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    JSON_TYPE,
  ],
];

it.each(HOSTILE)('refuses %s with a 400 and no stack trace', async (_name, body, type) => {
  const res = await postToApp(e.url, body, type, { signingSecret: SIGNING_SECRET });
  expect(res.status).toBe(400);
  expect(res.text).toMatch(/^This request is not one Slack sends: /);
  expect(res.text).not.toMatch(/\bat \S+ \(|TypeError|node_modules/);
  await e.runtime.idle();
  expect(await countRows(e.t.deps.db)).toEqual(before);
  expect((await fetch(`${e.url}/healthz`)).status).toBe(200);
});

it('acknowledges a view_closed and a shortcut, which it has no use for, at once', async () => {
  for (const type of ['view_closed', 'shortcut']) {
    const res = await postToApp(e.url, payload({ ...submission(), type }), FORM, {
      signingSecret: SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
  }
});

it('still refuses an unsigned malformed body with 401, not 400', async () => {
  const res = await postToApp(e.url, 'payload=null', FORM, { signingSecret: SIGNING_SECRET, signed: false });
  expect(res.status).toBe(401);
});
