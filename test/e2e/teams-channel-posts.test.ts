/**
 * A Teams command typed in a channel (the bot @mentioned) whose answer Slack would post in the
 * channel is posted in that channel, through the real Teams app and the fake Bot Connector; the
 * person's 1:1 chat gets nothing unless there is something for them alone. When the Bot
 * Connector refuses the post, the change is still stored and the person is told so in their 1:1.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { zonedInstant } from '../../src/domain/dates.js';
import {
  BOARD,
  BOT,
  cardText,
  PEOPLE,
  personalChat,
  seedTeamsProgramme,
  startTeamsE2E,
  TENANT,
  type TeamsE2E,
} from '../support/teams-e2e.js';

let e: TeamsE2E;
beforeEach(async () => {
  e = await startTeamsE2E(zonedInstant('2026-11-23', '10:00', 'Europe/London'));
  await e.install(['admin', 'lead']);
  await seedTeamsProgramme(e);
});
afterEach(async () => {
  e.standin.assertExpected();
  await e.close();
});

let n = 0;
const typeInBoard = async (text: string) => {
  const res = await e.send({
    type: 'message',
    id: `typed-${++n}`,
    text: `<at>improvement-bot</at> improve ${text}`,
    from: { id: PEOPLE.lead.teams, aadObjectId: PEOPLE.lead.aad, name: PEOPLE.lead.name },
    conversation: { id: `${BOARD};messageid=${n}`, conversationType: 'channel', tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, channel: { id: BOARD } },
    entities: [{ type: 'mention', text: '<at>improvement-bot</at>', mentioned: { id: BOT } }],
  });
  expect(res.status).toBe(200);
  await e.teams.idle();
};

it('posts an update typed in the channel in that channel, and nothing in the 1:1 chat', async () => {
  await typeInBoard('update WS1 Six of twelve posts filled');
  const posts = e.postsTo(BOARD);
  expect(posts).toHaveLength(1);
  expect(cardText(posts[0]!.body)).toContain('Six of twelve posts filled');
  expect(e.postsTo(personalChat('lead'))).toEqual([]);
  expect(await e.t.deps.db.update.count()).toBe(1);
});

it('a post the Bot Connector refuses is still stored, and the person is told in their 1:1 chat', async () => {
  // The lead's name is stored, so the first call the post makes is the post itself.
  await e.t.deps.db.person.updateMany({ data: { displayName: PEOPLE.lead.name } });
  e.standin.failNext({ status: 403, code: 'BotNotInConversationRoster' });
  await typeInBoard('update WS1 Six of twelve posts filled');
  expect(await e.t.deps.db.update.count()).toBe(1);
  expect(e.postsTo(BOARD)).toEqual([]);
  const told = e.postsTo(personalChat('lead'));
  expect(told).toHaveLength(1);
  expect(cardText(told[0]!.body)).toContain('Saved, but I could not post it in the channel');
});
