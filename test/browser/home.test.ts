/** The App Home tab on the local page: what is yours to do, answered with the same buttons. */
import { expect, it } from 'vitest';
import { LOCAL_TEAM_ID } from '../../src/local/workspace.js';
import { describeBrowser, type LocalPage, PERSON, useLocalPage } from './harness.js';

let local: LocalPage;
useLocalPage((started) => {
  local = started;
});

/** Tom Richards leads WS2; the demo has his 'Embed practice standards' action overdue. */
const OVERDUE = 'Embed practice standards in every team meeting';

describeBrowser('the Home tab', () => {
  it('shows your open actions, your workstreams’ RAG and the next visit, and its buttons answer', async () => {
    const { page } = local;
    await local.open(PERSON.tom!.id, 'general');
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: 'Home' })
      .click();
    const home = page.getByRole('log', { name: 'Messages' });
    await home.getByText(/Your open actions/).waitFor();
    await home.getByText(OVERDUE).waitFor();
    await home.getByText('you lead').first().waitFor();
    await home
      .getByText(/Monitoring visit/)
      .first()
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Message' }).isVisible()).toBe(false);
    await local.screenshot('home-tab');

    // Most overdue first, as in the reminder: the first Done is A-7's.
    const before = await home.getByRole('button', { name: 'Done' }).count();
    await home.getByRole('button', { name: 'Done' }).first().click();
    const form = page.getByRole('dialog', { name: /Done: A-7/ });
    await form.getByLabel('What shows it is done (the evidence)').fill('Team meeting minutes, SharePoint');
    await form.getByRole('button', { name: 'Mark done' }).click();
    await form.waitFor({ state: 'detached' });
    await home.getByText(OVERDUE).waitFor({ state: 'detached' });
    expect(await home.getByRole('button', { name: 'Done' }).count()).toBe(before - 1);
    expect(
      (await local.app.deps.db.action.findFirstOrThrow({ where: { workspaceId: LOCAL_TEAM_ID, number: 7 } }))
        .status,
    ).toBe('done');

    // Someone else sees their own Home tab, not Tom's.
    await page.getByLabel('You are').selectOption(PERSON.helen!.id);
    await home.getByText(/Your open actions/).waitFor();
    await expect.poll(() => home.getByText('you lead').count()).toBe(0);
  });
});
