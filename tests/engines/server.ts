import type { IncomingMessage, Server } from 'node:http';
import { createServer } from '../../scripts/serve.mjs';
import { DIST_DIR } from '../e2e/harness';
import { freePort } from '../free-port';

/**
 * The production build on a fixed port that can go away and come back. Neither engine can cut
 * a service worker's network from outside (Firefox's offline mode blocks the page's requests,
 * not the worker's; WebDriver classic has no switch), so "offline" here is the server gone:
 * connections refused, as on a train. `navigator.onLine` stays true meanwhile, which is also
 * what a phone reports on a captive or dead network.
 */
export interface EngineServer {
  base: string;
  /** Every request path that reached the server, in arrival order. */
  hits: string[];
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  close(): Promise<void>;
}

export async function startEngineServer(): Promise<EngineServer> {
  const port = await freePort();
  let server: Server | null = null;
  const hits: string[] = [];
  const listen = async () => {
    server = await createServer({ root: DIST_DIR, port, host: '127.0.0.1' });
    server.on('request', (request: IncomingMessage) => hits.push(request.url ?? ''));
  };
  const stop = async () => {
    const running = server;
    server = null;
    if (!running) return;
    await new Promise<void>((resolve) => {
      running.close(() => resolve());
      running.closeAllConnections();
    });
  };
  await listen();
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    goOffline: stop,
    async goOnline() {
      if (!server) await listen();
    },
    close: stop,
  };
}
