import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-comment-feed-link.js';
import '../../src/define/mag-provider.js';
import type { MagCommentFeedLink } from '../../src/components/comment-feed-link/comment-feed-link.js';
import { feedType } from '../../src/components/comment-feed-link/comment-feed-link.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { Article } from '../../src/core/model.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { englishArticle, seedArticle } from '../../stories/support/sample-data.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const q = <T extends Element = HTMLElement>(el: MagCommentFeedLink, s: string) => el.shadowRoot!.querySelector<T>(s);

async function feedLink(adapter: FakeAdapter, id: string, lang = 'fr', discover = false): Promise<MagCommentFeedLink> {
  const el = document.createElement('mag-comment-feed-link');
  el.articleId = id;
  el.discover = discover;
  el.adapter = adapter;
  await fixture(html`<div lang=${lang}>${el}</div>`);
  await waitUntil(() => adapter.calls.getArticle > 0 && !q(el, '[part=loading]'));
  await el.updateComplete;
  return el;
}

const withFeed = (extra: Partial<Article>): Article => ({ ...englishArticle, id: 'a', ...extra });

describe('<mag-comment-feed-link>', function () {
  // A shared 2-core machine can make the first test (axe's first run) slow; an axe run cut short by a
  // timeout makes every later check fail ("axe is already running"), so allow more than the default.
  this.timeout(30_000);

  afterEach(() => document.head.querySelectorAll('link[data-mag-comment-feed]').forEach((l) => l.remove()));

  it('shows the seed sentence with an Atom link', async () => {
    const el = await feedLink(new FakeAdapter({ articles: [seedArticle] }), seedArticle.id);
    expect(text(q(el, '[part=base]'))).to.equal('Vous pouvez suivre la conversation sur cet article en vous abonnant à son flux de commentaires.');
    const link = q<HTMLAnchorElement>(el, 'a')!;
    expect(link.getAttribute('href')).to.equal('/2013/10/le-numerique-c-est-la-proximite/comments/atom.xml');
    expect(link.type).to.equal('application/atom+xml');
    await expect(el).to.be.accessible();
  });

  it('links an RSS feed with its type, in English', async () => {
    const el = await feedLink(new FakeAdapter({ articles: [withFeed({ commentFeedUrl: 'https://blog.example/post/comments/feed/' })] }), 'a', 'en');
    expect(text(q(el, '[part=base]'))).to.equal('You can follow this conversation by subscribing to the comment feed.');
    expect(q<HTMLAnchorElement>(el, 'a')!.type).to.equal('application/rss+xml');
    await expect(el).to.be.accessible();
  });

  it('guesses the feed type from the URL, preferring the declared type', () => {
    expect(feedType('/comments/atom.xml')).to.equal('application/atom+xml');
    expect(feedType('/comments/rss.xml')).to.equal('application/rss+xml');
    expect(feedType('/post/comments/feed/')).to.equal('application/rss+xml');
    expect(feedType('/comments.json')).to.equal('application/feed+json');
    expect(feedType('/comments')).to.equal(undefined);
    expect(feedType('/atom.xml', 'application/rss+xml; charset=utf-8')).to.equal('application/rss+xml');
    expect(feedType('/x', 'text/html')).to.equal(undefined);
  });

  it('renders nothing when the article has no feed, or an unsafe one', async () => {
    const none = await feedLink(new FakeAdapter({ articles: [withFeed({})] }), 'a');
    expect(none.shadowRoot!.querySelector('p, a, [part]')).to.equal(null);
    expect(none.getBoundingClientRect().height).to.equal(0);
    await expect(none).to.be.accessible();
    const unsafe = await feedLink(new FakeAdapter({ articles: [withFeed({ commentFeedUrl: 'javascript:alert(1)' })] }), 'a');
    expect(unsafe.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('shows loading, then an error with a working retry', async () => {
    const adapter = new FakeAdapter({ articles: [seedArticle], behaviour: { getArticle: 'never' } });
    const el = document.createElement('mag-comment-feed-link');
    el.articleId = seedArticle.id;
    el.adapter = adapter;
    await fixture(html`<div lang="fr">${el}</div>`);
    await waitUntil(() => q(el, '[part=loading]'));
    await expect(el).to.be.accessible();
    adapter.behaviour = { getArticle: new MagAdapterError('network', 'down') };
    el.articleId = 'other';
    await waitUntil(() => q(el, '[part=error]'));
    expect(text(q(el, '[part=error] p'))).to.contain('injoignable');
    await expect(el).to.be.accessible();
    adapter.behaviour = {};
    el.articleId = seedArticle.id;
    await waitUntil(() => q(el, 'a'));
    expect(q(el, '[part=error]')).to.equal(null);
  });

  it('retry reloads after an error', async () => {
    const adapter = new FakeAdapter({ articles: [seedArticle], behaviour: { getArticle: new MagAdapterError('timeout', 'late') } });
    const el = await feedLink(adapter, seedArticle.id);
    expect(q(el, '[part=error]')).to.not.equal(null);
    adapter.behaviour = {};
    q(el, '[part=retry]')!.click();
    await waitUntil(() => q(el, 'a'));
  });

  it('adds a discoverable <link rel="alternate"> to the head with discover, and removes it when it leaves', async () => {
    const el = await feedLink(new FakeAdapter({ articles: [seedArticle] }), seedArticle.id, 'fr', true);
    const links = document.head.querySelectorAll<HTMLLinkElement>('link[rel=alternate][data-mag-comment-feed]');
    expect(links).to.have.length(1);
    expect(links[0].type).to.equal('application/atom+xml');
    expect(links[0].title).to.equal("Commentaires sur « Le numérique, c'est la proximité »");
    expect(links[0].getAttribute('href')).to.equal('/2013/10/le-numerique-c-est-la-proximite/comments/atom.xml');
    el.remove();
    expect(document.head.querySelectorAll('link[data-mag-comment-feed]')).to.have.length(0);
  });

  it('adds no <link> without discover', async () => {
    await feedLink(new FakeAdapter({ articles: [seedArticle] }), seedArticle.id);
    expect(document.head.querySelectorAll('link[data-mag-comment-feed]')).to.have.length(0);
  });

  it('shares the article request with the comment thread through the provider', async () => {
    const adapter = new FakeAdapter({ articles: [seedArticle], comments: { [seedArticle.id]: [] } });
    const wrapper = await fixture<HTMLElement>(html`<mag-provider .adapter=${adapter} lang="fr">
      <mag-comment-feed-link article-id=${seedArticle.id}></mag-comment-feed-link>
      <mag-comment-feed-link article-id=${seedArticle.id}></mag-comment-feed-link>
    </mag-provider>`);
    const links = [...wrapper.querySelectorAll('mag-comment-feed-link')];
    await waitUntil(() => links.every((l) => l.shadowRoot!.querySelector('a')));
    expect(adapter.calls.getArticle).to.equal(1);
  });
});
