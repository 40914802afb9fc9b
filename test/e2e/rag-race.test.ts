/**
 * Thirty `/improve rag` commands on one workstream at the same moment: each change reads the RAG
 * under a lock, so the history is one unbroken chain (every `from` is the previous `to`) and the
 * workstream ends at the last change's `to`. Run on PostgreSQL too (TEST_DATABASE_URL).
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

const RAGS = ['red', 'amber', 'green'] as const;

it('30 simultaneous RAG changes leave an unbroken history', { timeout: 60_000 }, async () => {
  const outcomes = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      e.command(`rag WS1 ${RAGS[i % 3]} Change number ${i + 1} for the board`, U.lead, { wait: false }),
    ),
  );
  expect(outcomes.every((o) => o.http.status === 200)).toBe(true);
  await e.runtime.idle();
  const ws1 = await e.t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } });
  const history = await e.t.deps.db.ragChange.findMany({
    where: { workstreamId: ws1.id },
    orderBy: { id: 'asc' },
  });
  expect(history.length).toBeGreaterThan(1);
  const breaks = history.filter(
    (change, i) => change.fromRag !== (i === 0 ? 'not_started' : history[i - 1]!.toRag),
  );
  expect(breaks).toEqual([]);
  expect(ws1.rag).toBe(history.at(-1)!.toRag);
  // Each change has its audit row, with the same from and to.
  const audits = await e.t.deps.db.auditLog.count({
    where: { action: 'rag.change', entityId: String(ws1.id) },
  });
  expect(audits).toBe(history.length);
});
