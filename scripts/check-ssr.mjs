#!/usr/bin/env node
// `npm test` (after the build): server rendering (dist/server/render-page.js) and the built drop-in bundle
// in Debian's headless Chromium. Pages are rendered on the server from each kind of data source: the
// demo's JSON file, inline JSON with hostile HTML, the feed adapter (the feed fixture server), the real
// seeded WordPress (scripts/backends/wordpress.mjs), and `renderPage(html, { adapter })` for elements
// outside any provider. Each page is then opened:
//   1. with scripts blocked (`Content-Security-Policy: script-src 'none'`): every element's text is
//      there, links have their address, hostile HTML in the data is inert;
//   2. with the drop-in bundle: no data request while the elements take over the page, no console
//      error or warning, the same text as without scripts, and the elements respond (load more,
//      reply, print).
// Run after `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startFeedServer } from './backends/feed-server.mjs';
import { startWordPress } from './backends/wordpress.mjs';
import { createDemoServer, listen } from './serve.mjs';

if (!existsSync('dist/server/render-page.js') || !existsSync('dist/cdn/mag-elements.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const { renderPage } = await import('../dist/server/render-page.js');
const { JsonAdapter } = await import('../dist/adapters/json/json-adapter.js');

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✔' : '✘'} ${message}`);
  if (!ok) failures.push(message);
};

const root = new URL('../', import.meta.url);
const demoPage = readFileSync(new URL('demo/index.html', root), 'utf8');
const demoData = JSON.parse(readFileSync(new URL('demo/data/le-mag.json', root), 'utf8'));

/** Inline data: an open article with three comments (two per page) and hostile HTML in every HTML field. */
const HOSTILE = '<img src="x" onerror="window.__pwned=1"><script>window.__pwned=1</script><a href="javascript:window.__pwned=1">link</a><iframe src="https://evil.example/"></iframe>';
const inlineData = {
  version: 1,
  site: { title: 'Hostile', url: '/' },
  commentsPageSize: 2,
  articles: [
    {
      id: 'a',
      title: 'A <b>title</b> with markup',
      published: '2024-05-01T10:00:00Z',
      bodyHtml: `<p>Body text.</p>${HOSTILE}`,
      commentsOpen: true,
      author: { name: 'Writer', url: 'javascript:window.__pwned=1' },
    },
  ],
  comments: {
    a: [1, 2, 3].map((n) => ({ id: `c${n}`, author: { name: `Reader ${n}` }, published: `2024-05-0${n + 1}T10:00:00Z`, bodyHtml: `<p>Comment ${n}</p>${HOSTILE}` })),
  },
  about: { site: { title: 'About <i>us</i>', bioHtml: `<p>Bio.</p>${HOSTILE}` } },
};
// JSON in HTML: `<` written `\u003c`, as docs/security.md says.
const inlinePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inline</title>
<script type="module" src="/dist/cdn/mag-elements.js"></script></head><body>
<mag-provider><script type="application/json">${JSON.stringify(inlineData).replace(/</g, '\\u003c')}</script>
<mag-article article-id="a"></mag-article>
<mag-comment-thread article-id="a"></mag-comment-thread>
<mag-about-box key="site"></mag-about-box>
</mag-provider></body></html>`;

const wp = await startWordPress({ log: () => {} });
const feeds = await startFeedServer();
const served = new Map();
const server = createDemoServer({ pages: served });
let browser;
try {
  const port = await listen(server, 0);
  const origin = `http://127.0.0.1:${port}`;
  const fileBase = (path) => pathToFileURL(new URL(path, root).pathname).href;

  const pages = {
    json: {
      path: '/demo/ssr-json.html',
      html: await renderPage(demoPage, { baseUrl: fileBase('demo/') }),
      dataRequests: /\/demo\/data\//,
      expect: {
        'mag-article': ["Le numérique, c'est la proximité", 'par Claudy Lebreton', 'Publié dans', 'Lutter contre le gaspillage alimentaire'],
        'mag-comment-thread': ['1 commentaire', 'Dulucq', 'Le pilotage par le Pays est une bonne proposition', "L'utilisation des commentaires est désactivée pour cette note."],
        'mag-comment-feed-link': ['flux de commentaires'],
        'mag-recent-contributions': ['Dernières contributions sur Le Mag', 'Un vrai pacte'],
        'mag-about-box': ['La République des Territoires - Le Mag', 'Merci de vos contributions au débat'],
        'mag-video-list': ['Vidéos', 'Ouverture du marché avec Claudy Lebreton', '2:34'],
      },
    },
    inline: {
      path: '/demo/ssr-inline.html',
      html: await renderPage(inlinePage, { baseUrl: origin + '/demo/' }),
      dataRequests: /\/demo\/data\//,
      expect: {
        'mag-article': ['A <b>title</b> with markup', 'Body text.', 'by Writer'],
        'mag-comment-thread': ['3 comments', 'Reader 1', 'Comment 2', 'Show more comments'],
        'mag-about-box': ['About <i>us</i>', 'Bio.'],
      },
    },
    feed: {
      path: '/demo/ssr-feed.html',
      html: await renderPage(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/cdn/mag-elements.js"></script></head><body>
<mag-provider adapter="feed" src="${feeds.url}/feeds/typepad.atom">
<mag-article article-id="swifts-are-back"></mag-article>
<mag-comment-thread article-id="swifts-are-back"></mag-comment-thread>
<mag-recent-contributions limit="3"></mag-recent-contributions>
</mag-provider></body></html>`,
      ),
      dataRequests: new RegExp(`^${feeds.url}`),
      expect: {
        'mag-article': ['Swifts are back', 'Rachel Carson', 'Ten of them, screaming.'],
        'mag-comment-thread': ['comments'],
        'mag-recent-contributions': ['Swifts are back'],
      },
    },
    wordpress: {
      path: '/demo/ssr-wordpress.html',
      html: await renderPage(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/cdn/mag-elements.js"></script></head><body>
<mag-provider adapter="wordpress" endpoint="${wp.url}/wp-json">
<mag-article article-id="tips-and-tricks"></mag-article>
<mag-comment-thread article-id="tips-and-tricks"></mag-comment-thread>
<mag-recent-contributions limit="3"></mag-recent-contributions>
<mag-about-box key="site"></mag-about-box>
</mag-provider></body></html>`,
      ),
      dataRequests: new RegExp(`^${wp.url}/wp-json`),
      expect: {
        'mag-article': ['Tips & Tricks: “Smart” quotes aren’t dumb', 'Why it matters'],
        'mag-comment-thread': ['6 comments', 'Marie Curie', 'Last word.'],
        'mag-recent-contributions': ['Letters to the editor'],
      },
    },
    pageAdapter: {
      path: '/demo/ssr-page-adapter.html',
      html: await renderPage(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><script type="module">
import { provideAdapter, JsonAdapter } from '/dist/cdn/mag-elements.js';
provideAdapter(document.body, new JsonAdapter({ url: '/demo/data/le-mag.json' }));
</script></head><body>
<mag-article article-id="le-numerique-c-est-la-proximite"></mag-article>
<mag-recent-contributions limit="2"></mag-recent-contributions>
</body></html>`,
        { adapter: new JsonAdapter({ data: demoData }) },
      ),
      dataRequests: /\/demo\/data\//,
      expect: {
        'mag-article': ["Le numérique, c'est la proximité", 'Claudy Lebreton'],
        'mag-recent-contributions': ['Les marchés de pays'],
      },
    },
  };

  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  for (const page of Object.values(pages)) served.set(page.path, page.html);

  /** Opens a rendered page; `scripts: false` serves it with `script-src 'none'`. Returns the page and what it asked for and said. */
  async function open(page, { scripts }) {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    const requests = [];
    const messages = [];
    tab.on('console', (message) => {
      if (['warn', 'warning', 'error'].includes(message.type())) messages.push(message.text());
    });
    tab.on('pageerror', (error) => messages.push(String(error)));
    tab.on('request', (request) => requests.push(request.url()));
    await tab.goto(`${origin}${page.path}${scripts ? '' : '?scripts=none'}`, { waitUntil: 'load' });
    return { tab, context, requests, messages };
  }

  /**
   * Each mag-* element's shadow text (whitespace collapsed), by tag (several of a tag: joined). A video's
   * play control is left out: without scripts a link to the video's page, with them a button whose name
   * is only for assistive technology.
   */
  const texts = (tab) =>
    tab.evaluate(() => {
      const out = {};
      for (const el of document.querySelectorAll('*')) {
        if (!el.localName.startsWith('mag-') || el.localName === 'mag-provider' || !el.shadowRoot) continue;
        const clone = document.createElement('div');
        for (const child of el.shadowRoot.childNodes) clone.append(child.cloneNode(true));
        for (const hidden of clone.querySelectorAll('style, .live, [part~="play"]')) hidden.remove();
        out[el.localName] = `${out[el.localName] ?? ''} ${clone.textContent}`.replace(/\s+/g, ' ').trim();
      }
      return out;
    });

  /** What would let data run as code: script elements, event handler attributes, javascript: URLs, frames. */
  const hostileLeft = (tab) =>
    tab.evaluate(() => {
      const found = [];
      const visit = (rootNode) => {
        for (const node of rootNode.querySelectorAll('*')) {
          // Scripts of the data: in a shadow root, or in a provider (its JSON children aside).
          const inData = rootNode !== document || node.closest('mag-provider');
          if (node.localName === 'script' && inData && node.getAttribute('type') !== 'application/json') found.push('script');
          if (node.localName === 'iframe') found.push('iframe');
          for (const { name, value } of node.attributes) {
            if (/^on/i.test(name)) found.push(`${node.localName}[${name}]`);
            if (/^\s*javascript:/i.test(value)) found.push(`${node.localName}[${name}=javascript:]`);
          }
          if (node.shadowRoot) visit(node.shadowRoot);
        }
      };
      visit(document);
      return found;
    });

  for (const [name, page] of Object.entries(pages)) {
    // 1. Scripts blocked.
    const blocked = await open(page, { scripts: false });
    const before = await texts(blocked.tab);
    for (const [tag, words] of Object.entries(page.expect)) {
      const text = before[tag] ?? '';
      const missing = words.filter((word) => !text.includes(word));
      check(!missing.length, `${name}, scripts blocked: <${tag}> shows ${missing.length ? `its text (missing: ${missing.join(' | ')}; shown: "${text.slice(0, 160)}")` : 'its text'}`);
    }
    const links = await blocked.tab.evaluate(() => [...document.querySelectorAll('mag-article, mag-recent-contributions')].flatMap((el) => [...el.shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href'))));
    check(links.some(Boolean) && !links.some((href) => /^\s*javascript:/i.test(href ?? '')), `${name}, scripts blocked: links have their address (${links.filter(Boolean).length})`);
    // A `</script>` in the data ends a snapshot early unless every `<` is written `\u003c`: each must parse whole.
    const snapshots = await blocked.tab.evaluate(() =>
      [...document.querySelectorAll('script[data-mag-snapshot]')].map((script) => {
        try {
          return JSON.parse(script.textContent).version === 1;
        } catch {
          return false;
        }
      }),
    );
    check(snapshots.length > 0 && snapshots.every(Boolean), `${name}, scripts blocked: every snapshot is whole JSON (${snapshots.length})`);
    check((await hostileLeft(blocked.tab)).length === 0, `${name}, scripts blocked: nothing in the data can run (${(await hostileLeft(blocked.tab)).join(', ') || 'none'})`);
    check(!(await blocked.tab.evaluate(() => 'customElements' in window && customElements.get('mag-article'))), `${name}, scripts blocked: no element was defined (the page is read as a document)`);
    const deadButtons = await blocked.tab.evaluate(() =>
      [...document.querySelectorAll('mag-article, mag-comment-thread')].flatMap((el) =>
        [...el.shadowRoot.querySelectorAll('button, form')].filter((node) => node.checkVisibility()).map((node) => `${el.localName} ${node.getAttribute('part')}`),
      ),
    );
    check(deadButtons.length === 0, `${name}, scripts blocked: no button or form that needs scripts is shown (${deadButtons.join(', ') || 'none'})`);
    if (page.expect['mag-video-list']) {
      const plays = await blocked.tab.evaluate(() =>
        [...document.querySelectorAll('mag-video-list')].flatMap((el) => [...el.shadowRoot.querySelectorAll('[part~="play"]')].map((node) => `${node.localName} ${node.getAttribute('href') ?? ''}`)),
      );
      check(plays.length > 0 && plays.every((play) => /^a \S/.test(play)), `${name}, scripts blocked: each video's thumbnail links to its page (${plays.join(', ') || 'none'})`);
    }
    await blocked.context.close();

    // 2. With the drop-in bundle.
    const live = await open(page, { scripts: true });
    await live.tab.waitForFunction(() => customElements.get('mag-article') && [...document.querySelectorAll('mag-article, mag-comment-thread, mag-recent-contributions, mag-about-box, mag-comment-feed-link, mag-video-list')].every((el) => el.hasUpdated), { timeout: 20_000, polling: 50 });
    const after = await texts(live.tab);
    const dataRequests = live.requests.filter((url) => page.dataRequests.test(url));
    check(dataRequests.length === 0, `${name}, with scripts: no data request while the elements take over (${dataRequests.join(', ') || 'none'})`);
    check(live.messages.length === 0, `${name}, with scripts: no console error or warning (${live.messages.join(' | ') || 'none'})`);
    for (const tag of Object.keys(page.expect)) {
      check(after[tag] === before[tag], `${name}, with scripts: <${tag}> shows the same text as without scripts${after[tag] === before[tag] ? '' : ` ("${before[tag]?.slice(0, 120)}" / "${after[tag]?.slice(0, 120)}")`}`);
    }
    check(!(await live.tab.evaluate(() => window.__pwned)), `${name}, with scripts: nothing in the data ran`);
    check((await hostileLeft(live.tab)).length === 0, `${name}, with scripts: nothing in the data can run`);

    // The elements respond.
    const printed = await live.tab.evaluate(() => {
      const article = document.querySelector('mag-article');
      let fired = false;
      article.addEventListener('mag-print', (event) => {
        fired = true;
        event.preventDefault();
      });
      article.shadowRoot.querySelector('[part="print"]').click();
      return fired;
    });
    check(printed, `${name}, with scripts: the print button works (mag-print)`);
    if (page.expect['mag-video-list']) {
      const buttons = await live.tab.evaluate(() => [...document.querySelector('mag-video-list').shadowRoot.querySelectorAll('button[part~="play"]')].map((button) => button.textContent.replace(/\s+/g, ' ').trim()));
      check(buttons.length > 0, `${name}, with scripts: the videos have their play buttons (${buttons.join(', ') || 'none'})`);
      const videoHosts = live.requests.filter((url) => /youtube|ytimg|vimeo|dailymotion|dmcdn/.test(new URL(url).hostname));
      check(videoHosts.length === 0, `${name}, with scripts: nothing asked of a video host before play (${videoHosts.join(', ') || 'none'})`);
    }
    if (name === 'inline') {
      await live.tab.evaluate(() => document.querySelector('mag-comment-thread').shadowRoot.querySelector('[part="load-more"]').click());
      const more = await live.tab
        .waitForFunction(() => document.querySelector('mag-comment-thread').shadowRoot.querySelectorAll('article[data-comment-id]').length === 3, { timeout: 10_000 })
        .then(() => true, () => false);
      check(more, 'inline, with scripts: "Show more comments" loads the next page');
    }
    if (name === 'wordpress') {
      await live.tab.evaluate(() => document.querySelector('mag-comment-thread').shadowRoot.querySelector('[part="reply-button"]').click());
      const replying = await live.tab
        .waitForFunction(() => document.querySelector('mag-comment-thread').shadowRoot.querySelector('li form [part="form-title"]'), { timeout: 10_000 })
        .then(() => true, () => false);
      check(replying, 'wordpress, with scripts: "Reply" opens the form under the comment');
    }
    await live.context.close();
  }
} finally {
  await browser?.close();
  server.close();
  await feeds.stop();
  await wp.stop();
}

console.log(failures.length ? `\n${failures.length} check(s) failed.` : '\nServer rendering: every check passed.');
process.exit(failures.length ? 1 : 0);
