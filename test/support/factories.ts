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

/** Who sets the programme up and leads its workstreams, and on which platform (Slack unless said). */
export interface Cast {
  admin: string;
  lead: string;
  otherLead: string;
  platform?: Actor['platform'];
  /** The board channel; BOARD_CHANNEL unless said. */
  board?: string;
}

/**
 * Programme "Improving Children's Services" with WS1 (led by U.lead) and WS2 (led by U.otherLead);
 * another `cast` (Entra ids on Teams, say) sets it up and leads it instead.
 */
export async function seedProgramme(deps: Deps, workspaceId = TEAM, cast: Cast = U) {
  const admin: Actor = {
    workspaceId,
    userId: cast.admin,
    ...(cast.platform ? { platform: cast.platform } : {}),
  };
  const { programme } = await setupProgramme(
    { name: "Improving Children's Services", boardChannelId: cast.board ?? BOARD_CHANNEL },
    deps,
    admin,
  );
  const ws1 = await addWorkstream(
    { code: 'WS1', name: 'Support and Develop Our Workforce', leadUserIds: [cast.lead] },
    deps,
    admin,
  );
  const ws2 = await addWorkstream(
    { code: 'WS2', name: 'Improve Our Practice', leadUserIds: [cast.otherLead] },
    deps,
    admin,
  );
  return { programme, ws1, ws2 };
}
