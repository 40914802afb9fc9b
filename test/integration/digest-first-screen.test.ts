/**
 * The digest's first screen on the demo programme, measured: the main message as Slack renders it
 * (Block Kit), counted in text lines up to the first "more" (the context line that sends the
 * reader to the thread). It must be at most 25 lines and carry the whole headline, even when
 * every workstream and project is Red and every KPI is off track.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SLACK_MESSAGE_LIMITS } from '../../src/chat/slack/limits.js';
import { renderMessage } from '../../src/chat/slack/render.js';
import { renderDigest } from '../../src/digest/render-digest.js';
import { seedDemo } from '../../src/seed/demo.js';
import { buildDigest } from '../../src/services/build-digest.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { BOARD_CHANNEL, TEAM } from '../support/factories.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const FIRST_SCREEN_LINES = 25;

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase({ now: NOW });
});
afterEach(async () => {
  await t.close();
});

type SlackBlock = { type: string; text?: { text: string }; elements?: { text: string }[] };

/** Text lines of each block until the first "more", and whether a "more" was found. */
function firstScreen(blocks: SlackBlock[]): { lines: string[]; more: boolean } {
  const lines: string[] = [];
  for (const b of blocks) {
    const text = b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '';
    if (b.type === 'context' && text.includes('Continues in the thread')) return { lines, more: true };
    if (text) lines.push(...text.split('\n'));
  }
  return { lines, more: false };
}

async function mainMessage(programmeId: number) {
  const message = renderDigest(await buildDigest({ workspaceId: TEAM, programmeId }, t.deps), {
    limits: SLACK_MESSAGE_LIMITS,
  });
  return renderMessage(message) as unknown as { blocks: SlackBlock[] };
}

it('fits the headline of the demo programme’s digest in 25 lines before the first "more"', async () => {
  const { programmeId } = await seedDemo(t.deps.db, {
    workspaceId: TEAM,
    now: NOW,
    boardChannelId: BOARD_CHANNEL,
  });
  const { lines, more } = firstScreen((await mainMessage(programmeId)).blocks);
  expect(more).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(FIRST_SCREEN_LINES);
  const text = lines.join('\n');
  expect(text).toContain('*Next Ofsted/DfE event:* Monitoring visit V-1, 16 Dec to 17 Dec');
  expect(text).toContain('*in 23 days*');
  expect(text).toContain('*Workstreams:* :red_circle: 2 Red');
  expect(text).toContain('*Moved in the last 7 days:* ↑ WS1 Red → Amber · ↓ WS2 Amber → Red');
  expect(text).toContain('*Red (4):*');
  expect(text).toContain('*KPIs:*');
  expect(text).toContain('*Actions:* 11 overdue · 14 due in the next 14 days');
  // Nothing of the detail: that is in the thread.
  expect(text).not.toContain('*RAG at a glance*');
  expect(text).not.toContain('A-7');
});

it('stays within 25 lines when everything is Red and every KPI is off track', async () => {
  const { programmeId } = await seedDemo(t.deps.db, {
    workspaceId: TEAM,
    now: NOW,
    boardChannelId: BOARD_CHANNEL,
  });
  await t.deps.db.workstream.updateMany({ data: { rag: 'red' } });
  await t.deps.db.project.updateMany({ data: { rag: 'red' } });
  // Readings far from every target: each KPI is off track (or missed, or stale).
  await t.deps.db.kpiReading.updateMany({ data: { value: 1000 } });
  await t.deps.db.kpi.updateMany({ data: { direction: 'lower' } });
  const { lines, more } = firstScreen((await mainMessage(programmeId)).blocks);
  expect(more).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(FIRST_SCREEN_LINES);
  const text = lines.join('\n');
  expect(text).toMatch(/\*Red \(2\d\):\*/);
  expect(text).toMatch(/• and \d+ more: see _Exceptions_ in the thread/);
  expect(text).toContain('*KPIs off track, missed or stale (6 of 6):*');
  expect(text).toMatch(/• and 2 more: see the _KPI scorecard_ in the thread/);
});
