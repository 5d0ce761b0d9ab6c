// Starts and stops a private, seeded WordPress (Debian's package) on 127.0.0.1 for tests and the demo:
// its own MariaDB (unix socket only, no TCP) and `php -S` with a router, both stopped by PID.
//
// The first run builds a cache under .backends/ (a copy of /usr/share/wordpress with our wp-config,
// mu-plugin and router, plus a seeded MariaDB data directory, about 20 s); every run then copies the
// seeded data directory into a temporary run directory, so each run starts from the same data and
// concurrent runs never share a database. The cache key covers the seed, the mu-plugin and the
// WordPress version (and the themes installed next to it) and the video file the seed uploads, so
// changing any of them rebuilds it.
//
// With `pluginZip`, the run serves a copy of the WordPress tree (hard links, made in a second) without
// the test mu-plugin and its anonymous-comments filter, installs that zip as WordPress's "Upload
// Plugin" does, activates it and adds the content the plugin's checks read (wordpress/plugin-site.php):
// a site as a theme author has it, with the mag-elements plugin (scripts/check-wordpress-plugin.mjs).
//
// CLI: `node scripts/backends/wordpress.mjs [--port N] [--plugin dist/wordpress/mag-elements.zip]`
// starts it and waits for Ctrl+C.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor, describeExit } from './util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const assets = join(here, 'wordpress');
/** The WordPress tree to copy (Debian's package by default; MAG_WP_SOURCE may point to another unpacked WordPress). */
const WP_SOURCE = process.env.MAG_WP_SOURCE || '/usr/share/wordpress';
/** The video file of the seeded video attachments (seed.php copies it into the uploads). */
const VIDEO = join(repo, 'test', 'fixtures', 'media', 'ouverture-du-marche.webm');
const PACKAGES = 'apt-get install -y --no-install-recommends wordpress php-cli php-mysql mariadb-server';
/** Bump to force a cache rebuild when this script's build steps change. */
const BUILD_VERSION = '4';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin'])) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

/** Throws a readable error when a package is missing (instead of WordPress's "exit 0 with an HTML page"). */
function checkPrerequisites() {
  const missing = [];
  for (const cmd of ['mariadbd', 'mariadb-install-db', 'mariadb', 'php']) if (!which(cmd)) missing.push(cmd);
  if (!existsSync(join(WP_SOURCE, 'wp-settings.php'))) missing.push(`WordPress (${WP_SOURCE}/wp-settings.php)`);
  if (missing.length) {
    throw new Error(`WordPress backend: missing ${missing.join(', ')}. Install the Debian packages: ${PACKAGES}`);
  }
  try {
    execFileSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);'], { stdio: 'ignore' });
  } catch {
    throw new Error(`WordPress backend: PHP has no mysqli extension (package php-mysql). Install: ${PACKAGES}`);
  }
  return { mariadbd: which('mariadbd'), installDb: which('mariadb-install-db'), mariadb: which('mariadb') };
}

function cacheKey() {
  const hash = createHash('sha256');
  hash.update(BUILD_VERSION);
  for (const f of ['wp-config.php', 'mu-plugin.php', 'router.php', 'seed.php']) hash.update(readFileSync(join(assets, f)));
  hash.update(readFileSync(VIDEO));
  hash.update(readFileSync(join(WP_SOURCE, 'wp-includes', 'version.php')));
  // The themes copied with the tree (Debian's wordpress-theme-* packages), which the plugin's checks use.
  hash.update(themesOf(WP_SOURCE).join());
  return hash.digest('hex').slice(0, 12);
}

/** The themes of a WordPress tree. */
function themesOf(root) {
  const dir = join(root, 'wp-content', 'themes');
  return existsSync(dir) ? readdirSync(dir).filter((name) => existsSync(join(dir, name, 'style.css'))).sort() : [];
}

async function makeMysqlOwned(...dirs) {
  if (!isRoot) return;
  const uid = Number(execFileSync('id', ['-u', 'mysql']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'mysql']).toString().trim());
  for (const d of dirs) {
    execFileSync('chown', ['-R', `${uid}:${gid}`, d]);
    await chown(d, uid, gid);
  }
}

/** Starts mariadbd on `datadir` with its socket in `rundir`; resolves to { pid, socket, stop }. */
async function startMariaDB(bins, datadir, rundir) {
  await mkdir(rundir, { recursive: true });
  await makeMysqlOwned(datadir, rundir);
  const socket = join(rundir, 'mysqld.sock');
  const errLog = join(rundir, 'mysqld.err');
  const args = [
    '--no-defaults',
    ...(isRoot ? ['--user=mysql'] : []),
    `--datadir=${datadir}`,
    `--socket=${socket}`,
    `--pid-file=${join(rundir, 'mysqld.pid')}`,
    `--log-error=${errLog}`,
    '--skip-networking',
    '--skip-log-bin',
    '--innodb-log-file-size=16M',
    '--innodb-buffer-pool-size=32M',
    '--innodb-flush-log-at-trx-commit=2',
    '--performance-schema=OFF',
    '--character-set-server=utf8mb4',
  ];
  const child = spawn(bins.mariadbd, args, { stdio: 'ignore' });
  let exited;
  child.on('exit', (code, signal) => (exited = describeExit(code, signal)));
  const readLog = () => (existsSync(errLog) ? readFileSync(errLog, 'utf8').trim().split('\n').slice(-5).join('\n') : '');
  await waitFor(
    async () => {
      if (exited) throw new Error(`mariadbd ${exited}: ${readLog()}`);
      try {
        execFileSync(bins.mariadb, ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'SELECT 1'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    },
    { timeout: 30_000, what: () => `MariaDB on ${socket} (log: ${readLog()})` },
  );
  return {
    pid: child.pid,
    socket,
    stop: () => stopProcess(child, 20_000),
  };
}

/** SIGTERM, then SIGKILL after `grace` ms; resolves when the process has exited. */
function stopProcess(child, grace = 5000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }, grace);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      child.kill('SIGTERM');
    } catch {
      resolve();
    }
  });
}

/** Builds the cache dir (WordPress tree + seeded data directory) when it does not exist yet. */
async function ensureCache(bins, log) {
  const key = cacheKey();
  const cacheDir = join(repo, '.backends', `wordpress-${key}`);
  if (existsSync(join(cacheDir, 'seed.json'))) return cacheDir;
  const started = Date.now();
  log(`WordPress: building the seeded cache in ${cacheDir} (first run only)…`);
  await mkdir(join(repo, '.backends'), { recursive: true });
  const build = await tempDir(join(repo, '.backends', 'build-'));
  const runDir = await tempDir(join(tmpdir(), 'mag-wp-build-'));
  let db;
  try {
    await cp(WP_SOURCE, join(build, 'root'), { recursive: true, verbatimSymlinks: true });
    await copyLinkedFiles(join(build, 'root'));
    await rm(join(build, 'root', 'wp-config.php'), { force: true });
    await cp(join(assets, 'wp-config.php'), join(build, 'root', 'wp-config.php'));
    await mkdir(join(build, 'root', 'wp-content', 'mu-plugins'), { recursive: true });
    await cp(join(assets, 'mu-plugin.php'), join(build, 'root', 'wp-content', 'mu-plugins', 'mag-test.php'));
    await cp(join(assets, 'router.php'), join(build, 'router.php'));
    await cp(join(assets, 'seed.php'), join(build, 'seed.php'));

    const datadir = join(build, 'db');
    await mkdir(datadir);
    await makeMysqlOwned(datadir);
    try {
      execFileSync(
        bins.installDb,
        [
          '--no-defaults',
          ...(isRoot ? ['--user=mysql'] : []),
          `--datadir=${datadir}`,
          '--skip-test-db',
          '--auth-root-authentication-method=normal',
        ],
        { stdio: 'pipe' },
      );
    } catch (e) {
      throw new Error(`mariadb-install-db failed: ${e.stderr?.toString() || e.message}`, { cause: e });
    }
    db = await startMariaDB(bins, datadir, runDir);
    execFileSync(bins.mariadb, ['--no-defaults', `--socket=${db.socket}`, '-uroot'], {
      input:
        "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n" +
        "CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-test-password';\n" +
        "GRANT ALL ON wordpress.* TO 'wp'@'localhost';\n",
    });
    let out;
    try {
      out = execFileSync('php', ['-d', 'display_errors=stderr', join(build, 'seed.php')], {
        env: { ...process.env, MAG_WP_URL: 'http://127.0.0.1:8080', MAG_WP_DB_SOCKET: db.socket, MAG_WP_VIDEO: VIDEO },
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
    } catch (e) {
      throw new Error(`seeding WordPress failed: ${(e.stderr?.toString() || '') + (e.stdout?.toString() || '') || e.message}`, { cause: e });
    }
    const last = out.trim().split('\n').pop() ?? '';
    let seed;
    try {
      seed = JSON.parse(last);
    } catch {
      throw new Error(`seeding WordPress printed no summary; output: ${out.slice(0, 500)}`);
    }
    await db.stop();
    db = undefined;
    await writeFile(join(build, 'seed.json'), JSON.stringify(seed, null, 2));
    try {
      await rename(build, cacheDir);
    } catch (e) {
      // another run built the same cache at the same time: use theirs
      if (!existsSync(join(cacheDir, 'seed.json'))) throw e;
      await rm(build, { recursive: true, force: true });
    }
    // drop caches of older seeds / WordPress versions
    for (const old of await readdir(join(repo, '.backends'))) {
      if (old.startsWith('wordpress-') && join(repo, '.backends', old) !== cacheDir) {
        await rm(join(repo, '.backends', old), { recursive: true, force: true });
      }
    }
    log(`WordPress: cache built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return cacheDir;
  } finally {
    if (db) await db.stop();
    await rm(runDir, { recursive: true, force: true });
    if (existsSync(build)) await rm(build, { recursive: true, force: true });
  }
}

/**
 * Starts the seeded WordPress. Resolves to `{ url, port, seed, stop() }`; rejects with an Error that says
 * why (missing package, MariaDB log, PHP output) when it cannot start. With `pluginZip` (see the top of
 * this file), `seed.site` holds what wordpress/plugin-site.php made, and `php(args)` runs that script
 * again (`option <name> <value>` sets an option) against this run's site.
 * @param {{ port?: number, log?: (msg: string) => void, pluginZip?: string }} [options]
 */
export async function startWordPress(options = {}) {
  const log = options.log ?? ((m) => console.log(m));
  const started = Date.now();
  const bins = checkPrerequisites();
  const cacheDir = await ensureCache(bins, log);
  const seed = JSON.parse(await readFile(join(cacheDir, 'seed.json'), 'utf8'));
  const runDir = await tempDir(join(tmpdir(), 'mag-wp-'));
  let db;
  let php;
  const stop = async () => {
    if (php) {
      // php -S with PHP_CLI_SERVER_WORKERS forks workers that survive the master: kill the whole group.
      const children = childPids(php.pid);
      try {
        process.kill(-php.pid, 'SIGTERM');
      } catch {
        /* group already gone */
      }
      for (const pid of children) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      await stopProcess(php, 3000);
      php = undefined;
    }
    if (db) {
      await db.stop();
      db = undefined;
    }
    await rm(runDir, { recursive: true, force: true });
  };
  try {
    await cp(join(cacheDir, 'db'), join(runDir, 'db'), { recursive: true });
    db = await startMariaDB(bins, join(runDir, 'db'), join(runDir, 'run'));
    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    let root = join(cacheDir, 'root');
    if (options.pluginZip) {
      // A copy of the tree for this run (hard links: the cache's files are never written), with a
      // site mu-plugin instead of the test one.
      root = join(runDir, 'root');
      execFileSync('cp', ['-al', join(cacheDir, 'root'), root]);
      await rm(join(root, 'wp-content', 'mu-plugins', 'mag-test.php'));
      await cp(join(assets, 'mu-plugin-site.php'), join(root, 'wp-content', 'mu-plugins', 'mag-site.php'));
    }
    const sitePhp = (args) =>
      execFileSync('php', ['-d', 'display_errors=stderr', join(assets, 'plugin-site.php'), ...args], {
        env: { ...process.env, MAG_WP_URL: url, MAG_WP_DB_SOCKET: db.socket, MAG_WP_ROOT: root },
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
    if (options.pluginZip) {
      let out;
      try {
        out = sitePhp(['setup', resolve(options.pluginZip)]);
      } catch (e) {
        throw new Error(`installing the plugin failed: ${(e.stderr?.toString() || '') + (e.stdout?.toString() || '') || e.message}`, { cause: e });
      }
      seed.site = JSON.parse(out.trim().split('\n').pop());
    }
    const phpLog = join(runDir, 'php.log');
    php = spawn(
      'php',
      [
        '-d', 'display_errors=0',
        '-d', 'log_errors=1',
        '-d', `error_log=${phpLog}`,
        '-d', 'memory_limit=256M',
        '-S', `127.0.0.1:${port}`,
        '-t', root,
        join(cacheDir, 'router.php'),
      ],
      {
        env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4', MAG_WP_URL: url, MAG_WP_DB_SOCKET: db.socket },
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: true, // own process group, so stop() can signal the workers too
      },
    );
    let phpErr = '';
    php.stderr.on('data', (d) => (phpErr = (phpErr + d.toString()).slice(-2000)));
    let phpExit;
    php.on('exit', (code, signal) => (phpExit = describeExit(code, signal)));
    await waitFor(
      async () => {
        if (phpExit) throw new Error(`php -S ${phpExit}: ${phpErr.trim()}`);
        try {
          const res = await fetch(`${url}/?rest_route=/`, { signal: AbortSignal.timeout(5000) });
          const body = await res.text();
          if (res.ok && body.startsWith('{')) return true;
          if (res.status >= 500 || /Error establishing|Requirements Not Met/.test(body)) {
            throw new Error(`WordPress answered ${res.status}: ${body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
          }
          return false;
        } catch (e) {
          if (e instanceof TypeError) return false; // not listening yet
          throw e;
        }
      },
      { timeout: 30_000, what: () => `WordPress on ${url} (php: ${phpErr.trim().slice(-300)})` },
    );
    log(`WordPress: ${url} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (php pid ${php.pid}, mariadbd pid ${db.pid})`);
    const pids = { php: php.pid, mariadbd: db.pid };
    /** Synchronous last resort (process 'exit' handlers cannot wait): signal php's group and mariadbd. */
    const killNow = () => {
      for (const [pid, sig] of [[-pids.php, 'SIGKILL'], [pids.mariadbd, 'SIGTERM']]) {
        try {
          process.kill(pid, sig);
        } catch {
          /* already stopped */
        }
      }
    };
    return { url, port, seed, pids, stop, killNow, php: sitePhp };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Debian links some files of its WordPress to other packages with relative links
 * (wp-includes/js/underscore.min.js → ../../../javascript/…, wp-includes/ID3/ → ../../../php/getid3/),
 * which lead nowhere in a copy: the block editor and the reading of uploaded videos' metadata need
 * them, so the copy at `root` gets the files they point to.
 */
async function copyLinkedFiles(root) {
  for (const link of execFileSync('find', [WP_SOURCE, '-type', 'l']).toString().split('\n').filter(Boolean)) {
    const inCopy = join(root, link.slice(WP_SOURCE.length));
    if (!existsSync(inCopy) && existsSync(link)) {
      await rm(inCopy, { force: true });
      await cp(link, inCopy, { dereference: true });
    }
  }
}

/** mkdtemp, readable by the mysql user (mkdtemp makes 0700 directories, mariadbd runs as mysql). */
async function tempDir(prefix) {
  const dir = await mkdtemp(prefix);
  await chmod(dir, 0o755);
  return dir;
}

function childPids(pid) {
  try {
    return execFileSync('pgrep', ['-P', String(pid)])
      .toString()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : undefined;
  const z = process.argv.indexOf('--plugin');
  const pluginZip = z > 0 ? process.argv[z + 1] : undefined;
  const wp = await startWordPress({ port, pluginZip }).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
  console.log(`WordPress REST API: ${wp.url}/wp-json/  (Ctrl+C stops it)`);
  const shutdown = () => wp.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
