/**
 * `/improve admins list`: anyone may read who the admins are, since every refusal tells people
 * to ask one. ADMIN_USER_IDS people are admins even before their first command, so they are listed too.
 */
import type { Actor, Deps } from '../deps.js';

export interface AdminEntry {
  platformUserId: string;
  /** Named in ADMIN_USER_IDS: removed only by changing that setting. */
  fromSetting: boolean;
}

export async function listAdmins(deps: Deps, actor: Pick<Actor, 'workspaceId'>): Promise<AdminEntry[]> {
  const forced = deps.adminUserIds ?? [];
  const stored = await deps.db.person.findMany({
    where: { workspaceId: actor.workspaceId, role: 'admin' },
    orderBy: { id: 'asc' },
  });
  const ids = [...new Set([...stored.map((p) => p.platformUserId), ...forced])];
  return ids.map((platformUserId) => ({ platformUserId, fromSetting: forced.includes(platformUserId) }));
}
