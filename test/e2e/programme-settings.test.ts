/**
 * `/improve settings` through the real Bolt app: the form (views.open, then view_submission),
 * the text forms, who may, refusals that write nothing, and a change in force on the next tick of
 * the scheduler without a restart.
 */
import { LogLevel } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackChat } from '../../src/chat/slack/slack-chat.js';
import { slackWebClient } from '../../src/chat/slack/web-client.js';
import { digestJob } from '../../src/scheduler/digest-job.js';
import { DIGEST_METHODS } from '../support/digest.js';
import { DEFAULT_METHODS, type E2E, startE2E } from '../support/e2e.js';
import { seedProgramme, U } from '../support/factories.js';
import { countRows } from '../support/row-counts.js';

let e: E2E;
beforeEach(async () => {
  e = await startE2E({
    methods: [...new Set([...DEFAULT_METHODS, ...DIGEST_METHODS])],
    now: new Date('2026-11-23T10:00:00Z'),
  });
  await seedProgramme(e.t.deps);
});
afterEach(async () => {
  expect(e.slack.unexpected).toEqual([]);
  await e.close();
});

const programme = () => e.t.deps.db.programme.findFirstOrThrow();
const errorsOf = (ack: { body: unknown }) =>
  (ack.body as { errors?: Record<string, string> } | undefined)?.errors ?? {};
const FORM = {
  digestDay: 'option:1',
  digestTime: '09:00',
  reminderTime: '09:30',
  silenceDays: '14',
  countdownDays: '28, 14, 7, 2, 1, 0',
  digestExceptionsOnly: 'option:off',
  evidenceOnDone: 'option:off',
  evidenceForVerify: 'option:on',
  extensionApproval: 'option:off',
};

async function openForm(userId: string = U.admin) {
  await e.command('settings', userId);
  const view = e.slack.views.at(-1)!;
  expect(view.view.callback_id).toBe('settings_modal');
  return String(view.view.private_metadata);
}

describe('/improve settings, the form', () => {
  it('opens with the current settings, and saving changes them, one audit row each', async () => {
    const metadata = await openForm();
    const shownForm = JSON.stringify(e.slack.views.at(-1)!.view.blocks);
    expect(shownForm).toContain('"initial_value":"09:30"');
    expect(shownForm).toContain('"initial_value":"28, 14, 7, 2, 1, 0"');
    const ack = await e.submit({
      userId: U.admin,
      callbackId: 'settings_modal',
      privateMetadata: metadata,
      values: {
        ...FORM,
        digestDay: 'option:3',
        digestTime: '8.30am',
        silenceDays: '10',
        countdownDays: '14 7 1',
      },
    });
    expect(ack.status).toBe(200);
    expect(errorsOf(ack)).toEqual({});
    expect(await programme()).toMatchObject({
      digestDay: 3,
      digestTime: '08:30',
      reminderTime: '09:30',
      silenceDays: 10,
    });
    expect(JSON.parse((await programme()).countdownDays).monitoring_visit).toEqual([14, 7, 1]);
    const rows = await e.t.deps.db.auditLog.findMany({
      where: { entity: 'programme', action: { startsWith: 'settings.' } },
    });
    expect(rows.map((r) => r.action).sort()).toEqual([
      'settings.countdownDays',
      'settings.digestDay',
      'settings.digestTime',
      'settings.silenceDays',
    ]);
    const day = rows.find((r) => r.action === 'settings.digestDay')!;
    expect([JSON.parse(day.before!), JSON.parse(day.after!)]).toEqual([{ digestDay: 1 }, { digestDay: 3 }]);
    const reply = e.slack.messages.filter((m) => m.ephemeralFor === U.admin).at(-1)!;
    expect(reply.text).toContain('*digest day*: Monday → Wednesday');
    expect(reply.text).toContain('*digest time*: 09:00 → 08:30');
  });

  it('shows what is wrong on each field and saves nothing', async () => {
    const metadata = await openForm();
    const before = await countRows(e.t.deps.db);
    const ack = await e.submit({
      userId: U.admin,
      callbackId: 'settings_modal',
      privateMetadata: metadata,
      values: { ...FORM, digestTime: '2am', reminderTime: 'soon', silenceDays: '0', countdownDays: '7, -1' },
    });
    expect(errorsOf(ack)).toEqual({
      digestTime: '02:00 is outside working hours: choose a time from 07:00 to 19:00.',
      reminderTime: '“soon” is not a time of day: write it like 09:00 or 9.30am.',
      silenceDays:
        'The silence threshold is a whole number of days from 7 to 90: under 7 would flag leads who update every week.',
      countdownDays:
        '“7, -1” should be up to 10 numbers of days before, from 0 (the day itself) to 366, such as 28, 14, 7, 2, 1, 0.',
    });
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it.each([U.lead, U.member])('is refused to %s, who is not an admin, writing nothing', async (userId) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command('settings', userId);
    expect(out.reply).toContain('Only an admin can change the programme’s settings');
    expect(e.slack.views).toHaveLength(0);
    expect(await countRows(e.t.deps.db)).toEqual(before);
    // A form submitted by a non-admin (say, one opened before they stopped being admin) is refused too.
    const metadata = await openForm(U.admin);
    const counted = await countRows(e.t.deps.db);
    await e.submit({
      userId,
      callbackId: 'settings_modal',
      privateMetadata: metadata,
      values: { ...FORM, digestTime: '10:00' },
    });
    expect((await programme()).digestTime).toBe('09:00');
    expect(await countRows(e.t.deps.db)).toEqual(counted);
    const told = e.slack.messages.filter((m) => m.ephemeralFor === userId).at(-1);
    expect(told?.text).toContain('Only an admin can change the programme’s settings');
  });

  it('a new digest day and time is in force on the next tick, without a restart', async () => {
    const metadata = await openForm();
    await e.submit({
      userId: U.admin,
      callbackId: 'settings_modal',
      privateMetadata: metadata,
      values: { ...FORM, digestDay: 'option:2', digestTime: '11:00' },
    });
    const chat = slackChat(slackWebClient('xoxb-e2e', e.slack.apiUrl, LogLevel.ERROR));
    const job = digestJob({ ...e.t.deps, chat, instanceId: 'scheduler' });
    const weekly = () => e.slack.messages.filter((m) => m.metadata?.event_type === 'improvement_digest');
    e.t.clock.set(new Date('2026-11-24T10:59:00Z'));
    await job.run(e.t.clock.now());
    expect(weekly()).toHaveLength(0);
    e.t.clock.set(new Date('2026-11-24T11:00:00Z'));
    await job.run(e.t.clock.now());
    expect(weekly()).toHaveLength(1);
  });
});

describe('/improve settings, one at a time', () => {
  it.each([
    ['settings digest-day tuesday', { digestDay: 2 }, 'Monday → Tuesday'],
    ['settings reminder-time 10am', { reminderTime: '10:00' }, '09:30 → 10:00'],
    ['settings silence-days 21', { silenceDays: 21 }, '14 days → 21 days'],
    ['settings exceptions-only on', { digestExceptionsOnly: true }, '→ on (Reds, RAG changes'],
    [
      'settings board-channel <#C0NEWBOARD|board>',
      { boardChannelId: 'C0NEWBOARD' },
      '<#C0BOARD> → <#C0NEWBOARD>',
    ],
  ])('%s', async (text, stored, shown) => {
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(shown);
    expect(await programme()).toMatchObject(stored);
    expect(await e.t.deps.db.auditLog.count({ where: { action: { startsWith: 'settings.' } } })).toBe(1);
  });

  it.each([
    ['settings digest-day Funday', '“Funday” is not a day of the week'],
    ['settings digest-time 25:00', 'is not a time of day'],
    ['settings colour blue', "I don't know the setting “colour”"],
    ['settings board-channel improvement-board', 'Name the board channel as a #channel'],
  ])('refuses “%s”, says why, returns the text and writes nothing', async (text, why) => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command(text, U.admin);
    expect(out.reply).toContain(why);
    expect(out.reply).toContain(`/improve ${text.replace('<#C0NEWBOARD|board>', '')}`);
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });

  it('refuses a lead, writing nothing', async () => {
    const before = await countRows(e.t.deps.db);
    const out = await e.command('settings digest-day Friday', U.lead);
    expect(out.reply).toContain('Only an admin can change the programme’s settings');
    expect(await countRows(e.t.deps.db)).toEqual(before);
  });
});
