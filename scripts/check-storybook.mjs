#!/usr/bin/env node
// Opens every story of the static Storybook build (storybook-static/) in Debian's headless Chromium and
// checks that it renders: the story root has content, no page error, no Storybook error display,
// no failed request. Writes coverage/storybook-summary.json for `npm test`'s closing line.
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = resolve('storybook-static');
if (!existsSync(join(root, 'index.json'))) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.xml': 'application/xml', '.atom': 'application/atom+xml' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) return res.writeHead(403).end();
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
// Stories and Docs pages (the Docs pages are built from custom-elements.json).
const stories = Object.values(index.entries).filter((e) => e.type === 'story' || e.type === 'docs');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let passed = 0;
const failures = [];
async function check(story) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(base)) problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(base) && !response.url().endsWith('/favicon.ico')) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Stories must not reach the network: anything not on 127.0.0.1 is blocked and reported.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return request.continue();
    problems.push(`request outside the Storybook: ${url}`);
    return request.abort();
  });
  try {
    const docs = story.type === 'docs';
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=${docs ? 'docs' : 'story'}`, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForFunction(
      (root) => (document.querySelector(root)?.children.length ?? 0) > 0 || document.body.classList.contains('sb-show-errordisplay'),
      { timeout: 30_000 },
      docs ? '#storybook-docs' : '#storybook-root',
    );
    const error = await page.evaluate(() => (document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent ?? 'error' : ''));
    if (error) problems.push(`Storybook error: ${error}`);
  } catch (error) {
    problems.push(String(error.message ?? error));
  }
  await page.close();
  if (problems.length) failures.push({ id: story.id, problems });
  else passed++;
}

// One page at a time: a background tab gets no animation frames in headless Chromium.
for (const story of stories) await check(story);
await browser.close();
server.close();

for (const f of failures) console.error(`✘ ${f.id}\n    ${f.problems.join('\n    ')}`);
console.log(`storybook: ${passed} passed, ${failures.length} failed (${stories.length} stories and docs pages)`);
mkdirSync('coverage', { recursive: true });
writeFileSync('coverage/storybook-summary.json', JSON.stringify({ passed, failed: failures.length }));
process.exit(failures.length ? 1 : 0);
