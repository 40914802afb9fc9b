/** The workspace's improvement programme: every operation starts here. */
import type { Tx } from '../db/client.js';
import type { Programme } from '../db/generated/sqlite/client.js';
import { isSql, type Sql, sql } from '../db/sql.js';
import { AppError } from '../domain/errors.js';

/** The workspace's programme (the first, if an admin has set up more than one). */
export async function loadProgramme(db: Tx | Sql, workspaceId: string): Promise<Programme> {
  const programme = isSql(db)
    ? await db.one<Programme>(
        sql`SELECT * FROM "Programme" WHERE "workspaceId" = ${workspaceId} ORDER BY "id" LIMIT 1`,
      )
    : await db.programme.findFirst({ where: { workspaceId }, orderBy: { id: 'asc' } });
  if (!programme) {
    throw new AppError(
      'not_set_up',
      'This workspace has no improvement programme yet. An admin can start one with `/improve setup`.',
      {
        example: '/improve setup "Children\'s Services Improvement Plan" #improvement-board',
      },
    );
  }
  return programme;
}
