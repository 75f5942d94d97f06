// The measuring script put into every page of a bench context before the page's own scripts
// (Playwright's addInitScript, which the Content-Security-Policy does not apply to). It must be
// self-contained: Playwright sends its source text to the browser.

/**
 * @typedef {object} ProbeOptions
 * @property {number} headlines how many card headlines make "the first screen" (20)
 * @property {string} headlineSelector
 */

/**
 * Runs in the page. Records long tasks, Event Timing entries, paint entries, the app's
 * performance marks, and when the first `headlines` headlines are in the document and painted
 * (a requestAnimationFrame, then a message-channel task: the frame after it has been produced).
 * @param {ProbeOptions} options
 */
export function probe(options) {
  /** @param {(time: number) => void} done */
  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(0);
    });

  const state = {
    /** @type {{ start: number, duration: number }[]} */
    longTasks: [],
    /** @type {{ name: string, id: number, start: number, duration: number }[]} */
    events: [],
    /** @type {Record<string, number>} first startTime of each mark seen */
    marks: {},
    /** @type {Record<string, number>} when the frame after each mark was produced */
    markPainted: {},
    /** @type {{ name: string, start: number, duration: number }[]} */
    measures: [],
    /** @type {number | null} */
    fcp: null,
    /** @type {number | null} headlines in the document, then painted */
    headlines: null,
    headlineCount: 0,
    // One interaction at a time, armed from Node.
    interaction: {
      armed: false,
      /** @type {number | null} timeStamp of its first input event */
      firstInput: null,
      /** Worst (next paint − event timeStamp) over its events. */
      nextPaint: 0,
      inputs: 0,
      lastMutation: 0,
      /** @type {number | null} the frame after the last DOM change it caused */
      settledPaint: null,
    },
  };
  Object.defineProperty(globalThis, '__bench', { value: state, configurable: true });

  /**
   * @param {string} type
   * @param {(entry: any) => void} record
   * @param {object} [extra]
   */
  const observe = (type, record, extra = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({
        type,
        buffered: true,
        ...extra,
      });
    } catch {
      // An entry type this browser does not know: that figure reports n/a.
    }
  };
  observe('longtask', (entry) =>
    state.longTasks.push({ start: entry.startTime, duration: entry.duration }),
  );
  observe(
    'event',
    (entry) => {
      if (entry.interactionId) {
        state.events.push({
          name: entry.name,
          id: entry.interactionId,
          start: entry.startTime,
          duration: entry.duration,
        });
      }
    },
    { durationThreshold: 16 },
  );
  observe('paint', (entry) => {
    if (entry.name === 'first-contentful-paint') state.fcp = entry.startTime;
  });
  observe('mark', (entry) => {
    if (!entry.name.startsWith('folio:') || entry.name in state.marks) return;
    state.marks[entry.name] = entry.startTime;
    afterPaint((time) => (state.markPainted[entry.name] = time));
  });
  observe('measure', (entry) => {
    if (entry.name.startsWith('folio:')) {
      state.measures.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
    }
  });

  const headlineWatch = new MutationObserver(() => {
    const count = document.querySelectorAll(options.headlineSelector).length;
    state.headlineCount = count;
    if (count < options.headlines) return;
    headlineWatch.disconnect();
    afterPaint((time) => (state.headlines = time));
  });
  headlineWatch.observe(document, { childList: true, subtree: true });

  /** @param {Event} event */
  const onInput = (event) => {
    const run = state.interaction;
    if (!run.armed) return;
    run.firstInput ??= event.timeStamp;
    run.inputs++;
    const stamp = event.timeStamp;
    afterPaint((time) => (run.nextPaint = Math.max(run.nextPaint, time - stamp)));
  };
  for (const type of ['pointerdown', 'pointerup', 'click', 'keydown', 'keyup', 'input', 'change']) {
    addEventListener(type, onInput, { capture: true });
  }
  const changes = new MutationObserver(() => {
    const run = state.interaction;
    if (!run.armed || run.firstInput === null) return;
    run.lastMutation = performance.now();
    afterPaint((time) => (run.settledPaint = time));
  });
  addEventListener('DOMContentLoaded', () =>
    changes.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    }),
  );
}

/**
 * Runs in the page: starts measuring the next interaction.
 */
export function arm() {
  const run = /** @type {any} */ (globalThis).__bench.interaction;
  Object.assign(run, {
    armed: true,
    firstInput: null,
    nextPaint: 0,
    inputs: 0,
    lastMutation: performance.now(),
    settledPaint: null,
  });
}

/**
 * Runs in the page: whether the armed interaction's DOM changes have stopped for `quietMs`.
 * @param {number} quietMs
 */
export function settled(quietMs) {
  const run = /** @type {any} */ (globalThis).__bench.interaction;
  return run.firstInput !== null && performance.now() - run.lastMutation >= quietMs;
}

/**
 * Runs in the page: the armed interaction's figures, and disarms.
 */
export function collect() {
  const state = /** @type {any} */ (globalThis).__bench;
  const run = state.interaction;
  run.armed = false;
  const from = run.firstInput ?? Infinity;
  /** @type {Map<number, number>} */
  const byInteraction = new Map();
  // Chromium may report an entry only once a later frame is presented, after its interaction
  // was collected: it belongs to the interaction it started in, not to this one, and is
  // reported apart.
  let late = 0;
  for (const entry of state.events) {
    if (entry.start + entry.duration < from - 1) continue;
    if (entry.start < from - 1) {
      late = Math.max(late, entry.duration);
      continue;
    }
    byInteraction.set(entry.id, Math.max(byInteraction.get(entry.id) ?? 0, entry.duration));
  }
  return {
    inputs: run.inputs,
    nextPaint: run.nextPaint,
    eventTiming: Math.max(0, ...byInteraction.values()),
    late,
    settled: run.settledPaint === null ? run.nextPaint : run.settledPaint - from,
    longTasks: state.longTasks
      .filter((/** @type {{ start: number }} */ task) => task.start >= from - 1)
      .map((/** @type {{ duration: number }} */ task) => task.duration),
  };
}
