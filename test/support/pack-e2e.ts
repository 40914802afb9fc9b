/**
 * What the board pack's and pre-visit pack's tests start from: the real app with file uploads
 * allowed (files.uploadV2's two methods), over the demo programme, whose people may produce packs.
 */
import { expect } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import { DEFAULT_METHODS, type E2E, startE2E } from './e2e.js';
import { TEAM, U } from './factories.js';

export async function startPackE2E(): Promise<E2E> {
  const e = await startE2E({
    methods: [...DEFAULT_METHODS, 'files.getUploadURLExternal', 'files.completeUploadExternal'],
    now: new Date('2026-11-23T10:00:00Z'),
  });
  await seedDemo(e.t.deps.db, {
    workspaceId: TEAM,
    now: e.t.clock.now(),
    people: [U.admin, U.lead, U.otherLead, 'U0LEAD3', 'U0LEAD4', U.member],
  });
  return e;
}

/** Fails the test if Slack was called with a method it did not expect, then closes the app. */
export async function closePackE2E(e: E2E): Promise<void> {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
}

/** Each reply's text, in order: the "producing" reply, then the follow-up. */
export const replyTexts = (out: { replies: { body: Record<string, unknown> }[] }): string[] =>
  out.replies.map((r) => String(r.body.text));
