#!/usr/bin/env node
// `npm run demo:wordpress`: starts the local seeded WordPress (scripts/backends/wordpress.mjs: Debian's
// wordpress + a private MariaDB, on 127.0.0.1), builds the package, and serves the demo page fed by it:
//   http://127.0.0.1:PORT/demo/?adapter=wordpress&endpoint=<WordPress>/wp-json&article=tips-and-tricks
// demo/demo-config.js reads those query parameters and sets them on <mag-provider>.
// The same page fed by WordPress's RSS feed is printed too (?adapter=feed&src=<WordPress>/feed/).
//
// Options: --no-build (reuse dist/), --check (start everything, load the page's pieces once, stop: a smoke test).
// PORT picks the demo port (default: first free from 8080); WP_PORT the WordPress port (default: a free one).
// Ctrl+C stops the demo server, php -S (and its workers) and mariadbd.
import { spawnSync } from 'node:child_process';
import { startWordPress } from './backends/wordpress.mjs';
import { createDemoServer, listen } from './serve.mjs';

const args = new Set(process.argv.slice(2));

const wp = await startWordPress({ port: process.env.WP_PORT ? Number(process.env.WP_PORT) : undefined }).catch((e) => {
  console.error(`Cannot start WordPress: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});

let server;
const stop = async (code = 0) => {
  if (server) await new Promise((r) => server.close(() => r()));
  await wp.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  if (!args.has('--no-build')) {
    console.log('Building (npm run build)…');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  server = createDemoServer();
  const port = await listen(server, Number(process.env.PORT ?? 8080));
  const demo = `http://127.0.0.1:${port}/demo/`;
  const wordpressDemo = `${demo}?adapter=wordpress&endpoint=${encodeURIComponent(`${wp.url}/wp-json`)}&article=tips-and-tricks`;
  const feedDemo = `${demo}?adapter=feed&src=${encodeURIComponent(`${wp.url}/feed/`)}&article=${encodeURIComponent(`${wp.url}/2024/02/14/tips-and-tricks/`)}`;
  console.log(`
WordPress:        ${wp.url}/  (REST API ${wp.url}/wp-json/, admin ${wp.url}/wp-login.php: admin / admin-test-password)
Demo (WordPress): ${wordpressDemo}
Demo (RSS feed):  ${feedDemo}
(Ctrl+C stops everything)`);

  if (args.has('--check')) {
    for (const url of [wordpressDemo, `${demo}demo-config.js`, `${demo}../dist/cdn/mag-elements.js`, `${demo}../dist/cdn/adapters/wordpress.js`, `${demo}../dist/cdn/adapters/feed.js`, `${wp.url}/wp-json/wp/v2/posts?slug=tips-and-tricks`]) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
    }
    console.log('check: the demo page, the bundle, its adapter files and the WordPress API answer.');
    await stop(0);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await stop(1);
}
