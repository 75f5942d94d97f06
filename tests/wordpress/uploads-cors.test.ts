// The web-server lines wordpress/folio-bridge.php documents for /wp-content/uploads/, taken from
// its header comment as a publisher would copy them, run in Debian's nginx and Apache.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../free-port';
import { nginxConfig } from '../e2e/nginx';

const ORIGIN = 'https://reader.example.org'; // the one in the header comment
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

let dir: string;
let header: string;

/** The lines from `start` to the first line that closes it, without the comment's ` * ` and label. */
function snippet(start: RegExp, end: RegExp): string {
  const lines = header.split('\n').map((line) => line.replace(/^\s*\*\s?/, ''));
  const first = lines.findIndex((line) => start.test(line));
  const last = lines.findIndex((line, index) => index > first && end.test(line));
  if (first < 0 || last < 0) throw new Error(`No ${start} … ${end} in the header comment`);
  return lines
    .slice(first, last + 1)
    .map((line) => line.replace(/^\s*(nginx|Apache):/, ''))
    .join('\n');
}

async function serve(command: string, args: string[], base: string, log: string) {
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${command} exited: ${await readFile(log, 'utf8').catch(() => '')}`);
    }
    if (
      await fetch(`${base}/wp-content/uploads/pixel.png`).then(
        () => true,
        () => false,
      )
    ) {
      return child;
    }
    if (Date.now() > deadline) throw new Error(`${command} did not answer within 15 s`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

async function expectCors(base: string) {
  const allowed = await fetch(`${base}/wp-content/uploads/pixel.png`, {
    headers: { Origin: ORIGIN },
  });
  expect(allowed.status).toBe(200);
  expect(allowed.headers.get('content-type')).toBe('image/png');
  expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(allowed.headers.get('vary')).toMatch(/Origin/);
  expect(Buffer.from(await allowed.arrayBuffer()).equals(PNG)).toBe(true);
}

beforeAll(async () => {
  header = await readFile(resolve(import.meta.dirname, '../../wordpress/folio-bridge.php'), 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'folio-uploads-'));
  await chmod(dir, 0o755); // Apache's worker is not root
  await mkdir(join(dir, 'site/wp-content/uploads'), { recursive: true });
  await writeFile(join(dir, 'site/wp-content/uploads/pixel.png'), PNG);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('nginx: the documented location block', async () => {
  if (!existsSync('/usr/sbin/nginx')) throw new Error('nginx missing: apt-get install nginx');
  const port = await freePort();
  const location = snippet(/location \/wp-content\/uploads\/ \{/, /^\s*\}\s*$/);
  const conf = join(dir, 'nginx.conf');
  await writeFile(conf, nginxConfig(dir, port, `    root ${dir}/site;\n${location}`));
  const base = `http://127.0.0.1:${port}`;
  const nginx = await serve('/usr/sbin/nginx', ['-c', conf], base, join(dir, 'nginx.log'));
  try {
    await expectCors(base);
  } finally {
    await stop(nginx);
  }
});

test('Apache: the documented Directory block', async () => {
  if (!existsSync('/usr/sbin/apache2')) throw new Error('Apache missing: apt-get install apache2');
  const port = await freePort();
  const directory = snippet(
    /<Directory "\/path\/to\/wp-content\/uploads">/,
    /<\/Directory>/,
  ).replace('/path/to/wp-content/uploads', `${dir}/site/wp-content/uploads`);
  const modules = '/usr/lib/apache2/modules';
  const conf = join(dir, 'apache.conf');
  await writeFile(
    conf,
    `ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/apache.pid
ErrorLog ${dir}/apache.log
Mutex file:${dir}
User nobody
Group nogroup
LoadModule mpm_event_module ${modules}/mod_mpm_event.so
LoadModule authz_core_module ${modules}/mod_authz_core.so
LoadModule mime_module ${modules}/mod_mime.so
LoadModule headers_module ${modules}/mod_headers.so
TypesConfig /etc/mime.types
DocumentRoot ${dir}/site
<Directory ${dir}/site>
  Require all granted
</Directory>
${directory}
`,
  );
  const base = `http://127.0.0.1:${port}`;
  const apache = await serve(
    '/usr/sbin/apache2',
    ['-f', conf, '-DFOREGROUND'],
    base,
    join(dir, 'apache.log'),
  );
  try {
    await expectCors(base);
  } finally {
    await stop(apache);
  }
});
