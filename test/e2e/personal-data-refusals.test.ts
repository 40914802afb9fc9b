/**
 * Every entry point that stores free text refuses personal data, through the real Bolt app over
 * signed HTTP: slash commands, modal fields and the forms behind buttons. Each refusal names
 * what it found, writes nothing anywhere, and gives the whole text back: in the reply for a
 * command (split across sections when it is longer than one), in the modal for a form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAction } from '../../src/services/add-action.js';
import { addVisit } from '../../src/services/add-visit.js';
import { completeAction } from '../../src/services/complete-action.js';
import { type E2E, sealedMetadata, startE2E } from '../support/e2e.js';
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

/** [form, callback id, private metadata, field values, who submits]. */
const FORMS: [string, string, string, Record<string, string>, string][] = [
  // The update, RAG and action forms, opened from a command, run on both platforms:
  // scenarios-personal-data.test.ts. These are opened from a reminder's or a nudge's buttons.
  [
    'the silent-workstream form',
    'silence_update',
    '{"workstream":"WS1"}',
    { text: 'Lives at 22 Orchard Close with nan' },
    U.lead,
  ],
  [
    'the Add update form',
    'reminder_update',
    '{"source":"home","actionNumber":1}',
    { text: 'Spoke to Harvey Wilson (15) today' },
    U.owner,
  ],
  [
    'the Not mine form',
    'reminder_not_mine',
    '{"source":"home","actionNumber":1}',
    { owner: `user:${U.otherLead}`, note: 'Ask about CP/2025/1187' },
    U.owner,
  ],
  [
    'the New date form',
    'reminder_new_date',
    '{"source":"home","actionNumber":1}',
    { due: 'date:2027-01-29', reason: 'jayden smith 12/03/2015 case' },
    U.owner,
  ],
];

describe('every form that stores text refuses personal data', () => {
  it.each(FORMS)('%s', async (_what, callbackId, privateMetadata, values, userId) => {
    const before = await countRows(e.t.deps.db);
    const messages = e.slack.messages.length;
    // As the app sealed it when it opened the form (metadata-seal.ts).
    const ack = await e.submit({
      userId,
      callbackId,
      privateMetadata: sealedMetadata(privateMetadata),
      values,
    });
    // The form stays open with the person's text in it, and the problem on the field.
    expect(ack.body).toMatchObject({ response_action: 'errors' });
    // The harness's views carry no blocks, so the listener cannot tell which input came last and
    // puts a service's error on 'text'; which field shows it is the listener's business, not the guard's.
    const errors = Object.values((ack.body as { errors: Record<string, string> }).errors);
    expect(errors).toEqual([
      expect.stringMatching(/^It looks like it contains .*never about a child, so nothing was saved/),
    ]);
    expect(e.slack.messages.length).toBe(messages);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});
