/**
 * The whole digest of the demo programme, as the board would see it (Block Kit, main message and
 * thread) and as `npm run digest -- --dry-run` prints it. A change to either shows up as a diff of
 * the files under __snapshots__, to be read and accepted on purpose (vitest -u).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SLACK_MESSAGE_LIMITS } from '../../src/chat/slack/limits.js';
import { renderMessage } from '../../src/chat/slack/render.js';
import { toPlainText } from '../../src/digest/plain-text.js';
import { renderDigest } from '../../src/digest/render-digest.js';
import { seedDemo } from '../../src/seed/demo.js';
import { buildDigest } from '../../src/services/build-digest.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { BOARD_CHANNEL, TEAM } from '../support/factories.js';

const NOW = new Date('2026-11-23T09:00:00Z');

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase({ now: NOW });
});
afterEach(async () => {
  await t.close();
});

it('renders the demo programme’s digest', async () => {
  const { programmeId } = await seedDemo(t.deps.db, {
    workspaceId: TEAM,
    now: NOW,
    boardChannelId: BOARD_CHANNEL,
  });
  const message = renderDigest(await buildDigest({ workspaceId: TEAM, programmeId }, t.deps), {
    limits: SLACK_MESSAGE_LIMITS,
  });
  const blockKit = [message, ...(message.thread ?? [])].map((m) => renderMessage(m));
  await expect(`${JSON.stringify(blockKit, null, 2)}\n`).toMatchFileSnapshot(
    './__snapshots__/digest-demo.blocks.json',
  );
  const people = await t.deps.db.person.findMany({ where: { workspaceId: TEAM } });
  const names = new Map(people.map((p) => [p.platformUserId, p.displayName]));
  await expect(toPlainText(message, names)).toMatchFileSnapshot('./__snapshots__/digest-demo.txt');
});
