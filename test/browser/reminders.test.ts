/** Reminders as an action owner meets them on the local page: a DM with buttons that answer it. */
import { expect, it } from 'vitest';
import { describeBrowser, type LocalPage, PERSON, useLocalPage } from './harness.js';

let local: LocalPage;
useLocalPage((started) => {
  local = started;
});

/** Tom Richards leads WS2; the demo has his 'Embed practice standards' action overdue. */
const OVERDUE = 'Embed practice standards in every team meeting';

async function receiveReminders() {
  const { page } = local;
  await local.open(PERSON.tom!.id, 'general');
  await page.getByRole('button', { name: 'Run reminders now' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /direct messages? to you/ })
    .waitFor();
  const dm = page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: /improvement-bot/ });
  await dm.filter({ hasText: /\d+/ }).waitFor();
  await dm.click();
  const reminder = page.getByRole('article').filter({ hasText: 'Your actions that need an answer' });
  await reminder.waitFor();
  return reminder;
}

describeBrowser('a reminder DM', () => {
  it('arrives when reminders run, and pressing Done updates the DM', async () => {
    const reminder = await receiveReminders();
    expect(await reminder.getByText(OVERDUE).count()).toBe(1);
    expect(await reminder.getByRole('button', { name: 'Done' }).count()).toBe(3);
    await local.screenshot('reminder-received');
    await reminder.getByRole('button', { name: 'Done' }).first().click();
    // Done asks what shows it is done, in a short form.
    const form = local.page.getByRole('dialog', { name: /Done: A-7/ });
    await form.getByLabel('What shows it is done (the evidence)').fill('Team meeting minutes, SharePoint');
    await local.screenshot('reminder-done-evidence');
    await form.getByRole('button', { name: 'Mark done' }).click();
    await form.waitFor({ state: 'detached' });
    await reminder
      .filter({ hasText: '(edited)' })
      .filter({ hasText: `A-7 WS2 · ${OVERDUE} · done, thank you` })
      .waitFor();
    expect(await reminder.getByRole('button', { name: 'Done' }).count()).toBe(2);
    expect(await local.page.getByRole('article').count()).toBeGreaterThanOrEqual(1);
    await local.screenshot('reminder-done');
  });

  it('moves a due date from the New date form (a datepicker and a reason)', async () => {
    const reminder = await receiveReminders();
    const row = reminder.locator('.bk-section, .bk-actions');
    const newDate = row.filter({ has: local.page.getByRole('button', { name: 'New date' }) });
    await newDate.last().getByRole('button', { name: 'New date' }).click();
    const form = local.page.getByRole('dialog', { name: /New date for A-8/ });
    await form.getByLabel('New due date').fill('2026-12-18');
    await form
      .getByLabel('Why it is moving (the board will ask)')
      .fill('Re-audit moved after the practice week');
    await local.screenshot('reminder-new-date');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await reminder
      .filter({ hasText: '(edited)' })
      .filter({ hasText: /A-8 WS2 · Re-audit duty team assessments[^\n]*18 Dec/ })
      .waitFor();
  });
});
