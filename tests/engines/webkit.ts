import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import { freePort } from '../free-port';
import { VIEWPORT, WAIT_MS, type EngineDriver, type PageFunction } from './driver';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Starts Xvfb on a display it picks itself (-displayfd), and says which. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const pipe = xvfb.stdio[3];
  if (!(pipe instanceof Readable)) throw new Error('Xvfb gave no display pipe');
  let said = '';
  for await (const chunk of pipe) {
    said += String(chunk);
    if (said.includes('\n')) break;
  }
  const number = said.trim();
  if (!/^\d+$/.test(number)) throw new Error(`Xvfb did not start (said "${said}")`);
  return { display: `:${number}`, process: xvfb };
}

async function waitForDriver(port: number): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/status`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error('WebKitWebDriver did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Collects console errors and uncaught exceptions in the page. WebDriver classic has no event
 * for them (no BiDi in WebKitGTK's driver), so this runs after each navigation; what happens
 * before it runs is not seen, which the other two engines cover.
 */
function installErrorHook(): void {
  const scope = window as unknown as { folioErrors?: string[] };
  if (scope.folioErrors) return;
  const seen: string[] = [];
  scope.folioErrors = seen;
  const original = console.error.bind(console);
  console.error = (...values: unknown[]) => {
    seen.push(`console.error: ${values.map(String).join(' ')}`);
    original(...values);
  };
  window.addEventListener('error', (event) => seen.push(`uncaught: ${event.message}`));
  // Where the clicks landed, for a failure's message.
  const clicks: string[] = [];
  (window as unknown as { folioClicks?: string[] }).folioClicks = clicks;
  window.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const label = `${target?.tagName ?? '?'} "${(target?.textContent ?? '').trim().slice(0, 24)}"`;
      clicks.push(
        `${Math.round(performance.now())} ms ${label}${event.defaultPrevented ? ' (prevented)' : ''}`,
      );
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) =>
    seen.push(`uncaught (promise): ${String(event.reason)}`),
  );
}

function readErrors(): string[] {
  return (window as unknown as { folioErrors?: string[] }).folioErrors?.splice(0) ?? [];
}

/** WebKitGTK's MiniBrowser, driven by WebKitWebDriver under Xvfb (it has no headless mode). */
export async function launchWebKit(): Promise<EngineDriver> {
  const xvfb = await startXvfb();
  const port = await freePort();
  const server = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: 'ignore',
  });
  const stop = async () => {
    for (const child of [server, xvfb.process]) {
      if (child.exitCode !== null) continue;
      child.kill();
      await once(child, 'exit');
    }
  };
  let driver: WebDriver;
  try {
    await waitForDriver(port);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    await driver.manage().window().setRect(VIEWPORT);
  } catch (error) {
    await stop();
    throw error;
  }
  const errors: string[] = [];
  const collect = async () => {
    errors.push(...(await driver.executeScript<string[]>(readErrors).catch(() => [])));
  };
  const hook = () => driver.executeScript(installErrorHook);
  const capabilities = await driver.getCapabilities();
  const element = async (selector: string) => {
    const found = await driver.findElement(By.css(selector));
    // Cards below the fold (content-visibility: auto) must be on screen to take a click, and
    // laid out there: WebDriver clicks the middle of where the element is drawn.
    await driver.executeScript(
      (node: Element) =>
        new Promise<void>((resolve) => {
          node.scrollIntoView({ block: 'center' });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        }),
      found,
    );
    return found;
  };
  return {
    name: 'webkit',
    version: `WebKitGTK ${String(capabilities.get('browserVersion'))}`,
    async goto(url) {
      await collect();
      await driver.get(url);
      await hook();
    },
    async reload() {
      await collect();
      await driver.navigate().refresh();
      await hook();
    },
    url: () => driver.getCurrentUrl(),
    run: <T>(fn: PageFunction<T>, ...args: unknown[]) => driver.executeScript<T>(fn, ...args),
    async click(selector) {
      await collect();
      await (await element(selector)).click();
      // A click may navigate within the app (no new document) or load one.
      await hook();
    },
    async type(selector, text, options) {
      await (await element(selector)).sendKeys(text, ...(options?.enter ? [Key.ENTER] : []));
      await hook();
    },
    async select(selector, value) {
      await (await element(`${selector} option[value="${value}"]`)).click();
    },
    screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
    async errors() {
      await collect();
      return [...errors];
    },
    async close() {
      await driver.quit().catch(() => undefined);
      await stop();
    },
  };
}
