/**
 * Who an escalation goes to: the workstream's lead for other people's long-overdue actions, and
 * the programme's admins for an action the lead owns (nobody is escalated to about their own
 * work). Through the real Bolt app's WebClient and the strict Slack stand-in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addWorkstream } from '../../src/services/add-workstream.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  at(e, '2026-11-02 10:00');
  await seedProgramme(e.t.deps);
  roster(e, everyone());
  await addActionAt(e, '2026-11-02 10:00', {
    owner: U.lead,
    due: '2026-11-06',
    text: 'Agree the workforce strategy with HR',
  });
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const escalations = (userId: string) => dmsTo(e, userId).filter((m) => m.text.startsWith('Escalation'));

describe('escalation of an action the lead owns', () => {
  it('goes to the admins, not back to the lead; the lead still hears about the others', async () => {
    await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-09', text: 'Recruit four social workers' });
    await job(e).run(at(e, '2026-11-23 09:30'));
    const [toLead] = escalations(U.lead);
    expect(escalations(U.lead)).toHaveLength(1);
    expect(shown(toLead)).toContain(
      '1 action in WS1 Support and Develop Our Workforce is 14 or more days overdue',
    );
    expect(shown(toLead)).toContain('Recruit four social workers');
    expect(shown(toLead)).not.toContain('Agree the workforce strategy');
    const [toAdmin] = escalations(U.admin);
    expect(escalations(U.admin)).toHaveLength(1);
    expect(shown(toAdmin)).toContain('*A-1* WS1 · Agree the workforce strategy with HR');
    expect(shown(toAdmin)).toContain(`<@${U.lead}>`);
    expect(shown(toAdmin)).not.toContain('Recruit four social workers');
    expect(shown(toAdmin)).toContain(
      "Sent to the programme's admins once a week, because its owner leads WS1.",
    );
    expect(escalations(U.owner)).toHaveLength(0);
    expect(
      await e.t.deps.db.reminderLog.count({
        where: { workspaceId: TEAM, kind: 'escalation', recipient: U.admin, status: 'sent' },
      }),
    ).toBe(1);
  });

  it('is sent to the admins once a week, and never to the lead who owns it', async () => {
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25']) await job(e).run(at(e, `${day} 09:30`));
    expect(escalations(U.lead)).toHaveLength(0);
    expect(escalations(U.admin)).toHaveLength(1);
    expect(dmsTo(e, U.lead).filter((m) => m.text.startsWith('Reminder'))).toHaveLength(3);
    await job(e).run(at(e, '2026-11-30 09:30'));
    expect(escalations(U.admin)).toHaveLength(2);
    expect(escalations(U.lead)).toHaveLength(0);
  });

  it('with no admin, goes to nobody: the lead keeps the daily reminder about it', async () => {
    await e.t.deps.db.person.updateMany({
      where: { workspaceId: TEAM, platformUserId: U.admin },
      data: { role: 'member' },
    });
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(escalations(U.lead)).toHaveLength(0);
    expect(escalations(U.admin)).toHaveLength(0);
    expect(shown(dmsTo(e, U.lead)[0])).toContain('Agree the workforce strategy with HR');
  });

  it('an admin who leads and owns it is not sent it; a co-lead is', async () => {
    await addWorkstream(
      { code: 'WS3', name: 'Listen to the Voice of the Child', leadUserIds: [U.admin, U.otherLead] },
      e.t.deps,
      as(U.admin),
    );
    await addActionAt(e, '2026-11-02 10:00', {
      ws: 'WS3',
      owner: U.admin,
      due: '2026-11-06',
      text: 'Set up the young people’s panel',
    });
    await job(e).run(at(e, '2026-11-23 09:30'));
    const toAdmin = escalations(U.admin).map(shown).join('\n');
    expect(toAdmin).toContain('Agree the workforce strategy with HR');
    expect(toAdmin).not.toContain('young people’s panel');
    const [toCoLead] = escalations(U.otherLead);
    expect(escalations(U.otherLead)).toHaveLength(1);
    expect(shown(toCoLead)).toContain('1 action in WS3 Listen to the Voice of the Child');
    expect(shown(toCoLead)).toContain('Set up the young people’s panel');
    expect(shown(toCoLead)).toContain('Sent to the workstream lead once a week.');
  });
});
