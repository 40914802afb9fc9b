/**
 * A modal submission while the database is held up: Slack hears back within its 3 seconds
 * (the modal closes), and the update is stored and posted once the database answers again.
 * A fast database keeps the old behaviour: field errors shown in the modal.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.js';
import { type E2E, SIGNING_SECRET, sealedMetadata, startE2E } from '../support/e2e.js';
import { seedProgramme, TEAM, U } from '../support/factories.js';
import { sendViewSubmission } from '../support/signed-requests.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E();
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

/** Holds the database (SQLite's lock; PostgreSQL's Programme table) until `release()`. */
async function holdDatabase(): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held!: () => void;
  const holding = new Promise<void>((resolve) => {
    held = resolve;
  });
  const done = e.t.deps.sql.transaction(async (tx) => {
    if (tx.provider === 'postgresql') await tx.run(sql`LOCK TABLE "Programme" IN ACCESS EXCLUSIVE MODE`);
    held();
    await released;
  });
  await holding;
  return async () => {
    release();
    await done;
  };
}

const submit = (text: string) =>
  sendViewSubmission(e.url, {
    signingSecret: SIGNING_SECRET,
    teamId: TEAM,
    userId: U.lead,
    callbackId: 'update_modal',
    privateMetadata: sealedMetadata(JSON.stringify({ channelId: 'C0GENERAL' })),
    values: {
      workstream: { workstream: { type: 'static_select', selected_option: { value: 'WS1' } } },
      text: { text: { type: 'plain_text_input', value: text } },
    },
  });

it('closes the modal within 3 seconds while the database is held, then stores and posts', async () => {
  const release = await holdDatabase();
  const started = performance.now();
  const res = await submit('Induction programme launched');
  const took = performance.now() - started;
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
  expect(took).toBeLessThan(3000);
  await release();
  await e.runtime.idle();
  expect(await e.t.deps.db.update.count()).toBe(1);
  expect(e.slack.messages.filter((m) => !m.ephemeralFor).map((m) => m.text)).toEqual([
    expect.stringContaining('Induction programme launched'),
  ]);
});

it('a late refusal arrives as a message with the text, since the modal has closed', async () => {
  const release = await holdDatabase();
  const res = await submit('   ');
  expect(res.text).toBe('');
  await release();
  await e.runtime.idle();
  // An empty update is refused by the handler, after the ack, so it comes as a message.
  const said = e.slack.messages.filter((m) => m.ephemeralFor === U.lead).map((m) => m.text);
  expect(said.join('\n')).toContain('The update for WS1 is empty');
  expect(said.join('\n')).toContain('Your text, so nothing is lost');
  expect(await e.t.deps.db.update.count()).toBe(0);
});

it('with the database answering, field errors still show in the modal', async () => {
  const res = await submit('   ');
  expect(res.body).toEqual({
    response_action: 'errors',
    errors: { text: expect.stringContaining('The update for WS1 is empty') },
  });
});

it('stores a NUL byte typed in a form the same way on both databases: dropped, as in commands', async () => {
  const res = await submit('Induction\u0000 programme launched');
  expect(res.text).toBe('');
  await e.runtime.idle();
  expect((await e.t.deps.db.update.findFirstOrThrow()).text).toBe('Induction programme launched');
});
