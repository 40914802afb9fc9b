/**
 * listWorkstreams in one statement: each workstream's leads (in person order, none for none) and
 * latest update come back as the separate queries gave them, on either database.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addWorkstream } from '../../src/services/add-workstream.js';
import { listWorkstreams } from '../../src/services/list-workstreams.js';
import { postUpdate } from '../../src/services/post-update.js';
import { ragSummary } from '../../src/services/rag-summary.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { as, seedProgramme, TEAM, U } from '../support/factories.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase({ now: new Date('2026-11-23T10:00:00Z') });
});
afterEach(async () => {
  await t.close();
});

it('gives each workstream its leads in person order and its latest update, in one statement', async () => {
  await seedProgramme(t.deps);
  await addWorkstream(
    { code: 'WS3', name: 'Voice of the Child', leadUserIds: [U.member, U.lead, U.owner] },
    t.deps,
    as(U.admin),
  );
  await addWorkstream({ code: 'WS0', name: 'Nobody leads this', leadUserIds: [] }, t.deps, as(U.admin));
  const leads = await t.deps.db.workstreamLead.findMany({
    include: { person: true, workstream: true },
    orderBy: { personId: 'asc' },
  });
  const expected = (code: string) =>
    leads.filter((l) => l.workstream.code === code).map((l) => l.person.platformUserId);

  await postUpdate({ workstream: 'WS1', rag: 'green', text: 'All 12 posts filled' }, t.deps, as(U.lead));
  const programme = await t.deps.db.programme.findFirstOrThrow();
  t.database.queries.count = 0;
  const listed = await listWorkstreams(t.deps, { workspaceId: TEAM }, programme);
  expect(t.database.queries.count).toBe(1);
  expect(listed.map((w) => w.code)).toEqual(['WS0', 'WS1', 'WS2', 'WS3']);
  expect(listed.map((w) => w.leadUserIds)).toEqual(['WS0', 'WS1', 'WS2', 'WS3'].map(expected));
  expect(expected('WS3')).toHaveLength(3);
  expect(listed.map((w) => w.lastUpdateAt)).toEqual([null, new Date('2026-11-23T10:00:00Z'), null, null]);

  // The summary sheet: the programme and what it shows of the same workstreams, in one statement.
  t.database.queries.count = 0;
  const summary = await ragSummary(t.deps, { workspaceId: TEAM });
  expect(t.database.queries.count).toBe(1);
  expect(summary.workstreams).toEqual(
    listed.map(({ id, code, name, rag, lastUpdateAt }) => ({ id, code, name, rag, lastUpdateAt })),
  );
  expect(summary.programmeId).toBe(programme.id);
  // A programme named by name is chosen by chooseProgramme, then read in a second statement.
  t.database.queries.count = 0;
  const named = await ragSummary(t.deps, { workspaceId: TEAM, programmeName: programme.name });
  expect(t.database.queries.count).toBe(2);
  expect(named.workstreams.map((w) => w.code)).toEqual(summary.workstreams.map((w) => w.code));
});
