/** The weekly digest as the board reads it on the local page: sent from the controls, Reds first. */
import { expect, it } from 'vitest';
import { describeBrowser, type LocalPage, PERSON, useLocalPage } from './harness.js';

/** Monday 23 November 2026, 09:05 in London: the demo's digest time (09:00) has just passed. */
const MONDAY_MORNING = new Date('2026-11-23T09:05:00Z');

let local: LocalPage;
useLocalPage((started) => {
  local = started;
}, MONDAY_MORNING);

describeBrowser('the weekly digest', () => {
  it('arrives in the board channel when sent from the page, with the Red workstreams as exceptions', async () => {
    const { page } = local;
    await local.open(PERSON.helen!.id, 'board');
    expect(await page.getByRole('article').count()).toBe(0);
    await page.getByRole('button', { name: 'Send digest now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: "Posted this week's digest to #improvement-board." })
      .waitFor();
    const digest = page
      .getByRole('article')
      .filter({ hasText: 'Weekly digest: week of Monday 23 November 2026' });
    const exceptions = digest.locator('.blocks > *').filter({ hasText: 'Exceptions: what is Red' });
    await exceptions.waitFor();
    for (const red of ['WS2 Improve Our Practice', 'WS5 Make the Right Decisions at the Right Time']) {
      await digest.getByText(red, { exact: true }).first().waitFor();
    }
    await digest.getByText(/Why Red \([^)]*@Tom Richards\): Audit found 38% of assessments/).waitFor();
    expect(await digest.getByText('Posted late').count()).toBe(0);
    // The first screen: the headline, then the thread with the detail.
    await digest.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await digest.getByText('Continues in the thread: 1 more message.').waitFor();
    await local.screenshot('digest-first-screen');
    await local.screenshot('digest');
    await exceptions.scrollIntoViewIfNeeded();
    await local.screenshot('digest-exceptions');

    // Pressed again, it posts a copy that says it is one, never a second week's digest.
    await page.getByRole('button', { name: 'Send digest now' }).click();
    await page.getByRole('status').filter({ hasText: "This week's digest had already gone" }).waitFor();
    await page
      .getByRole('article')
      .filter({ hasText: "Sent on request from the local page: an update to this week's digest" })
      .waitFor();
    expect(await page.getByRole('article').filter({ hasText: 'Weekly digest: week of' }).count()).toBe(2);
  });

  it('comes again a week later when the local clock is moved forward a week', async () => {
    const { page } = local;
    await local.open(PERSON.priya!.id, 'board');
    await page.getByRole('button', { name: 'Send digest now' }).click();
    await page
      .getByRole('article')
      .filter({ hasText: 'Weekly digest: week of Monday 23 November 2026' })
      .waitFor();
    await page.getByRole('button', { name: 'Move clock forward a week' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Ran the scheduled jobs at Mon 30 Nov, 09:05: 2 messages in #improvement-board/ })
      .waitFor();
    await page
      .getByRole('article')
      .filter({ hasText: 'Weekly digest: week of Monday 30 November 2026' })
      .waitFor();
    await page.locator('#clock').filter({ hasText: 'Mon, 30 Nov 2026, 09:05' }).waitFor();
    expect(await page.getByRole('article').filter({ hasText: 'Weekly digest: week of' }).count()).toBe(2);
    await local.screenshot('digest-a-week-later');
  });
});
