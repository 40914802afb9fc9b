/**
 * How the page shows what the app sends: Block Kit and mrkdwn, thread replies, message updates,
 * and who sees what. The app's own Web API client posts here, exactly as the digest or a
 * reminder would, so these pin the page's rendering rather than any one feature.
 */
import { expect, it } from 'vitest';
import { BOARD_CHANNEL } from '../../src/local/workspace.js';
import { describeBrowser, type LocalPage, PERSON, useLocalPage } from './harness.js';

let local: LocalPage;
useLocalPage((started) => {
  local = started;
});

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describeBrowser('the local page', () => {
  it('renders mrkdwn, fields and mentions by name, and shows thread replies and updates as they happen', async () => {
    const { page } = local;
    const client = local.app.slack.app.client;
    await local.open(PERSON.helen!.id, 'board');
    const parent = await client.chat.postMessage({
      channel: BOARD_CHANNEL.id,
      text: 'Board pack',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Board pack for December' } },
        section(
          `*Bold words* and _italic words_ for <@${PERSON.tom!.id}> in <#${BOARD_CHANNEL.id}>, see <https://www.gov.uk/ofsted|the Ofsted page>\n• first point\n• second point`,
        ),
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Due*\n31/12/2026' },
            { type: 'mrkdwn', text: '*Owner*\nPriya' },
          ],
        },
        { type: 'divider' },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'A &lt;script&gt; tag stays text' }] },
      ],
    });
    // The message's ts is its identity on the page too, so it can be found after an update.
    const pack = page.locator(`article[data-ts="${parent.ts}"]`);
    await pack.getByRole('heading', { name: 'Board pack for December' }).waitFor();
    await pack.locator('strong', { hasText: 'Bold words' }).waitFor();
    await pack.locator('em', { hasText: 'italic words' }).waitFor();
    await pack.getByText('@Tom Richards').waitFor();
    await pack.getByText('#improvement-board', { exact: true }).waitFor();
    expect(await pack.getByRole('link', { name: 'the Ofsted page' }).getAttribute('href')).toBe(
      'https://www.gov.uk/ofsted',
    );
    await pack.getByText('A <script> tag stays text').waitFor();
    await pack.getByText('31/12/2026').waitFor();

    await client.chat.postMessage({
      channel: BOARD_CHANNEL.id,
      thread_ts: parent.ts,
      text: 'Continued: KPI scorecard',
    });
    await pack
      .getByRole('region', { name: 'Thread' })
      .filter({ hasText: '1 reply' })
      .filter({ hasText: 'Continued: KPI scorecard' })
      .waitFor();
    await local.screenshot('page-blocks');

    await client.chat.update({
      channel: BOARD_CHANNEL.id,
      ts: parent.ts!,
      text: 'Board pack',
      blocks: [section('Board pack *withdrawn*')],
    });
    await pack.filter({ hasText: '(edited)' }).filter({ hasText: 'Board pack withdrawn' }).waitFor();
    await local.screenshot('page-rendering');
  });

  it('shows a person only their own ephemeral replies and their own DM with the bot', async () => {
    const { page } = local;
    const client = local.app.slack.app.client;
    await client.chat.postEphemeral({
      channel: BOARD_CHANNEL.id,
      user: PERSON.tom!.id,
      text: 'Only for Tom',
    });
    await client.chat.postMessage({ channel: PERSON.tom!.id, text: 'A reminder for Tom' });
    await local.open(PERSON.tom!.id, 'board');
    await page
      .getByRole('article')
      .filter({ hasText: 'Only for Tom' })
      .getByText('Only visible to you')
      .waitFor();
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /improvement-bot\s*1/ })
      .click();
    await page.getByRole('article').filter({ hasText: 'A reminder for Tom' }).waitFor();

    await local.open(PERSON.sarah!.id, 'board');
    await page.getByText('This is the very beginning of #improvement-board.').waitFor();
    expect(await page.getByRole('article').count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /improvement-bot/ })
      .click();
    await page.getByText(/This is your conversation with improvement-bot/).waitFor();
    expect(await page.getByRole('article').count()).toBe(0);
  });
});
