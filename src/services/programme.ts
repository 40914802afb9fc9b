/** The workspace's improvement programme: every operation starts here. */
import type { Tx } from '../db/client.js';
import type { Programme } from '../db/generated/sqlite/client.js';
import { AppError } from '../domain/errors.js';

/** The workspace's programme (the first, if an admin has set up more than one). */
export async function loadProgramme(tx: Tx, workspaceId: string): Promise<Programme> {
  const programme = await tx.programme.findFirst({ where: { workspaceId }, orderBy: { id: 'asc' } });
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
