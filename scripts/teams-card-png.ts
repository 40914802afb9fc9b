// Renders the Teams renderer's sample message and form to PNG with Microsoft's own Adaptive Cards
// renderer, to look at them: `npm install --no-save adaptivecards@3.0.5 && npx tsx scripts/teams-card-png.ts`
// (adaptivecards is not a dependency yet; local mode's Teams view will add it). Writes scratch/*.png.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { renderForm } from '../src/chat/teams/form.js';
import { renderMessage } from '../src/chat/teams/render.js';
import { SAMPLE_FORM, SAMPLE_MESSAGE } from '../test/unit/teams-samples.js';

const js = readFileSync('node_modules/adaptivecards/dist/adaptivecards.js', 'utf8');
const cards = {
  message: renderMessage(SAMPLE_MESSAGE, { people: { '9f1c2d3e-0000-4000-8000-000000000001': 'Sam Patel' } })
    .cards[0],
  form: renderForm(SAMPLE_FORM, { due: 'The due date must be in the future.' }),
};
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 560, height: 900 } });
page.on('console', (m) => console.log('console:', m.text()));
for (const [name, card] of Object.entries(cards)) {
  await page.setContent(
    `<html><body style="font-family:'Segoe UI',sans-serif;background:#f5f5f5"><div id="c" style="width:520px;background:#fff;padding:8px"></div></body></html>`,
  );
  await page.addScriptTag({ content: js });
  const errors = await page.evaluate((c) => {
    const AC = (window as any).AdaptiveCards;
    // Teams renders the card's Markdown itself; a tiny stand-in for bold, italics and code here.
    AC.AdaptiveCard.onProcessMarkdown = (text: string, result: any) => {
      const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      result.outputHtml = esc
        .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
        .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1<i>$2</i>')
        .replace(/`([^`]+)`/g, '<code>$1</code>')
        .replace(/&lt;at>([^&]*)&lt;\/at>/g, '<b style="color:#5b5fc7">@$1</b>');
      result.didProcess = true;
    };
    const ac = new AC.AdaptiveCard();
    const ctx = new AC.SerializationContext();
    ac.parse(c, ctx);
    document.getElementById('c')!.appendChild(ac.render());
    return [ctx.eventCount, ...Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message)];
  }, card);
  console.log(name, errors);
  await page.locator('#c').screenshot({ path: `scratch/${name}.png` });
}
await browser.close();
