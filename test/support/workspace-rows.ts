/**
 * Every row one workspace holds, in every table, as one string: comparing two of them proves a
 * request changed nothing of that workspace's, not just that it added or removed no row.
 */
import type { Db } from '../../src/db/client.js';
import { Prisma } from '../../src/db/generated/sqlite/client.js';

const TABLES = Object.values(Prisma.ModelName);

export async function workspaceRows(db: Db, workspaceId: string): Promise<string> {
  if (!/^([A-Z0-9]+|[0-9a-f-]{36})$/.test(workspaceId))
    throw new Error(`not a Slack team or Teams tenant id: ${workspaceId}`);
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const column = table === 'Workspace' ? 'id' : 'workspaceId';
    out[table] = await db.$queryRawUnsafe<unknown[]>(
      `SELECT * FROM "${table}" WHERE "${column}" = '${workspaceId}' ORDER BY 1`,
    );
  }
  // PostgreSQL gives bigints for some columns; JSON has no bigint.
  return JSON.stringify(out, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
}
