/** A request to a path the app does not serve gets 404, and the app keeps running. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { U } from '../support/factories.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

it('answers 404 to a stray path instead of crashing, then still answers Slack', async () => {
  for (const [method, path] of [
    ['GET', '/nothing'],
    ['POST', '/slack/other'],
    ['GET', '/slack/events'],
  ] as const) {
    const res = await fetch(`${e.url}${path}`, { method, signal: AbortSignal.timeout(5000) });
    expect(res.status, `${method} ${path}`).toBe(404);
  }
  const out = await e.command('help', U.member);
  expect(out.reply).toContain('/improve');
});
