/**
 * The hand-written SQL of src/db/sql.ts reads and writes rows exactly as Prisma does, so the two
 * can share tables: each reads what the other wrote, with the same types.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Person, Update } from '../../src/db/generated/sqlite/client.js';
import { asDate, sql } from '../../src/db/sql.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(async () => {
  await t.close();
});

it('reads a row Prisma wrote as Prisma returns it: dates, booleans, nulls and numbers', async () => {
  await t.deps.db.workspace.create({ data: { id: TEAM, createdAt: t.clock.now() } });
  const written = await t.deps.db.person.create({
    data: {
      workspaceId: TEAM,
      platformUserId: 'U0PRISMA',
      displayName: 'Jo Bloggs',
      remindersOff: true,
      unreachableAt: new Date('2026-03-29T00:30:00.123Z'),
      timezone: null,
      createdAt: new Date('2026-03-29T00:30:00.456Z'),
    },
  });
  const read = await t.deps.sql.one<Person>(sql`SELECT * FROM "Person" WHERE "id" = ${written.id}`);
  expect(read).toEqual(written);
  expect(read!.unreachableAt).toBeInstanceOf(Date);
  expect(read!.remindersOff).toBe(true);
});

it('writes rows Prisma reads back the same, and binds values rather than splicing them', async () => {
  const { programme, ws1 } = await seedProgramme(t.deps);
  const lead = await t.deps.db.person.findFirstOrThrow({ where: { platformUserId: U.lead } });
  const hostile = `Robert'); DROP TABLE "Update"; --`;
  const createdAt = new Date('2026-10-25T01:30:00.000Z'); // the hour the clocks go back in London
  const inserted = await t.deps.sql.one<Update>(
    sql`INSERT INTO "Update" ("workspaceId", "programmeId", "workstreamId", "authorId", "text", "rag", "createdAt")
        VALUES (${TEAM}, ${programme.id}, ${ws1.id}, ${lead.id}, ${hostile}, ${null}, ${createdAt})
        RETURNING *`,
  );
  const viaPrisma = await t.deps.db.update.findUniqueOrThrow({ where: { id: inserted!.id } });
  expect(viaPrisma).toEqual(inserted);
  expect(viaPrisma.text).toBe(hostile);
  expect(viaPrisma.createdAt.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  const latest = await t.deps.sql.one<{ at: unknown }>(
    sql`SELECT MAX("createdAt") AS "at" FROM "Update" WHERE "workspaceId" = ${TEAM}`,
  );
  expect(asDate(latest!.at)).toEqual(createdAt);
});

it('commits a transaction that resolves and leaves nothing of one that throws', async () => {
  await t.deps.sql.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO "Workspace" ("id", "createdAt") VALUES (${'T0KEPT'}, ${new Date()})`);
  });
  await expect(
    t.deps.sql.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO "Workspace" ("id", "createdAt") VALUES (${'T0GONE'}, ${new Date()})`);
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
  expect((await t.deps.db.workspace.findMany()).map((w) => w.id)).toEqual(['T0KEPT']);
  expect(await t.deps.sql.run(sql`UPDATE "Workspace" SET "name" = ${'Kept'} WHERE "id" = ${'T0KEPT'}`)).toBe(
    1,
  );
});
