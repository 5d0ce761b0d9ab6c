// Real HTTP endpoints for the adapter tests, served by web-test-runner's dev server: one Koa middleware,
// added with `middleware: [testEndpointsMiddleware()]` in web-test-runner.config.mjs. (A plugin's
// serverStart({ app }) cannot add it: Koa composed its middleware list when the server was created, so a
// later app.use() is never reached.) Everything lives under /__test/ and never writes to the disk.
//
//   POST /__test/subscribe        a subscribe endpoint; the answer depends on the posted address's local part:
//                                   taken@…  → 409            bad@…     → 400 {"message": …}
//                                   invalid@… → 422 (no body) limit@…   → 429
//                                   boom@…   → 500            slow@…    → waits 2 s, then 200
//                                   confirm@… → 200 {"status":"confirmation-sent"}
//                                   nested@… → 422 {"error": {"message": …}}   forbidden@… → 403 {"error": …}
//                                   text@…   → 200 text/plain "OK"
//                                   anything else → 200 {"status":"subscribed"}
//                                 The address is the first field of the body (form-encoded or JSON).
//   GET  /__test/echo?email=…     what was last posted with that address: {method, contentType, body}
//   GET  /__test/flaky/<key>      1st request 503, 2nd an invalid data file, then the demo data file
//   GET  /__test/bad-json         a truncated JSON document (200, application/json)
//   GET  /__test/slow-image/<name>?ms=…  a 120 × 120 SVG image, answered after ms milliseconds (default 1500)
//   GET  /__test/hits/<key>       how many times /__test/flaky/<key> was requested: {"hits": n}
//   PUT  /__test/files/<key>       keeps a folder of files in memory: the body is {"<path>": content, …}, each
//                                  content served as JSON (a string is served as it is: for malformed files)
//   GET  /__test/files/<key>/<path>  one of those files (404 when absent); each request is logged
//   GET  /__test/file-log/<key>    the requests for the files of <key>, in order: [{"path", "status", "bytes"}]
//   DELETE /__test/files/<key>     forgets the folder and its log
//   GET  /__test/video-host/<key>/<file>  a video host for the video list's tests: player.html (a player
//                                 page), thumbnail.svg (an image), video.webm (test/fixtures/media's video);
//                                 every request counts, by key
//   GET  /__test/hits/video-host/<key>  how many requests /__test/video-host/<key>/… received: {"hits": n}
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const DEMO_DATA = fileURLToPath(new URL('../demo/data/le-mag.json', import.meta.url));
const VIDEO = fileURLToPath(new URL('../test/fixtures/media/ouverture-du-marche.webm', import.meta.url));

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function parseBody(text, contentType) {
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

const json = (ctx, status, value) => {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(value);
};

/** @returns {import('koa').Middleware} */
export function testEndpointsMiddleware() {
  const echoes = new Map();
  const hits = new Map();
  /** Folders of files by key: path → the text served. */
  const folders = new Map();
  /** The requests for each folder's files. */
  const fileLogs = new Map();
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__test/')) return next();
    ctx.set('Cache-Control', 'no-store');
    const route = ctx.path.slice('/__test/'.length);

    if (route === 'subscribe') {
      if (ctx.method !== 'POST' && ctx.method !== 'PUT') return json(ctx, 405, { message: 'Use POST.' });
      const contentType = ctx.get('content-type');
      const body = parseBody(await readBody(ctx.req), contentType);
      const email = String(Object.values(body)[0] ?? '');
      echoes.set(email, { method: ctx.method, contentType, body });
      const local = email.split('@')[0];
      if (local === 'taken') return json(ctx, 409, { message: 'Already subscribed.' });
      if (local === 'bad') return json(ctx, 400, { message: 'This domain does not accept mail.' });
      if (local === 'invalid') {
        ctx.status = 422;
        ctx.body = '';
        return;
      }
      if (local === 'limit') return json(ctx, 429, { message: 'Slow down.' });
      if (local === 'nested') return json(ctx, 422, { error: { message: 'Nested message.' } });
      if (local === 'forbidden') return json(ctx, 403, { error: 'Subscriptions are closed.' });
      if (local === 'boom') return json(ctx, 500, { message: 'Internal error.' });
      if (local === 'slow') await new Promise((resolve) => setTimeout(resolve, 2000));
      if (local === 'confirm') return json(ctx, 200, { status: 'confirmation-sent' });
      if (local === 'text') {
        ctx.status = 200;
        ctx.type = 'text/plain';
        ctx.body = 'OK';
        return;
      }
      return json(ctx, 200, { status: 'subscribed' });
    }

    if (route === 'echo') {
      const echo = echoes.get(ctx.query.email ?? '');
      return echo ? json(ctx, 200, echo) : json(ctx, 404, { message: 'Nothing posted with this address.' });
    }

    if (route.startsWith('flaky/')) {
      const key = route.slice('flaky/'.length);
      const n = (hits.get(key) ?? 0) + 1;
      hits.set(key, n);
      if (n === 1) return json(ctx, 503, { message: 'Try again.' });
      if (n === 2) return json(ctx, 200, { version: 1, site: { title: 'Flaky' }, articles: [{ id: 'x', published: '16 oct' }] });
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = await readFile(DEMO_DATA, 'utf8');
      return;
    }

    if (route.startsWith('hits/')) return json(ctx, 200, { hits: hits.get(route.slice('hits/'.length)) ?? 0 });

    const files = /^files\/([\w-]+)(?:\/(.+))?$/.exec(route);
    if (files) {
      const [, key, path] = files;
      if (!path && ctx.method === 'PUT') {
        const contents = JSON.parse(await readBody(ctx.req));
        folders.set(key, new Map(Object.entries(contents).map(([name, content]) => [name, typeof content === 'string' ? content : JSON.stringify(content)])));
        fileLogs.set(key, []);
        return json(ctx, 200, { files: folders.get(key).size });
      }
      if (!path && ctx.method === 'DELETE') {
        folders.delete(key);
        fileLogs.delete(key);
        return json(ctx, 200, {});
      }
      const text = path && folders.get(key)?.get(decodeURIComponent(path));
      fileLogs.get(key)?.push({ path, status: text === undefined ? 404 : 200, bytes: text === undefined ? 0 : Buffer.byteLength(text) });
      // The test runner's cache middleware (around this one) lets the browser keep any answer whose path
      // has a file name extension for a year: with the extension taken off once answered, every request
      // for these files reaches this route and its log.
      ctx.path = ctx.path.replace(/\.[^./]*$/, '');
      if (text === undefined) return json(ctx, 404, { message: `No file ${path} in ${key}.` });
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = text;
      return;
    }

    if (route.startsWith('file-log/')) return json(ctx, 200, fileLogs.get(route.slice('file-log/'.length)) ?? []);

    if (route === 'bad-json') {
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = '{"version": 1, "site": {"title": "Cut';
      return;
    }

    if (route.startsWith('slow-image/')) {
      await new Promise((resolve) => setTimeout(resolve, Number(ctx.query.ms ?? 1500)));
      ctx.status = 200;
      ctx.type = 'image/svg+xml';
      ctx.body = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#b8283f"/></svg>';
      return;
    }

    if (route.startsWith('video-host/')) {
      const [, key, file] = route.split('/');
      hits.set(`video-host/${key}`, (hits.get(`video-host/${key}`) ?? 0) + 1);
      ctx.status = 200;
      if (file === 'player.html') {
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><html lang="en"><title>Player</title><p>A video player.</p></html>';
      } else if (file === 'thumbnail.svg') {
        ctx.type = 'image/svg+xml';
        ctx.body = '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="#1d4e89"/></svg>';
      } else if (file === 'video.webm') {
        ctx.type = 'video/webm';
        ctx.body = await readFile(VIDEO);
      } else return json(ctx, 404, { message: `No file ${file} on the test video host.` });
      return;
    }

    return json(ctx, 404, { message: `No test route ${ctx.path}.` });
  };
}
