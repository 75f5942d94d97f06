import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';
import { uncaughtLine, VIEWPORT, WAIT_MS, type EngineDriver, type PageFunction } from './driver';

/** Debian's Chromium through Playwright, the engine the rest of the e2e suite uses. */
export async function launchChromium(): Promise<EngineDriver> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const errors: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  context.on('weberror', (error) => errors.push(uncaughtLine(error.error())));
  context.on('serviceworker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`worker console.error: ${message.text()}`);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: () => Promise.resolve(page.url()),
    // Playwright passes one argument: the call is written out instead (DevTools evaluates it,
    // which the page's CSP does not govern).
    run: <T>(fn: PageFunction<T>, ...args: unknown[]) =>
      page.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`) as Promise<T>,
    click: (selector) => page.locator(selector).first().click(),
    async type(selector, text, options) {
      await page.locator(selector).pressSequentially(text);
      if (options?.enter) await page.locator(selector).press('Enter');
    },
    select: async (selector, value) => void (await page.locator(selector).selectOption(value)),
    screenshot: () => page.screenshot(),
    errors: () => Promise.resolve([...errors]),
    close: () => browser.close(),
  };
}
