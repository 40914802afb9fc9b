/**
 * Changing the plan as it changes, through the real Bolt app: `workstream edit` and `close`,
 * `project rename` and `close`, `visit move`. Each change is checked in what the person is told,
 * in the database and in its audit row (before and after); refusals write nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { addProject } from '../../src/services/add-project.js';
import { addVisit } from '../../src/services/add-visit.js';
import { postUpdate } from '../../src/services/post-update.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, BOARD_CHANNEL, seedProgramme, U } from '../support/factories.js';
import { at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const ws = (code: string) => e.t.deps.db.workstream.findFirstOrThrow({ where: { code } });
const lastAudit = async (action: string) => {
  const row = await e.t.deps.db.auditLog.findFirstOrThrow({ where: { action }, orderBy: { id: 'desc' } });
  return {
    before: JSON.parse(row.before ?? 'null'),
    after: JSON.parse(row.after ?? 'null'),
    actor: row.actor,
  };
};

describe('/improve workstream edit', () => {
  it('renames a workstream (its lead may), keeping its code, with before and after audited', async () => {
    const out = await e.command('workstream edit WS1 name "Develop Our Workforce"', U.lead);
    expect(out.reply).toContain(
      '*WS1 Develop Our Workforce*: name changed from “Support and Develop Our Workforce” to “Develop Our Workforce”.',
    );
    expect((await ws('WS1')).name).toBe('Develop Our Workforce');
    expect(await lastAudit('workstream.edit.name')).toEqual({
      before: { name: 'Support and Develop Our Workforce' },
      after: { name: 'Develop Our Workforce' },
      actor: U.lead,
    });
  });

  it('changes the code (admins), refusing one that clashes whatever its dash', async () => {
    const out = await e.command('workstream edit WS1 code wf-1', U.admin);
    expect(out.reply).toContain('code changed from “WS1” to “WF-1”');
    expect(await e.t.deps.db.workstream.count({ where: { code: 'WF-1' } })).toBe(1);
    const before = await countRows(e.t.deps.db);
    const clash = await e.command('workstream edit WF-1 code WS-2', U.admin);
    expect(clash.reply).toContain('There is already a workstream WS2 (“Improve Our Practice”)');
    expect(clash.reply).toContain('/improve workstream edit WF-1 code WS-2');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('replaces the lead (admins): the new lead may then post, the old one may not', async () => {
    const out = await e.command('workstream edit WS1 lead <@U0OWNER>', U.admin);
    expect(out.reply).toContain('lead changed from <@U0LEAD1> to <@U0OWNER>');
    expect(await lastAudit('workstream.edit.lead')).toMatchObject({
      before: { lead: [U.lead] },
      after: { lead: [U.owner] },
    });
    expect((await e.command('update WS1 green On track', U.owner)).reply).not.toContain(':warning:');
    expect((await e.command('update WS1 amber Slipping', U.lead)).reply).toContain(
      'Only the lead of WS1 (<@U0OWNER>) or an admin',
    );
  });

  it('sets and removes the critical friend and the parent theme', async () => {
    expect((await e.command('workstream edit WS2 friend <@U0MEMBER>', U.otherLead)).reply).toContain(
      'critical friend changed from _none_ to <@U0MEMBER>',
    );
    const member = await e.t.deps.db.person.findFirstOrThrow({ where: { platformUserId: U.member } });
    expect((await ws('WS2')).criticalFriendId).toBe(member.id);
    expect((await e.command('workstream edit WS2 friend none', U.admin)).reply).toContain(
      'critical friend changed from <@U0MEMBER> to _none_',
    );
    expect((await ws('WS2')).criticalFriendId).toBeNull();
    expect(
      (await e.command('workstream edit WS2 parent "Outcome 2: children are safe"', U.admin)).reply,
    ).toContain('parent theme changed from _none_ to “Outcome 2: children are safe”');
    expect((await ws('WS2')).theme).toBe('Outcome 2: children are safe');
  });

  it.each([
    [
      'workstream edit WS1 colour blue',
      'I can change a workstream’s name, code, lead, friend or parent, not “colour”',
    ],
    ['workstream edit WS1 code W S', 'The code should be 1 to 8 letters and digits'],
    ['workstream edit WS1 name', 'Give the new name after “name”'],
    ['workstream edit WS1 lead nobody', 'the new lead'],
    ['workstream edit WS9 name New', "I can't find a workstream called “WS9”"],
  ])('refuses “%s”, says why, returns the text and writes nothing', async (text, why) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(why);
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});

describe('/improve workstream close', () => {
  it('refuses while actions are open, then closes: out of status, the digest and the nudges, kept on record', async () => {
    await postUpdate({ workstream: 'WS2', text: 'Audit started' }, e.t.deps, as(U.otherLead));
    const { action } = await addAction(
      { workstream: 'WS2', ownerUserId: U.owner, dueDate: '2026-12-04', text: 'Practice audit' },
      e.t.deps,
      as(U.admin),
    );
    const before = await countRows(e.t.deps.db);
    const refused = await e.command('workstream close WS2 Merged into WS1', U.admin);
    expect(refused.reply).toContain(`WS2 still has 1 open action (A-${action.number})`);
    expect(await countRows(e.t.deps.db)).toEqual(before);

    await e.command(`action drop A-${action.number} Moved to WS1`, U.admin);
    const out = await e.command('workstream close WS2 Merged into WS1', U.admin);
    expect(out.reply).toContain('Closed *WS2 Improve Our Practice*. *Reason:* Merged into WS1');
    expect(await ws('WS2')).toMatchObject({ closedReason: 'Merged into WS1', closedAt: e.t.clock.now() });
    expect(await lastAudit('workstream.close')).toMatchObject({ after: { closedReason: 'Merged into WS1' } });
    expect(await e.t.deps.db.update.count({ where: { text: 'Audit started' } })).toBe(1);

    const status = await e.command('status', U.member);
    expect(JSON.stringify(status.replies[0]!.body)).toContain('WS1');
    expect(JSON.stringify(status.replies[0]!.body)).not.toContain('Improve Our Practice');
    const digest = await e.command('digest preview', U.admin);
    expect(JSON.stringify(digest.replies[0]!.body)).not.toContain('Improve Our Practice');
    // Its report card still reads, for the history.
    const card = await e.command('status WS2', U.member);
    expect(JSON.stringify(card.replies[0]!.body)).toContain('*Closed* on 23/11/2026: Merged into WS1');

    const update = await e.command('update WS2 Still going', U.otherLead);
    expect(update.reply).toContain('WS2 Improve Our Practice is closed (“Merged into WS1”)');
    expect(update.reply).toContain('/improve update WS2 Still going');
    expect(await e.t.deps.db.update.count({ where: { text: 'Still going' } })).toBe(0);
    // On the Friday before a digest, a fortnight on, silent WS1's lead is nudged; closed WS2's is not.
    roster(e, everyone());
    await job(e).run(at(e, '2026-12-11 09:30'));
    expect(dmsTo(e, U.lead).map(shown).join()).toContain('WS1');
    expect(dmsTo(e, U.otherLead)).toEqual([]);
  });

  it('is refused without a reason', async () => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command('workstream close WS2', U.admin);
    expect(out.reply).toContain('Say why the workstream is closing');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});

describe('/improve project rename and close', () => {
  beforeEach(async () => {
    await addProject({ workstream: 'WS1', name: 'Recruitment' }, e.t.deps, as(U.lead));
  });

  it('renames a project, audited, refusing a clash', async () => {
    const out = await e.command('project rename WS1/recruitment "Recruitment and retention"', U.lead);
    expect(out.reply).toContain('Renamed WS1/“Recruitment” to *Recruitment and retention*.');
    expect(await lastAudit('project.rename')).toMatchObject({
      before: { name: 'Recruitment' },
      after: { name: 'Recruitment and retention' },
    });
    await addProject({ workstream: 'WS1', name: 'Academy' }, e.t.deps, as(U.lead));
    const before = await countRows(e.t.deps.db);
    const clash = await e.command('project rename WS1/academy recruitment AND retention', U.lead);
    expect(clash.reply).toContain('WS1 already has a project called “Recruitment and retention”');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('closes a project: no more updates to it, out of the report card, kept in the database', async () => {
    const out = await e.command('project close WS1/recruitment All posts filled', U.lead);
    expect(out.reply).toContain('Closed project *WS1/Recruitment*. *Reason:* All posts filled');
    expect(await lastAudit('project.close')).toMatchObject({ after: { closedReason: 'All posts filled' } });
    const refused = await e.command('rag WS1/recruitment green Done', U.lead);
    expect(refused.reply).toContain('WS1/Recruitment is closed (“All posts filled”)');
    expect((await e.command('status WS1', U.member)).reply).not.toContain('Recruitment');
    expect(await e.t.deps.db.project.count()).toBe(1);
  });

  it('needs the project after a slash', async () => {
    const out = await e.command('project close WS1 done', U.lead);
    expect(out.reply).toContain('Name the project after its workstream and a slash, such as WS1/recruitment');
  });
});

describe('/improve visit move', () => {
  it('moves a visit, audited, and its countdown follows the new date', async () => {
    roster(e, everyone());
    await addVisit(
      { kind: 'monitoring_visit', startDate: '2027-01-12', theme: 'Care leavers WS2' },
      e.t.deps,
      as(U.admin),
    );
    const out = await e.command('visit move V-1 19/01/2027-20/01/2027', U.admin);
    expect(out.reply).toContain(
      '*V-1 Monitoring visit* from 12/01/2027 to Tuesday 19/01/2027 to Wednesday 20/01/2027, in 57 days.',
    );
    expect(out.reply).not.toContain(':warning:');
    expect(await lastAudit('event.move')).toMatchObject({
      before: { startDate: '2027-01-12', endDate: null },
      after: { startDate: '2027-01-19', endDate: '2027-01-20' },
    });
    // 14 days before the old date: nothing; 7 days before the new one: the countdown.
    await job(e).run(at(e, '2026-12-29 09:30'));
    expect(e.slack.messages.filter((m) => m.channel === BOARD_CHANNEL)).toHaveLength(0);
    await job(e).run(at(e, '2027-01-12 09:30'));
    const board = e.slack.messages.filter((m) => m.channel === BOARD_CHANNEL);
    expect(shown(board[0])).toContain('Monitoring visit in 7 days*: Tuesday 19 January 2027');
  });

  it('warns when the new date is a weekend day or a bank holiday', async () => {
    await addVisit({ kind: 'board_meeting', startDate: '2027-01-15' }, e.t.deps, as(U.admin));
    const weekend = await e.command('visit move V-1 16/01/2027', U.admin);
    expect(weekend.reply).toContain(':warning: Saturday 16/01/2027 is a weekend day: is that right?');
    const holiday = await e.command('visit move V-1 29/03/2027', U.admin);
    expect(holiday.reply).toContain(':warning: Monday 29/03/2027 is a bank holiday (Easter Monday)');
    expect((await e.t.deps.db.event.findFirstOrThrow()).startDate).toBe('2027-03-29');
  });

  it.each([
    ['visit move V-9 19/01/2027', 'There is no V-9'],
    ['visit move V-1 01/11/2026', 'has passed'],
    ['visit move V-1 31/02/2027', 'not a real date'],
    ['visit move V-1', 'Please give the new date'],
  ])('refuses “%s” and writes nothing', async (text, why) => {
    await addVisit({ kind: 'board_meeting', startDate: '2027-01-15' }, e.t.deps, as(U.admin));
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(why);
    expect(out.reply).toContain(`/improve ${text}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('refuses a cancelled visit', async () => {
    await addVisit({ kind: 'board_meeting', startDate: '2027-01-15' }, e.t.deps, as(U.admin));
    await e.command('visit cancel V-1', U.admin);
    const out = await e.command('visit move V-1 19/01/2027', U.admin);
    expect(out.reply).toContain('V-1 (Board meeting) is cancelled, so it cannot be moved');
  });
});
