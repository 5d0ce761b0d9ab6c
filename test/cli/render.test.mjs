// `mag-elements render` (bin/mag-elements.mjs): a page rendered on the server, run as a user runs it, on
// the built library (dist/: `npm test` runs this after its build step). node:test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'mag-render-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const run = (...args) => spawnSync(process.execPath, ['bin/mag-elements.mjs', ...args], { encoding: 'utf8' });

test('render --help lists its options; a page is required (exit 2); a missing file fails (exit 1)', () => {
  const help = run('render', '--help');
  assert.equal(help.status, 0);
  for (const option of ['--out', '--base-url', '--lang', '--timeout']) assert.match(help.stdout, new RegExp(`\\n  ${option} `));
  assert.match(run('--help').stdout, /render +render the mag-elements of an HTML page on the server/);
  const none = run('render');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /which page\?/);
  const missing = run('render', join(work, 'nowhere.html'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /is not a file/);
  assert.equal(run('render', 'demo/index.html', '--timeout', 'soon').status, 2);
});

test('render writes the demo page with every element rendered and its data embedded, the rest of the page unchanged', () => {
  const out = join(work, 'page.html');
  const result = run('render', 'demo/index.html', '--out', out);
  assert.equal(result.status, 0, result.stderr);
  const page = readFileSync(out, 'utf8');
  const source = readFileSync('demo/index.html', 'utf8');
  for (const tag of ['mag-article', 'mag-comment-thread', 'mag-comment-feed-link', 'mag-recent-contributions', 'mag-about-box', 'mag-subscribe-form', 'mag-video-list']) {
    assert.match(page, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`), `<${tag}> has its declarative shadow root`);
  }
  assert.match(page, /<h1 part="title" class="title" id="title">(<!--[^>]*-->)*Le numérique, c&#39;est la proximité/);
  assert.match(page, /<script type="application\/json" data-mag-snapshot>\{"version":1,/);
  // The video list: its video's title, and its thumbnail as a link to the video's page (a play button needs scripts); its list in the snapshot.
  assert.match(page, /<a class="title" part="link" href="https:\/\/www.youtube.com\/watch\?v=Xq3dQm7LpA0">(<!--[^>]*-->)*Ouverture du marché avec Claudy Lebreton/);
  assert.match(page, /<a class="play" part="play" href="https:\/\/www.youtube.com\/watch\?v=Xq3dQm7LpA0" tabindex="-1" aria-hidden="true">/);
  assert.doesNotMatch(page, /<button[^>]*part="play"/);
  assert.match(page, /"key":"videos:3","kind":"videos"/);
  // What is not an element stays as it was.
  assert.ok(page.startsWith(source.slice(0, source.indexOf('<mag-provider'))));
  assert.ok(page.endsWith(source.slice(source.indexOf('</mag-provider>') + '</mag-provider>'.length)));
  // Without --out, the page goes to the standard output.
  assert.equal(run('render', 'demo/index.html').stdout.length, page.length);
});

test('render reads a provider whose src is a split layout\'s folder: its index and the shown article\'s file are enough', async () => {
  const { importMovableType, toSplitLayout } = await import('../../dist/import/index.js');
  const article = 'le-numerique-c-est-la-proximite';
  const { data } = importMovableType(readFileSync('test/fixtures/import/le-mag.mt.txt'), { timezone: 'Europe/Paris', now: '2026-01-01T00:00:00Z', lang: 'fr', siteTitle: 'Le Mag' });
  const site = join(work, 'split-site');
  // Only the files a page showing one article reads: any other would be missing.
  for (const { path, content } of toSplitLayout(data).filter((file) => ['index.json', `articles/${article}.json`].includes(file.path))) {
    mkdirSync(join(site, 'data', dirname(path)), { recursive: true });
    writeFileSync(join(site, 'data', path), JSON.stringify(content));
  }
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="fr"><body><mag-provider src="data/"><mag-article article-id="${article}"></mag-article><mag-comment-thread article-id="${article}"></mag-comment-thread><mag-recent-contributions limit="3"></mag-recent-contributions></mag-provider></body></html>`,
  );
  const result = run('render', join(site, 'index.html'));
  assert.equal(result.status, 0, result.stderr);
  const page = result.stdout;
  for (const tag of ['mag-article', 'mag-comment-thread', 'mag-recent-contributions']) {
    assert.match(page, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`), `<${tag}> has its declarative shadow root`);
  }
  assert.match(page, /<h1 part="title" class="title" id="title">(<!--[^>]*-->)*Le numérique, c&#39;est la proximité/);
  assert.match(page, /Dulucq/);
  assert.match(page, /Les marchés de pays, cœur battant de nos communes/);
  assert.match(page, /<script type="application\/json" data-mag-snapshot>\{"version":1,/);
});
