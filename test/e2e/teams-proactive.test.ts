/**
 * A Teams workspace's scheduled work through the real Teams app and the fake Bot Connector: the
 * weekly digest to the board channel once (a second tick posts nothing), a reminder in the
 * owner's 1:1 chat whose Action.Execute Done updates the card in place and the plan, and a person
 * with no stored 1:1 chat reached through one the Bot Connector opens. Nothing goes to Slack.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain } from '../../src/chat/message.js';
import { zonedInstant } from '../../src/domain/dates.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import { reminderJob } from '../../src/scheduler/reminder-job.js';
import { addAction } from '../../src/services/add-action.js';
import { addWorkstream } from '../../src/services/add-workstream.js';
import { setupProgramme } from '../../src/services/setup-programme.js';
import {
  asTeams,
  BOARD,
  BOT,
  cardText,
  PEOPLE,
  personalChat,
  startTeamsE2E,
  TENANT,
  type TeamsE2E,
} from '../support/teams-e2e.js';

let e: TeamsE2E;
const london = (day: string, time: string) => zonedInstant(day, time, 'Europe/London');

beforeEach(async () => {
  e = await startTeamsE2E(london('2026-11-02', '10:00'));
  await e.install(['admin', 'owner']);
  const { programme } = await setupProgramme(
    { name: 'Improving Children’s Services', boardChannelId: BOARD },
    e.t.deps,
    asTeams('admin'),
  );
  expect(programme.workspaceId).toBe(TENANT);
  await addWorkstream(
    { code: 'WS1', name: 'Support and Develop Our Workforce', leadUserIds: [PEOPLE.lead.aad] },
    e.t.deps,
    asTeams('admin'),
  );
});
afterEach(async () => {
  e.standin.assertExpected();
  await e.close();
});

describe('the weekly digest of a Teams workspace', () => {
  it('is posted once to the board channel as an Adaptive Card, its activity id recorded; later ticks post nothing', async () => {
    e.standin.members.set(PEOPLE.lead.teams, { aadObjectId: PEOPLE.lead.aad, name: PEOPLE.lead.name });
    const job = digestJob(e.chatDeps());
    const monday = london('2026-11-23', '09:00');
    e.t.clock.set(monday);
    await job.run(monday);
    await e.teams.idle();
    const posts = e.postsTo(BOARD);
    expect(posts).toHaveLength(1);
    const [digest] = posts;
    expect(digest!.body).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
    const shown = cardText(digest!.body);
    expect(shown).toContain('Weekly digest: week of Monday 23 November 2026');
    expect(shown).toContain('WS1');
    expect(shown).not.toMatch(/<icon:|<rag:|<person:|:[a-z_]+:|<@/);
    // The detail follows in the digest's thread, as replies to the card.
    const replies = e.standin.calls.filter(
      (c) => c.method === 'POST' && c.conversationId === `${BOARD};messageid=${digest!.id}`,
    );
    expect(replies.length).toBeGreaterThan(0);
    const detail = replies.map((c) => cardText(c.body as Record<string, unknown>)).join('\n');
    // Teams does not name a mentioned id itself: the lead's name came from the Bot Connector.
    expect(detail).toContain('<at>Lee Okafor</at>');
    expect(detail).not.toContain('someone');
    expect(replies.flatMap((c) => (c.body as { entities?: unknown[] }).entities ?? [])).toContainEqual({
      type: 'mention',
      text: '<at>Lee Okafor</at>',
      mentioned: { id: PEOPLE.lead.aad, name: 'Lee Okafor' },
    });
    expect(await e.t.deps.db.digestRun.findMany()).toMatchObject([
      { status: 'posted', weekStart: '2026-11-23', channelId: BOARD, messageId: digest!.id },
    ]);
    expect(await e.t.deps.db.teamsPosted.findMany()).toMatchObject([
      {
        workspaceId: TENANT,
        channelId: BOARD,
        eventType: 'improvement_digest',
        activityId: digest!.id,
        createdAt: monday,
      },
      // The thread's part, recorded the same way, so a crash between parts posts none twice.
      { workspaceId: TENANT, channelId: BOARD, eventType: 'improvement_digest_part', threadId: digest!.id },
    ]);
    const calls = e.standin.calls.length;
    for (const time of ['09:01', '12:00', '23:59']) {
      const now = london('2026-11-23', time);
      e.t.clock.set(now);
      await job.run(now);
    }
    await e.teams.idle();
    expect(e.standin.calls.length).toBe(calls);
  });

  it('a channel the bot was never added to leaves the week unsent and tells the admin in their 1:1 chat', async () => {
    await e.t.deps.db.programme.updateMany({ data: { boardChannelId: '19:elsewhere@thread.tacv2' } });
    const monday = london('2026-11-23', '09:00');
    e.t.clock.set(monday);
    await digestJob(e.chatDeps()).run(monday);
    await e.teams.idle();
    expect(e.postsTo('19:elsewhere@thread.tacv2')).toHaveLength(0);
    expect(await e.t.deps.db.digestRun.findMany()).toMatchObject([
      { status: 'failed', lastError: 'not_in_channel' },
    ]);
    const told = e.postsTo(personalChat('admin'));
    expect(told).toHaveLength(1);
    const notice = cardText(told[0]!.body);
    expect(notice).toContain('could not be posted to the channel');
    expect(notice).toContain('the app has not been added to that channel’s team');
    expect(notice).toContain('`improve digest send`');
    expect(notice).not.toContain('/invite');
  });
});

describe('a reminder in a Teams 1:1 chat', () => {
  beforeEach(async () => {
    for (const [due, text] of [
      ['2026-11-09', 'Recruit four newly qualified social workers'],
      ['2026-11-20', 'Audit duty team assessments'],
    ] as const)
      await addAction(
        { workstream: 'WS1', ownerUserId: PEOPLE.owner.aad, dueDate: due, text },
        e.t.deps,
        asTeams('admin'),
      );
    const now = london('2026-11-23', '09:30');
    e.t.clock.set(now);
    await reminderJob(e.chatDeps(), { minIntervalMs: 0 }).run(now);
    await e.teams.idle();
  });

  const reminderCard = () => e.postsTo(personalChat('owner'))[0]!;
  const press = async (actionNumber: number, id: string) => {
    const log = await e.t.deps.db.reminderLog.findFirstOrThrow({
      where: { kind: 'action', recipient: PEOPLE.owner.aad },
    });
    return execute(id, 'reminder_done', { actionId: 'reminder_done', value: `${log.id}.${actionNumber}` });
  };
  const execute = async (id: string, verb: string, data: Record<string, unknown>) => {
    const res = await e.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id,
      replyToId: reminderCard().id,
      from: { id: PEOPLE.owner.teams, aadObjectId: PEOPLE.owner.aad, name: PEOPLE.owner.name },
      conversation: { id: personalChat('owner'), conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      value: {
        action: { type: 'Action.Execute', verb, data },
        trigger: 'manual',
      },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { statusCode: number; type: string; value: unknown };
  };

  it('arrives once with Action.Execute buttons, and Done updates the card in place, the plan and the audit', async () => {
    expect(e.postsTo(personalChat('owner'))).toHaveLength(1);
    const card = reminderCard();
    const shown = cardText(card.body);
    expect(shown).toContain('Recruit four newly qualified social workers');
    expect(JSON.stringify(card.body)).toContain('"type":"Action.Execute"');
    expect(JSON.stringify(card.body)).toContain('"verb":"reminder_done"');
    expect(
      await e.t.deps.db.reminderLog.findFirstOrThrow({
        where: { kind: 'action', recipient: PEOPLE.owner.aad },
      }),
    ).toMatchObject({ channelId: personalChat('owner'), messageId: card.id, status: 'sent' });

    const before = e.standin.calls.length;
    // Done opens the evidence form in the card's place; submitting it marks the action done.
    const form = await press(1, 'press-1');
    expect(form).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText({ attachments: [{ content: form.value }] })).toContain('Done: A-1');
    const submit = (
      form.value as { body: { type: string; actions?: { verb: string; data: object }[] }[] }
    ).body
      .find((b) => b.type === 'ActionSet')!
      .actions!.find((a) => a.verb === 'form.submit')!;
    const answer = await execute('press-1b', 'form.submit', {
      ...(submit.data as Record<string, unknown>),
      evidence: 'Offer letters on the HR drive',
    });
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const updated = cardText({ attachments: [{ content: answer.value }] });
    expect(updated).toContain(
      '**A-1** WS1 · Recruit four newly qualified social workers · **done**, thank you',
    );
    expect(updated).toContain('Audit duty team assessments');
    expect(
      await e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TENANT, number: 1 } }),
    ).toMatchObject({ status: 'done', evidenceNote: 'Offer letters on the HR drive' });
    expect(
      await e.t.deps.db.auditLog.count({
        where: { workspaceId: TENANT, action: 'action.done', actor: PEOPLE.owner.aad },
      }),
    ).toBe(1);
    // The card came back in the invoke's response: nothing else was sent.
    await e.teams.idle();
    expect(e.standin.calls.length).toBe(before);

    const again = await press(1, 'press-2');
    expect(again).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String(again.value)).toContain('A-1 was already marked done on 23/11/2026; nothing was changed.');
    await e.teams.idle();
    // The warning is shown, and the card still shows the current state through an activity update.
    const update = e.standin.calls.slice(before).filter((c) => c.method === 'PUT');
    expect(update).toMatchObject([{ conversationId: personalChat('owner'), activityId: reminderCard().id }]);
    expect(await e.t.deps.db.actionEvent.count({ where: { workspaceId: TENANT, kind: 'done' } })).toBe(1);
  });
});

describe('a direct message to someone with no stored 1:1 chat', () => {
  it('goes through one the Bot Connector opens, which is kept for the next one', async () => {
    const chat = e.teams.chatFor(TENANT);
    const first = await chat.dm(
      PEOPLE.lead.aad,
      plain('<icon:bell> Your workstream has *2* overdue actions.'),
    );
    await chat.dm(PEOPLE.lead.aad, plain('And another thing.'));
    await e.teams.idle();
    const opened = e.standin.calls.filter((c) => c.path === '/v3/conversations');
    expect(opened).toMatchObject([
      { body: { isGroup: false, bot: { id: BOT }, members: [{ id: PEOPLE.lead.aad }], tenantId: TENANT } },
    ]);
    const stored = await e.t.deps.db.teamsConversation.findUniqueOrThrow({
      where: { workspaceId_kind_key: { workspaceId: TENANT, kind: 'personal', key: PEOPLE.lead.aad } },
    });
    expect(first.channelId).toBe(stored.conversationId);
    const sent = e.postsTo(stored.conversationId);
    expect(sent.map((s) => cardText(s.body))).toEqual([
      expect.stringContaining('🔔 Your workstream has **2** overdue actions.'),
      expect.stringContaining('And another thing.'),
    ]);
  });

  it('a refusal from the Bot Connector (the app not installed for them) is recipient_unreachable', async () => {
    e.standin.failNext({ status: 403, code: 'Forbidden' });
    await expect(e.teams.chatFor(TENANT).dm(PEOPLE.lead.aad, plain('Hello'))).rejects.toMatchObject({
      code: 'recipient_unreachable',
      permanent: true,
    });
  });
});
