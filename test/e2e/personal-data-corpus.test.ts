/**
 * A sample of each kind in the personal-data corpus through the real Bolt app over signed HTTP,
 * as `/improve update`: personal data is refused with nothing written and the text given back;
 * ordinary programme text is stored. Run on PostgreSQL with TEST_DATABASE_URL set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, sealedMetadata, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import {
  CORPUS_TODAY,
  ordinaryCorpus,
  personalCorpus,
  samplePerKind,
} from '../support/personal-data-corpus.js';
import { echoedText, shownText } from '../support/refusals.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeAll(async () => {
  // The corpus was written against this day: the same clock the pure test uses.
  e = await startE2E({ now: new Date(`${CORPUS_TODAY}T10:00:00Z`) });
  await seedProgramme(e.t.deps);
});
afterAll(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('the corpus through Slack', () => {
  it('refuses a sample of every kind of personal data, writing nothing', async () => {
    const sample = samplePerKind(personalCorpus(), 3);
    expect(new Set(sample.map((s) => s.kind)).size).toBeGreaterThanOrEqual(12);
    for (const entry of sample) {
      const label = `${entry.file}:${entry.line} (${entry.kind}): ${entry.text}`;
      const before = await countRows(e.t.deps.db);
      const out = await e.command(`update WS1 ${entry.text}`, U.lead);
      expect(shownText(out.replies), label).toMatch(/^:warning: It looks like it contains /);
      expect(echoedText(out.replies), label).toBe(`/improve update WS1 ${entry.text}`);
      expect(out.posts, label).toEqual([]);
      expect(await countRows(e.t.deps.db), label).toEqual(before);
    }
  }, 120_000);

  it('stores a sample of every kind of ordinary text, word for word', async () => {
    // Through the update form: the slash command's grammar reads a leading 'Amber' or 'A-14' as a
    // RAG, which is not what this test is about.
    const sample = samplePerKind(ordinaryCorpus(), 3);
    for (const entry of sample) {
      const label = `${entry.file}:${entry.line} (${entry.kind}): ${entry.text}`;
      const messages = e.slack.messages.length;
      const ack = await e.submit({
        userId: U.lead,
        callbackId: 'update_modal',
        privateMetadata: sealedMetadata('{"channelId":"C0GENERAL"}'),
        values: { workstream: 'option:WS1', text: entry.text },
      });
      expect(ack.body, label).toBeFalsy();
      expect(e.slack.messages.length, label).toBe(messages + 1);
      const stored = await e.t.deps.db.update.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(stored.text, label).toBe(entry.text);
    }
  }, 120_000);
});
