/**
 * Slack fails the channel post after the update was stored: the person is told the truth (saved,
 * not yet shown in the channel, trying again), never "nothing was saved", and the post is retried.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const TEXT = 'Recruitment behind plan: 6 of 12 posts filled';
const said = (out: { replies: { body: Record<string, unknown> }[] }) =>
  out.replies.map((r) => String(r.body.text));

it('a post that fails then succeeds on the retry: told it is saved, then it appears once', async () => {
  // The first try and the Web API client's three quick retries all get a 500.
  e.slack.failNext('chat.postMessage', { status: 500, times: 4 });
  const out = await e.command(`update WS1 amber ${TEXT}`, U.lead);
  expect(said(out).join('\n')).not.toContain('nothing was saved');
  expect(said(out)[0]).toContain('Saved, but not yet shown in the channel');
  expect(said(out)[0]).toContain('trying the post again');
  expect(out.posts).toHaveLength(1);
  expect(out.posts[0]!.text).toContain(TEXT);
  const stored = await e.t.deps.db.update.findFirstOrThrow();
  expect(stored).toMatchObject({ text: TEXT, channelId: 'C0GENERAL', messageId: out.posts[0]!.ts });
});

it('a post that fails on the retry too: still told the truth, and where to see it', async () => {
  e.slack.failNext('chat.postMessage', { status: 500, times: 8 });
  const out = await e.command(`update WS1 amber ${TEXT}`, U.lead);
  expect(said(out).join('\n')).not.toContain('nothing was saved');
  expect(said(out)[1]).toContain('It is still saved');
  expect(out.posts).toEqual([]);
  expect(await e.t.deps.db.update.count()).toBe(1);
});

it('an answer that cannot be shown after the change was stored: never told "nothing was saved"', async () => {
  // The KPI is stored and committed before the ack; then the response URL refuses its answer once.
  e.slack.failNext('response_url', { status: 500, times: 1 });
  const out = await e.command('kpi add "Average caseload" cases lower target 25 by 31/03/2027', U.admin);
  expect(await e.t.deps.db.kpi.count()).toBe(1);
  expect(said(out).join('\n')).not.toContain('nothing was saved');
  expect(said(out).at(-1)).toContain('Whatever your command changed is saved');
  expect(said(out).at(-1)).toContain('/improve kpi add "Average caseload"');
});
