/**
 * Personal data typed in a Teams channel: Teams has no message only its sender sees, so the
 * refusal goes to the person's 1:1 chat, never the channel, and asks them to delete their own
 * channel message, which everyone there can still read. Nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  e = await startTeamsE2E(zonedInstant('2026-11-02', '10:00', 'Europe/London'));
  await e.install(['admin', 'lead']);
  await seedTeamsProgramme(e);
});
afterEach(async () => {
  e.standin.assertExpected();
  await e.close();
});

const inChannel = (id: string, text: string) =>
  e.send({
    type: 'message',
    id,
    text: `<at>improvement-bot</at> improve ${text}`,
    entities: [
      { type: 'mention', text: '<at>improvement-bot</at>', mentioned: { id: BOT, name: 'improvement-bot' } },
    ],
    from: { id: PEOPLE.lead.teams, aadObjectId: PEOPLE.lead.aad, name: PEOPLE.lead.name },
    conversation: { id: BOARD, conversationType: 'channel', tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: BOARD } },
  });

describe('personal data typed in a channel', () => {
  it('is refused in the person’s 1:1 chat, which asks them to delete their channel message; nothing is written', async () => {
    expect((await inChannel('c1', 'update WS1 Visited Jayden Smith, aged 9, at home')).status).toBe(200);
    await e.standin.waitForCalls(2);
    await e.teams.idle();
    const said = e.postsTo(personalChat('lead')).map((p) => cardText(p.body));
    expect(said).toHaveLength(2);
    expect(said[0]).toContain('nothing was saved');
    expect(said[0]).toContain('Visited Jayden Smith, aged 9, at home');
    expect(said[1]).toContain(
      'Your message in the channel is still there for everyone in it to read. Please delete it',
    );
    expect(e.postsTo(BOARD)).toHaveLength(0);
    expect(await e.t.deps.db.update.count()).toBe(0);
  });

  it('a refusal for anything else does not ask for the message to be deleted', async () => {
    expect((await inChannel('c2', 'update WS9 Caseloads reviewed')).status).toBe(200);
    await e.standin.waitForCalls(1);
    await e.teams.idle();
    const said = e.postsTo(personalChat('lead')).map((p) => cardText(p.body));
    expect(said).toHaveLength(1);
    expect(said[0]).not.toContain('delete it');
  });
});
