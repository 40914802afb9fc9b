/**
 * Who and what exists in local mode's pretend Slack workspace: the demo programme's people
 * (so reminders DM someone you can switch to on the page), the board channel, #general and the
 * bot. Ids are fixed so a restart finds the same people in the database.
 */
import { DEMO_PEOPLE } from '../seed/demo-plan.js';
import type { FakeBot, FakeChannel, FakeUser } from './slack-web-api.js';

export const LOCAL_TEAM_ID = 'T0LOCAL001';
export const LOCAL_TEAM_NAME = 'Local Council';

export const LOCAL_BOT: FakeBot = {
  userId: 'U0BOT00001',
  botId: 'B0BOT00001',
  appId: 'A0APP00001',
  name: 'improvement-bot',
};

export const BOARD_CHANNEL: FakeChannel = { id: 'C0BOARD001', name: 'improvement-board' };
export const GENERAL_CHANNEL: FakeChannel = { id: 'C0GENERAL1', name: 'general' };
export const LOCAL_CHANNELS: FakeChannel[] = [BOARD_CHANNEL, GENERAL_CHANNEL];

/** What each demo role means to someone trying the bot out, shown beside their name. */
const ROLE_TITLES: Record<string, string> = {
  admin: 'Programme manager',
  lead: 'Workstream lead',
  member: 'Action owner',
};

/** A person on the page: a Slack user plus the role the demo gives them. */
export interface LocalPerson extends FakeUser {
  name: string;
  realName: string;
  title: string;
}

/** The demo people, in DEMO_PEOPLE order, as members of the local workspace. */
export const LOCAL_PEOPLE: LocalPerson[] = DEMO_PEOPLE.map((person, i) => ({
  id: `U0LOCAL${String(i + 1).padStart(3, '0')}`,
  name: person.name.toLowerCase().replace(/[^a-z]+/g, '.'),
  realName: person.name,
  displayName: person.name.split(' ')[0] ?? person.name,
  title: ROLE_TITLES[person.role] ?? 'Member',
}));
