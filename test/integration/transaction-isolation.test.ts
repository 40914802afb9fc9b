/**
 * Concurrent Slack requests share one database client. A refused command rolls its transaction
 * back; that must never undo, or let others see, what another request writes at the same moment.
 * (On SQLite there is a single connection, so this needs src/db/sqlite-serialised.ts.) The same
 * holds between Prisma and the hand-written SQL of src/db/sql.ts, which share that connection.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.js';
import { type TestDatabase, testDatabase } from '../support/database.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(async () => {
  await t.close();
});

/** Lets the event loop run a few rounds (no timers): enough for a query that can run to finish. */
async function settle(rounds = 50, until: () => boolean = () => false): Promise<void> {
  for (let i = 0; i < rounds && !until(); i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A Prisma transaction that writes workspace T0REFUSED, then stays open until `letGo()`, then is
 * refused (rolled back). Resolves once the row is written.
 */
async function openRefusedTransaction(): Promise<{ refused: Promise<unknown>; letGo: () => void }> {
  let letGo!: () => void;
  const gate = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const refused = t.deps.db.$transaction(async (tx) => {
    await tx.workspace.create({ data: { id: 'T0REFUSED', createdAt: t.clock.now() } });
    entered();
    await gate;
    throw new Error('refused');
  });
  await inside;
  return { refused, letGo };
}

it('keeps a write made outside a transaction when that transaction is rolled back meanwhile', async () => {
  const db = t.deps.db;
  const { refused, letGo } = await openRefusedTransaction();
  let written = false;
  const outside = db.workspace.create({ data: { id: 'T0OTHER', createdAt: t.clock.now() } }).then(() => {
    written = true;
  });
  await settle(50, () => written);
  letGo();
  await expect(refused).rejects.toThrow('refused');
  await outside;
  expect((await db.workspace.findMany()).map((w) => w.id)).toEqual(['T0OTHER']);
});

it('does not let a read outside a transaction see that transaction’s uncommitted rows', async () => {
  const { refused, letGo } = await openRefusedTransaction();
  let seen: string[] | undefined;
  const read = t.deps.db.workspace.findMany().then((rows) => {
    seen = rows.map((w) => w.id);
  });
  await settle(50, () => seen !== undefined);
  letGo();
  await expect(refused).rejects.toThrow('refused');
  await read;
  expect(seen).toEqual([]);
});

it('keeps hand-written SQL and Prisma transactions apart, both ways round', async () => {
  const { db, sql: handle } = t.deps;
  // A Prisma transaction is open and refused later; a Sql read meanwhile must not see its row.
  const { refused, letGo } = await openRefusedTransaction();
  let seen: string[] | undefined;
  const read = handle.all<{ id: string }>(sql`SELECT "id" FROM "Workspace"`).then((rows) => {
    seen = rows.map((w) => w.id);
  });
  await settle(50, () => seen !== undefined);
  letGo();
  await expect(refused).rejects.toThrow('refused');
  await read;
  expect(seen).toEqual([]);

  // A Sql transaction is refused; a Prisma write made meanwhile is kept, and the Sql row is not.
  const sqlRefused = handle.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO "Workspace" ("id", "createdAt") VALUES (${'T0SQL'}, ${t.clock.now()})`);
    await settle(5);
    throw new Error('refused too');
  });
  const kept = db.workspace.create({ data: { id: 'T0PRISMA', createdAt: t.clock.now() } });
  await expect(sqlRefused).rejects.toThrow('refused too');
  await kept;
  expect((await db.workspace.findMany()).map((w) => w.id)).toEqual(['T0PRISMA']);
});
