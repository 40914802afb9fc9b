/**
 * Browser tests of local mode: the real app started in-process with no Slack credentials (a
 * fresh database, PORT 0, the demo programme loaded), and Debian's Chromium driven headless by
 * playwright-core. Tests act as a person on the page and assert what the page shows.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { AdjustableClock } from '../../src/domain/clock.js';
import { LOCAL_PEOPLE } from '../../src/local/workspace.js';
import { silentLogger } from '../../src/logger.js';
import { createTarget } from '../support/database.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url);

/** The demo's people by first name, as the page lists them. */
export const PERSON = Object.fromEntries(
  LOCAL_PEOPLE.map((p) => [p.realName.split(' ')[0]!.toLowerCase(), p]),
) as Record<string, (typeof LOCAL_PEOPLE)[number]>;

/** Tuesday 24 November 2026, 10:00 in London: after the week's digest and reminder times. */
export const TUESDAY_MORNING = new Date('2026-11-24T10:00:00Z');

/**
 * Browser tests need Debian's Chromium. On a developer's machine without it they are skipped with
 * a warning, so `npm install && npm test` still passes; in CI (CI=true) they always run, and a
 * missing browser fails them, because .ci/run installs it.
 */
export const describeBrowser = describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI);
if (!existsSync(CHROMIUM) && !process.env.CI) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`,
  );
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=en-GB',
    ],
  });
}

export interface LocalPage {
  app: RunningApp;
  page: Page;
  url: string;
  /** Opens the page as this person, in this conversation ('board', 'general' or 'dm'). */
  open(personId: string, where?: 'board' | 'general' | 'dm'): Promise<void>;
  /** Types into the message box and presses Enter, as a person would. */
  type(text: string): Promise<void>;
  screenshot(name: string): Promise<void>;
  /** Requests to anywhere but this app: the page must need nothing from the internet. */
  outsideRequests: string[];
  close(): Promise<void>;
}

/** Starts the app in local mode on a new database, and a new browser tab on its page. */
export async function startLocalPage(browser: Browser, now = TUESDAY_MORNING): Promise<LocalPage> {
  const { target, drop } = await createTarget();
  const databaseUrl = target.provider === 'sqlite' ? `file:${target.file}` : target.url;
  // The cron never fires during a test: time moves only through the page's controls.
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SCHEDULER_CRON: '0 0 1 1 *',
  });
  const app = await startApp(config, { clock: new AdjustableClock(now), logger: silentLogger });
  const url = `http://127.0.0.1:${app.port}`;
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  // Well inside vitest's 30 s, so a wait that fails names the element it was waiting for.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const outsideRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(url)) outsideRequests.push(request.url());
  });
  const channels = { board: 'C0BOARD001', general: 'C0GENERAL1', dm: '' };
  return {
    app,
    page,
    url,
    outsideRequests,
    async open(personId, where = 'general') {
      const channel = where === 'dm' ? `D${personId.slice(1)}` : channels[where];
      await page.goto(`${url}/?as=${personId}&channel=${channel}`);
      await page.getByRole('log', { name: 'Messages' }).getByRole('heading').first().waitFor();
    },
    async type(text) {
      const box = page.getByRole('textbox', { name: 'Message' });
      await box.fill(text);
      await box.press('Enter');
    },
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname });
    },
    async close() {
      await context.close();
      await app.stop();
      // On PostgreSQL the page is kept in ./data (a SQLite test database keeps it in its temp folder).
      if (app.local?.pageFile) rmSync(app.local.pageFile, { force: true });
      await drop();
    },
  };
}

/**
 * The lifecycle every browser test file shares: one Chromium for the file, a fresh app and page
 * per test, and after each test the checks that nothing went to the internet and the app made no
 * Slack call a real workspace would refuse.
 */
export function useLocalPage(receive: (local: LocalPage) => void, now = TUESDAY_MORNING): void {
  let browser: Browser | undefined;
  let local: LocalPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    local = await startLocalPage(browser!, now);
    receive(local);
  });
  afterEach(async () => {
    if (!local) return;
    expect(local.outsideRequests).toEqual([]);
    expect(local.app.local?.slack.unexpected).toEqual([]);
    await local.close();
  });
}
