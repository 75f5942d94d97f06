// The thin interface the cross-engine journey drives: the same steps in Chromium (Playwright),
// Firefox (puppeteer over WebDriver BiDi) and WebKit (WebKitWebDriver through selenium).
// Everything a step asks of the page is a plain function run in it: the app's CSP forbids
// eval, and WebDriver sends a function's source, so nothing may be built from strings there.

export type EngineName = 'chromium' | 'firefox' | 'webkit';

// A function run in the page: its arguments arrive as JSON, its answer returns as JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PageFunction<T> = (...args: any[]) => T | Promise<T>;

export interface EngineDriver {
  readonly name: EngineName;
  /** The engine's own name and version, for the report. */
  readonly version: string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** The page's address now. */
  url(): Promise<string>;
  run<T>(fn: PageFunction<T>, ...args: unknown[]): Promise<T>;
  /** A real click (the engine's input pipeline) on the element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Types into the element matching `selector`, as keys, then presses Enter when asked. */
  type(selector: string, text: string, options?: { enter?: boolean }): Promise<void>;
  /** Picks an option of the `<select>` matching `selector`, as a reader would. */
  select(selector: string, value: string): Promise<void>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>;
  /** Console errors and uncaught exceptions seen so far, as readable lines. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

/** Marks an error a page reported while a navigation was replacing it. */
export const LEAVING = '(page being left)';

/** The size every engine's window is set to: the journey is the same on each. */
export const VIEWPORT = { width: 1024, height: 768 } as const;

export const WAIT_MS = 20_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where the page is and what it shows, for a failure message. */
function describePage(): string {
  const text = (selector: string) =>
    (document.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const status = document.querySelector('#app > div.status')?.getAttribute('data-status');
  const clicks = (window as unknown as { folioClicks?: string[] }).folioClicks ?? [];
  return `at ${location.pathname}${location.search}, h1 "${text('main h1')}", status ${String(status)}, clicks [${clicks.join('; ')}], main "${text('main').slice(0, 120)}"`;
}

/**
 * Polls a page function until it answers truthy; a navigation that destroys the page's context
 * meanwhile counts as "not yet". Fails with `what` and the last answer.
 */
export async function waitFor<T>(
  driver: EngineDriver,
  what: string,
  fn: PageFunction<T>,
  ...args: unknown[]
): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let last: unknown;
  for (;;) {
    try {
      const answer = await driver.run(fn, ...args);
      if (answer) return answer;
      last = answer;
    } catch (error) {
      last = error instanceof Error ? error.message.split('\n')[0] : error;
    }
    if (Date.now() > deadline) {
      const where = await driver.run(describePage).catch(() => 'the page did not answer');
      throw new Error(
        `${driver.name}: ${what}, not within ${WAIT_MS} ms (last: ${String(last)}); ${where}`,
      );
    }
    await delay(100);
  }
}

/**
 * Marks the first element matching `selector` whose text is `text` (whitespace collapsed) and
 * returns a selector for it, so that any engine can click it: a role query, done in the page.
 */
export async function byText(
  driver: EngineDriver,
  selector: string,
  text: string,
): Promise<string> {
  const mark = `t${Math.random().toString(36).slice(2, 10)}`;
  await waitFor(
    driver,
    `waiting for ${selector} reading "${text}"`,
    (css: string, wanted: string, id: string) => {
      const collapse = (value: string | null) => (value ?? '').replace(/\s+/g, ' ').trim();
      const found = [...document.querySelectorAll(css)].find(
        (element) => collapse(element.textContent) === wanted,
      );
      found?.setAttribute('data-engine-target', id);
      return found !== undefined;
    },
    selector,
    text,
    mark,
  );
  return `[data-engine-target="${mark}"]`;
}

/** An uncaught error as a report line, with its stack: a minified message alone names no code. */
export function uncaughtLine(error: unknown): string {
  const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `uncaught: ${String(error)}${stack}`;
}
