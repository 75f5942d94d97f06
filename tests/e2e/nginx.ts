// Debian's nginx serving the built app with the snippet the build writes (dist/nginx-folio.conf),
// as a publisher includes it in their server block: the deploy config proven on the real server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port';

export const NGINX_PATH = '/usr/sbin/nginx';
const MIME_TYPES = '/etc/nginx/mime.types';

export interface Nginx {
  /** e.g. http://127.0.0.1:43121, no trailing slash. */
  base: string;
  close(): Promise<void>;
}

/**
 * The whole nginx.conf of a throwaway server in `dir` on `port`: every path in `dir`, errors in
 * dir/nginx.log, and `server` (the lines of the server block besides listen) deciding the rest.
 */
export function nginxConfig(dir: string, port: number, server: string): string {
  // Run as root (a container, CI), nginx hands requests to a worker of user "nobody" unless told.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx.log warn;
events { worker_connections 64; }
http {
  include ${MIME_TYPES};
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
${server}
  }
}
`;
}

async function waitForAnswer(base: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${log()}`);
    const answered = await fetch(`${base}/index.html`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s: ${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts nginx on 127.0.0.1 serving `root` (a built app) with its nginx-folio.conf. */
export async function startNginx(root: string): Promise<Nginx> {
  if (!existsSync(NGINX_PATH)) {
    throw new Error(`nginx is not installed at ${NGINX_PATH}: run "apt-get install nginx"`);
  }
  const snippet = path.join(root, 'nginx-folio.conf');
  if (!existsSync(snippet)) throw new Error(`${snippet} is missing: run "npx vite build"`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-nginx-'));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  await writeFile(
    conf,
    nginxConfig(
      dir,
      port,
      `    server_name localhost;\n    root ${root};\n    include ${snippet};`,
    ),
  );
  let output = '';
  const child = spawn(NGINX_PATH, ['-p', dir, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const log = () => output || '(no output)';
  try {
    await waitForAnswer(base, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    const errors = await readFile(path.join(dir, 'nginx.log'), 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${errors}`, {
      cause: error,
    });
  }
  return {
    base,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT'); // graceful: finishes the requests in flight
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
