#!/usr/bin/env node
// The built drop-in bundle (dist/cdn/mag-elements.js) under the strict Content-Security-Policy of
// docs/security.md, sent as a response header, in Debian's headless Chromium: every element in every
// state and the whole XSS corpus (test/fixtures/csp/states.ts, built here with esbuild, its src/
// imports pointed at the bundle), counting `securitypolicyviolation` events; the further adapters'
// files (dist/cdn/adapters/) are loaded on demand under the same policy. Run after `npm run build`.
// CSP_BUNDLE=<file> checks another build of the bundle (its adapters/ next to it).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html dompurify mag-elements";

const root = resolve('.');
const bundle = resolve(process.env.CSP_BUNDLE ?? 'dist/cdn/mag-elements.js');
if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

// The page script, with every import of the library's sources pointed at the bundle.
const page = await build({
  entryPoints: ['test/fixtures/csp/bundle-page.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  logLevel: 'warning',
  plugins: [
    {
      name: 'library-from-bundle',
      setup(b) {
        b.onResolve({ filter: /\/src\/(core|define|components|adapters)\// }, () => ({ path: '/dist/cdn/mag-elements.js', external: true }));
        b.onResolve({ filter: /^lit($|\/)|^@lit\// }, (args) => ({ errors: [{ text: `${args.path}: the page must not bring its own Lit (one lit-html policy only)` }] }));
      },
    },
  ],
});
const pageJs = page.outputFiles[0].text;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.map': 'application/json', '.webm': 'video/webm' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const send = (status, type, body) => res.writeHead(status, { 'content-type': type, 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' }).end(body);
  if (url.pathname === '/') return send(200, 'text/html', readFileSync('test/fixtures/csp/bundle.html'));
  if (url.pathname === '/bundle-page.js') return send(200, 'text/javascript', pageJs);
  if (url.pathname === '/dist/cdn/mag-elements.js') return send(200, 'text/javascript', readFileSync(bundle));
  // The files the bundle imports on demand (same origin: `script-src 'self'` allows them).
  if (/^\/dist\/cdn\/adapters\/[\w-]+\.js$/.test(url.pathname)) {
    const file = join(dirname(bundle), url.pathname.slice('/dist/cdn/'.length));
    return existsSync(file) ? send(200, 'text/javascript', readFileSync(file)) : send(404, 'text/plain', 'not found');
  }
  // A WordPress whose PHP failed: the REST API answers WordPress's own error, its message in HTML.
  if (url.pathname.startsWith('/failing-wordpress/wp-json/')) {
    const message = '<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>';
    return send(500, 'application/json', JSON.stringify({ code: 'internal_server_error', message, data: { status: 500 }, additional_errors: [] }));
  }
  // Same-origin files the pages use: images, the stylesheet, the feed fixtures, the video list's player page and video file.
  const allowed = ['/demo/img/', '/test/fixtures/csp/', '/test/fixtures/feeds/', '/test/fixtures/media/'];
  const path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!allowed.some((prefix) => url.pathname.startsWith(prefix)) || !path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) {
    return send(404, 'text/plain', 'not found');
  }
  return send(200, TYPES[extname(path)] ?? 'application/octet-stream', readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
let report;
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  // Nothing leaves 127.0.0.1 (hostile URLs point at evil.example): blocked, not waited for.
  await tab.setRequestInterception(true);
  tab.on('request', (request) => (request.url().startsWith(base) || request.url().startsWith('data:') ? request.continue() : request.abort()));
  const response = await tab.goto(`${base}/`, { waitUntil: 'load', timeout: 30_000 });
  if (response?.headers()['content-security-policy'] !== STRICT_CSP) failures.push('the page was not served with the policy');
  await tab.waitForFunction(() => '__magCspReport' in window, { timeout: 180_000, polling: 250 });
  report = await tab.evaluate(() => window.__magCspReport);
} catch (error) {
  failures.push(String(error?.message ?? error));
}
await browser.close();
server.close();

if (report) {
  if (!report.enforced.trustedTypes) failures.push('Trusted Types were not enforced (a string reached innerHTML)');
  if (!report.enforced.eval) failures.push('eval was not refused');
  for (const p of report.problems) failures.push(`state: ${p}`);
  for (const v of report.violations) failures.push(`violation: ${v}`);
  for (const p of report.pwned) failures.push(`a payload ran: ${p}`);
  // See docs/security.md, "Violation reports": the sanitizer's inert parse, and foreign images blocked by img-src.
  for (const line of report.hostileViolations) {
    const [directive, blocked, , source] = line.split(' | ');
    const inertParse = ['script-src-attr', 'style-src-attr', 'style-src-elem', 'base-uri'].includes(directive) && source.includes('/dist/cdn/mag-elements.js');
    const foreignImage = directive === 'img-src' && /^https?:/.test(blocked);
    if (!inertParse && !foreignImage) failures.push(`violation (XSS corpus): ${line}`);
  }
}

const states = report?.states.length ?? 0;
for (const f of failures) console.error(`✘ ${f}`);
console.log(`csp: ${states} element states rendered under "${STRICT_CSP}", ${report?.violations.length ?? '?'} violations, ${failures.length} problems`);
process.exit(failures.length || !states ? 1 : 0);
