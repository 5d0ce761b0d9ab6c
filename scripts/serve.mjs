#!/usr/bin/env node
// `npm start`: serves the demo on 127.0.0.1 (the seed page rebuilt from demo/data/le-mag.json and the
// drop-in bundle dist/cdn/mag-elements.js, loaded exactly as an integrator would) and prints its URL.
// Also answers the demo's subscribe endpoint, POST /api/subscribe (see docs/data-format.md), and serves
// /demo/server-rendered.html: the same page rendered on the server (docs/server-rendering.md), to compare,
// and /demo/data/split/: the demo's magazine as a split layout (docs/data-format.md), which the same page
// reads at /demo/?adapter=json&src=data/split/.
// PORT=8080 npm start picks the port; by default the first free one from 8080.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(new URL('..', import.meta.url).pathname);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const subscribers = new Set();

function readBody(req) {
  return new Promise((resolveBody, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', () => resolveBody(body));
    req.on('error', reject);
  });
}

async function subscribe(req, res) {
  const body = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  const email = (type.includes('json') ? JSON.parse(body || '{}').email : new URLSearchParams(body).get('email'))?.trim() ?? '';
  const send = (status, data) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(data));
  };
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return send(400, { message: 'Adresse e-mail invalide.' });
  if (subscribers.has(email)) return send(409, { status: 'already-subscribed' });
  subscribers.add(email);
  return send(200, { status: 'confirmation-sent' });
}

/** demo/index.html rendered on the server, its data read from demo/data/ (the page's own `src`). */
async function serverRendered(res, lang) {
  const { renderPage } = await import('../dist/server/render-page.js');
  const source = await readFile(join(root, 'demo/index.html'), 'utf8');
  // The language switch (?lang=en): rendered in that language, as the page's script then sets it.
  const page = lang === 'en' ? source.replace('<html lang="fr">', '<html lang="en">') : source;
  const html = await renderPage(page, { baseUrl: pathToFileURL(join(root, 'demo/')).href });
  res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
  res.end(html);
}

/** The demo page fed by the split layout; its articles' and sections' links keep to it. */
const SPLIT_DEMO = '?adapter=json&src=data/split/';

/**
 * The files of the demo's magazine in the split layout, by path: its Movable Type version
 * (test/fixtures/import/le-mag.mt.txt) imported with the demo data's site, about boxes and subscribe
 * endpoint, as `mag-elements import-mt --out folder/ --base …` writes it. Made once, kept in memory.
 */
let splitDemo;
function splitDemoFiles() {
  splitDemo ??= (async () => {
    const { importMovableType, toSplitLayout } = await import('../dist/import/index.js');
    const { site, about, subscribe } = JSON.parse(await readFile(join(root, 'demo/data/le-mag.json'), 'utf8'));
    const { data } = importMovableType(await readFile(join(root, 'test/fixtures/import/le-mag.mt.txt')), {
      timezone: 'Europe/Paris',
      base: { site, about, subscribe },
      articleUrl: `${SPLIT_DEMO}&article={slug}`,
      sectionUrl: `${SPLIT_DEMO}&section={slug}`,
    });
    return new Map(toSplitLayout(data).map(({ path, content }) => [path, JSON.stringify(content)]));
  })();
  return splitDemo;
}

async function splitDemoFile(res, path) {
  const text = (await splitDemoFiles()).get(path);
  res.writeHead(text === undefined ? 404 : 200, { 'content-type': TYPES['.json'], 'cache-control': 'no-cache' });
  res.end(text ?? JSON.stringify({ message: `No file ${path} in the split layout.` }));
}

/**
 * The demo server. `pages` (for checks and benchmarks): more pages to serve, path → HTML; a page asked
 * for with `?scripts=none` is served with `Content-Security-Policy: script-src 'none'`.
 */
export function createDemoServer({ pages = new Map() } = {}) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pages.has(url.pathname)) {
      const headers = { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' };
      if (url.searchParams.get('scripts') === 'none') headers['content-security-policy'] = "script-src 'none'";
      res.writeHead(200, headers);
      res.end(pages.get(url.pathname));
      return;
    }
    if (url.pathname === '/demo/server-rendered.html') {
      serverRendered(res, url.searchParams.get('lang')).catch((error) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`The server render failed: ${error?.stack ?? error}`);
      });
      return;
    }
    if (url.pathname.startsWith('/demo/data/split/')) {
      splitDemoFile(res, decodeURIComponent(url.pathname.slice('/demo/data/split/'.length))).catch((error) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`The split layout could not be made: ${error?.stack ?? error}`);
      });
      return;
    }
    if (url.pathname === '/api/subscribe' && req.method === 'POST') {
      subscribe(req, res).catch(() => {
        res.writeHead(500);
        res.end();
      });
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/demo/' });
      res.end();
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403);
      res.end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(path).pipe(res);
  });
}

export function listen(server, port) {
  return new Promise((resolveListen, reject) => {
    const attempt = (p, triesLeft) => {
      server.once('error', (error) => {
        if (error.code === 'EADDRINUSE' && triesLeft > 0) attempt(p + 1, triesLeft - 1);
        else reject(error);
      });
      server.listen(p, '127.0.0.1', () => resolveListen(server.address().port));
    };
    attempt(port, process.env.PORT ? 0 : 20);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(root, 'dist/cdn/mag-elements.js'))) {
    console.error('dist/cdn/mag-elements.js is missing: run `npm run build` (npm start does it for you).');
    process.exit(1);
  }
  const server = createDemoServer();
  const port = await listen(server, Number(process.env.PORT ?? 8080));
  console.log(`\nmag-elements demo: http://127.0.0.1:${port}/demo/`);
  console.log(`the same page rendered on the server: http://127.0.0.1:${port}/demo/server-rendered.html`);
  console.log(`the same page fed by a split layout: http://127.0.0.1:${port}/demo/${SPLIT_DEMO}\n(Ctrl+C to stop)`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
