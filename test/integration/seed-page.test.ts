import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/mag-elements.js';
import type { MagProvider } from '../../src/components/provider/mag-provider.js';
import { MemoryAdapter } from '../../src/adapters/json/memory-adapter.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagAdapter } from '../../src/core/model.js';

/**
 * The seed page as a whole (issue 9): its elements share what the adapter returns.
 * The adapter is real (the memory adapter over the demo data); a thin wrapper counts its calls.
 */
type Method = 'getArticle' | 'listComments' | 'listRecent' | 'getAbout';
const ARTICLE = 'le-numerique-c-est-la-proximite';

interface Counted {
  adapter: MagAdapter;
  calls: Record<Method, string[]>;
  /** Makes the next calls of a method fail (or hang) until cleared. */
  fail: Partial<Record<Method, 'network' | 'hang'>>;
}

async function countedAdapter(open = false, delay = 0): Promise<Counted> {
  const data = (await (await fetch('/demo/data/le-mag.json')).json()) as { articles: { id: string; commentsOpen: boolean }[] };
  if (open) for (const article of data.articles) article.commentsOpen = true;
  const inner = new MemoryAdapter({ data });
  const calls: Record<Method, string[]> = { getArticle: [], listComments: [], listRecent: [], getAbout: [] };
  const fail: Counted['fail'] = {};
  const wrap =
    <A extends unknown[], R>(method: Method, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      calls[method].push(JSON.stringify(args.map((a) => (a && typeof a === 'object' && 'signal' in a ? { ...a, signal: undefined } : a))));
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (fail[method] === 'network') throw new MagAdapterError('network', 'The test backend is down.');
      if (fail[method] === 'hang') await new Promise(() => {});
      return call(...args);
    };
  const adapter: MagAdapter = {
    getArticle: wrap('getArticle', inner.getArticle.bind(inner)),
    listComments: wrap('listComments', inner.listComments.bind(inner)),
    listRecent: wrap('listRecent', inner.listRecent.bind(inner)),
    getAbout: wrap('getAbout', inner.getAbout.bind(inner)),
    postComment: inner.postComment.bind(inner),
  };
  return { adapter, calls, fail };
}

function seedPage(adapter: MagAdapter) {
  return fixture<MagProvider>(html`<mag-provider lang="fr" .adapter=${adapter}>
    <mag-article article-id=${ARTICLE}></mag-article>
    <mag-comment-feed-link article-id=${ARTICLE}></mag-comment-feed-link>
    <mag-comment-thread article-id=${ARTICLE}></mag-comment-thread>
    <mag-about-box key="magazine"></mag-about-box>
    <mag-recent-contributions limit="5" current-article=${ARTICLE}></mag-recent-contributions>
    <mag-about-box key="author"></mag-about-box>
    <mag-subscribe-form></mag-subscribe-form>
  </mag-provider>`);
}

const shadowText = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const loaded = (page: Element) =>
  waitUntil(
    () =>
      [...page.querySelectorAll('mag-article, mag-comment-thread, mag-about-box, mag-recent-contributions, mag-comment-feed-link')].every(
        (el) => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"], [part="loading"]') && shadowText(el) !== '',
      ),
    'the page never finished loading',
    { timeout: 8000 },
  );

describe('the seed page shares one request per resource', function () {
  this.timeout(30_000);
  afterEach(() => sessionStorage.clear());

  it('calls getArticle once for the article, listRecent once per query and getAbout once per key', async () => {
    const { adapter, calls } = await countedAdapter();
    const page = await seedPage(adapter);
    await loaded(page);
    expect(shadowText(page.querySelector('mag-article'))).to.contain("Le numérique, c'est la proximité");
    expect(calls.getArticle, 'article view, thread and feed link share one request').to.have.length(1);
    expect(calls.listComments).to.have.length(1);
    expect(calls.listRecent).to.have.length(1);
    expect(calls.getAbout.map((args) => (JSON.parse(args) as string[])[0]).sort()).to.deep.equal(['author', 'magazine']);

    // A second list with the same query shares the answer; another query asks the adapter.
    const same = document.createElement('mag-recent-contributions');
    same.setAttribute('limit', '5');
    same.setAttribute('current-article', ARTICLE);
    same.setAttribute('heading', 'Encore les dernières contributions');
    const other = document.createElement('mag-recent-contributions');
    other.setAttribute('section', 'Politique');
    other.setAttribute('heading', 'Politique');
    page.append(same, other);
    await loaded(page);
    expect(calls.listRecent).to.have.length(2);
    await expect(page).to.be.accessible();
  });

  it('refresh() asks the adapter again, once per resource', async () => {
    const { adapter, calls } = await countedAdapter();
    const page = await seedPage(adapter);
    await loaded(page);
    page.refresh();
    await waitUntil(() => calls.getArticle.length === 2 && calls.getAbout.length === 4 && calls.listRecent.length === 2, JSON.stringify(calls));
    await loaded(page);
    expect(calls.getArticle).to.have.length(2);
  });

  it('after a comment is posted, the thread and the article count show it without a reload', async () => {
    const { adapter } = await countedAdapter(true);
    const page = await seedPage(adapter);
    await loaded(page);
    const article = page.querySelector('mag-article')!;
    const thread = page.querySelector('mag-comment-thread')!;
    expect(shadowText(article)).to.contain('1 commentaire');
    const field = (id: string) => thread.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    for (const [id, value] of Object.entries({ name: 'Maïwenn', email: 'maiwenn@example.org', comment: 'Et les communes nouvelles ?' })) {
      field(id).value = value;
      field(id).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    thread.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => shadowText(thread).includes('Et les communes nouvelles ?'), 'the new comment never appeared');
    await waitUntil(() => shadowText(article).includes('2 commentaires'), `the article count did not update: ${shadowText(article)}`);
    expect(shadowText(thread)).to.contain('2 commentaires');
  });

  it('retries a failed call when the reader asks again', async () => {
    const counted = await countedAdapter();
    counted.fail.getAbout = 'network';
    const page = await seedPage(counted.adapter);
    const about = page.querySelector('mag-about-box')!;
    await waitUntil(() => about.shadowRoot?.querySelector('[role="alert"]'), 'no error shown');
    const before = counted.calls.getAbout.length;
    delete counted.fail.getAbout;
    about.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => shadowText(about).includes('Bienvenue'), 'the retry did not load the box');
    expect(counted.calls.getAbout.length).to.be.greaterThan(before);
  });

  it('an element removed mid-request does not break the others waiting for the same answer', async () => {
    const { adapter, calls } = await countedAdapter(false, 60);
    const page = await seedPage(adapter);
    page.querySelector('mag-article')!.remove();
    await waitUntil(() => shadowText(page.querySelector('mag-comment-feed-link')).includes('flux de commentaires'), 'the feed link never loaded');
    // The thread also waits for its comments, a request of its own.
    await waitUntil(() => shadowText(page.querySelector('mag-comment-thread')).includes('Dulucq'), 'the thread never showed its comment');
    expect(calls.getArticle).to.have.length(1);
  });
});

describe('a malformed data file', () => {
  it('gives a clear error naming each bad field, in the console and visibly in every element, never a blank page', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    try {
      const page = await fixture<MagProvider>(html`<mag-provider lang="en" src="/test/fixtures/data/malformed.json">
        <mag-article article-id="a"></mag-article>
        <mag-recent-contributions></mag-recent-contributions>
      </mag-provider>`);
      for (const el of page.querySelectorAll('mag-article, mag-recent-contributions')) {
        await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), `<${el.localName}> shows no error`);
        const alert = shadowText(el);
        expect(alert).to.contain('The server sent data that cannot be displayed.');
        expect(alert).to.contain('articles[0].published: expected an ISO 8601 date, got string "16 oct"');
        expect(alert).to.contain('articles[1].title: expected a non-empty string, got number 42');
        expect(alert).to.contain('articles[1].commentsOpen: is required');
      }
      await expect(page).to.be.accessible();
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => w.includes('articles[0].published'))).to.equal(true);
  });
});
