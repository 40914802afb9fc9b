/**
 * Only Slack may drive the bot: unsigned, forged, stale and future-dated requests get 401 and
 * change nothing. Slack retries (same trigger, X-Slack-Retry-Num) store nothing twice.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, SIGNING_SECRET, sealedMetadata, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { countRows, type RowCounts } from '../support/row-counts.js';
import { postToApp, sendSlashCommand } from '../support/signed-requests.js';
import { slashCommandPayload, viewSubmissionPayload } from '../support/slack-payloads.js';

const FORM = 'application/x-www-form-urlencoded';
const nowSeconds = () => Math.floor(Date.now() / 1000);

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

/** A signed-looking `/improve update` that would store an update if it got through. */
function updateCommand(
  extra: { signingSecret?: string; timestamp?: number; signed?: boolean; text?: string } = {},
) {
  return sendSlashCommand(e.url, {
    signingSecret: SIGNING_SECRET,
    teamId: TEAM,
    userId: U.lead,
    channelId: 'C0GENERAL',
    text: 'update WS1 amber Recruitment behind plan',
    responseUrl: e.slack.responseUrl('verify'),
    ...extra,
  });
}

async function expectRejected(response: Promise<{ status: number }>): Promise<void> {
  expect((await response).status).toBe(401);
  await e.runtime.idle();
  expect(await countRows(e.t.deps.db)).toEqual(before);
  expect(e.slack.calls).toEqual([]);
  expect(e.slack.responses).toEqual([]);
}

describe('request signatures', () => {
  it('rejects an unsigned request', async () => {
    await expectRejected(updateCommand({ signed: false }));
  });

  it('rejects a signature made with the wrong secret', async () => {
    await expectRejected(updateCommand({ signingSecret: 'not-our-signing-secret' }));
  });

  it('rejects a v1= signature, even one with the right digest', async () => {
    const body = new URLSearchParams(
      slashCommandPayload({
        teamId: TEAM,
        userId: U.lead,
        channelId: 'C0GENERAL',
        text: 'update WS1 green done',
        responseUrl: e.slack.responseUrl(),
      }),
    ).toString();
    const ts = nowSeconds();
    const digest = createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex');
    await expectRejected(
      postToApp(e.url, body, FORM, {
        signingSecret: SIGNING_SECRET,
        timestamp: ts,
        headers: { 'x-slack-signature': `v1=${digest}` },
      }),
    );
  });

  it('rejects a correct signature over a timestamp more than five minutes old', async () => {
    await expectRejected(updateCommand({ timestamp: nowSeconds() - 5 * 60 - 30 }));
  });

  it('rejects a correct signature over a timestamp more than five minutes in the future', async () => {
    await expectRejected(updateCommand({ timestamp: nowSeconds() + 5 * 60 + 30 }));
  });

  it('rejects a body changed after signing', async () => {
    const body = new URLSearchParams(
      slashCommandPayload({
        teamId: TEAM,
        userId: U.member,
        channelId: 'C0GENERAL',
        text: 'help',
        responseUrl: e.slack.responseUrl(),
      }),
    ).toString();
    const ts = nowSeconds();
    const digest = createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex');
    const forged = body.replace('help', 'update+WS1+red+forged');
    await expectRejected(
      postToApp(e.url, forged, FORM, {
        signingSecret: SIGNING_SECRET,
        signed: false,
        headers: { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(ts) },
      }),
    );
  });

  it('accepts a correctly signed request, including one a few minutes early or late', async () => {
    for (const [skew, text] of [
      [0, 'on time'],
      [-4 * 60, 'four minutes late'],
      [4 * 60, 'four minutes early'],
    ] as const) {
      const response = await updateCommand({
        timestamp: nowSeconds() + skew,
        text: `update WS1 Sent ${text}`,
      });
      expect(response.status).toBe(200);
    }
    await e.runtime.idle();
    const stored = (await e.t.deps.db.update.findMany()).map((u) => u.text).sort();
    expect(stored).toEqual(['Sent four minutes early', 'Sent four minutes late', 'Sent on time']);
    expect(e.slack.messages.filter((m) => !m.ephemeralFor)).toHaveLength(3);
  });
});

describe('Slack retries', () => {
  it('stores a slash command delivered twice (same trigger id) once, and posts it once', async () => {
    const payload = slashCommandPayload({
      teamId: TEAM,
      userId: U.lead,
      channelId: 'C0GENERAL',
      text: 'update WS1 red Two agency social workers left',
      responseUrl: e.slack.responseUrl('first', { channel: 'C0GENERAL', user: U.lead }),
    });
    const body = new URLSearchParams(payload).toString();
    expect((await postToApp(e.url, body, FORM, { signingSecret: SIGNING_SECRET })).status).toBe(200);
    await e.runtime.idle();
    const retry = await postToApp(e.url, body, FORM, {
      signingSecret: SIGNING_SECRET,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await e.runtime.idle();
    expect(await e.t.deps.db.update.count()).toBe(1);
    expect(await e.t.deps.db.ragChange.count()).toBe(1);
    expect(await e.t.deps.db.auditLog.count()).toBe(before.AuditLog! + 2);
    const posts = e.slack.messages.filter((m) => !m.ephemeralFor);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('Two agency social workers left');
  });

  it('stores a modal submission delivered twice once, and posts it once', async () => {
    const payload = viewSubmissionPayload({
      teamId: TEAM,
      userId: U.lead,
      callbackId: 'update_modal',
      privateMetadata: sealedMetadata(JSON.stringify({ channelId: 'C0BOARD' })),
      values: {
        workstream: { workstream: { type: 'static_select', selected_option: { value: 'WS1' } } },
        text: { text: { type: 'plain_text_input', value: 'Induction programme launched' } },
      },
    });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const first = await postToApp(e.url, body, FORM, { signingSecret: SIGNING_SECRET });
    await e.runtime.idle();
    const retry = await postToApp(e.url, body, FORM, {
      signingSecret: SIGNING_SECRET,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await e.runtime.idle();
    expect([first.status, retry.status]).toEqual([200, 200]);
    // The retry closes the modal like the first one did, rather than showing an error in it.
    expect([first.text, retry.text]).toEqual(['', '']);
    expect(await e.t.deps.db.update.count()).toBe(1);
    const posts = e.slack.messages.filter((m) => !m.ephemeralFor);
    expect(posts.map((m) => m.channel)).toEqual(['C0BOARD']);
    expect(posts[0]!.text).toContain('Induction programme launched');
  });
  it('marks an action done once when the Done form is submitted twice', async () => {
    const added = await e.command(
      'action add WS1 <@U0OWNER|owner> in 2 weeks Run the caseload audit',
      U.lead,
    );
    expect(added.posts).toHaveLength(1);
    const payload = viewSubmissionPayload({
      teamId: TEAM,
      userId: U.owner,
      callbackId: 'reminder_done_evidence',
      privateMetadata: sealedMetadata(
        JSON.stringify({ source: 'home', actionNumber: 1, channelId: e.slack.dmChannelFor(U.owner) }),
      ),
      values: { evidence: { evidence: { type: 'plain_text_input', value: 'Audit report, Quality folder' } } },
    });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const counts = await countRows(e.t.deps.db);
    expect((await postToApp(e.url, body, FORM, { signingSecret: SIGNING_SECRET })).status).toBe(200);
    await e.runtime.idle();
    const once = await countRows(e.t.deps.db);
    const seen = { calls: e.slack.calls.length, responses: e.slack.responses.length };
    const retry = await postToApp(e.url, body, FORM, {
      signingSecret: SIGNING_SECRET,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await e.runtime.idle();
    expect(once.ActionEvent).toBe(counts.ActionEvent! + 1);
    expect(await countRows(e.t.deps.db)).toEqual(once);
    // The retry is silent: no "already done" warning, no second refresh of the message.
    expect({ calls: e.slack.calls.length, responses: e.slack.responses.length }).toEqual(seen);
    expect((await e.t.deps.db.action.findFirstOrThrow({ where: { number: 1 } })).status).toBe('done');
  });
});
