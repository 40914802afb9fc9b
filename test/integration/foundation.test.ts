/** The foundation's services against a real database: RAG with history, updates, audit, tenancy. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { changeRag } from '../../src/services/change-rag.js';
import { listWorkstreams } from '../../src/services/list-workstreams.js';
import { postUpdate } from '../../src/services/post-update.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { as, OTHER_TEAM, seedProgramme, TEAM, U } from '../support/factories.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(async () => {
  await t.close();
});

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('RAG changes', () => {
  it('records from → to with the reason, append-only, and audits it', async () => {
    const { ws1 } = await seedProgramme(t.deps);
    await changeRag(
      { workstream: 'WS1', rag: 'amber', reason: 'Recruitment 6 of 12 posts filled' },
      t.deps,
      as(U.lead),
    );
    await changeRag(
      { workstream: 'workforce', rag: 'red', reason: 'Three leavers this month' },
      t.deps,
      as(U.admin),
    );
    const history = await t.deps.db.ragChange.findMany({
      where: { workstreamId: ws1.id },
      orderBy: { id: 'asc' },
    });
    expect(history.map((h) => [h.fromRag, h.toRag, h.reason])).toEqual([
      ['not_started', 'amber', 'Recruitment 6 of 12 posts filled'],
      ['amber', 'red', 'Three leavers this month'],
    ]);
    const ws = await t.deps.db.workstream.findUniqueOrThrow({ where: { id: ws1.id } });
    expect(ws.rag).toBe('red');
    const audits = await t.deps.db.auditLog.findMany({ where: { workspaceId: TEAM, action: 'rag.change' } });
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[1]!.before!)).toEqual({ rag: 'amber' });
  });

  it('refuses a change without a reason, and writes nothing', async () => {
    await seedProgramme(t.deps);
    const error = await refusal(changeRag({ workstream: 'WS1', rag: 'red', reason: '' }, t.deps, as(U.lead)));
    expect(error.message).toMatch(/needs a reason/);
    expect(await t.deps.db.ragChange.count()).toBe(0);
  });

  it('refuses a lead of another workstream and says who can', async () => {
    await seedProgramme(t.deps);
    const error = await refusal(
      changeRag({ workstream: 'WS1', rag: 'red', reason: 'Not mine to say' }, t.deps, as(U.otherLead)),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain(`<person:${U.lead}>`);
    expect(await t.deps.db.ragChange.count()).toBe(0);
  });
});

describe('updates', () => {
  it('stores an update with a RAG change in one go', async () => {
    await seedProgramme(t.deps);
    const result = await postUpdate(
      { workstream: 'ws1', rag: 'green', text: 'All 12 posts filled' },
      t.deps,
      as(U.lead),
    );
    expect(result.ragChange?.toRag).toBe('green');
    expect(result.update.text).toBe('All 12 posts filled');
    const [ws1] = await listWorkstreams(t.deps, { workspaceId: TEAM });
    expect(ws1?.rag).toBe('green');
    expect(ws1?.lastUpdateAt).not.toBeNull();
  });

  it('refuses personal data before storing anything', async () => {
    await seedProgramme(t.deps);
    const error = await refusal(
      postUpdate(
        { workstream: 'WS1', text: 'Visited Jane Smith DOB 12/03/2015 at home' },
        t.deps,
        as(U.lead),
      ),
    );
    expect(error.code).toBe('personal_data');
    expect(await t.deps.db.update.count()).toBe(0);
  });

  it('writes a retried request once', async () => {
    await seedProgramme(t.deps);
    await postUpdate(
      { workstream: 'WS1', text: 'Induction programme launched' },
      t.deps,
      as(U.lead, TEAM, 'command:trigger-1'),
    );
    const again = await refusal(
      postUpdate(
        { workstream: 'WS1', text: 'Induction programme launched' },
        t.deps,
        as(U.lead, TEAM, 'command:trigger-1'),
      ),
    );
    expect(again.code).toBe('duplicate_request');
    expect(await t.deps.db.update.count()).toBe(1);
  });
});

describe('tenancy', () => {
  it('keeps workspace A invisible to workspace B', async () => {
    await seedProgramme(t.deps, TEAM);
    await postUpdate({ workstream: 'WS1', rag: 'amber', text: 'Team A only' }, t.deps, as(U.lead, TEAM));
    expect(await listWorkstreams(t.deps, { workspaceId: OTHER_TEAM })).toEqual([]);
    const error = await refusal(
      postUpdate({ workstream: 'WS1', text: 'Reaching across' }, t.deps, as(U.lead, OTHER_TEAM)),
    );
    expect(error.code).toBe('not_set_up');
    await seedProgramme(t.deps, OTHER_TEAM);
    const b = await listWorkstreams(t.deps, { workspaceId: OTHER_TEAM });
    expect(b.map((w) => [w.code, w.rag, w.lastUpdateAt])).toEqual([
      ['WS1', 'not_started', null],
      ['WS2', 'not_started', null],
    ]);
    await changeRag({ workstream: 'WS1', rag: 'red', reason: 'Team B news' }, t.deps, as(U.lead, OTHER_TEAM));
    const a = await listWorkstreams(t.deps, { workspaceId: TEAM });
    expect(a[0]?.rag).toBe('amber');
  });
});
