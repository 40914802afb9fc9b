/**
 * How many rows every table holds, in one query, so a test can prove a refused or rejected
 * request wrote nothing anywhere (not just in the table it was aimed at).
 */
import type { Db } from '../../src/db/client.js';
import { Prisma } from '../../src/db/generated/sqlite/client.js';

export type RowCounts = Record<string, number>;

// Every model is its own table (the schema has no @@map), so the model names are the table names.
const TABLES = Object.values(Prisma.ModelName);
const COUNT_ALL = `SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(', ')}`;

/** Rows per table; one round trip on SQLite and PostgreSQL alike. */
export async function countRows(db: Db): Promise<RowCounts> {
  const [row] = await db.$queryRawUnsafe<Record<string, number | bigint>[]>(COUNT_ALL);
  // PostgreSQL's COUNT is a bigint; the numbers here are small.
  return Object.fromEntries(TABLES.map((t) => [t, Number(row?.[t] ?? 0)]));
}
