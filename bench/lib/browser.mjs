// Debian's headless Chromium through playwright-core (never a downloaded browser), and the
// DevTools-protocol reads the bench needs: JS heap of a page and of its workers.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

const MB = 1024 * 1024;

/**
 * Sends one command to a target through a browser-level session, without flattening, so that
 * Playwright's own sessions are left alone.
 * @param {import('playwright-core').CDPSession} browserSession
 * @param {string} targetId
 * @param {string} method
 * @returns {Promise<any>}
 */
async function sendToTarget(browserSession, targetId, method) {
  const { sessionId } = await browserSession.send('Target.attachToTarget', {
    targetId,
    flatten: false,
  });
  try {
    const id = 1;
    /** @type {Promise<any>} */
    const answer = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 10_000);
      /** @param {{ sessionId: string, message: string }} event */
      const listen = (event) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message);
        if (message.id !== id) return;
        clearTimeout(timer);
        browserSession.off('Target.receivedMessageFromTarget', listen);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      };
      browserSession.on('Target.receivedMessageFromTarget', listen);
    });
    await browserSession.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method }),
    });
    return await answer;
  } finally {
    await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

/**
 * @typedef {object} HeapReading
 * @property {number} pageMB
 * @property {number} workersMB dedicated workers of the origin (the search index lives there)
 * @property {number} serviceWorkerMB reported apart: the service worker is not the page's
 * @property {string[]} workers their URLs
 */

/**
 * Used JS heap after a garbage collection, in MB, through Runtime.getHeapUsage.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').Page} page
 * @param {string} origin only workers from this origin count
 * @returns {Promise<HeapReading>}
 */
export async function readHeap(browser, page, origin) {
  const pageSession = await page.context().newCDPSession(page);
  try {
    await pageSession.send('HeapProfiler.collectGarbage');
    const { usedSize } = await pageSession.send('Runtime.getHeapUsage');
    const browserSession = await browser.newBrowserCDPSession();
    try {
      const { targetInfos } = await browserSession.send('Target.getTargets');
      let workersMB = 0;
      let serviceWorkerMB = 0;
      const workers = [];
      for (const target of targetInfos) {
        if (!target.url.startsWith(origin)) continue;
        if (target.type !== 'worker' && target.type !== 'service_worker') continue;
        await sendToTarget(browserSession, target.targetId, 'HeapProfiler.collectGarbage').catch(
          () => undefined,
        );
        const usage = await sendToTarget(browserSession, target.targetId, 'Runtime.getHeapUsage');
        if (target.type === 'worker') {
          workersMB += usage.usedSize / MB;
          workers.push(target.url);
        } else {
          serviceWorkerMB += usage.usedSize / MB;
        }
      }
      return { pageMB: usedSize / MB, workersMB, serviceWorkerMB, workers };
    } finally {
      await browserSession.detach().catch(() => undefined);
    }
  } finally {
    await pageSession.detach().catch(() => undefined);
  }
}
