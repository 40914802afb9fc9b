/**
 * `/improve update` takes two statements on PostgreSQL (one read, one guarded write) and a handful
 * in one transaction on SQLite (services/update-in-one-go.ts), writing what the slow path writes.
 * When the facts read go stale before the write, nothing is written and the slow path answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/index.js';
import { requestContext } from '../../src/chat/slack/context.js';
import type { Update } from '../../src/db/generated/sqlite/client.js';
import { type Sql, sql } from '../../src/db/sql.js';
import { AppError } from '../../src/domain/errors.js';
import { addProject } from '../../src/services/add-project.js';
import { changeRag } from '../../src/services/change-rag.js';
import { postUpdate, recordUpdateMessage } from '../../src/services/post-update.js';
import { onPostgres, type TestDatabase, testDatabase } from '../support/database.js';
import { as, OTHER_TEAM, seedProgramme, TEAM, U } from '../support/factories.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase();
  await seedProgramme(t.deps);
  // The lead's first contact (creating their Person row) is the slow path's; then the fast one.
  await postUpdate({ workstream: 'WS1', text: 'First week' }, t.deps, as(U.lead));
});
afterEach(async () => {
  await t.close();
});

const counted = async <T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> => {
  t.database.queries.count = 0;
  const result = await work();
  return { result, statements: t.database.queries.count };
};

async function auditOf(entityId: number, action: string) {
  return t.deps.db.auditLog.findFirstOrThrow({ where: { entityId: String(entityId), action } });
}

/** The audit row says what the slow path's says: the update as stored, as JSON.stringify writes it. */
async function expectUpdateAudited(update: Update): Promise<void> {
  const stored = await t.deps.sql.one<Update>(sql`SELECT * FROM "Update" WHERE "id" = ${update.id}`);
  expect(update).toEqual(stored);
  const row = await auditOf(update.id, 'update.post');
  expect(row).toMatchObject({ workspaceId: TEAM, actor: U.lead, entity: 'update', before: null });
  expect(row.after).toBe(JSON.stringify(stored));
  expect(row.createdAt).toEqual(t.clock.now());
}

describe('statements per update', () => {
  const most = () => (onPostgres() ? { plain: 2, rag: 2 } : { plain: 4, rag: 7 });

  it('posts a plain update in at most two statements on PostgreSQL (four on SQLite)', async () => {
    const { result, statements } = await counted(() =>
      postUpdate({ workstream: 'WS1', text: 'Caseload audit checked' }, t.deps, as(U.lead, TEAM, 'key-1')),
    );
    expect(statements).toBeLessThanOrEqual(most().plain);
    expect(result.ragChange).toBeNull();
    // Every column, typed as Prisma types it (a column added later must be read here too).
    expect(result.workstream).toEqual(
      await t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } }),
    );
    await expectUpdateAudited(result.update);
    expect(await t.deps.db.processedRequest.count({ where: { key: 'key-1' } })).toBe(1);
  });

  it('posts an update with a RAG change in at most two statements on PostgreSQL (seven on SQLite)', async () => {
    const { result, statements } = await counted(() =>
      postUpdate(
        { workstream: 'WS1', rag: 'amber', text: 'Recruitment behind plan' },
        t.deps,
        as(U.lead, TEAM, 'key-2'),
      ),
    );
    expect(statements).toBeLessThanOrEqual(most().rag);
    const change = await t.deps.db.ragChange.findFirstOrThrow();
    expect(result.ragChange).toEqual(change);
    expect(change).toMatchObject({
      fromRag: 'not_started',
      toRag: 'amber',
      reason: 'Recruitment behind plan',
    });
    const ws = await t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } });
    expect(ws).toMatchObject({ rag: 'amber', ragChangedAt: t.clock.now() });
    const audit = await auditOf(ws.id, 'rag.change');
    expect(audit).toMatchObject({ actor: U.lead, entity: 'workstream', before: '{"rag":"not_started"}' });
    expect(audit.after).toBe(JSON.stringify({ rag: 'amber', reason: 'Recruitment behind plan' }));
    await expectUpdateAudited(result.update);
  });

  it('changes a project’s RAG the same way, and a retried request writes nothing twice', async () => {
    const { project: before } = await addProject(
      { workstream: 'WS1', name: 'Front door' },
      t.deps,
      as(U.admin),
    );
    const input = {
      workstream: 'WS1',
      project: 'front',
      rag: 'red' as const,
      text: 'Two of five posts filled',
    };
    const { result, statements } = await counted(() => postUpdate(input, t.deps, as(U.lead, TEAM, 'key-3')));
    expect(statements).toBeLessThanOrEqual(most().rag);
    expect(result.project).toEqual(before);
    expect(result.ragChange).toMatchObject({
      projectId: result.project!.id,
      fromRag: 'not_started',
      toRag: 'red',
    });
    const project = await t.deps.db.project.findFirstOrThrow();
    expect(project).toMatchObject({ rag: 'red', ragChangedAt: t.clock.now() });
    expect(await auditOf(project.id, 'rag.change')).toMatchObject({ entity: 'project' });
    await expectUpdateAudited(result.update);

    await expect(postUpdate(input, t.deps, as(U.lead, TEAM, 'key-3'))).rejects.toMatchObject({
      code: 'duplicate_request',
    });
    expect(await t.deps.db.update.count({ where: { projectId: project.id } })).toBe(1);
    expect(await t.deps.db.ragChange.count()).toBe(1);
  });
});

describe('statements per typed /improve update', () => {
  const typed = (text: string, key: string) =>
    runCommand(
      text,
      requestContext(t.deps, '/improve', {
        teamId: TEAM,
        userId: U.lead,
        channelId: 'C0OTHER',
        requestKey: key,
      }),
    );

  it('reads no programme before the update’s own read: its statements are the update’s, then one to note where it was posted', async () => {
    const { result: reply, statements } = await counted(() =>
      typed('update WS1 Caseload audit checked', 'key-typed'),
    );
    expect(statements).toBe(onPostgres() ? 2 : 4);
    expect(reply.kind).toBe('channel');
    if (reply.kind !== 'channel') return;
    expect(reply.message.text).toBe('WS1 update: Caseload audit checked');
    const { statements: afterPost } = await counted(async () =>
      reply.afterPost?.({ channelId: 'C0OTHER', messageId: '1700000000.000100' }),
    );
    expect(afterPost).toBe(1);
    const stored = await t.deps.db.update.findFirstOrThrow({ where: { text: 'Caseload audit checked' } });
    expect(stored).toMatchObject({ channelId: 'C0OTHER', messageId: '1700000000.000100' });
  });

  it('still chooses the programme `--programme` names first, and refuses one the workspace does not run', async () => {
    const { result: reply, statements } = await counted(() =>
      typed('update WS1 Caseload audit checked --programme "Improving Children\'s Services"', 'key-named'),
    );
    expect(reply.kind).toBe('channel');
    expect(statements).toBe(onPostgres() ? 3 : 5);
    const refused = await typed('update WS1 Caseload audit checked --programme "SEND plan"', 'key-unknown');
    expect(refused.kind).toBe('ephemeral');
    if (refused.kind === 'ephemeral')
      expect(refused.message.text).toContain('There is no programme “SEND plan”');
    expect(await t.deps.db.update.count({ where: { text: 'Caseload audit checked' } })).toBe(1);
  });
});

describe('where each update was posted', () => {
  it('stores the posts that land while one such write is in flight together, each only in its own workspace', async () => {
    await seedProgramme(t.deps, OTHER_TEAM);
    await postUpdate({ workstream: 'WS1', text: 'Theirs' }, t.deps, as(U.lead, OTHER_TEAM));
    const posted: number[] = [];
    for (const text of ['One', 'Two', 'Three', 'Four'])
      posted.push((await postUpdate({ workstream: 'WS1', text }, t.deps, as(U.lead))).update.id);
    const theirs = await t.deps.db.update.findFirstOrThrow({ where: { text: 'Theirs' } });
    const { statements } = await counted(() =>
      Promise.all([
        ...posted.map((id, i) => recordUpdateMessage(t.deps, TEAM, id, 'C0BOARD', `1700000000.00010${i}`)),
        // Another workspace's update, named by this one: nothing changes.
        recordUpdateMessage(t.deps, TEAM, theirs.id, 'C0BOARD', '1700000000.000999'),
      ]),
    );
    // The first write goes alone; the four that arrived meanwhile share the next statement.
    expect(statements).toBe(2);
    const rows = await t.deps.db.update.findMany({ where: { id: { in: posted } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.channelId, r.messageId])).toEqual(
      posted.map((_, i) => ['C0BOARD', `1700000000.00010${i}`]),
    );
    expect(await t.deps.db.update.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      channelId: null,
      messageId: null,
    });
  });
});

/**
 * Runs `meanwhile` once, after the fast path's read and before its write (PostgreSQL only: on
 * SQLite the read and the write share one transaction, which holds the write lock).
 */
function between(meanwhile: () => Promise<void>): void {
  const real = t.deps.sql;
  let reads = 0;
  const one = async <T>(query: Parameters<Sql['one']>[0]): Promise<T | undefined> => {
    const row = await real.one<T>(query);
    if (++reads === 1) await meanwhile();
    return row;
  };
  t.deps.sql = Object.assign(Object.create(real) as Sql, { one });
}

describe.skipIf(!onPostgres())('facts gone stale between the read and the write', () => {
  it('writes nothing when the lead was removed meanwhile, and the slow path refuses', async () => {
    between(async () => {
      await t.deps.db.workstreamLead.deleteMany({});
    });
    const refused = await postUpdate(
      { workstream: 'WS1', text: 'Caseload audit checked' },
      t.deps,
      as(U.lead, TEAM, 'key-4'),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect((refused as Error).message).toContain('Only the lead of WS1');
    expect(await t.deps.db.update.count()).toBe(1); // the first week's only
    expect(await t.deps.db.processedRequest.count({ where: { key: 'key-4' } })).toBe(0);
  });

  it('moves the RAG from where it stands now when it changed meanwhile', async () => {
    between(async () => {
      await changeRag({ workstream: 'WS1', rag: 'red', reason: 'Board asked' }, t.deps, as(U.admin));
    });
    const { result, statements } = await counted(() =>
      postUpdate({ workstream: 'WS1', rag: 'amber', text: 'Recovering' }, t.deps, as(U.lead, TEAM, 'key-5')),
    );
    expect(statements).toBeGreaterThan(2); // the slow path answered
    expect(result.ragChange).toMatchObject({ fromRag: 'red', toRag: 'amber' });
    const chain = await t.deps.db.ragChange.findMany({ orderBy: { id: 'asc' } });
    expect(chain.map((c) => [c.fromRag, c.toRag])).toEqual([
      ['not_started', 'red'],
      ['red', 'amber'],
    ]);
    expect(await t.deps.db.update.count()).toBe(2);
    expect(await t.deps.db.processedRequest.count({ where: { key: 'key-5' } })).toBe(1);
  });

  it('says duplicate_request when the same request was claimed meanwhile', async () => {
    between(async () => {
      await t.deps.db.processedRequest.create({
        data: { workspaceId: TEAM, key: 'key-6', createdAt: t.clock.now() },
      });
    });
    await expect(
      postUpdate({ workstream: 'WS1', rag: 'green', text: 'Done' }, t.deps, as(U.lead, TEAM, 'key-6')),
    ).rejects.toMatchObject({ code: 'duplicate_request' });
    expect(await t.deps.db.update.count()).toBe(1);
    expect((await t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } })).rag).toBe('not_started');
  });
});
