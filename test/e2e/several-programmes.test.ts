/**
 * Two programmes in one workspace (issue 16), each with its own board channel: a command acts on
 * the programme of the channel it is typed in, `--programme` names one from anywhere, and a
 * command typed elsewhere is refused, listing the programmes, with nothing written.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type E2E, startE2E } from '../support/e2e.js';
import { BOARD_CHANNEL, seedProgramme, TEAM, U } from '../support/factories.js';

const SEND_BOARD = 'C0SENDBOARD';
let e: E2E;

beforeEach(async () => {
  e = await startE2E({ adminUserIds: [U.admin] });
  await seedProgramme(e.t.deps, TEAM);
  await e.command('setup "SEND plan"', U.admin, { channelId: SEND_BOARD });
  await e.command('workstream add WS1 "SEND sufficiency" lead <@U0LEAD1|lead>', U.admin, {
    channelId: SEND_BOARD,
  });
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const programmes = () =>
  e.t.deps.db.programme.findMany({ where: { workspaceId: TEAM }, orderBy: { id: 'asc' } });
const actionsOf = async (programmeId: number) =>
  (await e.t.deps.db.action.findMany({ where: { programmeId }, orderBy: { id: 'asc' } })).map((a) => a.text);

it('setup in a new channel with a name starts a second programme, not a rename', async () => {
  const [care, send] = await programmes();
  expect(care!.name).toBe("Improving Children's Services");
  expect(care!.boardChannelId).toBe(BOARD_CHANNEL);
  expect(send!.name).toBe('SEND plan');
  expect(send!.boardChannelId).toBe(SEND_BOARD);
  // Re-run in its own board channel, it renames that programme only.
  await e.command('setup "SEND improvement plan"', U.admin, { channelId: SEND_BOARD });
  expect((await programmes()).map((p) => p.name)).toEqual([
    "Improving Children's Services",
    'SEND improvement plan',
  ]);
});

it('a command acts on the programme whose board channel it is typed in', async () => {
  const [care, send] = await programmes();
  await e.command('action add WS1 <@U0OWNER|owner> in 2 weeks Run the caseload audit', U.lead, {
    channelId: BOARD_CHANNEL,
  });
  await e.command('action add WS1 <@U0OWNER|owner> in 2 weeks Review the EHCP backlog', U.lead, {
    channelId: SEND_BOARD,
  });
  expect(await actionsOf(care!.id)).toEqual(['Run the caseload audit']);
  expect(await actionsOf(send!.id)).toEqual(['Review the EHCP backlog']);
  const list = await e.command('action list', U.lead, { channelId: SEND_BOARD });
  expect(JSON.stringify(list.replies)).toMatch(/EHCP backlog/);
  expect(JSON.stringify(list.replies)).not.toMatch(/caseload audit/);
});

it('typed elsewhere, it is refused with the programmes listed and nothing written; --programme chooses', async () => {
  const [, send] = await programmes();
  const typed = 'action add WS1 <@U0OWNER|owner> in 2 weeks Review the EHCP backlog';
  const refused = await e.command(typed, U.lead, { channelId: 'C0GENERAL' });
  expect(refused.reply).toMatch(/runs 2 programmes/);
  expect(refused.reply).toMatch(/SEND plan/);
  expect(refused.reply).toMatch(/--programme/);
  expect(JSON.stringify(refused.replies)).toMatch(/Review the EHCP backlog/);
  expect(await e.t.deps.db.action.count()).toBe(0);
  await e.command(`${typed} --programme "SEND plan"`, U.lead, { channelId: 'C0GENERAL' });
  expect(await actionsOf(send!.id)).toEqual(['Review the EHCP backlog']);
  const unknown = await e.command('action list --programme "No such plan"', U.lead, {
    channelId: 'C0GENERAL',
  });
  expect(unknown.reply).toMatch(/There is no programme/);
});
