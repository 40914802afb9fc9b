/**
 * How many rows every table holds, in one query, so a test can prove a refused or rejected
 * request wrote nothing anywhere (not just in the table it was aimed at).
 */
import type { Db } from '../../src/db/client.js';
import { Prisma } from '../../src/db/generated/sqlite/client.js';

export type RowCounts = Record<string, number>;

// Every model is its own table (the schema has no @@map), so the model names are the table names.
const TABLES = Object.values(Prisma.ModelName);
const countAll = (where: (table: string) => string) =>
  `SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}"${where(t)}) AS "${t}"`).join(', ')}`;
const COUNT_ALL = countAll(() => '');

/**
 * Rows per table, in one round trip on SQLite and PostgreSQL alike; with `workspaceId`, only that
 * workspace's rows (every table carries it), so runs in separate workspaces can go side by side.
 */
export async function countRows(db: Db, workspaceId?: string): Promise<RowCounts> {
  if (workspaceId !== undefined && !/^([A-Z0-9]+|[0-9a-f-]{36})$/.test(workspaceId))
    throw new Error(`not a Slack team or Teams tenant id: ${workspaceId}`);
  const sql =
    workspaceId === undefined
      ? COUNT_ALL
      : countAll((t) => ` WHERE "${t === 'Workspace' ? 'id' : 'workspaceId'}" = '${workspaceId}'`);
  const [row] = await db.$queryRawUnsafe<Record<string, number | bigint>[]>(sql);
  // PostgreSQL's COUNT is a bigint; the numbers here are small.
  return Object.fromEntries(TABLES.map((t) => [t, Number(row?.[t] ?? 0)]));
}
