/** /improve status <workstream> as the full report card, through the real Bolt app. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addKpi } from '../../src/services/add-kpi.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';
import { visibleText } from '../support/visible.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

describe('the full report card', () => {
  it('shows the RAG history with reasons, updates, open actions, KPIs and the recommendations it addresses', async () => {
    await e.command('update WS1 amber Recruitment behind plan', U.lead);
    e.t.clock.set(new Date('2026-11-24T10:00:00Z'));
    await e.command('rag WS1 red Three leavers this month', U.lead);
    await e.command('update WS1 Exit interviews booked', U.lead);
    await e.command(`action add WS1 <@${U.owner}|owner> 25/11/2026 Exit interviews`, U.lead);
    await e.command(`ask WS1 <@${U.owner}|owner> 10/12/2026 Agency numbers by team`, U.admin);
    const kpi = await addKpi(
      {
        name: 'Agency social workers',
        unit: '%',
        direction: 'lower',
        targets: [{ value: 15, byDate: '2027-03-31' }],
      },
      e.t.deps,
      as(U.admin),
    );
    const ws1 = await e.t.deps.db.workstream.findFirstOrThrow({ where: { code: 'WS1' } });
    // No subcommand sets a KPI's workstream yet; the column exists and the card reads it.
    await e.t.deps.db.kpi.update({ where: { id: kpi.id }, data: { workstreamId: ws1.id } });
    await e.command('kpi record agency 22 for 31/10/2026', U.lead);
    await e.command('recommendation add R3 A stable, permanent workforce', U.admin);
    await e.command('recommendation link R3 A-1', U.lead);
    e.t.clock.set(new Date('2026-11-27T10:00:00Z'));

    const out = await e.command('status WS1', U.member);
    const shown = visibleText(out.replies[0]!.body.blocks);
    expect(shown).toContain(
      [
        '*RAG history*',
        `• 24/11/2026 :large_orange_circle: Amber → :red_circle: Red (<@${U.lead}>): Three leavers this month`,
        `• 23/11/2026 :white_circle: Not started → :large_orange_circle: Amber (<@${U.lead}>): Recruitment behind plan`,
      ].join('\n'),
    );
    expect(shown).toContain('*Actions:* 2 open, *1 overdue*');
    expect(shown).toContain(`• *A-1* Exit interviews · <@${U.owner}> · *overdue since 25/11/2026*`);
    expect(shown).toContain(
      `• *A-2* (board request) Agency numbers by team · <@${U.owner}> · due 10/12/2026`,
    );
    expect(shown).toContain('*Latest update* (24/11/2026, <@U0LEAD1>):\nExit interviews booked');
    expect(shown).toContain(`*Earlier updates*\n• 23/11/2026 <@${U.lead}>: Recruitment behind plan`);
    expect(shown).toContain('*KPIs*\n• Agency social workers: 22%');
    expect(shown).toContain(
      '*Recommendations addressed*\n• *R3* A stable, permanent workforce (inspection report): *covered but overdue*',
    );
  });
});
