import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/mag-elements.js';
import { JsonAdapter, type MagData } from '../../src/adapters/json/json-adapter.js';
import type { MagAdapter } from '../../src/core/model.js';
import { importMovableType } from '../../src/import/movable-type.js';
import { fixtureText } from './helpers.js';

/**
 * The demo rebuilt from an export: test/fixtures/import/le-mag.mt.txt is the demo's magazine
 * (demo/data/le-mag.json) written in Movable Type's format, as Typepad exported it; imported, it
 * gives the page of the original article again.
 */
const ARTICLE = 'le-numerique-c-est-la-proximite';

/** HTML without the whitespace between tags (Movable Type puts a blank line between paragraphs). */
const compact = (html: string) => html.replace(/>\s+</g, '><').trim();
const shadowText = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The text a reader sees, without the whitespace between blocks (the demo's paragraphs have none, the export's a blank line). */
const visibleText = (el: Element | null) => shadowText(el).replace(/\s+/g, '');

function page(adapter: MagAdapter) {
  return fixture(html`<mag-provider lang="fr" .adapter=${adapter}>
    <mag-article article-id=${ARTICLE}></mag-article>
    <mag-comment-thread article-id=${ARTICLE}></mag-comment-thread>
    <mag-recent-contributions limit="5" current-article=${ARTICLE}></mag-recent-contributions>
    <mag-about-box key="magazine"></mag-about-box>
  </mag-provider>`);
}
const loaded = (root: Element) =>
  waitUntil(
    () => [...root.querySelectorAll('mag-article, mag-comment-thread, mag-recent-contributions, mag-about-box')].every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"]') && shadowText(el) !== ''),
    'the page never finished loading',
    { timeout: 8000 },
  );

describe('the demo magazine rebuilt from a Movable Type export', function () {
  this.timeout(30_000);

  let demo: MagData;
  let imported: MagData;
  before(async () => {
    demo = (await (await fetch('/demo/data/le-mag.json')).json()) as MagData;
    const { site, about, subscribe } = demo;
    imported = importMovableType(await fixtureText('le-mag.mt.txt'), { timezone: 'Europe/Paris', base: { site, about, subscribe } }).data;
  });

  it('gives the original article as the demo data does, through the JSON adapter', async () => {
    const fromDemo = await new JsonAdapter({ data: demo }).getArticle(ARTICLE);
    const fromExport = await new JsonAdapter({ data: imported }).getArticle(ARTICLE);
    for (const field of ['title', 'published', 'author', 'sections', 'commentsOpen', 'commentCount', 'homeUrl'] as const) {
      expect(fromExport[field], field).to.deep.equal(fromDemo[field]);
    }
    expect(fromExport.commentsOpen).to.equal(false);
    expect(compact(fromExport.bodyHtml)).to.equal(compact(fromDemo.bodyHtml));
    expect(fromExport.previous?.title).to.equal(fromDemo.previous?.title);
    expect(fromExport.previous?.title).to.equal('Lutter contre le gaspillage alimentaire');
    expect(fromExport.next?.title).to.equal(fromDemo.next?.title);
    expect(fromExport.next?.title).to.equal("Un vrai pacte d'avenir pour la Bretagne");
  });

  it("gives Dulucq's comment as the demo data does", async () => {
    const [fromDemo] = (await new JsonAdapter({ data: demo }).listComments(ARTICLE)).comments;
    const page = await new JsonAdapter({ data: imported }).listComments(ARTICLE);
    expect(page.total).to.equal(1);
    const [fromExport] = page.comments;
    expect(fromExport.author.name).to.equal(fromDemo.author.name);
    expect(fromExport.author.name).to.equal('Dulucq');
    expect(fromExport.published).to.equal(fromDemo.published);
    expect(compact(fromExport.bodyHtml)).to.equal(compact(fromDemo.bodyHtml));
  });

  it('lists the same recent contributions and sections', async () => {
    const titles = async (data: MagData, section?: string) => (await new JsonAdapter({ data }).listRecent({ limit: 5, section })).map((s) => [s.title, s.published, s.sections]);
    expect(await titles(imported)).to.deep.equal(await titles(demo));
    expect(await titles(imported, 'politique')).to.deep.equal(await titles(demo, 'politique'));
  });

  it('renders the same page: the article, the comment and the closed state', async () => {
    // (the demo's avatar is an image of the demo's folder, not served to the tests, and not in the text)
    const withoutAvatars = structuredClone(demo);
    for (const list of Object.values(withoutAvatars.comments ?? {})) for (const comment of list) delete comment.author.avatarUrl;
    const fromDemo = await page(new JsonAdapter({ data: withoutAvatars }));
    await loaded(fromDemo);
    const fromExport = await page(new JsonAdapter({ data: imported }));
    await loaded(fromExport);
    for (const tag of ['mag-article', 'mag-comment-thread', 'mag-recent-contributions', 'mag-about-box']) {
      expect(visibleText(fromExport.querySelector(tag)), tag).to.equal(visibleText(fromDemo.querySelector(tag)));
    }
    const thread = shadowText(fromExport.querySelector('mag-comment-thread'));
    expect(thread).to.contain('Dulucq');
    expect(thread).to.contain("L'utilisation des commentaires est désactivée pour cette note.");
    expect(fromExport.querySelector('mag-comment-thread')!.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(fromExport).to.be.accessible();
  });
});
