#!/usr/bin/env node
// `npm test` (after the build): the built drop-in bundle (dist/cdn/) in Debian's headless Chromium, on the
// demo page served by scripts/serve.mjs and fed by the real seeded WordPress (scripts/backends/wordpress.mjs):
//   1. the demo page with its JSON data fetches dist/cdn/mag-elements.js and no adapter file;
//   2. ?adapter=wordpress fetches dist/cdn/adapters/wordpress.js (not feed.js) and shows the WordPress article;
//   3. ?adapter=feed (WordPress's RSS feed) fetches dist/cdn/adapters/feed.js (not wordpress.js) and shows it;
//   4. when adapters/wordpress.js fails to load (404 once), every element shows the error, and one
//      retry loads the file and shows every element's data;
//   5. a script importing WordPressAdapter from dist/cdn/adapters/wordpress.js and provideAdapter from
//      dist/cdn/mag-elements.js gets one copy of the library (mag-elements.js fetched once, no warning).
// Run after `npm run build`.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startWordPress } from './backends/wordpress.mjs';
import { createDemoServer, listen } from './serve.mjs';

if (!existsSync('dist/cdn/mag-elements.js')) {
  console.error('dist/cdn/mag-elements.js is missing: run `npm run build` first.');
  process.exit(1);
}

const scriptPage = 'tmp/check-drop-in.html';
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✔' : '✘'} ${message}`);
  if (!ok) failures.push(message);
};

const wp = await startWordPress({ log: () => {} });
const server = createDemoServer();
let browser;
try {
  const port = await listen(server, 0);
  const origin = `http://127.0.0.1:${port}`;
  const endpoint = `${wp.url}/wp-json`;
  const wordpressPage = `${origin}/demo/?adapter=wordpress&endpoint=${encodeURIComponent(endpoint)}&article=tips-and-tricks`;
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  /**
   * Opens `url` in a fresh context; `respond(path, count)` may answer a dist/cdn/ request itself
   * (count: how many times that path was asked for, this one included). Returns the page, the
   * dist/cdn/ paths fetched (in order) and the console warnings.
   */
  async function open(url, { respond } = {}) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const fetched = [];
    const warnings = [];
    const errors = [];
    page.on('console', (message) => {
      if (['warn', 'warning', 'error'].includes(message.type())) warnings.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/dist/cdn/')) fetched.push(pathname);
      const answer = respond?.(pathname, fetched.filter((p) => p === pathname).length);
      if (answer) return void request.respond(answer);
      return void request.continue();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, context, fetched, warnings, errors };
  }

  /** The text of `selector` in the shadow root of the first `tag`, once `ready(text)` holds. */
  const shadowText = (page, tag, selector, timeout = 20_000) =>
    page
      .waitForFunction(
        (t, s) => {
          const el = document.querySelector(t)?.shadowRoot?.querySelector(s);
          return el ? el.textContent.replace(/\s+/g, ' ').trim() : false;
        },
        { timeout, polling: 100 },
        tag,
        selector,
      )
      .then((handle) => handle.jsonValue())
      .catch(() => undefined);
  const adapterFiles = (fetched) => fetched.filter((p) => p.startsWith('/dist/cdn/adapters/'));

  // 1. JSON data: the entry only.
  {
    const { page, context, fetched, errors } = await open(`${origin}/demo/`);
    const title = await shadowText(page, 'mag-article', '[part="title"]');
    check(title === "Le numérique, c'est la proximité", `demo page (JSON): the article is shown (${title})`);
    await new Promise((r) => setTimeout(r, 300));
    check(fetched.filter((p) => p.endsWith('.js')).join() === '/dist/cdn/mag-elements.js', `demo page (JSON): only dist/cdn/mag-elements.js is fetched (${fetched.join(', ')})`);
    check(errors.length === 0, `demo page (JSON): no page error ${errors.join('; ')}`);
    await context.close();
  }

  // 2. adapter="wordpress": its file, on demand.
  {
    const { page, context, fetched, errors } = await open(wordpressPage);
    const title = await shadowText(page, 'mag-article', '[part="title"]');
    check(/Tips/.test(title ?? ''), `adapter="wordpress": the WordPress article is shown (${title})`);
    const files = adapterFiles(fetched);
    check(files.includes('/dist/cdn/adapters/wordpress.js') && !files.includes('/dist/cdn/adapters/feed.js'), `adapter="wordpress": fetches adapters/wordpress.js, not feed.js (${files.join(', ')})`);
    check(fetched.filter((p) => p === '/dist/cdn/mag-elements.js').length === 1, 'adapter="wordpress": mag-elements.js is fetched once');
    check(errors.length === 0, `adapter="wordpress": no page error ${errors.join('; ')}`);
    await context.close();
  }

  // 3. adapter="feed": its file, on demand.
  {
    const article = encodeURIComponent(`${wp.url}/2024/02/14/tips-and-tricks/`);
    const { page, context, fetched, errors } = await open(`${origin}/demo/?adapter=feed&src=${encodeURIComponent(`${wp.url}/feed/`)}&article=${article}`);
    const title = await shadowText(page, 'mag-article', '[part="title"]');
    check(/Tips/.test(title ?? ''), `adapter="feed": the article of WordPress's RSS feed is shown (${title})`);
    const files = adapterFiles(fetched);
    check(files.includes('/dist/cdn/adapters/feed.js') && !files.includes('/dist/cdn/adapters/wordpress.js'), `adapter="feed": fetches adapters/feed.js, not wordpress.js (${files.join(', ')})`);
    check(errors.length === 0, `adapter="feed": no page error ${errors.join('; ')}`);
    await context.close();
  }

  // 4. The adapter's file fails to load once: the error in every element, then a retry.
  {
    const { page, context, fetched, warnings } = await open(wordpressPage, {
      respond: (path, count) => (path === '/dist/cdn/adapters/wordpress.js' && count === 1 ? { status: 404, contentType: 'text/plain', body: 'not found' } : undefined),
    });
    const articleError = await shadowText(page, 'mag-article', '[role="alert"]');
    const recentError = await shadowText(page, 'mag-recent-contributions', '[role="alert"]');
    check(!!articleError && !!recentError, `file missing: the article and the recent list show an error (${articleError} | ${recentError})`);
    check(warnings.some((w) => w.includes('The code of the WordPress adapter could not be loaded')), `file missing: the console names the problem (${warnings.find((w) => w.includes('WordPress')) ?? warnings[0]})`);
    await page.evaluate(() => document.querySelector('mag-article').shadowRoot.querySelector('button[part="retry"]').click());
    const title = await shadowText(page, 'mag-article', '[part="title"]');
    check(/Tips/.test(title ?? ''), `file missing: the retry loads the file and shows the article (${title})`);
    const recent = await shadowText(page, 'mag-recent-contributions', 'li');
    check(!!recent, 'file missing: after the retry, the other elements show their data too');
    check(fetched.filter((p) => p === '/dist/cdn/adapters/wordpress.js').length === 2, 'file missing: the retry fetched adapters/wordpress.js again');
    await context.close();
  }

  // 5. Scripts: the adapter's file shares the library with mag-elements.js.
  {
    const html = `<!doctype html><html lang="en"><body>
      <mag-article article-id="tips-and-tricks"></mag-article>
      <script type="module">
        import { provideAdapter, MagArticle } from '/dist/cdn/mag-elements.js';
        import { WordPressAdapter } from '/dist/cdn/adapters/wordpress.js';
        provideAdapter(document.body, new WordPressAdapter({ endpoint: ${JSON.stringify(endpoint)} }));
        document.body.append(document.querySelector('mag-article'));
        window.__sameClass = customElements.get('mag-article') === MagArticle;
      </script></body></html>`;
    // Served by the demo server like any page (a page answered by puppeteer itself may not reach 127.0.0.1).
    mkdirSync('tmp', { recursive: true });
    writeFileSync(scriptPage, html);
    const { page, context, fetched, warnings, errors } = await open(`${origin}/${scriptPage}`);
    const title = await shadowText(page, 'mag-article', '[part="title"]');
    check(/Tips/.test(title ?? ''), `script: WordPressAdapter from dist/cdn/adapters/wordpress.js feeds the elements (${title})`);
    check(fetched.filter((p) => p === '/dist/cdn/mag-elements.js').length === 1, 'script: mag-elements.js is fetched once (one copy of the library)');
    check(await page.evaluate(() => window.__sameClass), 'script: one registration of the elements');
    check(!warnings.some((w) => /another copy|second copy|multiple versions/i.test(w)), `script: no duplicate-library warning ${warnings.join('; ')}`);
    check(errors.length === 0, `script: no page error ${errors.join('; ')}`);
    await context.close();
  }
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.error(error);
} finally {
  await browser?.close();
  rmSync(scriptPage, { force: true });
  await new Promise((r) => server.close(() => r()));
  await wp.stop();
}

console.log(`drop-in: ${failures.length ? `${failures.length} problem(s)` : 'the adapters load on demand, and only then'}`);
process.exit(failures.length ? 1 : 0);
