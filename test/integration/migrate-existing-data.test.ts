/**
 * A council upgrading keeps its data: the migrations after the first are applied to a database
 * that already holds a programme, and every row survives with its times. On SQLite a migration
 * that rebuilds a table must not trip (or cascade through) the foreign keys that point at it.
 */
import { createHash, randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import type { DatabaseTarget } from '../../src/db/database-url.js';
import { listMigrations, migrate } from '../../src/db/migrate.js';
import { createTarget } from '../support/database.js';

let drop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await drop?.();
});

const CREATED = '2025-01-06T09:00:00.000Z';
/** A programme with a workstream, a lead, an update and an action, as the first schema held them. */
const ROWS = [
  `INSERT INTO "Workspace" ("id", "name", "createdAt") VALUES ('T0OLD', 'Old council', '${CREATED}')`,
  `INSERT INTO "Person" ("id", "workspaceId", "slackUserId", "displayName", "createdAt") VALUES (1, 'T0OLD', 'U0LEAD', 'Lead', '${CREATED}')`,
  `INSERT INTO "Programme" ("id", "workspaceId", "name", "createdAt") VALUES (1, 'T0OLD', 'Plan', '${CREATED}')`,
  `INSERT INTO "Workstream" ("id", "workspaceId", "programmeId", "code", "name", "createdAt") VALUES (1, 'T0OLD', 1, 'WS1', 'Workforce', '${CREATED}')`,
  `INSERT INTO "WorkstreamLead" ("workspaceId", "workstreamId", "personId") VALUES ('T0OLD', 1, 1)`,
  `INSERT INTO "Update" ("workspaceId", "programmeId", "workstreamId", "authorId", "text", "createdAt") VALUES ('T0OLD', 1, 1, 1, 'Recruitment drive launched with <@U0LEAD|lead> in <#C0BOARD|board>', '${CREATED}')`,
  `INSERT INTO "Action" ("workspaceId", "programmeId", "number", "workstreamId", "ownerId", "createdById", "text", "dueDate", "createdAt") VALUES ('T0OLD', 1, 1, 1, 1, 1, 'Agree the caseload policy', '2025-02-28', '${CREATED}')`,
];

async function firstMigrationWithRows(target: DatabaseTarget): Promise<void> {
  const [first] = listMigrations(target.provider);
  const record = `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('${randomUUID()}', '${createHash('sha256').update(first!.sql).digest('hex')}', '${CREATED}', '${first!.name}', '${CREATED}', 1)`;
  if (target.provider === 'sqlite') {
    const db = new Sqlite(target.file);
    db.exec(first!.sql);
    db.exec(
      `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
    );
    for (const row of [record, ...ROWS]) db.exec(row);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query(first!.sql);
  await client.query(
    `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
  );
  for (const row of [record, ...ROWS]) await client.query(row);
  await client.end();
}

it('applies the later migrations to a database holding a programme and keeps every row', async () => {
  const created = await createTarget();
  drop = created.drop;
  await firstMigrationWithRows(created.target);
  const { applied } = await migrate(created.target);
  expect(applied).toEqual(
    listMigrations(created.target.provider)
      .slice(1)
      .map((m) => m.name),
  );
  const database = await openDatabase(created.target);
  try {
    const db = database.prisma;
    const workstream = await db.workstream.findFirstOrThrow({ include: { leads: true } });
    expect(workstream).toMatchObject({ code: 'WS1', createdAt: new Date(CREATED) });
    expect(workstream.leads).toHaveLength(1);
    expect(await db.update.findMany({ select: { text: true, createdAt: true } })).toEqual([
      // Slack's mentions, stored before the core was platform-neutral, become the markup's tokens.
      {
        text: 'Recruitment drive launched with <person:U0LEAD|lead> in <channel:C0BOARD|board>',
        createdAt: new Date(CREATED),
      },
    ]);
    expect(await db.person.findFirstOrThrow()).toMatchObject({ platformUserId: 'U0LEAD' });
    expect(await db.workspace.findFirstOrThrow()).toMatchObject({ id: 'T0OLD', platform: 'slack' });
    expect(await db.action.count()).toBe(1);
    expect(await db.person.count()).toBe(1);
    expect((await db.programme.findFirstOrThrow()).createdAt).toEqual(new Date(CREATED));
  } finally {
    await database.close();
  }
});
