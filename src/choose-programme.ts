/**
 * Which programme a command-line script (`npm run digest`, `npm run pack`) acts on: the one given
 * with --programme, or the only one there is. Otherwise a message listing the programmes, so
 * the person running it can pick one.
 */
import type { Db } from './db/client.js';
import type { Programme } from './db/generated/sqlite/client.js';

export async function chooseProgramme(
  db: Db,
  given: string | undefined,
): Promise<{ programme: Programme } | { problem: string }> {
  const programmes = await db.programme.findMany({ orderBy: { id: 'asc' } });
  const list =
    programmes.map((p) => `  ${p.id}: ${p.name} (workspace ${p.workspaceId})`).join('\n') || '  (none)';
  if (!given && programmes.length !== 1)
    return { problem: `Say which programme with --programme <id>. The programmes are:\n${list}` };
  const programme = given ? programmes.find((p) => String(p.id) === given) : programmes[0];
  if (!programme) return { problem: `There is no programme ${given}. The programmes are:\n${list}` };
  return { programme };
}
