/**
 * Two programmes in one workspace (issue 16), each with its own board channel: a command acts on
 * the programme of the channel it is typed in, `--programme` names one from anywhere, and a
 * command typed elsewhere is refused, listing the programmes, with nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

it('status chooses its programme in its one read as every command does: board channel, --programme, or refused', async () => {
  const [care, send] = await programmes();
  await e.command('update WS1 amber Two specialist placements short', U.lead, { channelId: SEND_BOARD });
  const shown = async (typed: string, channelId: string) => {
    e.t.database.queries.count = 0;
    const out = await e.command(typed, U.member, { channelId });
    return { text: JSON.stringify(out.replies), reply: out.reply, queries: e.t.database.queries.count };
  };
  const inSend = await shown('status', SEND_BOARD);
  expect(inSend.text).toContain('RAG summary: SEND plan');
  expect(inSend.text).toContain('Amber *1*');
  expect(inSend.text).not.toContain('Support and Develop Our Workforce');
  expect(inSend.queries).toBe(1);
  // The button it offers posts the same programme's summary.
  expect(inSend.text).toContain(`P${send!.id}/`);
  const inCare = await shown('status', BOARD_CHANNEL);
  expect(inCare.text).toContain("RAG summary: Improving Children's Services");
  expect(inCare.text).toContain(`P${care!.id}/`);
  // Typed elsewhere: refused, naming both, as any other command is.
  const elsewhere = await shown('status', 'C0GENERAL');
  expect(elsewhere.reply).toMatch(/runs 2 programmes/);
  expect(elsewhere.reply).toMatch(/SEND plan/);
  const named = await shown('status --programme "SEND plan"', 'C0GENERAL');
  expect(named.text).toContain('RAG summary: SEND plan');
  expect(named.text).toContain('Amber *1*');
  const byNumber = await shown(`status --programme ${care!.id}`, 'C0GENERAL');
  expect(byNumber.text).toContain("RAG summary: Improving Children's Services");
  const unknown = await shown('status --programme "No such plan"', 'C0GENERAL');
  expect(unknown.reply).toMatch(/There is no programme/);
});

it('status in a workspace with no programme says how to start one', async () => {
  const out = await e.command('status', U.member, { channelId: 'C0GENERAL', teamId: 'T0EMPTY' });
  expect(out.reply).toMatch(/no improvement programme yet/);
  expect(out.reply).toMatch(/\/improve setup/);
});

describe('every command family, typed in each board channel, acts on that programme only', () => {
  const sendWs = async () => {
    const [, send] = await programmes();
    return e.t.deps.db.workstream.findFirstOrThrow({ where: { programmeId: send!.id, code: 'WS1' } });
  };
  const careWs = async () => {
    const [care] = await programmes();
    return e.t.deps.db.workstream.findFirstOrThrow({ where: { programmeId: care!.id, code: 'WS1' } });
  };
  const inSend = (text: string) => e.command(text, U.admin, { channelId: SEND_BOARD });
  const inCare = (text: string) => e.command(text, U.admin, { channelId: BOARD_CHANNEL });

  const writes: [string, () => Promise<unknown>, unknown][] = [
    [
      'update WS1 green Sufficiency panel met this week',
      async () =>
        (await e.t.deps.db.update.findMany({ where: { workstreamId: (await sendWs()).id } })).length,
      1,
    ],
    ['rag WS1 amber Two specialist placements short', async () => (await sendWs()).rag, 'amber'],
    [
      'kpi add "EHCPs issued in 20 weeks" % higher target 60 by 31/03/2027',
      async () => {
        const [, send] = await programmes();
        return (await e.t.deps.db.kpi.findMany({ where: { programmeId: send!.id } })).map((k) => k.name);
      },
      ['EHCPs issued in 20 weeks'],
    ],
    [
      'visit add monitoring 12/03/2027-13/03/2027 SEND sufficiency WS1',
      async () => {
        const [, send] = await programmes();
        return e.t.deps.db.event.count({ where: { programmeId: send!.id } });
      },
      1,
    ],
  ];

  it.each(writes)('%s', async (typed, read, expected) => {
    const careBefore = await careWs();
    const careUpdates = await e.t.deps.db.update.count({ where: { workstreamId: careBefore.id } });
    const [care] = await programmes();
    const careKpis = await e.t.deps.db.kpi.count({ where: { programmeId: care!.id } });
    const careEvents = await e.t.deps.db.event.count({ where: { programmeId: care!.id } });
    const outcome = await inSend(typed);
    expect(outcome.reply).not.toMatch(/runs 2 programmes|Sorry/);
    expect(await read()).toEqual(expected);
    // The other programme is untouched.
    expect((await careWs()).rag).toBe(careBefore.rag);
    expect(await e.t.deps.db.update.count({ where: { workstreamId: careBefore.id } })).toBe(careUpdates);
    expect(await e.t.deps.db.kpi.count({ where: { programmeId: care!.id } })).toBe(careKpis);
    expect(await e.t.deps.db.event.count({ where: { programmeId: care!.id } })).toBe(careEvents);
  });

  it('reading commands show only the programme of the channel', async () => {
    await inSend('kpi add "EHCPs issued in 20 weeks" % higher target 60 by 31/03/2027');
    await inSend('visit add monitoring 12/03/2027-13/03/2027 SEND sufficiency WS1');
    const seen = async (typed: string, where: typeof inSend) => JSON.stringify((await where(typed)).replies);
    for (const typed of ['status', 'workstream list']) {
      const send = await seen(typed, inSend);
      expect(send).toContain('SEND sufficiency');
      expect(send).not.toContain('Support and Develop Our Workforce');
      const care = await seen(typed, inCare);
      expect(care).toContain('Support and Develop Our Workforce');
      expect(care).not.toContain('SEND sufficiency');
    }
    expect(await seen('kpi list', inSend)).toContain('EHCPs issued in 20 weeks');
    expect(await seen('kpi list', inCare)).not.toContain('EHCPs issued in 20 weeks');
    expect(await seen('visit list', inSend)).toContain('SEND sufficiency');
    expect(await seen('visit list', inCare)).not.toContain('SEND sufficiency');
    expect(await seen('digest preview', inSend)).toContain('SEND sufficiency');
    expect(await seen('digest preview', inCare)).not.toContain('SEND sufficiency');
  });
});
