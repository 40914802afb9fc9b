/**
 * RETENTION_YEARS: records older than N years are deleted, newer ones kept, the plan kept, and
 * each workspace's deletion audited in the same transaction; a second run deletes nothing more.
 * The daily job is claimed once per Europe/London day across replicas: one deletes and audits.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { retentionJob } from '../../src/scheduler/retention-job.js';
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

it('runs once a day across replicas ticking at the same instant: one deletes and audits', async () => {
  const { programme, ws1 } = await seedProgramme(t.deps);
  const oldUpdate = (text: string) =>
    t.deps.db.update.create({
      data: {
        workspaceId: TEAM,
        programmeId: programme.id,
        workstreamId: ws1.id,
        authorId: 1,
        text,
        createdAt: yearsBefore(t.clock.now(), 3),
      },
    });
  for (const n of [1, 2, 3, 4, 5, 6]) await oldUpdate(`old update ${n}`);
  // A second replica: its own connection to the same database, its own name in claims.
  const other = await openDatabase(t.target, { poolSize: 4 });
  try {
    const a = retentionJob({ ...t.deps, instanceId: 'replica-a' }, 2);
    const b = retentionJob({ ...t.deps, db: other.prisma, sql: other.sql, instanceId: 'replica-b' }, 2);
    // 00:05 on 24 November in London.
    t.clock.set(new Date('2026-11-24T00:05:00Z'));
    await Promise.all([a.run(t.clock.now()), b.run(t.clock.now())]);
    const runs = () =>
      t.deps.db.auditLog.findMany({ where: { action: 'retention.delete' }, orderBy: { id: 'asc' } });
    expect(await t.deps.db.update.count()).toBe(0);
    const first = await runs();
    expect(first).toHaveLength(1);
    expect(JSON.parse(first[0]!.after!)).toMatchObject({ deleted: { updates: 6 } });

    // Later that day, both tick again: the day is done.
    for (const n of [7, 8]) await oldUpdate(`old update ${n}`);
    t.clock.advance(60 * 60_000);
    await Promise.all([a.run(t.clock.now()), b.run(t.clock.now())]);
    expect(await t.deps.db.update.count()).toBe(2);
    expect(await runs()).toHaveLength(1);

    // The next London day, it runs again, once.
    t.clock.set(new Date('2026-11-25T00:01:00Z'));
    await Promise.all([b.run(t.clock.now()), a.run(t.clock.now())]);
    expect(await t.deps.db.update.count()).toBe(0);
    const second = await runs();
    expect(second).toHaveLength(2);
    expect(JSON.parse(second[1]!.after!)).toMatchObject({ deleted: { updates: 2 } });
  } finally {
    await other.close();
  }
});
