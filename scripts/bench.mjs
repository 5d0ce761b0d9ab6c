#!/usr/bin/env node
// `npm run bench` (builds first): rendering benchmarks in headless Chromium (puppeteer-core), each
// run in a fresh page of a fresh browser context, served from 127.0.0.1 by the demo server.
//   1. comment threads of 100, 1,000 and 10,000 comments (bench/thread.html): <mag-comment-thread>
//      from the drop-in bundle, and the vanilla baseline (bench/vanilla-thread.js: <template>
//      cloning + DOMPurify), alternately: first screen painted, all rendered, idle, longest task;
//   2. the ratios mag / vanilla;
//   3. the demo page (demo/index.html), rendered in the browser and on the server: first paint, the first
//      frame showing the article's text and what was downloaded by then, time until every element has
//      rendered, and its cumulative layout shift (from navigation; and after every element has rendered,
//      while the page is read to its end so that lazy images load: target 0);
//   4. the JS heap (after a forced GC) and DOM nodes after the 10,000-comment thread.
// Prints markdown tables and writes bench-results/latest.json. Not part of `npm test`.
//
// Long threads (mag only: the baseline renders everything in one task): 100,000 comments, and one comment
// with 60,000 replies (BENCH_RUNS_LONG runs each, default 2; BENCH_ONLY=long runs only these).
// Options (environment): BENCH_RUNS (default 7), BENCH_RUNS_10K (default 5), BENCH_SIZES
// (default 100,1000,10000), BENCH_ONLY=thread|demo, BENCH_PAGE (page size of the bench adapter;
// default: one page holding every comment), BENCH_BUNDLE (another build of the library to measure,
// a path under the repository, e.g. bench-results/variant.js), BENCH_VARIANTS (more builds measured
// alongside, for A/B comparisons: comma-separated paths, each reported as a row "mag:<path>"; an
// entry `vanilla&<query>` measures the baseline with the experiment options of bench/thread.js,
// e.g. `vanilla&purify=each`),
// CHROMIUM or CHROME_PATH (default /usr/bin/chromium).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { createDemoServer, listen } from './serve.mjs';

const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 7);
const RUNS_10K = Number(env.BENCH_RUNS_10K ?? 5);
const RUNS_LONG = Number(env.BENCH_RUNS_LONG ?? 2);
const SIZES = (env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const ONLY = env.BENCH_ONLY ?? '';
const PAGE = Number(env.BENCH_PAGE ?? 0);
const BUNDLE = env.BENCH_BUNDLE ? `/${env.BENCH_BUNDLE.replace(/^\/+/, '')}` : '';
const CHROMIUM = env.CHROMIUM ?? env.CHROME_PATH ?? '/usr/bin/chromium';
const VARIANTS = (env.BENCH_VARIANTS ?? '')
  .split(',')
  .filter(Boolean)
  .map((v) => (v.startsWith('vanilla&') ? v : `mag:/${v.replace(/^\/+/, '')}`));
const IMPLS = ['mag', 'vanilla', ...VARIANTS];
/** The page URL for one run: `mag`, `vanilla`, or `mag:<bundle path>`. */
const threadUrl = (n, impl) => {
  if (impl.startsWith('vanilla&')) return `${origin}/bench/thread.html?n=${n}&impl=${impl}${PAGE ? `&page=${PAGE}` : ''}`;
  const [name, bundle = BUNDLE] = impl.split(/:(.*)/);
  return `${origin}/bench/thread.html?n=${n}&impl=${name}${PAGE ? `&page=${PAGE}` : ''}${bundle ? `&bundle=${encodeURIComponent(bundle)}` : ''}`;
};

if (!existsSync('dist/cdn/mag-elements.js')) {
  console.error('dist/cdn/mag-elements.js is missing: run `npm run build` (npm run bench does it for you).');
  process.exit(1);
}

const pages = new Map();
const server = createDemoServer({ pages });
const port = await listen(server, Number(env.PORT ?? 8190));
const origin = `http://127.0.0.1:${port}`;
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  // A long thread keeps the page's main thread busy for minutes: calls into the page wait as long.
  protocolTimeout: 900_000,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-extensions',
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ],
});
const chromiumVersion = await browser.version();

/**
 * Opens `url` in a fresh context and page, waits for window.__benchResult, adds heap and DOM figures.
 * `imageDelay`: ms added to every image response (a slow network), so that a lazy image loads
 * while it is in view rather than before it gets there.
 */
async function measure(url, { inject, timeout = 180_000, bundle, imageDelay = 0 } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    if (inject) await page.evaluateOnNewDocument(inject);
    if (bundle || imageDelay) {
      // The demo page loads dist/cdn/mag-elements.js: serve the other build instead.
      const body = bundle ? readFileSync(`.${bundle}`) : undefined;
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (body && new URL(request.url()).pathname === '/dist/cdn/mag-elements.js') {
          void request.respond({ status: 200, contentType: 'text/javascript', body });
        } else if (imageDelay && request.resourceType() === 'image') {
          setTimeout(() => void request.continue(), imageDelay);
        } else {
          void request.continue();
        }
      });
    }
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__benchResult, { timeout, polling: 100 });
    const result = await page.evaluate(() => window.__benchResult);
    if (result.error) throw new Error(`${url}: ${result.error}`);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    // After the GC, so that DOM nodes only referenced by garbage (the sanitizer's parsed documents) are gone.
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    await cdp.detach();
    return {
      ...result,
      heapUsed: heap.usedSize,
      domNodes: metrics.Nodes,
      // Main-thread CPU time of the whole page (less sensitive to other load than wall-clock times).
      cpuMs: metrics.ThreadTime * 1000,
      taskMs: metrics.TaskDuration * 1000,
      scriptMs: metrics.ScriptDuration * 1000,
      layoutMs: metrics.LayoutDuration * 1000,
      styleMs: metrics.RecalcStyleDuration * 1000,
      layouts: metrics.LayoutCount,
      errors: errors.filter((e) => !/favicon\.ico/.test(e)),
    };
  } finally {
    await context.close();
  }
}

const stats = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return { median: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, min: v[0], max: v[v.length - 1], runs: v.length };
};
const ms = (s) => (s ? `${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})` : 'n/a');
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const METRICS = ['codeLoaded', 'firstScreen', 'inDom', 'allRendered', 'idle', 'longestTask', 'blockingTime', 'heapUsed', 'domNodes', 'cpuMs', 'taskMs', 'scriptMs', 'layoutMs', 'styleMs', 'layouts'];
const summarize = (runs) => Object.fromEntries(METRICS.map((m) => [m, stats(runs.map((r) => r[m]))]));

const machine = {
  date: new Date().toISOString(),
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memory: mb(totalmem()),
  loadAverageAtStart: loadavg().map((l) => l.toFixed(2)).join(' '),
  node: process.version,
  chromium: chromiumVersion,
};
try {
  machine.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  machine.commit = 'unknown';
}
const results = { machine, options: { runs: RUNS, runs10k: RUNS_10K, sizes: SIZES, pageSize: PAGE || 'all', bundle: BUNDLE || 'dist/cdn/mag-elements.js' }, thread: {}, demo: null };
const log = (...args) => console.error(...args);
log(`bench: ${origin}, ${machine.chromium}, ${machine.cpus}, load ${machine.loadAverageAtStart}`);

if (!ONLY || ONLY === 'thread') {
  for (const n of SIZES) {
    const runs = n >= 10_000 ? RUNS_10K : RUNS;
    const raw = Object.fromEntries(IMPLS.map((impl) => [impl, []]));
    // A warm-up pair (not counted), then the implementations alternate so that drifts in load hit both.
    for (let i = -1; i < runs; i++) {
      for (const impl of i % 2 ? IMPLS : [...IMPLS].reverse()) {
        const r = await measure(threadUrl(n, impl));
        if (r.bodies !== n) throw new Error(`${impl} rendered ${r.bodies} comment bodies of ${n}`);
        if (!r.sanitized) throw new Error(`${impl}: comment links did not get rel="nofollow ugc noopener"`);
        if (r.errors.length) throw new Error(`${impl}: ${r.errors.join('; ')}`);
        if (i >= 0) raw[impl].push(r);
        log(`  n=${n} ${impl} run ${i < 0 ? 'warm-up' : i + 1}: first screen ${Math.round(r.firstScreen)} ms, all rendered ${Math.round(r.allRendered)} ms, longest task ${r.longestTask} ms`);
      }
    }
    results.thread[n] = { ...Object.fromEntries(IMPLS.map((impl) => [impl, summarize(raw[impl])])), raw };
  }
}

if (!ONLY || ONLY === 'long') {
  results.long = {};
  for (const [name, query, n] of [
    ['100,000 comments', 'n=100000', 100_000],
    ['one comment and 60,000 replies to it', 'n=60001&shape=replies', 60_001],
  ]) {
    const raw = [];
    for (let i = 0; i < RUNS_LONG; i++) {
      const r = await measure(`${origin}/bench/thread.html?impl=mag&${query}${BUNDLE ? `&bundle=${encodeURIComponent(BUNDLE)}` : ''}`, { timeout: 900_000 });
      if (r.bodies !== n) throw new Error(`${name}: rendered ${r.bodies} comment bodies of ${n}`);
      raw.push(r);
      log(`  ${name} run ${i + 1}: first screen ${Math.round(r.firstScreen)} ms, all rendered ${Math.round(r.allRendered)} ms, longest task ${r.longestTask} ms`);
    }
    results.long[name] = { ...summarize(raw), raw };
  }
}

/** The bytes of `url` compressed with gzip, as a server that compresses would send them. */
const gzipped = async (url) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;

if (!ONLY || ONLY === 'demo') {
  const inject = readFileSync(new URL('../bench/demo-probe.js', import.meta.url), 'utf8');
  // The page rendered on the server once, served as a static file would be (a build step, or a cache).
  const { renderPage } = await import('../dist/server/render-page.js');
  pages.set('/demo/server-rendered.html', await renderPage(readFileSync('demo/index.html', 'utf8'), { baseUrl: pathToFileURL(resolve('demo')).href + '/' }));
  results.demo = {};
  for (const [name, path] of [['in the browser', '/demo/'], ['on the server', '/demo/server-rendered.html']]) {
    const raw = [];
    for (let i = -1; i < RUNS; i++) {
      const r = await measure(`${origin}${path}`, { inject, timeout: 60_000, bundle: BUNDLE, imageDelay: 500 });
      if (r.notRendered.length) log(`  demo (${name}): not rendered after 20 s: ${r.notRendered.join(', ')}`);
      if (r.errors.length) log(`  demo (${name}): ${r.errors.join('; ')}`);
      if (i >= 0) raw.push(r);
      log(`  demo (${name}) run ${i < 0 ? 'warm-up' : i + 1}: article text ${Math.round(r.articleText)} ms, all rendered ${Math.round(r.allRendered)} ms, longest task ${Math.round(r.longestTask)} ms, layout shift after render ${r.layoutShiftAfterRender.toFixed(3)}${r.shiftedAfterRender.length ? ` (${r.shiftedAfterRender.join(', ')})` : ''}`);
    }
    const resources = raw[0]?.articleResources ?? [];
    results.demo[name] = {
      elements: raw[0]?.elements ?? [],
      notRendered: [...new Set(raw.flatMap((r) => r.notRendered))],
      shiftedAfterRender: [...new Set(raw.flatMap((r) => r.shiftedAfterRender))],
      ...Object.fromEntries(
        ['firstContentfulPaint', 'articleText', 'allRendered', 'longestTask', 'blockingTime', 'heapUsed', 'domNodes', 'layoutShift', 'layoutShiftAfterRender'].map((m) => [m, stats(raw.map((r) => r[m]))]),
      ),
      beforeArticle: {
        files: resources.map((r) => new URL(r.url).pathname),
        bytes: resources.reduce((sum, r) => sum + r.bytes, 0),
        gzip: (await Promise.all(resources.map((r) => gzipped(r.url)))).reduce((sum, n) => sum + n, 0),
      },
      raw,
    };
  }
}

await browser.close();
server.close();
results.machine.loadAverageAtEnd = loadavg().map((l) => l.toFixed(2)).join(' ');

// ---- report ----
const out = [];
const p = (line = '') => out.push(line);
p(`Machine: ${machine.cpus}, ${machine.memory}, ${machine.chromium}, Node ${machine.node}; load average ${machine.loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end.`);
const sizes = Object.keys(results.thread).map(Number);
if (sizes.length) {
  p('Comment threads: ms from the start of the implementation (before its code is loaded), median (min–max); main-thread CPU of the whole page.');
  p();
  p('| comments | implementation | runs | first screen painted | all rendered (painted) | idle | longest task | total blocking time | main-thread CPU |');
  p('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    for (const impl of IMPLS) {
      const s = results.thread[n][impl];
      p(`| ${n.toLocaleString('en')} | ${impl} | ${s.firstScreen?.runs ?? 0} | ${ms(s.firstScreen)} | ${ms(s.allRendered)} | ${ms(s.idle)} | ${ms(s.longestTask)} | ${ms(s.blockingTime)} | ${ms(s.cpuMs)} |`);
    }
  }
  p();
  const mags = IMPLS.filter((impl) => impl !== 'vanilla');
  p(`| comments | ${mags.length > 1 ? 'implementation | ' : ''}first screen, mag / vanilla | all rendered, mag / vanilla | all rendered, paired | main-thread CPU, paired | target |`);
  p(`|---:|${mags.length > 1 ? '---|' : ''}---:|---:|---:|---:|---|`);
  const ratio = (n, m, impl = 'mag') => results.thread[n][impl][m].median / results.thread[n].vanilla[m].median;
  // The median of the run-by-run ratios (run i of an implementation against run i of the baseline,
  // measured back to back): steadier than the ratio of the medians when the machine's load drifts.
  const paired = (n, m, impl) => {
    const raw = results.thread[n].raw;
    return stats(raw[impl].map((r, i) => r[m] / raw.vanilla[i]?.[m]))?.median ?? NaN;
  };
  for (const n of sizes) {
    for (const impl of mags) {
      const target = n === 1000 ? `all rendered ≤ 1.2× vanilla: ${ratio(n, 'allRendered', impl) <= 1.2 ? '✔' : '✘'}` : '';
      results.thread[n][impl].ratios = {
        firstScreen: ratio(n, 'firstScreen', impl),
        allRendered: ratio(n, 'allRendered', impl),
        allRenderedPaired: paired(n, 'allRendered', impl),
        cpuPaired: paired(n, 'cpuMs', impl),
      };
      const { allRenderedPaired, cpuPaired } = results.thread[n][impl].ratios;
      p(`| ${n.toLocaleString('en')} | ${mags.length > 1 ? `${impl} | ` : ''}${ratio(n, 'firstScreen', impl).toFixed(2)} | ${ratio(n, 'allRendered', impl).toFixed(2)} | ${allRenderedPaired.toFixed(2)} | ${cpuPaired.toFixed(2)} | ${target} |`);
    }
  }
  if (sizes.length > 1) {
    p();
    results.firstScreenGrowth = {};
    for (const impl of IMPLS) {
      const small = results.thread[Math.min(...sizes)][impl].firstScreen;
      const large = results.thread[Math.max(...sizes)][impl].firstScreen;
      results.firstScreenGrowth[impl] = large.median / small.median;
      p(`${impl} first screen, ${Math.max(...sizes).toLocaleString('en')} vs ${Math.min(...sizes).toLocaleString('en')} comments: ${results.firstScreenGrowth[impl].toFixed(2)}×.`);
    }
  }
  const big = results.thread[Math.max(...sizes)];
  p();
  p(`| after ${Math.max(...sizes).toLocaleString('en')} comments (forced GC) | JS heap used | DOM nodes | style recalc | layout | layouts |`);
  p('|---|---:|---:|---:|---:|---:|');
  for (const impl of IMPLS) {
    const s = big[impl];
    p(`| ${impl} | ${mb(s.heapUsed.median)} (${mb(s.heapUsed.min)}–${mb(s.heapUsed.max)}) | ${Math.round(s.domNodes.median).toLocaleString('en')} | ${ms(s.styleMs)} | ${ms(s.layoutMs)} | ${ms(s.layouts)} |`);
  }
}
if (results.long) {
  p();
  p('Long threads (mag only), ms from the start: the first screen, the longest task the page had (what a reader typing or scrolling would wait for), and every comment rendered.');
  p();
  p('| thread | runs | first screen painted | longest task | all rendered | JS heap used | DOM nodes |');
  p('|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, s] of Object.entries(results.long)) {
    p(`| ${name} | ${s.firstScreen?.runs ?? 0} | ${ms(s.firstScreen)} | ${ms(s.longestTask)} | ${ms(s.allRendered)} | ${s.heapUsed ? mb(s.heapUsed.median) : 'n/a'} | ${s.domNodes ? Math.round(s.domNodes.median).toLocaleString('en') : 'n/a'} |`);
  }
}
if (results.demo) {
  const [browserRendered, serverRendered] = Object.values(results.demo);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const counts = browserRendered.elements.reduce((m, e) => m.set(e, (m.get(e) ?? 0) + 1), new Map());
  const names = [...counts].map(([e, c]) => (c > 1 ? `${e} ×${c}` : e)).join(', ');
  p();
  p(`Demo page (${browserRendered.elements.length} elements: ${names}), rendered in the browser (/demo/) and on the server (/demo/server-rendered.html, rendered once and served as a file); ms from navigation start, median (min–max).`);
  p();
  p('| demo page | in the browser | on the server |');
  p('|---|---:|---:|');
  p(`| first contentful paint | ${ms(browserRendered.firstContentfulPaint)} | ${ms(serverRendered.firstContentfulPaint)} |`);
  p(`| first frame showing the article's text | ${ms(browserRendered.articleText)} | ${ms(serverRendered.articleText)} |`);
  p(`| every element rendered by the script | ${ms(browserRendered.allRendered)} | ${ms(serverRendered.allRendered)} |`);
  p(`| longest task | ${ms(browserRendered.longestTask)} | ${ms(serverRendered.longestTask)} |`);
  p(`| downloaded before the article's text shows (gzip) | ${kb(browserRendered.beforeArticle.gzip)} | ${kb(serverRendered.beforeArticle.gzip)} |`);
  p(`| … uncompressed | ${kb(browserRendered.beforeArticle.bytes)} | ${kb(serverRendered.beforeArticle.bytes)} |`);
  p(`| … files | ${browserRendered.beforeArticle.files.join(', ')} | ${serverRendered.beforeArticle.files.join(', ')} |`);
  p(`| JS heap used (forced GC) | ${browserRendered.heapUsed ? mb(browserRendered.heapUsed.median) : 'n/a'} | ${serverRendered.heapUsed ? mb(serverRendered.heapUsed.median) : 'n/a'} |`);
  const shift = (s) => (s ? `${s.median.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})` : 'n/a');
  p(`| cumulative layout shift from navigation (includes the loading placeholders replaced by the data) | ${shift(browserRendered.layoutShift)} | ${shift(serverRendered.layoutShift)} |`);
  const late = (d) => `${shift(d.layoutShiftAfterRender)} ${d.layoutShiftAfterRender?.max === 0 ? '✔' : '✘'}`;
  p(`| cumulative layout shift after every element rendered, the page read to its end, images 500 ms late (target 0) | ${late(browserRendered)} | ${late(serverRendered)} |`);
  for (const d of [browserRendered, serverRendered]) {
    if (d.shiftedAfterRender.length) p(`\nShifted after render: ${d.shiftedAfterRender.join(', ')}.`);
    if (d.notRendered.length) p(`\nNot rendered within 20 s: ${d.notRendered.join(', ')}.`);
  }
}
console.log(out.join('\n'));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
log('\nSaved bench-results/latest.json');
