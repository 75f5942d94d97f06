// One production build for the three engines, with comments posted to a stand-in WordPress on
// a port chosen here: the build is where the endpoint is set. It takes a few seconds.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { commentsEndpoint } from '../e2e/comments-stub';
import { REPO_ROOT } from '../e2e/harness';
import { freePort } from '../free-port';

export default async function setup(): Promise<() => Promise<void>> {
  const port = await freePort();
  const dist = await mkdtemp(path.join(os.tmpdir(), 'folio-engines-'));
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], {
    cwd: REPO_ROOT,
    // Vitest sets NODE_ENV=test, which would make a development build with no service worker.
    env: { ...process.env, NODE_ENV: 'production', VITE_COMMENTS_URL: commentsEndpoint(port) },
  });
  // The test files run in workers started after this, with this environment: the harness
  // serves and reads FOLIO_DIST.
  process.env.FOLIO_DIST = dist;
  process.env.FOLIO_COMMENTS_PORT = String(port);
  return () => rm(dist, { recursive: true, force: true });
}
