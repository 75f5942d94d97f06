import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import {
  LEAVING,
  VIEWPORT,
  uncaughtLine,
  WAIT_MS,
  type EngineDriver,
  type PageFunction,
} from './driver';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/**
 * Debian's Firefox ESR through puppeteer over WebDriver BiDi: headless, no display and no
 * geckodriver. A profile of its own, so that the worker and IndexedDB last the whole journey.
 */
export async function launchFirefox(): Promise<EngineDriver> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'folio-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    defaultViewport: VIEWPORT,
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  // Set while a navigation replaces the page: what the old page reports then is marked, since
  // Firefox reports the loads a navigation cuts short as errors of the page it is leaving.
  let leaving = false;
  const record = (line: string) => errors.push(leaving ? `${LEAVING} ${line}` : line);
  page.on('console', (message) => {
    if (message.type() === 'error') record(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => record(uncaughtLine(error)));
  const navigate = async (go: () => Promise<unknown>) => {
    leaving = true;
    try {
      await go();
    } finally {
      leaving = false;
    }
  };
  const version = await browser.version();
  return {
    name: 'firefox',
    version,
    goto: (url) => navigate(() => page.goto(url)),
    reload: () => navigate(() => page.reload()),
    url: () => Promise.resolve(page.url()),
    run: <T>(fn: PageFunction<T>, ...args: unknown[]) =>
      page.evaluate(fn as (...values: unknown[]) => T, ...args) as Promise<T>,
    async click(selector) {
      const element = await page.waitForSelector(selector);
      await element?.scrollIntoView();
      await element?.click();
    },
    async type(selector, text, options) {
      await page.type(selector, text);
      if (options?.enter) await page.keyboard.press('Enter');
    },
    select: async (selector, value) => void (await page.select(selector, value)),
    screenshot: async () => Buffer.from(await page.screenshot()),
    errors: () => Promise.resolve([...errors]),
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
