/**
 * Two workspaces on one install. Every id that comes back from a client (a modal's private
 * metadata, a button's value, a form's values, the team itself) is checked against the acting
 * workspace: workspace B can neither reach A's rows nor make the bot post in A's channels, and a
 * request that names no workspace is refused rather than served from a shared workspace "".
 * Slack's own envelope here (sealed metadata, Enterprise Grid's team: null); the commands, every
 * button and forms from B naming A's references run on both platforms in
 * scenarios-cross-tenant.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type E2E, SIGNING_SECRET, sealedMetadata, startE2E } from '../support/e2e.js';
import { OTHER_TEAM, seedProgramme, TEAM, U } from '../support/factories.js';
import { countRows, type RowCounts } from '../support/row-counts.js';
import { postToApp, sendViewSubmission } from '../support/signed-requests.js';
import { blockActionsPayload } from '../support/slack-payloads.js';

const A_CHANNEL = 'C0APLAN';
const B_USER = 'U0BLEAD';

let e: E2E;
let aBefore: RowCounts;
beforeEach(async () => {
  e = await startE2E({ adminUserIds: [U.admin] });
  await seedProgramme(e.t.deps, TEAM);
  await seedProgramme(e.t.deps, OTHER_TEAM);
  // Only A has WS9 and an action; B's admin acts in B.
  await e.command('workstream add WS9 "Secret plan of A" lead <@U0LEAD1|lead>', U.admin);
  const added = await e.command('action add WS1 <@U0OWNER|owner> in 2 weeks Run the caseload audit', U.lead);
  expect(added.posts).toHaveLength(1);
  aBefore = await countRows(e.t.deps.db, TEAM);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const postsIn = (channel: string) => e.slack.messages.filter((m) => m.channel === channel && !m.ephemeralFor);
const aUntouched = async () => expect(await countRows(e.t.deps.db, TEAM)).toEqual(aBefore);

/** Workspace B's admin submits the update form. */
async function submitFromB(privateMetadata: string, workstream = 'WS1') {
  const res = await sendViewSubmission(e.url, {
    signingSecret: SIGNING_SECRET,
    teamId: OTHER_TEAM,
    userId: U.admin,
    callbackId: 'update_modal',
    privateMetadata,
    values: {
      workstream: { workstream: { type: 'static_select', selected_option: { value: workstream } } },
      text: { text: { type: 'plain_text_input', value: 'Workforce plan agreed by the board' } },
    },
  });
  await e.runtime.idle();
  return res;
}

/** Workspace B's admin presses a button with a value of their choosing. */
async function pressFromB(actionId: string, value: string, team: Record<string, unknown> = {}) {
  const payload = {
    ...blockActionsPayload({
      teamId: OTHER_TEAM,
      userId: U.admin,
      actionId,
      value,
      blockId: 'b',
      channelId: 'C0BPLAN',
      responseUrl: e.slack.responseUrl(`b-${actionId}`, { channel: 'C0BPLAN', user: U.admin }),
    }),
    ...team,
  };
  const res = await postToApp(
    e.url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    {
      signingSecret: SIGNING_SECRET,
    },
  );
  await e.runtime.idle();
  return { res, replies: e.slack.responses.filter((r) => r.tag === `b-${actionId}`) };
}

describe('private metadata', () => {
  it('refuses metadata naming A’s channel that the app never sealed, and posts nothing there', async () => {
    const res = await submitFromB(JSON.stringify({ channelId: A_CHANNEL }));
    expect(JSON.stringify(res.body)).toContain('does not belong to this workspace');
    expect(postsIn(A_CHANNEL)).toEqual([]);
    expect(await e.t.deps.db.update.count()).toBe(0);
  });

  it('refuses metadata sealed for workspace A when B sends it back', async () => {
    const res = await submitFromB(sealedMetadata(JSON.stringify({ channelId: A_CHANNEL }), TEAM));
    expect(JSON.stringify(res.body)).toContain('does not belong to this workspace');
    expect(postsIn(A_CHANNEL)).toEqual([]);
    expect(await e.t.deps.db.update.count()).toBe(0);
  });

  it('refuses metadata whose channel was changed after sealing', async () => {
    const sealed = sealedMetadata(JSON.stringify({ channelId: 'C0BPLAN' }), OTHER_TEAM);
    const res = await submitFromB(sealed.replace('C0BPLAN', A_CHANNEL));
    expect(JSON.stringify(res.body)).toContain('does not belong to this workspace');
    expect(postsIn(A_CHANNEL)).toEqual([]);
  });

  it('accepts B’s own sealed metadata: the update is B’s, in B’s channel', async () => {
    const res = await submitFromB(sealedMetadata(JSON.stringify({ channelId: 'C0BPLAN' }), OTHER_TEAM));
    expect(res.text).toBe('');
    expect(postsIn('C0BPLAN')).toHaveLength(1);
    expect(await e.t.deps.db.update.findFirstOrThrow()).toMatchObject({ workspaceId: OTHER_TEAM });
    await aUntouched();
  });
});

describe('form values', () => {
  it('a workstream only A has, picked in B’s form, is not found and nothing is stored', async () => {
    const res = await submitFromB(
      sealedMetadata(JSON.stringify({ channelId: 'C0BPLAN' }), OTHER_TEAM),
      'WS9',
    );
    expect(JSON.stringify(res.body)).toContain('find a workstream called “WS9”');
    expect(await e.t.deps.db.update.count()).toBe(0);
    await aUntouched();
  });
});

describe('button values', () => {
  it('Done on A’s action number, pressed in B, finds no action and leaves A’s open', async () => {
    for (const value of ['home.1', '1.1']) {
      const { replies } = await pressFromB('reminder_done', value);
      expect(JSON.stringify(replies.at(-1)?.body ?? {})).not.toContain('Run the caseload audit');
    }
    expect(await e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TEAM } })).toMatchObject({
      status: 'open',
    });
    await aUntouched();
  });

  it('New date on A’s action opens no form in B', async () => {
    await pressFromB('reminder_new_date', '1.1');
    expect(e.slack.views).toEqual([]);
    await aUntouched();
  });

  it('a silence nudge naming A’s workstream id opens no form in B', async () => {
    const ws9 = await e.t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS9' } });
    await pressFromB('silence_add_update', `1.${ws9.id}`);
    expect(e.slack.views).toEqual([]);
  });

  it('reassigning A’s action from B changes nothing in A', async () => {
    await pressFromB('not_mine_reassign', `1.1.${U.member}`);
    expect(await e.t.deps.db.action.findFirstOrThrow({ where: { workspaceId: TEAM } })).toMatchObject({
      status: 'open',
    });
    await aUntouched();
  });

  it('posting the status of WS9 from B shows nothing of A’s', async () => {
    const { replies } = await pressFromB('status_post_to_channel', 'WS9');
    const inB = [...e.slack.messages.filter((m) => m.channel === 'C0BPLAN'), ...replies];
    expect(JSON.stringify(inB)).toContain('find a workstream called “WS9”');
    expect(JSON.stringify(inB)).not.toContain('Secret plan of A');
  });
});

describe('the acting workspace', () => {
  it('an Enterprise Grid press with team: null acts in the person’s own workspace', async () => {
    await pressFromB('status_post_to_channel', '', { team: null });
    const posted = postsIn('C0BPLAN');
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0])).not.toContain('Secret plan of A');
  });

  it('a press that names no workspace at all is refused and creates nothing for workspace ""', async () => {
    const { res } = await pressFromB('status_post_to_channel', '', { team: null, user: { id: B_USER } });
    expect(res.status).toBe(400);
    expect(await e.t.deps.db.workspace.count({ where: { id: '' } })).toBe(0);
  });

  it('an empty team_id on a slash command never sets up a programme for workspace ""', async () => {
    const body = new URLSearchParams({
      command: '/improve',
      team_id: '',
      user_id: U.admin,
      channel_id: 'C0X',
      text: 'setup "Plan for nobody" #board',
      trigger_id: '1.2.3',
      response_url: e.slack.responseUrl('empty'),
    }).toString();
    const res = await postToApp(e.url, body, 'application/x-www-form-urlencoded', {
      signingSecret: SIGNING_SECRET,
    });
    expect(res.status).toBe(400);
    await e.runtime.idle();
    expect(await e.t.deps.db.programme.count({ where: { workspaceId: '' } })).toBe(0);
  });
});
