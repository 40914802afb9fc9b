/**
 * Who and what exists in local mode's pretend Teams tenant: the same demo people as the Slack
 * workspace (so the two views can be compared side by side), a team with the board channel and
 * General, and the bot. A tenant of its own, seeded with its own copy of the demo programme: a
 * programme lives in one platform's workspace, as it does for a council. Ids are fixed so a restart
 * finds the same people in the database.
 */
import { LOCAL_PEOPLE, type LocalPerson } from '../workspace.js';

/** The local tenant: a Teams workspace's id is its Microsoft Entra tenant id. */
export const LOCAL_TENANT_ID = '10ca1000-0000-4000-8000-000000000001';
/** The local bot's Microsoft app id; its secret is made afresh each start. */
export const LOCAL_TEAMS_CLIENT_ID = '10ca1b07-0000-4000-8000-000000000001';
export const LOCAL_TEAMS_BOT = { id: `28:${LOCAL_TEAMS_CLIENT_ID}`, name: 'improvement-bot' };
export const LOCAL_TEAM_ID = '19:local-team@thread.tacv2';

export interface TeamsChannel {
  id: string;
  name: string;
}

export const TEAMS_BOARD_CHANNEL: TeamsChannel = {
  id: '19:improvement-board@thread.tacv2',
  name: 'Improvement Board',
};
export const TEAMS_GENERAL_CHANNEL: TeamsChannel = { id: LOCAL_TEAM_ID, name: 'General' };
export const TEAMS_CHANNELS: TeamsChannel[] = [TEAMS_BOARD_CHANNEL, TEAMS_GENERAL_CHANNEL];

/** A demo person as Teams knows them: an Entra object id, a Teams user id, their 1:1 chat. */
export interface TeamsPerson {
  /** The page's id for them (the Slack view's), so "You are" means the same person in both. */
  localId: string;
  aadObjectId: string;
  teamsId: string;
  name: string;
  personalChat: string;
}

const hex = (n: number) => n.toString(16).padStart(12, '0');

export const TEAMS_PEOPLE: TeamsPerson[] = LOCAL_PEOPLE.map((p: LocalPerson, i) => ({
  localId: p.id,
  aadObjectId: `10ca1e00-0000-4000-8000-${hex(i + 1)}`,
  teamsId: `29:local-${i + 1}`,
  name: p.realName,
  personalChat: `a:local-personal-${i + 1}`,
}));

export const teamsPersonOf = (localId: unknown): TeamsPerson | undefined =>
  TEAMS_PEOPLE.find((p) => p.localId === localId);

/** The person a Bot Connector member id names: their Teams user id or their Entra object id. */
export const memberOf = (id: string): TeamsPerson | undefined =>
  TEAMS_PEOPLE.find((p) => p.teamsId === id || p.aadObjectId === id);
