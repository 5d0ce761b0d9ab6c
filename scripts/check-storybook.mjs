#!/usr/bin/env node
// Opens every story and Docs page of the static Storybook build (storybook-static/) in Debian's
// headless Chromium and checks, for each:
//   - it renders: the story root (or the Docs root) has content, no page error, no Storybook error
//     display, no failed request, no request leaving the Storybook;
//   - one copy of Lit: no "Multiple versions of Lit loaded" warning, one lit-html registered;
//   - a story's controls match the manifest: none for events, slots, CSS parts and CSS custom
//     properties; text, number, boolean and select for string, number, boolean and enumerated properties;
//   - an element's Docs page shows the element's description (custom-elements.json);
//   - the whole-page story (tag `whole-page`) in French and in English, light and dark: its elements'
//     text is in that language, and axe finds no accessibility violation.
// Writes coverage/storybook-summary.json for `npm test`'s closing line.
//
// --dev: the same checks against `storybook dev` (started here on a free port, stopped at the end), on
// one story and the Docs page of each component and the whole-page story, and the manager UI opens
// without Storybook's onboarding checklist. Lit warns about a second copy only in its development
// build, which `storybook dev` serves.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const dev = process.argv.includes('--dev');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

/** Requests that fail on purpose: the provider's "file not found" story asks for this file. */
const EXPECTED_MISSING = ['/demo/data/missing.json'];

/** Text of the whole-page story in each language (from src/core/translations/), and what must not show then. */
const PAGE_TEXT = {
  fr: {
    present: ['Publié dans', 'imprimer', "L'utilisation des commentaires est désactivée pour cette note.", 'Vous pouvez suivre la conversation sur cet article', "S'abonner par email", 'Vidéos', 'Lire la vidéo : Ouverture du marché avec Claudy Lebreton'],
    absent: ['Posted in', 'Comments are closed for this post.', 'You can follow this conversation', 'Subscribe by email', 'Play video'],
  },
  en: {
    present: ['Posted in', 'Print', 'Comments are closed for this post.', 'You can follow this conversation', 'Subscribe by email', 'Videos', 'Play video: Ouverture du marché avec Claudy Lebreton'],
    absent: ['Publié dans', "L'utilisation des commentaires est désactivée pour cette note.", 'Vous pouvez suivre la conversation', "S'abonner par email", 'Vidéos', 'Lire la vidéo'],
  },
};
const THEMES = ['light', 'dark'];

// ---- the Storybook to check: the static build served here, or `storybook dev`
let base;
let stopServer;
if (dev) {
  const port = await freePort();
  const child = spawn('node_modules/.bin/storybook', ['dev', '-p', String(port), '--host', '127.0.0.1', '--ci', '--no-open', '--disable-telemetry'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  base = `http://127.0.0.1:${port}`;
  stopServer = () => child.kill('SIGTERM');
  process.on('exit', stopServer);
  if (!(await answers(`${base}/index.json`, 120_000))) {
    stopServer();
    console.error(`storybook dev did not answer on ${base}:\n${output}`);
    process.exit(1);
  }
} else {
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
  base = `http://127.0.0.1:${server.address().port}`;
  stopServer = () => server.close();
}

const index = await (await fetch(`${base}/index.json`)).json();
// Stories and Docs pages (the Docs pages are built from custom-elements.json).
let entries = Object.values(index.entries).filter((e) => e.type === 'story' || e.type === 'docs');
if (dev) {
  // One story and the Docs page of each component, and the whole-page story.
  const seen = new Set();
  entries = entries.filter((e) => {
    const key = `${e.title}:${e.type}`;
    if (e.tags?.includes('whole-page') || !seen.has(key)) return seen.add(key);
    return false;
  });
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

let passed = 0;
const failures = [];

/** Opens `url` in a new tab, waits for `root` to render, watching what a story must not do; `inspect(page, problems)` adds checks. */
async function visit(url, root, inspect) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.text().includes('Multiple versions of Lit loaded')) problems.push(`console: ${message.text()}`);
  });
  const expected = (u) => EXPECTED_MISSING.some((path) => u === `${base}${path}`);
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(base) && !expected(request.url())) problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    const u = response.url();
    if (response.status() >= 400 && u.startsWith(base) && !u.endsWith('/favicon.ico') && !expected(u)) problems.push(`HTTP ${response.status()}: ${u}`);
  });
  // Stories must not reach the network: anything not on 127.0.0.1 is blocked and reported.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const u = request.url();
    if (u.startsWith(base) || u.startsWith('data:') || u.startsWith('blob:')) return request.continue();
    problems.push(`request outside the Storybook: ${u}`);
    return request.abort();
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(
      (selector) => (document.querySelector(selector)?.children.length ?? 0) > 0 || document.body.classList.contains('sb-show-errordisplay'),
      { timeout: 30_000 },
      root,
    );
    const error = await page.evaluate(() => (document.body.classList.contains('sb-show-errordisplay') ? (document.querySelector('#error-message')?.textContent ?? 'error') : ''));
    if (error) problems.push(`Storybook error: ${error}`);
    else if (inspect) await inspect(page, problems);
    const litCopies = await page.evaluate(() => globalThis.litHtmlVersions?.length ?? 0);
    if (litCopies > 1) problems.push(`${litCopies} copies of lit-html on the page`);
  } catch (error) {
    problems.push(String(error.message ?? error));
  }
  await page.close();
  return problems;
}

let started = Date.now();
function record(id, problems) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  started = Date.now();
  console.log(`${problems.length ? '✘' : '✔'} ${id} (${seconds} s)`);
  if (problems.length) failures.push({ id, problems });
  else passed++;
}

/** The control a property of this type should have (`undefined`: any, or none, for objects). */
function controlFor(typeSummary) {
  const parts = (typeSummary ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined' && part !== 'null');
  if (parts.length === 1 && ['string', 'number', 'boolean'].includes(parts[0])) return { string: 'text', number: 'number', boolean: 'boolean' }[parts[0]];
  if (parts.length > 1 && parts.every((part) => /^(['"]).*\1$/.test(part))) return 'select';
  return undefined;
}

/** A story's controls: none for events, slots, CSS parts and CSS custom properties; the right one for each property. */
async function checkControls(page, problems) {
  const argTypes = await page.evaluate(() => {
    const story = globalThis.__STORYBOOK_PREVIEW__?.currentRender?.story;
    return story ? JSON.parse(JSON.stringify(story.argTypes)) : null;
  });
  if (!argTypes) return problems.push('the story and its argTypes could not be read');
  for (const [key, argType] of Object.entries(argTypes)) {
    const control = argType.control && !argType.control.disable ? (argType.control.type ?? 'a') : undefined;
    const category = argType.table?.category;
    if (['events', 'slots', 'css shadow parts', 'css custom properties'].includes(category) && control) {
      problems.push(`${key} (${category}) has a ${control} control`);
    }
    const wanted = (category === 'attributes' || category === 'properties') && controlFor(argType.table?.type?.summary);
    if (wanted && control !== wanted) problems.push(`${key} (${argType.table.type.summary}) has ${control ? `a ${control}` : 'no'} control instead of ${wanted}`);
  }
}

const squash = (text) => text.replace(/`/g, '').replace(/\s+/g, ' ').trim();

/** An element's Docs page shows the start of its description. */
function checkDescription(entry) {
  const tag = entry.title.split('/').pop();
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement && d.tagName === tag);
  if (!element) return undefined;
  return async (page, problems) => {
    if (!element.description) return problems.push(`<${tag}> has no description in custom-elements.json`);
    const expected = squash(element.description).slice(0, 60);
    const text = squash(await page.evaluate(() => document.querySelector('#storybook-docs')?.textContent ?? ''));
    if (!text.includes(expected)) problems.push(`the Docs page does not show the description of <${tag}> ("${expected}…")`);
  };
}

/** The text of the story, shadow roots included (run in the page). */
function storyText() {
  const walk = (root) => {
    let text = '';
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
      else if (node.nodeType === Node.ELEMENT_NODE && node.localName !== 'style' && node.localName !== 'script') {
        if (node.shadowRoot) text += ` ${walk(node.shadowRoot)} `;
        text += walk(node);
      }
    }
    return text;
  };
  return walk(document.querySelector('#storybook-root')).replace(/\s+/g, ' ');
}

/** The whole-page story in one language and theme: its text in that language, and no axe violation. */
function checkPage(lang) {
  return async (page, problems) => {
    await page.evaluate(`globalThis.storyText = ${storyText.toString()}`);
    const { present, absent } = PAGE_TEXT[lang];
    // The elements load the page's data, then render: wait for the text, or report what is missing.
    await page.waitForFunction((strings) => strings.every((s) => globalThis.storyText().includes(s)), { timeout: 30_000 }, present).catch(() => {});
    const text = await page.evaluate(() => globalThis.storyText());
    for (const s of present) if (!text.includes(s)) problems.push(`missing (${lang}): "${s}"`);
    for (const s of absent) if (text.includes(s)) problems.push(`not in ${lang}: "${s}"`);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await globalThis.axe.run(document.querySelector('#storybook-root'));
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    for (const v of violations) problems.push(`axe: ${v}`);
  };
}

if (dev) {
  // Vite pre-bundles dependencies on the first request and may reload the page once: warm it up.
  await visit(`${base}/iframe.html?id=${encodeURIComponent(entries.find((e) => e.type === 'story').id)}&viewMode=story`, '#storybook-root').catch(() => {});
  const page = await browser.newPage();
  const problems = [];
  try {
    await page.goto(`${base}/`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForSelector('#storybook-explorer-tree', { timeout: 60_000 });
    const text = await page.evaluate(() => document.body.innerText);
    if (/Get started/.test(text)) problems.push("the manager shows Storybook's onboarding checklist (\"Get started\")");
  } catch (error) {
    problems.push(String(error.message ?? error));
  }
  await page.close();
  record('manager UI', problems);
}

// One page at a time: a background tab gets no animation frames in headless Chromium.
for (const entry of entries) {
  const docs = entry.type === 'docs';
  const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${docs ? 'docs' : 'story'}`;
  if (entry.tags?.includes('whole-page')) {
    for (const lang of Object.keys(PAGE_TEXT)) {
      for (const theme of THEMES) {
        record(`${entry.id} (${lang}, ${theme})`, await visit(`${url}&globals=lang:${lang};theme:${theme}`, '#storybook-root', checkPage(lang)));
      }
    }
    continue;
  }
  record(entry.id, await visit(url, docs ? '#storybook-docs' : '#storybook-root', docs ? checkDescription(entry) : checkControls));
}
await browser.close();
stopServer();

const what = dev ? 'storybook dev' : 'storybook';
for (const f of failures) console.error(`✘ ${f.id}\n    ${f.problems.join('\n    ')}`);
console.log(`${what}: ${passed} passed, ${failures.length} failed (${passed + failures.length} pages: stories, Docs pages${dev ? ', the manager' : ''})`);
if (!dev) {
  mkdirSync('coverage', { recursive: true });
  writeFileSync('coverage/storybook-summary.json', JSON.stringify({ passed, failed: failures.length }));
}
process.exit(failures.length ? 1 : 0);

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function answers(url, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
