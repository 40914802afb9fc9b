/** A workstream lead posts updates from the local page: typed with a RAG change, and by the modal. */
import { expect, it } from 'vitest';
import { describeBrowser, type LocalPage, PERSON, useLocalPage } from './harness.js';

let local: LocalPage;
useLocalPage((started) => {
  local = started;
});

describeBrowser('posting an update in the local workspace', () => {
  it('shows the channel post with the RAG move when a lead types an update with a RAG word', async () => {
    const { page } = local;
    await local.open(PERSON.sarah!.id, 'general');
    await local.type('/improve update WS1 green All 12 permanent posts filled; caseloads average 24');
    const post = page
      .getByRole('article')
      .filter({ hasText: 'All 12 permanent posts filled; caseloads average 24' });
    await post
      .filter({ hasText: 'WS1 Support and Develop Our Workforce: update' })
      .filter({ hasText: /Amber\s*→\s*Green/ })
      .waitFor();
    expect(await post.count()).toBe(1);
    expect(await post.getByText('Only visible to you').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');
    await local.screenshot('update-typed');
  });

  it('opens the update form with no arguments, and posts what the lead fills in', async () => {
    const { page } = local;
    await local.open(PERSON.tom!.id, 'general');
    await local.type('/improve update');
    const form = page.getByRole('dialog', { name: 'Post an update' });
    await form.waitFor();
    await form.getByLabel('Workstream').selectOption('WS2');
    await form.getByLabel('RAG (leave empty for no change)').selectOption('amber');
    await form
      .getByLabel('Update (the reason, if the RAG changes)')
      .fill('Re-audit: 22% of duty team assessments out of timescale, down from 38%');
    await local.screenshot('update-modal-filled');
    await form.getByRole('button', { name: 'Post' }).click();
    await form.waitFor({ state: 'detached' });
    const post = page.getByRole('article').filter({ hasText: 'Re-audit: 22% of duty team assessments' });
    await post
      .filter({ hasText: 'WS2 Improve Our Practice: update' })
      .filter({ hasText: /Red\s*→\s*Amber/ })
      .waitFor();
    await local.screenshot('update-modal-posted');
  });

  it('keeps the form open with the text when a required field is left empty', async () => {
    const { page } = local;
    await local.open(PERSON.tom!.id, 'general');
    await local.type('/improve update');
    const form = page.getByRole('dialog', { name: 'Post an update' });
    await form.getByLabel('Update (the reason, if the RAG changes)').fill('Practice week dates agreed');
    await form.getByRole('button', { name: 'Post' }).click();
    await form.getByRole('alert').filter({ hasText: 'Please complete this required field.' }).waitFor();
    expect(await form.getByRole('alert').filter({ hasText: /./ }).count()).toBe(1);
    expect(await form.getByLabel('Update (the reason, if the RAG changes)').inputValue()).toBe(
      'Practice week dates agreed',
    );
  });
});
