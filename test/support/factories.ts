/**
 * Builds a small programme through the real services, as an admin would in Slack: programme,
 * admin, two workstreams with their leads. Tests add what they need on top.
 */
import { addWorkstream } from '../../src/services/add-workstream.js';
import type { Actor, Deps } from '../../src/services/deps.js';
import { setupProgramme } from '../../src/services/setup-programme.js';

export const TEAM = 'T0TEAMA';
export const OTHER_TEAM = 'T0TEAMB';

/** Slack user ids of the cast. */
export const U = {
  admin: 'U0ADMIN',
  lead: 'U0LEAD1',
  otherLead: 'U0LEAD2',
  owner: 'U0OWNER',
  member: 'U0MEMBER',
} as const;

export const BOARD_CHANNEL = 'C0BOARD';

export const as = (userId: string, workspaceId = TEAM, requestKey?: string): Actor => ({
  workspaceId,
  userId,
  requestKey,
});

/** Programme "Improving Children's Services" with WS1 (led by U.lead) and WS2 (led by U.otherLead). */
export async function seedProgramme(deps: Deps, workspaceId = TEAM) {
  const { programme } = await setupProgramme(
    { name: "Improving Children's Services", boardChannelId: BOARD_CHANNEL },
    deps,
    as(U.admin, workspaceId),
  );
  const ws1 = await addWorkstream(
    { code: 'WS1', name: 'Support and Develop Our Workforce', leadUserIds: [U.lead] },
    deps,
    as(U.admin, workspaceId),
  );
  const ws2 = await addWorkstream(
    { code: 'WS2', name: 'Improve Our Practice', leadUserIds: [U.otherLead] },
    deps,
    as(U.admin, workspaceId),
  );
  return { programme, ws1, ws2 };
}
