// A real, throwaway WordPress + Polylang for tests, from Debian's packages (wordpress, php-cli,
// php-mysql, php-gd, mariadb-server) and the Polylang copy in /work/shared/vendor (or
// $FOLIO_POLYLANG_DIR). Everything lives in one temporary directory: a MariaDB datadir served on
// its own port and socket, a wp-content with the must-use plugin wordpress/folio-bridge.php, and
// `php -S` with a router script. Debian's WordPress reads /etc/wordpress/config-<name>.php; the
// harness writes its own uniquely named one (config-folio-test-<port>.php, chosen through
// $_SERVER['WORDPRESS_CONFIG'] by a prepended script) so that two harnesses, or a site already
// configured for 127.0.0.1, never share a configuration. stop() removes all of it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../free-port';

export const PACKAGES = 'wordpress php-cli php-mysql php-gd mariadb-server';
export const INSTALL_COMMAND = `apt-get update && apt-get install -y ${PACKAGES}`;

const WORDPRESS_DIR = '/usr/share/wordpress';
const DEBIAN_CONTENT = '/var/lib/wordpress/wp-content';
const POLYLANG_DIR = process.env.FOLIO_POLYLANG_DIR ?? '/work/shared/vendor/polylang-3.5.4';
const BRIDGE = resolve(import.meta.dirname, '../../wordpress/folio-bridge.php');

export interface WordPressOptions {
  /** FOLIO_APP_ORIGIN: the reader's origin(s), comma-separated. */
  origin?: string;
  /** FOLIO_ANONYMOUS_COMMENTS; undefined leaves the constant out (the option then decides). */
  anonymousComments?: boolean;
  /** Activate Polylang and create English (default) and Persian; true unless false. */
  polylang?: boolean;
}

export interface WordPress {
  /** http://127.0.0.1:PORT, no trailing slash; the REST API is at `${base}/wp-json/`. */
  base: string;
  /** The FOLIO_APP_ORIGIN written to the configuration. */
  origin: string;
  /** The throwaway wp-content directory (uploads are in `${contentDir}/uploads`). */
  contentDir: string;
  /** Administrator's login and password (application passwords are not set up). */
  admin: { user: string; password: string };
  /** Runs PHP after `require wp-load.php` (code without `<?php`); resolves to its stdout. */
  php(code: string): Promise<string>;
  /** Defines (or, with undefined, removes) a constant in the configuration; applies to the next request. */
  setConstant(name: string, value: string | boolean | number | undefined): Promise<void>;
  /** Stops MariaDB and PHP, removes the temporary directory and the configuration file. */
  stop(): Promise<void>;
}

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function run(command: string, args: string[], options: { input?: string } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = execFile(
      command,
      args,
      { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') fail(error);
        else done({ stdout, stderr, code: error ? (error.code as number) : 0 });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

async function check(command: string, args: string[], what: string): Promise<string> {
  const result = await run(command, args);
  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.stderr}\n${result.stdout}`);
  }
  return result.stdout;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Keeps the last lines a child process wrote, for error messages. */
function tail(child: ChildProcess, lines: string[], limit = 60) {
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > limit) lines.splice(0, lines.length - limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
}

async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  log: () => string,
  alive: () => boolean,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${what}: the process exited.\n${log()}`);
    if (await ready().catch(() => false)) return;
    await sleep(150);
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s.\n${log()}`);
}

function missingPackages(): string[] {
  const needed: Record<string, string> = {
    '/usr/share/wordpress/wp-load.php': 'wordpress',
    '/usr/sbin/mariadbd': 'mariadb-server',
    '/usr/bin/mariadb-install-db': 'mariadb-server',
    '/usr/bin/mysql': 'mariadb-client',
    '/usr/bin/php': 'php-cli',
  };
  return Object.entries(needed)
    .filter(([path]) => !existsSync(path))
    .map(([, pkg]) => pkg);
}

function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function phpValue(value: string | boolean | number): string {
  if (typeof value === 'string') return phpString(value);
  return String(value);
}

function stopChild(child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return Promise.resolve();
  }
  return new Promise((done) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM'); // its process group: php -S forks workers
    } catch {
      clearTimeout(timer);
      done();
    }
  });
}

/**
 * Copies Polylang into plugins/ and writes the composer classmap autoloader its polylang.php
 * requires (vendor/autoload.php), when the copy has none: its git sources do not carry one.
 */
async function installPolylang(target: string) {
  await cp(POLYLANG_DIR, target, { recursive: true });
  await chmod(target, 0o755);
  if (existsSync(join(target, 'vendor/autoload.php'))) return;
  const classes: Record<string, string> = {};
  const declaration =
    /^\s*(?:(?:abstract|final|readonly)\s+)*(?:class|interface|trait|enum)\s+(\w+)/gm;
  for (const folder of [
    'admin',
    'frontend',
    'include',
    'integrations',
    'install',
    'modules',
    'settings',
  ]) {
    const files = await readdir(join(target, folder), { recursive: true });
    for (const file of files.filter((name) => name.endsWith('.php'))) {
      const text = await readFile(join(target, folder, file), 'utf8');
      for (const match of text.matchAll(declaration)) {
        classes[match[1]!.toLowerCase()] = `${folder}/${file}`;
      }
    }
  }
  await mkdir(join(target, 'vendor'));
  await writeFile(
    join(target, 'vendor/autoload.php'),
    `<?php
// Classmap autoloader written by tests/wordpress/wordpress.ts (composer's is not in the sources).
$folio_polylang_classes = json_decode(${phpString(JSON.stringify(classes))}, true);
spl_autoload_register(function ($class) use ($folio_polylang_classes) {
  $file = $folio_polylang_classes[strtolower($class)] ?? null;
  if ($file !== null) require __DIR__ . '/../' . $file;
});
`,
  );
}

export async function startWordPress(options: WordPressOptions = {}): Promise<WordPress> {
  const missing = missingPackages();
  if (missing.length) {
    throw new Error(
      `A real WordPress needs Debian's packages (missing: ${[...new Set(missing)].join(', ')}). ` +
        `Install them with:\n  ${INSTALL_COMMAND}`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'A real WordPress needs root: it writes /etc/wordpress/config-folio-test-<port>.php and runs mariadbd --user=root.',
    );
  }
  const modules = await check('php', ['-m'], 'php -m');
  if (!/^mysqli$/m.test(modules)) {
    throw new Error(`PHP has no mysqli extension. Install it with:\n  ${INSTALL_COMMAND}`);
  }
  const polylang = options.polylang !== false;
  if (polylang && !existsSync(join(POLYLANG_DIR, 'polylang.php'))) {
    throw new Error(`Polylang not found at ${POLYLANG_DIR} (set FOLIO_POLYLANG_DIR).`);
  }

  const dir = await mkdtemp(join(tmpdir(), 'folio-wp-'));
  const children: ChildProcess[] = [];
  const [dbPort, httpPort] = [await freePort(), await freePort()];
  const name = `folio-test-${httpPort}`;
  const configFile = `/etc/wordpress/config-${name}.php`;
  const base = `http://127.0.0.1:${httpPort}`;
  const origin = options.origin ?? 'https://reader.example.org';
  const contentDir = join(dir, 'wp-content');
  const socket = join(dir, 'mysql.sock');
  const admin = { user: 'admin', password: 'folio-admin-password' };
  let stopped = false;

  // Whatever happens to the test process, leave no server and no configuration behind.
  const emergency = () => {
    for (const child of children) {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(configFile, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', emergency);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', emergency);
    await Promise.all(children.map((child) => stopChild(child)));
    await rm(configFile, { force: true });
    await rm(dir, { recursive: true, force: true });
  };

  const constants: Record<string, string | boolean | number> = {
    DB_NAME: 'wordpress',
    DB_USER: 'wordpress',
    DB_PASSWORD: 'wordpress',
    DB_HOST: `127.0.0.1:${dbPort}`,
    DB_CHARSET: 'utf8mb4',
    WP_CONTENT_DIR: contentDir,
    WP_HOME: base,
    WP_SITEURL: base,
    WP_DEBUG: false,
    DISABLE_WP_CRON: true,
    AUTOMATIC_UPDATER_DISABLED: true,
    WP_HTTP_BLOCK_EXTERNAL: true, // no update checks or language packs from the internet
    FS_METHOD: 'direct',
    FOLIO_APP_ORIGIN: origin,
  };
  if (options.anonymousComments !== undefined) {
    constants.FOLIO_ANONYMOUS_COMMENTS = options.anonymousComments;
  }
  const writeConfig = () =>
    writeFile(
      configFile,
      '<?php\n// Written by tests/wordpress/wordpress.ts; removed when its WordPress stops.\n' +
        Object.entries(constants)
          .map(([key, value]) => `define(${phpString(key)}, ${phpValue(value)});\n`)
          .join(''),
    );

  let phpCount = 0;
  const php = async (code: string): Promise<string> => {
    const file = join(dir, `script-${++phpCount}.php`);
    await writeFile(
      file,
      `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${httpPort}';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = '${httpPort}';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['WORDPRESS_CONFIG'] = '${name}';
require '${WORDPRESS_DIR}/wp-load.php';
${code}
`,
    );
    const result = await run('php', [
      '-d',
      'display_errors=stderr',
      '-d',
      'memory_limit=512M',
      file,
    ]);
    if (result.code !== 0) {
      throw new Error(`PHP failed (exit ${result.code}):\n${result.stderr}\n${result.stdout}`);
    }
    return result.stdout;
  };

  try {
    // MariaDB: a datadir of its own, on its own port and socket.
    const datadir = join(dir, 'mysql');
    await check(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        '--user=root',
        '--auth-root-authentication-method=socket',
        '--skip-test-db',
      ],
      'mariadb-install-db',
    );
    const dbLog: string[] = [];
    const mariadb = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        '--user=root',
        `--datadir=${datadir}`,
        `--socket=${socket}`,
        `--port=${dbPort}`,
        '--bind-address=127.0.0.1',
        `--pid-file=${join(dir, 'mariadb.pid')}`,
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=32M',
        '--innodb-flush-log-at-trx-commit=0',
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(mariadb);
    tail(mariadb, dbLog);
    const mysql = (sql: string) =>
      run('mysql', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', sql]);
    await waitFor(
      `MariaDB on ${socket}`,
      async () => existsSync(socket) && (await mysql('SELECT 1')).code === 0,
      () => dbLog.join('\n'),
      () => mariadb.exitCode === null,
    );
    const created = await mysql(
      "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; CREATE USER 'wordpress'@'%' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'%';",
    );
    if (created.code !== 0) throw new Error(`Creating the database failed:\n${created.stderr}`);

    // wp-content: Debian's themes, the bridge as a must-use plugin, Polylang, empty uploads.
    await mkdir(join(contentDir, 'themes'), { recursive: true });
    await mkdir(join(contentDir, 'plugins'), { recursive: true });
    await mkdir(join(contentDir, 'mu-plugins'), { recursive: true });
    await mkdir(join(contentDir, 'uploads'), { recursive: true });
    await symlink(
      join(DEBIAN_CONTENT, 'themes/twentytwentythree'),
      join(contentDir, 'themes/twentytwentythree'),
    );
    await symlink(BRIDGE, join(contentDir, 'mu-plugins/folio-bridge.php'));
    if (polylang) await installPolylang(join(contentDir, 'plugins/polylang'));

    await writeConfig();

    // php -S with a router: WordPress's own files as they are, wp-content from the throwaway
    // directory (uploads with CORS for the reader's origin, as nginx would add), the rest to
    // index.php (pretty permalinks, /wp-json/).
    const prepend = join(dir, 'prepend.php');
    await writeFile(prepend, `<?php $_SERVER['WORDPRESS_CONFIG'] = '${name}';\n`);
    const router = join(dir, 'router.php');
    await writeFile(
      router,
      `<?php
$_SERVER['WORDPRESS_CONFIG'] = '${name}'; // auto_prepend_file covers only the files served as they are
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (str_starts_with($path, '/wp-content/')) {
  $file = realpath(${phpString(contentDir)} . substr($path, strlen('/wp-content')));
  if ($file === false || !is_file($file) || str_ends_with($file, '.php') || str_contains($path, '..')) {
    http_response_code(404);
    return true;
  }
  if (str_starts_with($path, '/wp-content/uploads/')) {
    $origins = array_map(fn($o) => rtrim(trim($o), '/'), explode(',', ${phpString(origin)}));
    $origin = $_SERVER['HTTP_ORIGIN'] ?? '';
    header('Vary: Origin');
    if (in_array($origin, $origins, true)) header('Access-Control-Allow-Origin: ' . $origin);
  }
  $types = ['css' => 'text/css', 'js' => 'text/javascript', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'gif' => 'image/gif', 'webp' => 'image/webp', 'woff2' => 'font/woff2'];
  $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
  header('Content-Type: ' . ($types[$ext] ?? (mime_content_type($file) ?: 'application/octet-stream')));
  header('Content-Length: ' . filesize($file));
  if ($_SERVER['REQUEST_METHOD'] !== 'HEAD') readfile($file);
  return true;
}
$file = ${phpString(WORDPRESS_DIR)} . $path;
if ($path !== '/' && is_file($file)) return false;
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = ${phpString(WORDPRESS_DIR)} . '/index.php';
chdir(${phpString(WORDPRESS_DIR)});
require ${phpString(WORDPRESS_DIR)} . '/index.php';
`,
    );
    const httpLog: string[] = [];
    const server = spawn(
      'php',
      [
        '-d',
        `auto_prepend_file=${prepend}`,
        '-d',
        'display_errors=stderr',
        // php -S caches compiled files and looks at their dates every 2 s by default: see
        // setConstant()'s configuration on the very next request.
        '-d',
        'opcache.revalidate_freq=0',
        '-S',
        `127.0.0.1:${httpPort}`,
        '-t',
        WORDPRESS_DIR,
        router,
      ],
      {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      },
    );
    children.push(server);
    tail(server, httpLog);
    const httpDetails = () => `php -S log:\n${httpLog.join('\n')}`;
    await waitFor(
      `php -S on ${base}`,
      async () => (await fetch(`${base}/wp-admin/install.php`)).status < 500,
      httpDetails,
      () => server.exitCode === null,
    );

    // Install over HTTP, as a person would.
    const form = new URLSearchParams({
      weblog_title: 'Folio test site',
      user_name: admin.user,
      admin_password: admin.password,
      admin_password2: admin.password,
      pw_weak: '1',
      admin_email: 'admin@example.org',
      blog_public: '0',
      language: '',
    });
    const installed = await fetch(`${base}/wp-admin/install.php?step=2`, {
      method: 'POST',
      body: form,
    });
    const page = await installed.text();
    if (!installed.ok || !/wp-login\.php/.test(page)) {
      throw new Error(
        `Installing WordPress failed (HTTP ${installed.status}):\n${page.slice(0, 2000)}\n${httpDetails()}`,
      );
    }

    // Pretty permalinks (/wp-json/), and Polylang with English (default) and Persian.
    await php(`
global $wp_rewrite;
update_option('permalink_structure', '/%postname%/');
$wp_rewrite->init();
flush_rewrite_rules(false);
`);
    if (polylang) {
      await php(`
require_once ABSPATH . 'wp-admin/includes/plugin.php';
$result = activate_plugin('polylang/polylang.php');
if (is_wp_error($result)) { fwrite(STDERR, $result->get_error_message()); exit(1); }
`);
      await php(`
$options = get_option('polylang');
$model = new PLL_Admin_Model($options);
foreach ([
  ['name' => 'English', 'slug' => 'en', 'locale' => 'en_US', 'rtl' => 0, 'term_group' => 0],
  ['name' => 'فارسی', 'slug' => 'fa', 'locale' => 'fa_IR', 'rtl' => 1, 'term_group' => 1],
] as $language) {
  $result = $model->add_language($language);
  if (is_wp_error($result)) { fwrite(STDERR, implode("\\n", $result->get_error_messages())); exit(1); }
}
flush_rewrite_rules(false);
`);
    }
    return { base, origin, contentDir, admin, php, setConstant, stop };
  } catch (error) {
    await stop();
    throw error;
  }

  async function setConstant(key: string, value: string | boolean | number | undefined) {
    if (value === undefined) delete constants[key];
    else constants[key] = value;
    await writeConfig();
  }
}
