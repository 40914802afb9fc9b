/**
 * Local mode's Teams view: the same page switched to Teams shows the local Teams tenant, where
 * messages go to the real Teams app as signed activities and its cards are drawn by Microsoft's
 * Adaptive Cards renderer. Action.Execute buttons send invokes; the answer replaces the card.
 */
import { expect, it } from 'vitest';
import { describeBrowser, type LocalPage, PERSON, useLocalPage } from './harness.js';

let local: LocalPage;
useLocalPage((started) => {
  local = started;
});

const OVERDUE = 'Embed practice standards in every team meeting';

/** Opens the page as this person and switches it to Teams, in their chat with the bot. */
async function openTeams(personId: string, where: 'chat' | 'Improvement Board' = 'chat') {
  const { page } = local;
  await local.open(personId, 'general');
  await page.getByRole('group', { name: 'Show the bot in' }).getByRole('button', { name: 'Teams' }).click();
  await page.locator('body.platform-teams').waitFor();
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  await nav.getByRole('button', { name: where === 'chat' ? /improvement-bot/ : where }).click();
  await page.getByRole('heading', { level: 1, name: where === 'chat' ? 'improvement-bot' : where }).waitFor();
}

const cardsIn = (local: LocalPage) => local.page.locator('.teams-card .ac-adaptiveCard');

describeBrowser('the Teams view', () => {
  it('answers a typed command with an Adaptive Card drawn by the adaptivecards renderer', async () => {
    const errors: string[] = [];
    local.page.on('pageerror', (error) => errors.push(error.message));
    local.page.on(
      'console',
      (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()),
    );
    await openTeams(PERSON.priya!.id);
    await local.type('improve status');
    const card = cardsIn(local).filter({ hasText: 'RAG summary' });
    await card.waitFor();
    // Microsoft's renderer drew it: its own classes, the Markdown bold as <strong>, a push button.
    expect(await card.locator('.ac-textBlock').count()).toBeGreaterThan(2);
    expect(await card.locator('strong', { hasText: 'WS1' }).count()).toBe(1);
    expect(await card.locator('button.ac-pushButton', { hasText: 'Post to channel' }).count()).toBe(1);
    // What the person typed is in the chat too, above the answer.
    await local.page
      .getByRole('article', { name: 'Message from Priya Shah' })
      .getByText('improve status')
      .waitFor();
    await local.screenshot('teams-status');
    // A button whose answer is words, not a card: Teams shows them under the card.
    await card.getByRole('button', { name: 'Post to channel' }).click();
    await local.page.locator('.card-said').waitFor();
    await local.screenshot('teams-status-posted');
    expect(local.app.local?.teams?.unexpected).toEqual([]);
    // No script error, no refused style or script, no renderer warning (e.g. markdown not processed).
    expect(errors).toEqual([]);
    // Back to Slack: the same page, Slack's look, and none of the Teams chat.
    await local.page
      .getByRole('group', { name: 'Show the bot in' })
      .getByRole('button', { name: 'Slack' })
      .click();
    await local.page.locator('body:not(.platform-teams)').waitFor();
    await local.page.getByRole('heading', { level: 1, name: '#general' }).waitFor();
    expect(await cardsIn(local).count()).toBe(0);
  });

  it('Send digest now posts the Teams tenant’s digest in its Improvement Board channel', async () => {
    await openTeams(PERSON.priya!.id, 'Improvement Board');
    await local.page.getByRole('button', { name: 'Send digest now' }).click();
    await local.page.getByRole('status').filter({ hasText: 'Posted this week' }).waitFor();
    await cardsIn(local).filter({ hasText: 'Exceptions' }).first().waitFor();
    await local.screenshot('teams-digest');
    expect(local.app.local?.slack.messages.filter((m) => m.channel === 'C0BOARD001')).toEqual([]);
  });

  it('in a channel, @mentions the bot for you and the answer comes to your chat', async () => {
    await openTeams(PERSON.priya!.id, 'Improvement Board');
    await local.type('improve help');
    await local.page.getByRole('article', { name: 'Message from Priya Shah' }).locator('.mention').waitFor();
    await local.page.getByRole('alert').filter({ hasText: 'The bot answers in your chat' }).waitFor();
    await local.screenshot('teams-channel');
    const chat = local.page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', {
      name: /improvement-bot/,
    });
    await chat.filter({ hasText: /\d+/ }).waitFor();
    await chat.click();
    await cardsIn(local).filter({ hasText: 'improve' }).first().waitFor();
    await local.screenshot('teams-help');
  });

  it('a reminder’s Done opens the evidence form in place of the card, and submitting it updates the card', async () => {
    const { page } = local;
    await openTeams(PERSON.tom!.id);
    await page.getByRole('button', { name: 'Run reminders now' }).click();
    const reminder = page.locator('.teams-card').filter({ hasText: 'Your actions that need an answer' });
    await reminder.waitFor();
    expect(await reminder.getByText(OVERDUE).count()).toBe(1);
    await local.screenshot('teams-reminder');
    await reminder.getByRole('button', { name: 'Done' }).first().click();
    // The invoke's answer is a card: the evidence form, drawn where the reminder was.
    const form = page.locator('.teams-card').filter({ hasText: 'What shows it is done' });
    await form.waitFor();
    await form.locator('input.ac-input, textarea.ac-input').first().fill('Team meeting minutes, SharePoint');
    await local.screenshot('teams-done-form');
    await form.getByRole('button', { name: 'Mark done' }).click();
    const updated = page
      .getByRole('article')
      .filter({ hasText: 'Edited' })
      .filter({ hasText: `${OVERDUE} · done, thank you` });
    await updated.waitFor();
    expect(await updated.locator('.ac-adaptiveCard').count()).toBe(1);
    await local.screenshot('teams-done');
    const action = await local.app.deps.db.action.findFirstOrThrow({
      where: { workspaceId: '10ca1000-0000-4000-8000-000000000001', text: OVERDUE },
    });
    expect(action.status).toBe('done');
    expect(local.app.local?.teams?.unexpected).toEqual([]);
  });

  it('improve update with nothing after it answers with the form as a card, and its Post posts the update', async () => {
    const { page } = local;
    await openTeams(PERSON.tom!.id);
    await local.type('improve update');
    const form = page.locator('.teams-card').filter({ hasText: 'Post an update' });
    await form.waitFor();
    await form.getByLabel('Workstream').selectOption('WS2');
    await form.getByLabel('RAG (leave empty for no change)').selectOption('amber');
    await form
      .getByLabel('Update (the reason, if the RAG changes)')
      .fill('Re-audit: 22% of duty team assessments out of timescale, down from 38%');
    await local.screenshot('teams-update-form');
    await form.getByRole('button', { name: 'Post' }).click();
    // Posted where the form was, and the form's card says so under it.
    await page
      .getByRole('article')
      .filter({ hasText: 'Post an update' })
      .locator('.card-said', { hasText: 'Posted' })
      .waitFor();
    await page
      .getByRole('article', { name: 'Message from improvement-bot' })
      .filter({ hasText: 'WS2 Improve Our Practice: update' })
      .filter({ hasText: 'Re-audit: 22% of duty team assessments' })
      .waitFor();
    await local.screenshot('teams-update-posted');
    const update = await local.app.deps.db.update.findFirstOrThrow({
      where: { workspaceId: '10ca1000-0000-4000-8000-000000000001' },
      orderBy: { id: 'desc' },
    });
    expect(update.text).toContain('Re-audit: 22%');
  });
});
