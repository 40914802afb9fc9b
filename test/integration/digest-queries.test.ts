/**
 * The digest is built in a fixed number of SQL queries: a programme of 40 workstreams costs no
 * more queries than one of 5 (counts compared, not times).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedBenchProgramme } from '../../bench/digest-data.js';
import { buildDigest } from '../../src/services/build-digest.js';
import { type TestDatabase, testDatabase } from '../support/database.js';

const NOW = new Date('2026-11-23T09:00:00Z');

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase({ now: NOW });
});
afterEach(async () => {
  await t.close();
});

async function queriesFor(workstreams: number): Promise<number> {
  const workspaceId = `T0WS${workstreams}`;
  const shape = {
    workstreams,
    projects: workstreams * 3,
    actions: workstreams * 20,
    updates: workstreams * 30,
    kpis: 8,
    readingsPerKpi: 12,
  };
  const programmeId = await seedBenchProgramme(t.deps.db, workspaceId, shape, NOW, '2026-11-23');
  t.database.queries.count = 0;
  const digest = await buildDigest({ workspaceId, programmeId }, t.deps);
  // Every section has something in it, so no query is skipped for want of rows.
  expect(digest.workstreams).toHaveLength(workstreams);
  expect(digest.exceptions.length).toBeGreaterThan(0);
  expect(digest.overdue.length + digest.dueSoon.length).toBeGreaterThan(0);
  expect(digest.kpis.every((k) => k.latest && k.previous !== null)).toBe(true);
  return t.database.queries.count;
}

it('costs the same number of queries for 5 and for 40 workstreams', async () => {
  const five = await queriesFor(5);
  const forty = await queriesFor(40);
  expect(forty).toBe(five);
  // 23 today: the plan, RAG history, actions (soon-due, and those of Red items, each chunked so a
  // plan of hundreds of Reds stays under SQLite's 999 parameters), KPIs, visits, coverage, and
  // whether this is the programme's first digest. The number must not grow with the plan.
  expect(five).toBeLessThanOrEqual(23);
});
