#!/usr/bin/env node
// `npm run bench:import` (builds first): what importing a large Typepad export costs, and what a page
// downloads to show one article of it.
//   1. generates an export of 3,000 entries and 30,000 comments (scripts/mt-export-generator.mjs);
//   2. runs `mag-elements import-mt` on it, split layout then single file, each in a fresh Node
//      process, BENCH_RUNS times (default 3): wall time, CPU time (user + system; less sensitive to
//      the other work of the machine) and peak memory (maximum resident set size);
//   3. times the phases of the import in a fresh process (read, importMovableType, validateData,
//      toSplitLayout and writing) with the heap used after the import;
//   4. measures the bytes needed to show one article: the single file, against the split layout's
//      index.json + that article's file (median article, and the article with the most comments),
//      raw and compressed (gzip -9, brotli -11);
//   5. shows the median article in Chromium (the drop-in bundle; a local server that compresses
//      JSON with gzip, as web servers do), fed by the split layout's folder, then by the single
//      file, BENCH_RUNS times each with an empty cache: the data files the page requests, the bytes
//      transferred and decoded, and the time from navigation to the article, its comments and the
//      recent list shown.
// Prints markdown tables and writes bench-results/import.json. Not part of `npm test`.
// Options (environment): BENCH_RUNS (default 3), BENCH_ENTRIES (3000), BENCH_COMMENTS (30000),
// CHROME_PATH (default /usr/bin/chromium; without a browser there, step 5 is left out).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 3000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 30000);
const DIR = 'bench-results/import';
const EXPORT = join(DIR, 'export.txt');
const OPTIONS = ['--timezone', 'Europe/Paris', '--old-base-url', 'https://lemag.typepad.com/', '--new-base-url', 'https://example.org/mag/', '--media-base', '/media/', '--quiet'];

// Child mode: one import, its phases timed, in this fresh process.
if (process.argv[2] === '--phases') {
  const api = await import('../dist/import/index.js');
  const at = () => performance.now();
  const t0 = at();
  const bytes = readFileSync(EXPORT);
  const t1 = at();
  const { data } = api.importMovableType(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { timezone: 'Europe/Paris', oldBaseUrl: 'https://lemag.typepad.com/', mediaBase: '/media/' });
  const t2 = at();
  const heapAfterImport = process.memoryUsage().heapUsed;
  const problems = api.validateData(data).length;
  const t3 = at();
  const files = api.toSplitLayout(data);
  const out = join(DIR, 'phases');
  rmSync(out, { recursive: true, force: true });
  for (const { path, content } of files) {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), JSON.stringify(content));
  }
  const t4 = at();
  process.stdout.write(JSON.stringify({ read: t1 - t0, import: t2 - t1, validate: t3 - t2, split: t4 - t3, problems, heapAfterImport, maxRss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

if (!existsSync('dist/import/index.js')) {
  console.error('dist/import/index.js is missing: run `npm run build` (npm run bench:import does it for you).');
  process.exit(1);
}
const { generateMovableTypeExport } = await import('./mt-export-generator.mjs');
const log = (...args) => console.error(...args);
mkdirSync(DIR, { recursive: true });

const generated = generateMovableTypeExport({ entries: ENTRIES, comments: COMMENTS });
writeFileSync(EXPORT, generated.text);
const exportBytes = Buffer.byteLength(generated.text);
log(`bench:import: ${ENTRIES} entries, ${generated.stats.comments} comments, ${generated.stats.pings} pings, ${generated.stats.drafts} drafts; ${(exportBytes / 1e6).toFixed(1)} MB; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const range = (values, format) => `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The command in a fresh process: wall time, CPU time (user + system) and peak memory, as Node reports them. */
function timeCommand(out) {
  // (with -e, process.argv[1] is the first argument after --: the bin's path, as when the bin runs itself)
  const script = `process.on('exit', () => { const r = process.resourceUsage(); process.stderr.write('\\nmaxRss=' + r.maxRSS * 1024 + ' cpu=' + (r.userCPUTime + r.systemCPUTime) / 1000); }); await import('./bin/mag-elements.mjs');`;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', 'bin/mag-elements.mjs', 'import-mt', EXPORT, '--out', out, ...OPTIONS], { encoding: 'utf8' });
  const wall = performance.now() - started;
  if (run.status !== 0) throw new Error(`import-mt failed: ${run.stderr}`);
  const [, maxRss, cpu] = /maxRss=(\d+) cpu=([\d.]+)/.exec(run.stderr);
  return { wall, cpu: Number(cpu), maxRss: Number(maxRss), stdout: run.stdout };
}

const command = { split: [], single: [] };
for (let i = 0; i < RUNS; i++) {
  rmSync(join(DIR, 'split'), { recursive: true, force: true });
  command.split.push(timeCommand(join(DIR, 'split/')));
  command.single.push(timeCommand(join(DIR, 'single.json')));
  log(`  run ${i + 1}: split ${seconds(command.split.at(-1).wall)}, single ${seconds(command.single.at(-1).wall)}`);
}
const phaseRuns = Array.from({ length: RUNS }, () => JSON.parse(spawnSync(process.execPath, ['scripts/bench-import.mjs', '--phases'], { encoding: 'utf8' }).stdout));

// Bytes to show one article.
const compressed = (buffer) => ({ raw: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length, brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
const single = compressed(readFileSync(join(DIR, 'single.json')));
const index = compressed(readFileSync(join(DIR, 'split', 'index.json')));
const articleFiles = readdirSync(join(DIR, 'split', 'articles')).map((name) => {
  const buffer = readFileSync(join(DIR, 'split', 'articles', name));
  return { name, buffer, comments: JSON.parse(buffer).comments.length };
});
articleFiles.sort((a, b) => a.buffer.length - b.buffer.length);
const medianArticle = articleFiles[Math.floor(articleFiles.length / 2)];
const mostComments = articleFiles.reduce((a, b) => (b.comments > a.comments ? b : a));
const showOne = (article) => {
  const file = compressed(article.buffer);
  return { article: article.name, comments: article.comments, file, total: { raw: index.raw + file.raw, gzip: index.gzip + file.gzip, brotli: index.brotli + file.brotli } };
};
const bytes = { exportBytes, single, index, median: showOne(medianArticle), largest: showOne(mostComments), articleFiles: articleFiles.length };

/**
 * The median article shown in Chromium, fed by `src` (the split layout's folder, or the single file):
 * one run per entry of the result, each in a new browser context (empty cache).
 */
async function showInBrowser(runs) {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    log(`  no browser at ${executablePath}: the page is not measured (set CHROME_PATH)`);
    return undefined;
  }
  const { default: puppeteer } = await import('puppeteer-core');
  const root = resolve('.');
  const data = resolve(DIR);
  const article = medianArticle.name.replace(/\.json$/, '');
  const page = (src) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><script type="module" src="/dist/cdn/mag-elements.js"></script></head><body>
<mag-provider src="${src}"><mag-article article-id="${article}"></mag-article><mag-comment-thread article-id="${article}"></mag-comment-thread><mag-recent-contributions limit="5"></mag-recent-contributions></mag-provider>
</body></html>`;
  // /page/split.html and /page/single.html; /dist/ from the repository, /data/ from the bench folder; JSON gzipped.
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pageOf = /^\/page\/(split|single)\.html$/.exec(url.pathname);
    if (pageOf) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(pageOf[1] === 'split' ? '/data/split/' : '/data/single.json'));
      return;
    }
    const [base, from] = url.pathname.startsWith('/data/') ? [data, url.pathname.slice('/data'.length)] : [root, url.pathname];
    const path = normalize(join(base, decodeURIComponent(from)));
    if (!url.pathname.match(/^\/(data|dist)\//) || !path.startsWith(base) || !existsSync(path)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = readFileSync(path);
    const json = extname(path) === '.json';
    const gzip = json && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, { 'content-type': json ? 'application/json' : 'text/javascript', 'cache-control': 'no-store', ...(gzip && { 'content-encoding': 'gzip' }) });
    res.end(gzip ? gzipSync(body) : body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = { split: [], single: [] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const form of ['split', 'single']) {
        const context = await browser.createBrowserContext();
        const tab = await context.newPage();
        await tab.goto(`${origin}/page/${form}.html`);
        // Shown: each element rendered, none loading, the thread with its comments.
        await tab.waitForFunction(
          () =>
            [...document.querySelectorAll('mag-article, mag-comment-thread, mag-recent-contributions')].every(
              (el) => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"], [part="loading"], [role="alert"]') && el.shadowRoot.textContent.trim(),
            ),
          { timeout: 120_000, polling: 10 },
        );
        results[form].push(
          await tab.evaluate(() => {
            const files = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.startsWith('/data/'));
            const sum = (key) => files.reduce((total, entry) => total + entry[key], 0);
            return { shown: performance.now(), requests: files.map((entry) => new URL(entry.name).pathname), transferred: sum('transferSize'), encoded: sum('encodedBodySize'), decoded: sum('decodedBodySize') };
          }),
        );
        await context.close();
      }
      log(`  page run ${i + 1}: split ${seconds(results.split.at(-1).shown)}, single ${seconds(results.single.at(-1).shown)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}
const shown = await showInBrowser(RUNS);
const shownRow = (name, list) =>
  `| ${name} | ${list[0].requests.map((path) => `\`${path.replace(/^\/data\/(split\/)?/, '')}\``).join(', ')} | ${list[0].encoded.toLocaleString('en-US')} | ${list[0].decoded.toLocaleString('en-US')} | ${range(list.map((r) => r.shown), seconds)} |`;
const shownTable = shown
  ? `
### A page showing the median article in Chromium (the drop-in bundle; JSON served with gzip; median of ${RUNS} runs, min–max)

| the page reads | data files requested | bytes received (gzip) | bytes decoded | shown after |
|---|---|---:|---:|---:|
${shownRow('the split layout (`src="data/split/"`)', shown.split)}
${shownRow('the single file (`src="data/single.json"`)', shown.single)}
`
  : '';

const phaseRow = (name, key) => `| ${name} | ${range(phaseRuns.map((r) => r[key]), seconds)} |`;
const sizeRow = (name, s) => `| ${name} | ${s.raw.toLocaleString('en-US')} | ${s.gzip.toLocaleString('en-US')} | ${s.brotli.toLocaleString('en-US')} |`;
console.log(`
### Importing ${ENTRIES.toLocaleString('en-US')} entries and ${generated.stats.comments.toLocaleString('en-US')} comments (${(exportBytes / 1e6).toFixed(1)} MB export; median of ${RUNS} runs, min–max)

| \`mag-elements import-mt\`, fresh process | wall time | CPU time | peak memory (max RSS) |
|---|---:|---:|---:|
| split layout (\`--out folder/\`) | ${range(command.split.map((r) => r.wall), seconds)} | ${range(command.split.map((r) => r.cpu), seconds)} | ${range(command.split.map((r) => r.maxRss), mb)} |
| single file (\`--out file.json\`) | ${range(command.single.map((r) => r.wall), seconds)} | ${range(command.single.map((r) => r.cpu), seconds)} | ${range(command.single.map((r) => r.maxRss), mb)} |

| phase (split layout) | time |
|---|---:|
${phaseRow('read the file', 'read')}
${phaseRow('importMovableType (decode, parse, build)', 'import')}
${phaseRow('validateData', 'validate')}
${phaseRow('toSplitLayout and write the files', 'split')}

Heap used after the import: ${range(phaseRuns.map((r) => r.heapAfterImport), mb)}.

### Bytes to show one article

| what a page downloads | bytes | gzip | brotli |
|---|---:|---:|---:|
${sizeRow('single file (everything)', single)}
${sizeRow(`split: index.json + median article (${bytes.median.comments} comments)`, bytes.median.total)}
${sizeRow('  of which index.json', index)}
${sizeRow(`split: index.json + the article with the most comments (${bytes.largest.comments})`, bytes.largest.total)}

Split layout: ${articleFiles.length.toLocaleString('en-US')} article files. Showing the median article downloads ${kb(bytes.median.total.gzip)} gzip instead of ${(single.gzip / 1024 / 1024).toFixed(1)} MB (${(single.gzip / bytes.median.total.gzip).toFixed(0)}× less).
${shownTable}`);

const machine = { date: new Date().toISOString(), cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, memory: mb(totalmem()), node: process.version, load: loadavg().map((l) => l.toFixed(2)).join(' ') };
const stats = { ...generated.stats };
delete stats.emails;
delete stats.ips;
writeFileSync('bench-results/import.json', `${JSON.stringify({ machine, stats, runs: RUNS, command, phases: phaseRuns, bytes: { ...bytes, median: { ...bytes.median }, largest: { ...bytes.largest } }, shown }, (key, value) => (key === 'stdout' ? undefined : value), 2)}\n`);
rmSync(DIR, { recursive: true, force: true });
