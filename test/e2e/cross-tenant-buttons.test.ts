/**
 * Every button the app serves (BUTTON_HANDLERS), pressed in workspace B with the ids of workspace
 * A's rows: A's reminder log ids, action numbers and workstream ids. The presser is A's owner and
 * lead by user id (one person in both workspaces, as on Enterprise Grid), so only the workspace
 * stands between them and A's rows. Nothing of A's changes, no form opens, no message of A's is
 * edited, and the person is told politely that nothing was changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUTTON_HANDLERS } from '../../commands/index.js';
import { type E2E, SIGNING_SECRET, startE2E } from '../support/e2e.js';
import { OTHER_TEAM, seedProgramme, TEAM, U } from '../support/factories.js';
import { postToApp } from '../support/signed-requests.js';
import { blockActionsPayload } from '../support/slack-payloads.js';
import { workspaceRows } from '../support/workspace-rows.js';

let e: E2E;
let ids: { action: number; silence: number; notice: number; request: number; ws1: number; ws9: number };
let aBefore: string;

/** A sent reminder of `kind` in A, as the reminder job leaves it. */
async function sentReminder(kind: string, recipient: string): Promise<number> {
  const programme = await e.t.deps.db.programme.findFirstOrThrow({ where: { workspaceId: TEAM } });
  const now = e.t.deps.clock.now();
  const log = await e.t.deps.db.reminderLog.create({
    data: {
      workspaceId: TEAM,
      programmeId: programme.id,
      kind,
      subjectKey: `${kind}-1`,
      recipient,
      day: '2026-11-23',
      status: 'sent',
      claimedBy: 'test',
      leaseUntil: now,
      createdAt: now,
      sentAt: now,
      channelId: 'D0ADM',
      messageId: '1700000000.000100',
    },
  });
  return log.id;
}

beforeEach(async () => {
  e = await startE2E({ adminUserIds: [U.admin] });
  await seedProgramme(e.t.deps, TEAM);
  await seedProgramme(e.t.deps, OTHER_TEAM);
  await e.command('workstream add WS9 "Secret plan of A" lead <@U0LEAD1|lead>', U.admin);
  await e.command('action add WS1 <@U0OWNER|owner> in 2 weeks Run the caseload audit', U.lead);
  const ws = (code: string) =>
    e.t.deps.db.workstream.findFirstOrThrow({ where: { workspaceId: TEAM, code } }).then((w) => w.id);
  ids = {
    action: await sentReminder('action', U.owner),
    silence: await sentReminder('silence', U.lead),
    notice: await sentReminder('not_mine', U.lead),
    request: await sentReminder('extension_request', U.lead),
    ws1: await ws('WS1'),
    ws9: await ws('WS9'),
  };
  aBefore = await workspaceRows(e.t.deps.db, TEAM);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

/** A's ids, as each button would carry them: [presser, value]. */
const PRESSES: Record<string, () => [string, string][]> = {
  status_post_to_channel: () => [[U.lead, 'WS9']],
  // The button carries nothing of A's: B's user posts B's own (empty) coverage.
  coverage_post_to_channel: () => [[U.lead, '']],
  reminder_done: () => [[U.owner, `${ids.action}.1`]],
  reminder_new_date: () => [[U.owner, `${ids.action}.1`]],
  reminder_add_update: () => [[U.owner, `${ids.action}.1`]],
  reminder_not_mine: () => [[U.owner, `${ids.action}.1`]],
  not_mine_reassign: () => [[U.lead, `${ids.notice}.1.${U.member}`]],
  extension_approve: () => [[U.lead, `${ids.request}.1.1`]],
  extension_refuse: () => [[U.lead, `${ids.request}.1.1`]],
  silence_add_update: () => [
    [U.lead, `${ids.silence}.${ids.ws9}`],
    [U.lead, `${ids.silence}.${ids.ws1}`],
  ],
};

async function pressInB(actionId: string, userId: string, value: string) {
  const tag = `b-${actionId}-${value}`;
  const payload = blockActionsPayload({
    teamId: OTHER_TEAM,
    userId,
    actionId,
    value,
    blockId: 'b',
    channelId: 'C0BPLAN',
    responseUrl: e.slack.responseUrl(tag, { channel: 'C0BPLAN', user: userId }),
  });
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const res = await postToApp(e.url, body, 'application/x-www-form-urlencoded', {
    signingSecret: SIGNING_SECRET,
  });
  await e.runtime.idle();
  return { res, replies: e.slack.responses.filter((r) => r.tag === tag) };
}

it('has a case for every button the app serves', () => {
  expect(Object.keys(PRESSES).sort()).toEqual(BUTTON_HANDLERS.map((h) => h.actionId).sort());
});

describe.each(BUTTON_HANDLERS.map((h) => h.actionId))('%s pressed in B with A’s ids', (actionId) => {
  it('changes nothing of A’s and tells B’s user so, politely', async () => {
    for (const [userId, value] of PRESSES[actionId]!()) {
      const calls = e.slack.calls.length;
      const { res, replies } = await pressInB(actionId, userId, value);
      expect(res.status).toBe(200);
      expect(await workspaceRows(e.t.deps.db, TEAM)).toBe(aBefore);
      const made = e.slack.calls.slice(calls);
      // No form opened, no message of A's (or anyone's) edited, nothing posted in A's channels.
      expect(made.map((c) => c.method)).not.toContain('views.open');
      expect(made.map((c) => c.method)).not.toContain('chat.update');
      expect(made.filter((c) => c.args.channel !== 'C0BPLAN')).toEqual([]);
      const seen = JSON.stringify([...replies.map((r) => r.body), ...made.map((c) => c.args)]);
      expect(seen).not.toMatch(/Secret plan of A|Run the caseload audit/);
      expect(replies.length + made.length, `${actionId} ${value}: B’s user heard nothing`).toBeGreaterThan(0);
      expect(seen).toMatch(
        /nothing was changed|there is no|find a workstream|no recommendations are recorded/i,
      );
    }
  });
});
