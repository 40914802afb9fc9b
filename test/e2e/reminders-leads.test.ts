/**
 * What leads and the board channel are sent: weekly escalations of long-overdue actions, the
 * silent-workstream nudge before the digest, and countdowns to Ofsted visits and deadlines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postUpdate } from '../../src/services/post-update.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, BOARD_CHANNEL, seedProgramme, TEAM, U } from '../support/factories.js';
import { addActionAt, at, dmsTo, everyone, job, roster, shown } from '../support/reminders.js';

let e: E2E;
let seeded: Awaited<ReturnType<typeof seedProgramme>>;
beforeEach(async () => {
  e = await startE2E();
  at(e, '2026-11-02 10:00');
  seeded = await seedProgramme(e.t.deps);
  roster(e, everyone());
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const boardPosts = () => e.slack.messages.filter((m) => m.channel === BOARD_CHANNEL);

describe('escalation', () => {
  it('sends actions 14 or more days overdue to the workstream lead once a week, not daily', async () => {
    await addActionAt(e, '2026-11-02 10:00', {
      due: '2026-11-09',
      text: 'Recruit four newly qualified social workers',
    });
    await addActionAt(e, '2026-11-02 10:00', { due: '2026-11-16', text: 'Audit duty team assessments' });
    await job(e).run(at(e, '2026-11-23 09:30'));
    const escalations = () => dmsTo(e, U.lead).filter((m) => m.text.startsWith('Escalation'));
    expect(escalations()).toHaveLength(1);
    expect(shown(escalations()[0])).toContain(
      '1 action in WS1 Support and Develop Our Workforce is 14 or more days overdue',
    );
    expect(shown(escalations()[0])).toContain('Recruit four newly qualified social workers');
    expect(shown(escalations()[0])).not.toContain('Audit duty team assessments');
    for (const day of ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'])
      await job(e).run(at(e, `${day} 09:30`));
    expect(escalations()).toHaveLength(1);
    expect(dmsTo(e, U.owner)).toHaveLength(5);
    await job(e).run(at(e, '2026-11-30 09:30'));
    expect(escalations()).toHaveLength(2);
    expect(shown(escalations()[1])).toContain('2 actions in WS1');
    // WS2's lead hears nothing of WS1's actions (only the nudge about WS2's own silence).
    expect(dmsTo(e, U.otherLead).map((m) => m.text)).toEqual([
      'WS2 has had no update yet: add one before the digest.',
    ]);
  });
});

describe('silent leads', () => {
  it('nudges the lead of a workstream with no update for 14 days (the default) on the working day before the digest', async () => {
    at(e, '2026-11-09 11:00'); // 18 days before the nudge: silent by the 14-day default
    await postUpdate({ workstream: 'WS1', text: 'Recruitment campaign launched' }, e.t.deps, as(U.lead));
    at(e, '2026-11-25 11:00');
    await postUpdate({ workstream: 'WS2', text: 'Audit programme agreed' }, e.t.deps, as(U.otherLead));
    await job(e).run(at(e, '2026-11-26 09:30'));
    expect(dmsTo(e, U.lead)).toHaveLength(0);
    await job(e).run(at(e, '2026-11-27 09:30'));
    const [nudge] = dmsTo(e, U.lead);
    expect(shown(nudge)).toContain(
      '*WS1 Support and Develop Our Workforce* has had no update since 09/11/2026',
    );
    expect(shown(nudge)).toContain('Monday 30 November 2026');
    expect(shown(nudge)).toContain('"text":"Add update"');
    expect(dmsTo(e, U.otherLead)).toHaveLength(0);
    await job(e).run(at(e, '2026-11-27 15:00'));
    expect(dmsTo(e, U.lead)).toHaveLength(1);
  });

  it('takes the update, with a RAG change, from the nudge’s form and thanks the lead in the DM', async () => {
    at(e, '2026-11-09 11:00'); // 18 days before the nudge: silent by the 14-day default
    await postUpdate({ workstream: 'WS1', text: 'Recruitment campaign launched' }, e.t.deps, as(U.lead));
    await job(e).run(at(e, '2026-11-27 09:30'));
    const [nudge] = dmsTo(e, U.lead);
    const value = String((JSON.stringify(nudge!.blocks).match(/"value":"([^"]+)"/) ?? [])[1]);
    await e.press({
      userId: U.lead,
      actionId: 'silence_add_update',
      value,
      channelId: nudge!.channel,
      messageId: nudge!.ts,
    });
    const form = e.slack.views.at(-1)!.view as {
      callback_id: string;
      private_metadata: string;
      blocks: unknown[];
    };
    expect(JSON.stringify(form.blocks)).toContain('RAG (leave empty for no change)');
    await e.submit({
      userId: U.lead,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values: { rag: 'option:amber', text: 'Six of twelve posts filled; agency cover for the rest' },
    });
    expect(
      await e.t.deps.db.update.findFirst({
        where: { workspaceId: TEAM, text: 'Six of twelve posts filled; agency cover for the rest' },
      }),
    ).not.toBeNull();
    expect((await e.t.deps.db.workstream.findUniqueOrThrow({ where: { id: seeded.ws1.id } })).rag).toBe(
      'amber',
    );
    expect(shown(dmsTo(e, U.lead)[0])).toContain(
      'Thank you: your update on WS1 Support and Develop Our Workforce is in.',
    );
    expect(shown(dmsTo(e, U.lead)[0])).toContain('Amber');
    expect(shown(dmsTo(e, U.lead)[0])).not.toContain('"text":"Add update"');
  });
});

describe('countdowns to visits and deadlines', () => {
  async function visit(startDate: string, status = 'planned') {
    const event = await e.t.deps.db.event.create({
      data: {
        workspaceId: TEAM,
        programmeId: seeded.programme.id,
        number: 1,
        kind: 'monitoring_visit',
        startDate,
        theme: 'Care leavers',
        status,
        createdById: 1,
        createdAt: e.t.clock.now(),
      },
    });
    await e.t.deps.db.eventWorkstream.create({
      data: { eventId: event.id, workstreamId: seeded.ws2.id, workspaceId: TEAM },
    });
    return event;
  }

  it('counts down in the board channel and to the linked workstream’s lead, following a moved date', async () => {
    const event = await visit('2026-12-07');
    await job(e).run(at(e, '2026-11-23 09:30'));
    expect(boardPosts()).toHaveLength(1);
    expect(shown(boardPosts()[0])).toContain('Monitoring visit in 14 days*: Monday 7 December 2026 (V-1)');
    expect(shown(boardPosts()[0])).toContain('Care leavers');
    // At 14 days, the reminder points to the pre-visit pack; the later steps do not repeat it.
    expect(shown(boardPosts()[0])).toContain('*Pre-visit pack:* `/improve visit pack V-1`');
    expect(shown(dmsTo(e, U.otherLead)[0])).toContain('Monitoring visit in 14 days');
    expect(shown(dmsTo(e, U.otherLead)[0])).toContain('/improve visit pack V-1');
    expect(dmsTo(e, U.lead)).toHaveLength(0);
    await job(e).run(at(e, '2026-11-24 09:30'));
    expect(boardPosts()).toHaveLength(1);
    await e.t.deps.db.event.update({ where: { id: event.id }, data: { startDate: '2026-12-09' } });
    await job(e).run(at(e, '2026-11-30 09:30'));
    expect(boardPosts()).toHaveLength(1);
    await job(e).run(at(e, '2026-12-02 09:30'));
    expect(shown(boardPosts()[1])).toContain('Monitoring visit in 7 days*: Wednesday 9 December 2026');
    expect(shown(boardPosts()[1])).not.toContain('visit pack');
  });

  it('sends a weekend step on the Friday before, and nothing for a cancelled visit', async () => {
    const event = await visit('2026-12-07');
    await job(e).run(at(e, '2026-12-04 09:30'));
    expect(shown(boardPosts()[0])).toContain('Monitoring visit in 3 days');
    await e.t.deps.db.event.update({ where: { id: event.id }, data: { status: 'cancelled' } });
    await job(e).run(at(e, '2026-12-07 09:30'));
    expect(boardPosts()).toHaveLength(1);
  });
});
