/**
 * The page's "now" buttons and the clock, at a time when the schedule has nothing to do: early on
 * a Wednesday, with the demo programme loaded after Monday's digest time and before the day's
 * reminder time. Send digest now still posts this week's digest (and, pressed again, a copy
 * marked as sent on request); Run reminders now still sends today's reminders; the clock can be
 * moved to a time of day.
 */
import { expect, it } from 'vitest';
import { describeBrowser, type LocalPage, PERSON, useLocalPage } from './harness.js';

/** Wednesday 25 November 2026, 07:00 in London (GMT): before 08:00 and the reminders' 09:30. */
const WEDNESDAY_EARLY = new Date('2026-11-25T07:00:00Z');

let local: LocalPage;
useLocalPage((started) => {
  local = started;
}, WEDNESDAY_EARLY);

// Main digest messages only: their thread replies are articles too, headed 'Weekly digest for …'.
const digests = () => local.page.getByRole('article').filter({ hasText: 'Weekly digest: week of' });

describeBrowser('the page at a time nothing is scheduled', () => {
  it("sends this week's digest on request, then a copy marked as sent on request", async () => {
    const { page } = local;
    await local.open(PERSON.helen!.id, 'board');
    await page.getByRole('button', { name: 'Send digest now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: "Posted this week's digest to #improvement-board." })
      .waitFor();
    await digests()
      .filter({ hasText: 'Weekly digest: week of Monday 23 November 2026' })
      .filter({ hasText: 'Sent on request from the local page.' })
      .waitFor();

    await page.getByRole('button', { name: 'Send digest now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: "This week's digest had already gone (posted 25/11/2026 07:00)" })
      .waitFor();
    await digests()
      .filter({
        hasText:
          "Sent on request from the local page: an update to this week's digest posted 25/11/2026 07:00.",
      })
      .waitFor();
    expect(await digests().count()).toBe(2);
    await local.screenshot('digest-on-request-copy');
  });

  it("sends today's reminders before the reminder time", async () => {
    const { page } = local;
    await local.open(PERSON.tom!.id, 'dm');
    await page.getByRole('button', { name: 'Run reminders now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Ran the reminders at Wed 25 Nov, 07:00: .*direct messages? to you/ })
      .waitFor();
    await page.getByRole('article').filter({ hasText: 'Your actions that need an answer' }).waitFor();

    // Once a working day: pressing again sends nothing and says why.
    await page.getByRole('button', { name: 'Run reminders now' }).click();
    await page.getByRole('status').filter({ hasText: "today's have gone already" }).waitFor();
    expect(
      await page.getByRole('article').filter({ hasText: 'Your actions that need an answer' }).count(),
    ).toBe(1);
  });

  it('moves the clock to a time of day, and the schedule runs then', async () => {
    const { page } = local;
    await local.open(PERSON.tom!.id, 'dm');
    await page.getByLabel('Move clock forward to').fill('09:30');
    await page.getByRole('button', { name: 'Set time' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Ran the scheduled jobs at Wed 25 Nov, 09:30: .*direct messages? to you/ })
      .waitFor();
    await page.locator('#clock').filter({ hasText: 'Wed, 25 Nov 2026, 09:30' }).waitFor();
    await page.getByRole('article').filter({ hasText: 'Your actions that need an answer' }).waitFor();

    // A time already past today means tomorrow's.
    await page.getByLabel('Move clock forward to').fill('08:15');
    await page.getByRole('button', { name: 'Set time' }).click();
    await page.locator('#clock').filter({ hasText: 'Thu, 26 Nov 2026, 08:15' }).waitFor();
  });
});
