/**
 * RETENTION_YEARS: records older than N years are deleted, newer ones kept, the plan kept, and
 * each workspace's deletion audited in the same transaction; a second run deletes nothing more.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deleteOldRecords } from '../../src/services/retention/delete-old-records.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { seedProgramme, TEAM } from '../support/factories.js';

const yearsBefore = (at: Date, years: number) => {
  const d = new Date(at.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
};

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(async () => {
  await t.close();
});

it('deletes what is older than the setting, keeps the rest and audits it', async () => {
  const { programme, ws1 } = await seedProgramme(t.deps);
  const now = t.clock.now();
  const row = (createdAt: Date, text: string) => ({
    workspaceId: TEAM,
    programmeId: programme.id,
    workstreamId: ws1.id,
    authorId: 1,
    text,
    createdAt,
  });
  await t.deps.db.update.create({ data: row(yearsBefore(now, 3), 'three years old') });
  await t.deps.db.update.create({ data: row(yearsBefore(now, 1), 'one year old') });
  await t.deps.db.auditLog.create({
    data: {
      workspaceId: TEAM,
      actor: 'U1',
      action: 'x',
      entity: 'y',
      entityId: '1',
      createdAt: yearsBefore(now, 3),
    },
  });
  const auditBefore = await t.deps.db.auditLog.count();

  const counts = await deleteOldRecords({ years: 2 }, t.deps);
  expect(counts.get(TEAM)).toMatchObject({ updates: 1, auditLog: 1 });
  expect((await t.deps.db.update.findMany()).map((u) => u.text)).toEqual(['one year old']);
  expect(await t.deps.db.workstream.count()).toBe(2);
  const audited = await t.deps.db.auditLog.findMany({ where: { action: 'retention.delete' } });
  expect(audited).toHaveLength(1);
  expect(JSON.parse(audited[0]!.after!)).toMatchObject({ years: 2, deleted: { updates: 1, auditLog: 1 } });
  expect(await t.deps.db.auditLog.count()).toBe(auditBefore - 1 + 1);

  await deleteOldRecords({ years: 2 }, t.deps);
  expect(await t.deps.db.auditLog.count({ where: { action: 'retention.delete' } })).toBe(1);
});
