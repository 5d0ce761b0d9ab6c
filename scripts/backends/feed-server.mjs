// A small HTTP server for the feed fixtures in test/fixtures/feeds (RSS, Atom, JSON Feed, HTML pages),
// with real content types and CORS, plus routes for error tests:
//   /feeds/<file>              the fixture, `{{origin}}` replaced by this server's origin
//   /slow/<file>?ms=N          the same after N ms (default 3000)
//   /error/500                 500 with an HTML body
//   /error/404                 404
//   /__hits?url=<path+query>   how many times that exact path+query was requested (JSON number)
//
// CLI: `node scripts/backends/feed-server.mjs [--port N]`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, '..', '..', 'test', 'fixtures', 'feeds');

const TYPES = {
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the feed server on 127.0.0.1. Resolves to `{ url, port, stop() }`.
 * @param {{ port?: number }} [options]
 */
export async function startFeedServer(options = {}) {
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const hits = new Map();
  const timers = new Set();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const key = url.pathname + url.search;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Type, ETag');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', '*');
      res.writeHead(204).end();
      return;
    }
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const serveFixture = async (name) => {
      const file = normalize(join(FIXTURES, name));
      if (!file.startsWith(FIXTURES + '/')) return send(404, TYPES['.txt'], 'Not found');
      try {
        // *.latin1.* files are ISO-8859-1 and served without a charset (their XML declaration says it)
        const latin1 = /\.latin1\./.test(file);
        const text = (await readFile(file, latin1 ? 'latin1' : 'utf8')).replaceAll('{{origin}}', origin);
        const type = latin1 ? 'application/rss+xml' : (TYPES[extname(file)] ?? 'application/octet-stream');
        send(200, type, latin1 ? Buffer.from(text, 'latin1') : text);
      } catch {
        send(404, TYPES['.html'], '<!doctype html><title>Not found</title><h1>Not found</h1>');
      }
    };

    if (url.pathname === '/__hits') {
      return send(200, 'application/json', JSON.stringify(hits.get(url.searchParams.get('url') ?? '') ?? 0));
    }
    if (url.pathname === '/error/500') {
      return send(500, TYPES['.html'], '<!doctype html><title>Internal Server Error</title><h1>Internal Server Error</h1>');
    }
    if (url.pathname === '/error/404') return send(404, TYPES['.html'], '<!doctype html><title>Not found</title>');
    if (url.pathname.startsWith('/feeds/')) return void serveFixture(decodeURIComponent(url.pathname.slice(7)));
    if (url.pathname.startsWith('/slow/')) {
      const ms = Number(url.searchParams.get('ms') ?? 3000);
      const timer = setTimeout(() => {
        timers.delete(timer);
        void serveFixture(decodeURIComponent(url.pathname.slice(6)));
      }, ms);
      timers.add(timer);
      req.on('close', () => {
        if (!res.writableEnded) {
          clearTimeout(timer);
          timers.delete(timer);
        }
      });
      return;
    }
    send(404, TYPES['.txt'], 'Not found');
  });

  await new Promise((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`feed server cannot listen on ${origin}: ${e.message}`)));
    server.listen(port, '127.0.0.1', resolve);
  });

  return {
    url: origin,
    port,
    stop: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--port');
  const feeds = await startFeedServer({ port: i > 0 ? Number(process.argv[i + 1]) : undefined });
  console.log(`Feed fixtures: ${feeds.url}/feeds/  (Ctrl+C stops it)`);
  process.on('SIGINT', () => feeds.stop().then(() => process.exit(0)));
}
