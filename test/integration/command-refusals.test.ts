/**
 * Bad input that only the handlers can judge (a past due date, a missing reason, an unknown or
 * ambiguous workstream, text too long or holding personal data), table-driven through runCommand
 * against a real seeded database: a polite refusal with the user's own text, and no write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/index.js';
import { commandContext } from '../../src/chat/slack/context.js';
import { fromSlack, toMrkdwn } from '../../src/chat/slack/mrkdwn.js';
import { type TestDatabase, testDatabase } from '../support/database.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(t.deps);
});
afterAll(async () => {
  await t.close();
});

const LONG = 'Recruitment is behind plan. '.repeat(200).slice(0, 5000);

/** [text, who types it, what the refusal must say]. */
const REFUSALS: [string, string, string][] = [
  ['action add WS1 <@U0OWNER> 31/03/2026 Run the caseload audit', U.lead, 'in the past'],
  [
    'action add WS1 <@U0OWNER> yesterday Run the caseload audit',
    U.lead,
    'could not read "yesterday" as a date',
  ],
  ['rag WS2 red', U.otherLead, 'needs a reason'],
  ['update WS9 green Nothing to report', U.lead, 'find a workstream called “WS9”'],
  ['update our Nothing to report', U.admin, 'matches more than one workstream'],
  [`update WS1 ${LONG}`, U.lead, '5,000 characters long; the limit is 2,000'],
  ['update WS1 Visited Jane Smith DOB 01/02/2015 at home', U.lead, 'nothing was saved'],
  ['update WS1 Call me on 07700 900123', U.lead, 'nothing was saved'],
  ['update WS1 Good week', U.member, 'Only the lead of WS1'],
  ['action add WS2 <@U0OWNER> friday Audit', U.lead, 'Only the lead of WS2'],
  ['workstream add WS3 Voice of the Child lead <@U0LEAD1>', U.lead, 'Only an admin'],
  ['frobnicate WS1', U.lead, "I don't know the subcommand “frobnicate”"],
];

describe('refusals that need the database', () => {
  const rows = REFUSALS.map(
    ([text, userId, says]) =>
      [text.length > 80 ? `${text.slice(0, 77)}…` : text, text, userId, says] as const,
  );
  it.each(rows)('%s', async (_label, text, userId, says) => {
    const before = await countRows(t.deps.db);
    const ctx = await commandContext(t.deps, '/improve', {
      teamId: TEAM,
      userId,
      channelId: 'C0GENERAL',
      requestKey: `refusal:${text.slice(0, 40)}`,
    });
    // As the Slack app does: Slack's text into the neutral markup, the reply back into mrkdwn.
    const reply = await runCommand(fromSlack(text), ctx);
    expect(reply.kind).toBe('ephemeral');
    const shown = reply.kind === 'ephemeral' ? toMrkdwn(reply.message.text) : '';
    expect(shown).toMatch(/^:warning: /);
    // Apostrophes are straight in some messages and curly in others; either reads the same.
    const straight = (x: string) => x.replace(/\u2019/g, "'");
    expect(straight(shown)).toContain(straight(says));
    expect(shown).toContain('Your text, so nothing is lost');
    expect(shown).toContain(`/improve ${text.slice(0, 100)}`);
    expect(await countRows(t.deps.db)).toEqual(before);
  });
});
