/**
 * What the Teams benchmark sends: each scenario is one message typed in a lead's 1:1 chat with the
 * bot. The cast and ids are the Teams e2e tests' (test/support/teams-e2e.ts), copied here so the
 * load worker need not load the app those tests start.
 */
import type { Outcome } from './load.js';

export const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
export const CLIENT_SECRET = 'teams-client-secret';
export const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const BOARD = '19:board@thread.tacv2';
export const BOT = `28:${CLIENT_ID}`;

/** The seeded programme's people by Entra object id, as seedProgramme's cast on Teams. */
export const CAST = {
  admin: '9f1c2d3e-0000-4000-8000-0000000000a1',
  lead: '9f1c2d3e-0000-4000-8000-0000000000b2',
  otherLead: '9f1c2d3e-0000-4000-8000-0000000000b3',
  platform: 'teams',
  board: BOARD,
} as const;

export const LEAD = { id: '29:lead', aadObjectId: CAST.lead, name: 'Lee Okafor' };

/**
 * Each request comes from its own 1:1 chat, `a:bench-<id>`, so its reply is known by the
 * conversation the Bot Connector is asked to post in (a reply carries no tag of its own).
 */
export const chatOf = (id: string) => `a:bench-${id}`;
export const idOfChat = (conversationId: string) => /^a:bench-(b\d+)$/.exec(conversationId)?.[1];

export interface TeamsScenario {
  name: string;
  /** The message text; `id` tags it so the update it stores can be recognised in the reply. */
  text: (id: string) => string;
  /**
   * 'post': the reply in the 1:1 chat shows the update, tagged with the id (typed in a 1:1 chat,
   * the update is posted there). 'reply': any other answer that is not a refusal.
   */
  expect: Outcome;
}

export const TEAMS_SCENARIOS: TeamsScenario[] = [
  {
    name: 'update',
    text: (id) => `improve update WS1 Caseload audit sample checked, practice improving [${id}]`,
    expect: 'post',
  },
  { name: 'status', text: () => 'improve status', expect: 'reply' },
];

/** The bare SDK app answers any message with one fixed reply in the same chat. */
export const BARE_TEAMS: TeamsScenario = {
  name: 'bare Teams SDK',
  text: () => 'improve status',
  expect: 'reply',
};

export const teamsScenarioNamed = (name: string): TeamsScenario =>
  [...TEAMS_SCENARIOS, BARE_TEAMS].find((s) => s.name === name)!;
