/**
 * The buttons on notices to a workstream lead, on Teams through the real app and the fake Bot
 * Connector: Approve on an extension request and Reassign as suggested on a Not mine notice each
 * answer in the card's place (Action.Execute's card response), change the plan, and a second
 * press changes nothing.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { zonedInstant } from '../../src/domain/dates.js';
import { reminderJob } from '../../src/scheduler/reminder-job.js';
import { addAction } from '../../src/services/add-action.js';
import { declineAction } from '../../src/services/decline-action.js';
import { extendAction } from '../../src/services/extend-action.js';
import {
  asTeams,
  cardText,
  PEOPLE,
  seedTeamsProgramme,
  startTeamsE2E,
  TENANT,
  type TeamsE2E,
} from '../support/teams-e2e.js';

let e: TeamsE2E;
const london = (day: string, time: string) => zonedInstant(day, time, 'Europe/London');

beforeEach(async () => {
  e = await startTeamsE2E(london('2026-11-02', '10:00'));
  await e.install(['admin', 'owner', 'lead']);
  await seedTeamsProgramme(e);
  await addAction(
    {
      workstream: 'WS1',
      ownerUserId: PEOPLE.owner.aad,
      dueDate: '2026-11-27',
      text: 'Recruit four social workers',
    },
    e.t.deps,
    asTeams('admin'),
  );
});
afterEach(async () => {
  e.standin.assertExpected();
  await e.close();
});

const a1 = () => e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TENANT, number: 1 } });

/** Delivers the queued notices, and gives the lead's notice card holding `button`. */
async function noticeWith(button: string) {
  const now = london('2026-11-03', '11:00');
  e.t.clock.set(now);
  await reminderJob(e.chatDeps(), { minIntervalMs: 0 }).run(now);
  await e.teams.idle();
  const chat = await e.t.deps.db.teamsConversation.findUniqueOrThrow({
    where: { workspaceId_kind_key: { workspaceId: TENANT, kind: 'personal', key: PEOPLE.lead.aad } },
  });
  const card = e
    .postsTo(chat.conversationId)
    .find((p) => JSON.stringify(p.body).includes(`"verb":"${button}"`));
  expect(card).toBeDefined();
  const data = JSON.stringify(card!.body).match(new RegExp(`"verb":"${button}","data":(\\{[^}]*\\})`));
  return { chat: chat.conversationId, card: card!, data: JSON.parse(data![1]!) as Record<string, unknown> };
}

let n = 0;
async function press(chat: string, replyToId: string, verb: string, data: Record<string, unknown>) {
  const res = await e.send({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `press-${++n}`,
    replyToId,
    from: { id: PEOPLE.lead.teams, aadObjectId: PEOPLE.lead.aad, name: PEOPLE.lead.name },
    conversation: { id: chat, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  expect(res.status).toBe(200);
  const answer = (await res.json()) as { type: string; value: unknown };
  await e.teams.idle();
  return answer;
}

it('Approve on an extension request moves the date and answers in the card’s place; a second press changes nothing', async () => {
  await e.t.deps.db.programme.updateMany({ data: { extensionApproval: true } });
  await extendAction(
    { ref: 'A-1', dueDate: '2026-12-18', reason: 'HR sign-off slipped' },
    e.t.deps,
    asTeams('owner'),
  );
  expect((await a1()).dueDate).toBe('2026-11-27');
  const { chat, card, data } = await noticeWith('extension_approve');
  expect(cardText(card.body)).toContain('HR sign-off slipped');
  const answer = await press(chat, card.id, 'extension_approve', data);
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  const shown = cardText({ attachments: [{ content: answer.value }] });
  expect(shown).toContain('Approved by');
  expect(JSON.stringify(answer.value)).not.toContain('"verb":"extension_approve"');
  expect(await a1()).toMatchObject({ dueDate: '2026-12-18', requestedDue: null });
  const events = () => e.t.deps.db.actionEvent.count({ where: { workspaceId: TENANT, kind: 'extended' } });
  expect(await events()).toBe(1);
  await press(chat, card.id, 'extension_approve', data);
  expect(await events()).toBe(1);
});

it('Reassign as suggested on a Not mine notice gives the action to the suggested person, in the card’s place', async () => {
  await declineAction(
    { ref: 'A-1', suggestedUserId: PEOPLE.admin.aad, note: 'Sam runs recruitment now.' },
    e.t.deps,
    asTeams('owner'),
  );
  const { chat, card, data } = await noticeWith('not_mine_reassign');
  const answer = await press(chat, card.id, 'not_mine_reassign', data);
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(cardText({ attachments: [{ content: answer.value }] })).toContain('Reassigned to');
  const admin = await e.t.deps.db.person.findFirstOrThrow({
    where: { workspaceId: TENANT, platformUserId: PEOPLE.admin.aad },
  });
  expect((await a1()).ownerId).toBe(admin.id);
});
