import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  launchBrowser,
  sampleArticles,
  startServer,
  waitForController,
  waitForQuiet,
  type FeedServer,
} from './harness';

/**
 * A proxy in front of the test server that cuts the connection of every article request after
 * the first `allowed` ones, as a train going into a tunnel would.
 */
async function startCuttingProxy(target: FeedServer) {
  const state = { allowed: Infinity, served: 0, articleRequests: [] as string[] };
  const proxy = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/content/articles/')) {
      state.articleRequests.push(url);
      if (state.served >= state.allowed) {
        request.socket.destroy();
        return;
      }
      state.served++;
    }
    const upstream = http.request(
      `${target.base}${url}`,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}

/** What IndexedDB holds: saved bodies, and saved marks that claim a body but have none. */
function storedState() {
  return new Promise<{ bodies: string[]; claimedWithoutBody: string[] }>((resolve, reject) => {
    const open = indexedDB.open('folio');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'saved']);
      const bodies = tx.objectStore('articles').getAllKeys();
      const marks = tx.objectStore('saved').getAllKeys();
      tx.oncomplete = () => {
        const ids = (bodies.result as string[]).sort();
        const claimed = (marks.result as string[]).filter((id) => !ids.includes(id));
        db.close();
        resolve({ bodies: ids, claimedWithoutBody: claimed });
      };
    };
  });
}

let browser: Browser;
beforeAll(async () => {
  assertBuilt();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a sync cut mid-way', () => {
  it('leaves a consistent store, and the next sync resumes where it stopped', async () => {
    const server = await startServer();
    const proxy = await startCuttingProxy(server);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // Let the worker install and take control on a good connection first, then cut.
      proxy.state.allowed = 0;
      await page.goto(`${proxy.base}/`);
      await waitForController(page);
      await waitForQuiet(page);

      proxy.state.allowed = 3;
      proxy.state.served = 0;
      proxy.state.articleRequests.length = 0;
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => waitForQuiet(page)).toBe('offline');
      const cut = await page.evaluate(storedState);
      expect(cut.bodies).toHaveLength(3);
      expect(cut.claimedWithoutBody).toEqual([]);
      await page.getByText(/^Offline — /).waitFor();

      proxy.state.allowed = Infinity;
      proxy.state.articleRequests.length = 0;
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => waitForQuiet(page)).toBe('fresh');
      const resumed = await page.evaluate(storedState);
      const total = sampleArticles().length;
      expect(resumed.bodies).toHaveLength(total);
      expect(resumed.claimedWithoutBody).toEqual([]);
      // Only what was missing was fetched again.
      expect(proxy.state.articleRequests).toHaveLength(total - 3);
      for (const id of cut.bodies) {
        expect(proxy.state.articleRequests).not.toContain(`/content/articles/${id}.json`);
      }
    } finally {
      await context.close();
      await proxy.close();
      await server.close();
    }
  });
});
