/** The personal-data guard as a person meets it on the local page: refused, nothing posted, text kept. */
import { expect, it } from 'vitest';
import { describeBrowser, type LocalPage, PERSON, useLocalPage } from './harness.js';

let local: LocalPage;
useLocalPage((started) => {
  local = started;
});

const TYPED = '/improve update WS1 Met Jane Smith DOB 12/03/2015 about her placement';

describeBrowser('a date of birth in a command', () => {
  it('is refused in a reply only the sender sees, with their text kept and nothing posted', async () => {
    const { page } = local;
    await local.open(PERSON.sarah!.id, 'general');
    await local.type(TYPED);
    const refusal = page
      .getByRole('article')
      .filter({ hasText: 'Only visible to you' })
      .filter({ hasText: /date of birth/ });
    await refusal.filter({ hasText: 'Your text, so nothing is lost' }).filter({ hasText: TYPED }).waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    await local.screenshot('personal-data-refused');

    await local.open(PERSON.priya!.id, 'general');
    await page.getByText('This is the very beginning of #general.').waitFor();
    expect(await page.getByRole('article').count()).toBe(0);
  });

  it('is refused inside the update form, which stays open with the text', async () => {
    const { page } = local;
    await local.open(PERSON.sarah!.id, 'general');
    await local.type('/improve update');
    const form = page.getByRole('dialog', { name: 'Post an update' });
    await form.getByLabel('Workstream').selectOption('WS1');
    const text = form.getByLabel('Update (the reason, if the RAG changes)');
    await text.fill('Spoke to Jane Smith DOB 12/03/2015 about her placement');
    await form.getByRole('button', { name: 'Post' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: /date of birth/ })
      .waitFor();
    expect(await text.inputValue()).toBe('Spoke to Jane Smith DOB 12/03/2015 about her placement');
    await local.screenshot('personal-data-modal');
    expect(await page.getByRole('article').count()).toBe(0);
  });
});
