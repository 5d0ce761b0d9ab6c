import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/mag-elements.js';
import type { MagProvider } from '../../src/components/provider/mag-provider.js';
import type { MagData } from '../../src/adapters/json/json-adapter.js';
import { importMovableType } from '../../src/import/movable-type.js';
import { toSplitLayout, type SplitArticleFile } from '../../src/import/split-layout.js';
import { generateMovableTypeExport } from '../../scripts/mt-export-generator.mjs';
import { fixtureText } from '../import/helpers.js';
import { filesOf, serveFiles, withSlugsAsIds, type ServedFolder } from '../helpers/served-files.js';

/**
 * Pages fed by a split layout (`<mag-provider src="folder/">`), served over HTTP: what they show, and
 * which files, and how many bytes, they download for it.
 */
const ARTICLE = 'le-numerique-c-est-la-proximite';

const shadowText = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The elements of `page` still loading, failed or empty. */
const waiting = (page: Element) =>
  [...page.querySelectorAll('mag-article, mag-comment-thread, mag-about-box, mag-recent-contributions, mag-comment-feed-link, mag-subscribe-form')].filter(
    (el) => !el.shadowRoot || el.shadowRoot.querySelector('[aria-busy="true"], [part="loading"], [role="alert"]') || shadowText(el) === '',
  );
const loaded = async (page: Element, timeout = 8000) => {
  try {
    await waitUntil(() => waiting(page).length === 0, '', { timeout });
  } catch {
    throw new Error(`the page never finished loading: ${waiting(page).map((el) => `<${el.localName}> "${shadowText(el).slice(0, 200)}"`).join(', ')}`);
  }
};

/** The resources the page fetches from `folder` from now on, as the browser records them. */
function watchResources(folder: ServedFolder) {
  const entries: PerformanceResourceTiming[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) if (new URL(entry.name).pathname.startsWith(folder.url)) entries.push(entry);
  });
  observer.observe({ type: 'resource' });
  return {
    /** The paths (relative to the folder) fetched so far, once the browser has reported them. */
    paths: async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of observer.takeRecords() as PerformanceResourceTiming[]) if (new URL(entry.name).pathname.startsWith(folder.url)) entries.push(entry);
      return entries.map((entry) => new URL(entry.name).pathname.slice(folder.url.length));
    },
    stop: () => observer.disconnect(),
  };
}

const page = (folder: ServedFolder, article: string, section?: string) =>
  fixture<MagProvider>(html`<mag-provider lang="fr" src=${folder.url}>
    <mag-article article-id=${article}></mag-article>
    <mag-comment-feed-link article-id=${article}></mag-comment-feed-link>
    <mag-comment-thread article-id=${article}></mag-comment-thread>
    <mag-about-box key="magazine"></mag-about-box>
    <mag-recent-contributions limit="5" current-article=${article} section=${section ?? ''}></mag-recent-contributions>
    <mag-about-box key="author"></mag-about-box>
    <mag-subscribe-form></mag-subscribe-form>
  </mag-provider>`);

/** Removes the elements an imported export has no data for: about boxes, subscribe endpoint, comment feeds. */
const withoutWhatImportsLack = (page: Element) => page.querySelectorAll('mag-about-box, mag-subscribe-form, mag-comment-feed-link').forEach((el) => el.remove());

describe('a page fed by a split layout', function () {
  this.timeout(30_000);
  let demo: MagData;
  const folders: ServedFolder[] = [];

  before(async () => {
    demo = withSlugsAsIds((await (await fetch('/demo/data/le-mag.json')).json()) as MagData);
  });
  afterEach(() => sessionStorage.clear());
  after(async () => {
    await Promise.all(folders.map((folder) => folder.remove()));
  });

  const serve = async (data: MagData) => {
    const folder = await serveFiles(filesOf(toSplitLayout(data)));
    folders.push(folder);
    return folder;
  };

  it('shows the article, its comments, previous / next, the recent list and the about boxes, from index.json and the article file only', async () => {
    const folder = await serve(demo);
    const resources = watchResources(folder);
    const el = await page(folder, ARTICLE);
    await loaded(el);
    const article = shadowText(el.querySelector('mag-article'));
    expect(article).to.contain("Le numérique, c'est la proximité");
    expect(article).to.contain('Claudy Lebreton');
    expect(article).to.contain('Lutter contre le gaspillage alimentaire');
    expect(article).to.contain("Un vrai pacte d'avenir pour la Bretagne");
    expect(shadowText(el.querySelector('mag-comment-thread'))).to.contain('Dulucq');
    expect(shadowText(el.querySelector('mag-comment-feed-link'))).to.contain('flux de commentaires');
    const recent = [...el.querySelector('mag-recent-contributions')!.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(recent).to.have.length(5);
    expect(recent[0]).to.contain('Les marchés de pays, cœur battant de nos communes');
    const [magazine, author] = el.querySelectorAll('mag-about-box');
    expect(shadowText(magazine)).to.contain('Bienvenue');
    expect(shadowText(author)).to.contain('Claudy Lebreton');
    expect(el.querySelector('mag-subscribe-form')!.shadowRoot!.querySelector('form')).to.exist;

    const requested = ['index.json', `articles/${ARTICLE}.json`];
    expect(await resources.paths()).to.deep.equal(requested);
    expect((await folder.requests()).map((r) => r.path)).to.deep.equal(requested);
    resources.stop();
    await expect(el).to.be.accessible();
  });

  it("shows a section's recent list from that section's file", async () => {
    const folder = await serve(demo);
    const el = await page(folder, ARTICLE, 'politique');
    await loaded(el);
    const recent = shadowText(el.querySelector('mag-recent-contributions'));
    expect(recent).to.contain("Un vrai pacte d'avenir pour la Bretagne");
    expect(recent).to.contain('Décentralisation : pour une nouvelle étape');
    expect(recent).not.to.contain('Les marchés de pays');
    expect((await folder.requests()).map((r) => r.path).sort()).to.deep.equal([`articles/${ARTICLE}.json`, 'index.json', 'sections/politique.json']);
  });

  it("shows the importer's fixture (le-mag.mt.txt) imported into a split layout", async () => {
    const imported = importMovableType(await fixtureText('le-mag.mt.txt'), { timezone: 'Europe/Paris', now: '2026-01-01T00:00:00Z', lang: 'fr', siteTitle: 'Le Mag' }).data;
    const folder = await serve(imported);
    const el = await page(folder, ARTICLE);
    withoutWhatImportsLack(el);
    await loaded(el);
    expect(shadowText(el.querySelector('mag-article'))).to.contain("Le numérique, c'est la proximité");
    expect(shadowText(el.querySelector('mag-comment-thread'))).to.contain('Dulucq');
    expect(shadowText(el.querySelector('mag-recent-contributions'))).to.contain('Les marchés de pays, cœur battant de nos communes');
    expect((await folder.requests()).map((r) => r.path)).to.deep.equal(['index.json', `articles/${ARTICLE}.json`]);
  });

  it('shows a malformed article file as a clear error naming the file and each problem, and the rest of the page', async () => {
    const files = filesOf(toSplitLayout(demo));
    const file = files[`articles/${ARTICLE}.json`] as SplitArticleFile;
    file.article.published = '16 oct';
    const folder = await serveFiles(files);
    folders.push(folder);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const el = await page(folder, ARTICLE);
      const article = el.querySelector('mag-article')!;
      await waitUntil(() => article.shadowRoot?.querySelector('[role="alert"]'), 'the article shows no error');
      expect(shadowText(article)).to.contain('article.published: expected an ISO 8601 date, got string "16 oct"');
      await waitUntil(() => shadowText(el.querySelector('mag-recent-contributions')).includes('Les marchés de pays'), 'the recent list did not load');
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => w.includes(`The data file ${folder.url}articles/${ARTICLE}.json is not valid: article.published`)), warnings.join('\n')).to.equal(true);
  });
});

describe('a page showing one article of a 3,000-entry blog in the split layout', function () {
  this.timeout(180_000);

  it('downloads index.json and that article file only: a small number of bytes, whatever the number of entries', async () => {
    const options = { timezone: 'Europe/Paris', now: '2026-01-01T00:00:00Z', newBaseUrl: 'https://example.org/mag/' };
    const { data } = importMovableType(generateMovableTypeExport().text, options);
    const files = toSplitLayout(data);
    // The article with the median number of comments.
    const articles = files.filter((f) => f.path.startsWith('articles/')).map((f) => f.content as SplitArticleFile);
    const median = [...articles].sort((a, b) => a.comments.length - b.comments.length)[Math.floor(articles.length / 2)];
    const id = median.article.id;
    const folder = await serveFiles(filesOf(files));
    try {
      const el = await page(folder, id);
      withoutWhatImportsLack(el);
      await loaded(el, 20_000);
      expect(shadowText(el.querySelector('mag-article'))).to.contain(median.article.title);
      const requests = await folder.requests();
      expect(requests.map((r) => r.path)).to.deep.equal(['index.json', `articles/${id}.json`]);
      const fetched = requests.reduce((sum, r) => sum + r.bytes, 0);
      const single = new TextEncoder().encode(JSON.stringify(data)).length;
      expect(data.articles.length).to.be.greaterThan(2900);
      expect(fetched).to.be.below(64 * 1024);
      expect(fetched).to.be.below(single / 500);
    } finally {
      await folder.remove();
    }
  });
});
