/**
 * The demo programme in each of local mode's workspaces: the Slack workspace, and the Teams
 * tenant when the page has one. Each gets its own copy (a programme lives in one platform's
 * workspace), loaded on the first start only.
 */
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import { seedDemo } from '../seed/demo.js';
import { LOCAL_TENANT_ID, TEAMS_BOARD_CHANNEL, TEAMS_PEOPLE } from './teams/workspace.js';
import { BOARD_CHANNEL, LOCAL_PEOPLE, LOCAL_TEAM_ID } from './workspace.js';

const SLACK_DEMO = {
  workspaceId: LOCAL_TEAM_ID,
  platform: 'slack' as const,
  people: LOCAL_PEOPLE.map((p) => p.id),
  boardChannelId: BOARD_CHANNEL.id,
};

const TEAMS_DEMO = {
  workspaceId: LOCAL_TENANT_ID,
  platform: 'teams' as const,
  people: TEAMS_PEOPLE.map((p) => p.aadObjectId),
  boardChannelId: TEAMS_BOARD_CHANNEL.id,
};

/** Loads the demo into each workspace that has no programme yet. */
export async function seedLocalDemos(
  db: Db,
  options: { teams: boolean; now: Date; logger: Logger },
): Promise<void> {
  for (const demo of options.teams ? [SLACK_DEMO, TEAMS_DEMO] : [SLACK_DEMO]) {
    if ((await db.programme.count({ where: { workspaceId: demo.workspaceId } })) > 0) continue;
    await seedDemo(db, { ...demo, now: options.now });
    options.logger.info({ workspace: demo.workspaceId }, 'local mode: loaded the demo programme');
  }
}
