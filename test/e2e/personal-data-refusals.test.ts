/**
 * A long refusal of personal data comes back whole on Slack, split across sections at Slack's
 * 3,000-character limit, through the real Bolt app over signed HTTP. The tables of every command
 * and form that stores free text run on both platforms: scenarios-personal-data.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { addVisit } from '../../src/services/add-visit.js';
import { completeAction } from '../../src/services/complete-action.js';
import { type E2E, startE2E } from '../support/e2e.js';
import { as, seedProgramme, U } from '../support/factories.js';
import { echoedText, longestSection, shownText } from '../support/refusals.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
  await addAction(
    { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-12-18', text: 'Run the caseload audit' },
    e.t.deps,
    as(U.lead),
  );
  await addAction(
    { workstream: 'WS1', ownerUserId: U.owner, dueDate: '2026-12-18', text: 'Publish the standards' },
    e.t.deps,
    as(U.lead),
  );
  await completeAction({ ref: 'A-2' }, e.t.deps, as(U.owner));
  await addVisit(
    { kind: 'monitoring_visit', startDate: '2027-01-12', theme: 'care leavers' },
    e.t.deps,
    as(U.admin),
  );
  await e.command('update WS1 Caseloads reviewed in all teams', U.lead);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

// The table of commands runs on both platforms: scenarios-personal-data.test.ts.

/** Ordinary filler around one piece of personal data, to a given length. */
function longText(length: number, personal: string): string {
  const filler = 'Practice week went ahead with 42 audits returned and 60% rated good or better. ';
  const half = filler.repeat(Math.ceil(length / filler.length / 2));
  return `${half}${personal} ${half}`.slice(0, length);
}

describe('a long text comes back whole', () => {
  it('splits a 4,600-character refusal across sections, losing nothing', async () => {
    const text = `update WS1 ${longText(4600, 'Mosaic case 998123 discussed.')}`;
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.lead);
    expect(shownText(out.replies)).toContain('a case reference');
    expect(echoedText(out.replies)).toBe(`/improve ${text}`);
    expect(longestSection(out.replies)).toBeLessThanOrEqual(3000);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('gives back a text too long to store, with no personal data, just as whole', async () => {
    const text = `update WS1 ${'Caseloads are down in every team this month. '.repeat(100)}`.trim();
    const out = await e.command(text, U.lead);
    expect(shownText(out.replies)).toContain('the limit is 2,000');
    expect(echoedText(out.replies)).toBe(`/improve ${text}`);
    expect(longestSection(out.replies)).toBeLessThanOrEqual(3000);
  });

  it('splits a single word longer than a section, and escapes what it quotes', async () => {
    const word = `${'<b>&'.repeat(1500)}`;
    const text = `update WS1 NHS 943 476 5919 ${word}`;
    const out = await e.command(text, U.lead);
    expect(echoedText(out.replies)).toBe(`/improve ${text}`);
    expect(longestSection(out.replies)).toBeLessThanOrEqual(3000);
    expect(shownText(out.replies)).not.toContain('<b>');
  });
});

// The forms, from commands and from reminders' buttons, run on both platforms:
// scenarios-personal-data.test.ts.
