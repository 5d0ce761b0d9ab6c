import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-comment-thread.js';
import '../../src/define/mag-provider.js';
import type { MagCommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { planThread } from '../../src/components/comment-thread/thread-plan.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { Article, Comment } from '../../src/core/model.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import {
  deepReplies,
  demoImage,
  englishArticle,
  englishComments,
  hostileHtml,
  longThread,
  seedArticle,
  seedComments,
} from '../../stories/support/sample-data.js';

const root = (el: MagCommentThread) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: MagCommentThread, selector: string) => root(el).querySelector<T>(selector);
const qa = <T extends Element = HTMLElement>(el: MagCommentThread, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function settled(el: MagCommentThread): Promise<MagCommentThread> {
  await waitUntil(() => q(el, '.thread')?.getAttribute('aria-busy') === 'false' && !q(el, '[part=loading]'), 'the thread did not load');
  await el.updateComplete;
  return el;
}

async function thread(adapter: FakeAdapter, id: string, lang = 'fr', attrs = ''): Promise<MagCommentThread> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<mag-comment-thread article-id="${id}" ${attrs}></mag-comment-thread>`;
  const el = wrapper.querySelector('mag-comment-thread')!;
  el.adapter = adapter;
  return settled(el);
}

const openArticle = (id: string, extra: Partial<Article> = {}): Article => ({ ...englishArticle, id, commentsOpen: true, commentCount: undefined, ...extra });

function comments(n: number, prefix = 'c'): Comment[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    author: { name: `Reader ${i}` },
    published: new Date(Date.UTC(2013, 9, 16, 10, i)).toISOString(),
    bodyHtml: `<p>Comment ${i}</p>`,
  }));
}

describe('<mag-comment-thread>', function () {
  // A shared 2-core machine can make the first test (axe's first run) slow; an axe run cut short by a
  // timeout makes every later check fail ("axe is already running"), so allow more than the default.
  this.timeout(30_000);

  it('shows the seed comment, the closed notice and no form (closed article)', async () => {
    const adapter = new FakeAdapter({ articles: [seedArticle], comments: { [seedArticle.id]: seedComments }, postComment: 'approved' });
    const el = await thread(adapter, seedArticle.id);
    expect(text(q(el, '[part=heading]'))).to.equal('1 commentaire');
    expect(text(q(el, '[part=author]'))).to.equal('Dulucq');
    const time = q(el, 'time')!;
    expect(time.getAttribute('datetime')).to.equal('2013-10-17T08:12:00Z');
    expect(text(time)).to.match(/17 oct\.? 2013/);
    expect(text(q(el, '[part=body]'))).to.contain('Le pilotage par le Pays est une bonne proposition !');
    expect(text(q(el, '[part=closed-notice]'))).to.equal("L'utilisation des commentaires est désactivée pour cette note.");
    expect(q(el, 'form')).to.equal(null);
    expect(q(el, '[part=reply-button]')).to.equal(null);
    const img = q<HTMLImageElement>(el, '[part=avatar] img')!;
    expect(img.getAttribute('src')).to.equal(demoImage('avatar-dulucq.svg'));
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.alt).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows the closed notice in English', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a', { commentsOpen: false })], comments: { a: englishComments } });
    const el = await thread(adapter, 'a', 'en');
    expect(text(q(el, '[part=heading]'))).to.equal('3 comments');
    expect(text(q(el, '[part=closed-notice]'))).to.equal('Comments are closed for this post.');
    await expect(el).to.be.accessible();
  });

  it('counts with correct plurals in both languages', async () => {
    for (const [lang, n, expected] of [
      ['fr', 1, '1 commentaire'],
      ['fr', 12, '12 commentaires'],
      ['en', 1, '1 comment'],
      ['en', 12, '12 comments'],
    ] as const) {
      const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: comments(n) } });
      const el = await thread(adapter, 'a', lang);
      expect(text(q(el, '[part=heading]'))).to.equal(expected);
    }
  });

  it('uses heading-level for the count heading and one level below for the form', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: englishComments }, postComment: 'approved' });
    const el = await thread(adapter, 'a', 'en', 'heading-level="3"');
    expect(q(el, '[part=heading]')!.localName).to.equal('h3');
    expect(q(el, '[part=form-title]')!.localName).to.equal('h4');
    const byDefault = await thread(adapter, 'a', 'en');
    expect(q(byDefault, '[part=heading]')!.localName).to.equal('h2');
    expect(q(byDefault, '[part=form-title]')!.localName).to.equal('h3');
  });

  it('counts from the page total when not every page is loaded', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: comments(1234) }, pageSize: 10 });
    const el = await thread(adapter, 'a', 'fr');
    expect(text(q(el, '[part=heading]'))).to.equal('1 234 commentaires');
    expect(qa(el, 'article')).to.have.length(10);
  });

  it('shows the empty state when open and there are no comments', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: [] } });
    const fr = await thread(adapter, 'a', 'fr');
    expect(text(q(fr, '[part=empty]'))).to.equal("Aucun commentaire pour l'instant.");
    expect(text(q(fr, '[part=heading]'))).to.equal('Commentaires');
    await expect(fr).to.be.accessible();
    const en = await thread(adapter, 'a', 'en');
    expect(text(q(en, '[part=empty]'))).to.equal('No comments yet.');
  });

  it('closed with no comments: the notice by default, nothing with hide-closed-notice-when-empty', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a', { commentsOpen: false })], comments: { a: [] } });
    const shown = await thread(adapter, 'a', 'fr');
    expect(text(q(shown, '[part=closed-notice]'))).to.equal("L'utilisation des commentaires est désactivée pour cette note.");
    expect(q(shown, '[part=empty]')).to.equal(null);
    await expect(shown).to.be.accessible();
    const hidden = await thread(adapter, 'a', 'fr', 'hide-closed-notice-when-empty');
    expect(q(hidden, '[part=closed-notice]')).to.equal(null);
    expect(q(hidden, '[part=heading]')).to.equal(null);
    await expect(hidden).to.be.accessible();
  });

  it('the disabled attribute closes an open article: comments stay, no form', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: englishComments }, postComment: 'approved' });
    const el = await thread(adapter, 'a', 'en', 'disabled');
    expect(q(el, 'form')).to.equal(null);
    expect(qa(el, 'article')).to.have.length(3);
    expect(text(q(el, '[part=closed-notice]'))).to.equal('Comments are closed for this post.');
    await expect(el).to.be.accessible();
    el.disabled = false;
    await el.updateComplete;
    expect(q(el, 'form')).to.not.equal(null);
    expect(q(el, '[part=closed-notice]')).to.equal(null);
  });

  it('shows no form when the adapter cannot post, even when open', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: englishComments } });
    const el = await thread(adapter, 'a', 'en');
    expect(q(el, 'form')).to.equal(null);
    expect(q(el, '[part=closed-notice]')).to.equal(null);
  });

  it('shows the loading state, then the comments', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: englishComments }, behaviour: { listComments: 'never' } });
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><mag-comment-thread article-id="a" .adapter=${adapter}></mag-comment-thread></div>`);
    const el = wrapper.querySelector('mag-comment-thread')!;
    await el.updateComplete;
    expect(q(el, '[part=loading]')).to.not.equal(null);
    expect(q(el, '.thread')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a working retry, and fires mag-load-error', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: englishComments }, behaviour: { listComments: new MagAdapterError('network', 'down') } });
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const errors: string[] = [];
    wrapper.addEventListener('mag-load-error', (e) => errors.push(e.error.code));
    const el = document.createElement('mag-comment-thread');
    el.articleId = 'a';
    el.adapter = adapter;
    wrapper.append(el);
    await settled(el);
    expect(text(q(el, '[part=error] p'))).to.contain('could not be reached');
    expect(errors).to.deep.equal(['network']);
    await expect(el).to.be.accessible();
    adapter.behaviour = {};
    q(el, '[part=retry]')!.click();
    await waitUntil(() => qa(el, 'article').length === 3);
    expect(q(el, '[part=error]')).to.equal(null);
  });

  it('shows the article error (not found)', async () => {
    const adapter = new FakeAdapter({ articles: [], comments: { a: englishComments } });
    const el = await thread(adapter, 'a', 'fr');
    expect(text(q(el, '[part=error]'))).to.contain('Ce contenu est introuvable.');
    await expect(el).to.be.accessible();
  });

  it('ignores a stale response when the article changes', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a'), openArticle('b')], comments: { a: comments(2, 'a'), b: comments(3, 'b') }, delay: 30 });
    const el = document.createElement('mag-comment-thread');
    el.adapter = adapter;
    el.articleId = 'a';
    await fixture(html`<div lang="en">${el}</div>`);
    await el.updateComplete;
    el.articleId = 'b';
    await settled(el);
    await waitUntil(() => adapter.log.filter((c) => c.method === 'listComments').every((c) => c.args[0] === 'b' || c.signal?.aborted), 'the stale request was not aborted', { timeout: 5000 });
    expect(qa(el, 'article').map((a) => a.dataset.commentId)).to.deep.equal(['b0', 'b1', 'b2']);
  });

  it('links the author when it has a URL, with rel nofollow ugc', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: [...englishComments, { id: 'x', author: { name: 'Mallory', url: 'javascript:alert(1)' }, published: '2013-10-17T00:00:00Z', bodyHtml: '<p>x</p>' }] } });
    const el = await thread(adapter, 'a', 'en');
    const ada = q<HTMLAnchorElement>(el, '[data-comment-id=e1] [part=author] a')!;
    expect(ada.getAttribute('href')).to.equal('https://ada.example');
    expect(ada.rel).to.equal('nofollow ugc noopener');
    expect(q(el, '[data-comment-id=e2] [part=author] a')).to.equal(null);
    expect(q(el, '[data-comment-id=x] [part=author] a')).to.equal(null);
    expect(text(q(el, '[data-comment-id=x] [part=author]'))).to.equal('Mallory');
  });

  it('falls back to initials when the avatar is missing, unsafe or fails to load', async () => {
    const adapter = new FakeAdapter({
      articles: [openArticle('a')],
      comments: {
        a: [
          { id: 'm', author: { name: 'Grace Hopper' }, published: '2013-10-16T10:00:00Z', bodyHtml: '<p>a</p>' },
          { id: 'u', author: { name: 'Eve', avatarUrl: 'javascript:alert(1)' }, published: '2013-10-16T11:00:00Z', bodyHtml: '<p>b</p>' },
          { id: 'f', author: { name: 'Bob', avatarUrl: demoImage('does-not-exist.svg') }, published: '2013-10-16T12:00:00Z', bodyHtml: '<p>c</p>' },
        ],
      },
    });
    const el = await thread(adapter, 'a', 'en');
    expect(text(q(el, '[data-comment-id=m] [part=avatar]'))).to.equal('GH');
    expect(q(el, '[data-comment-id=m] [part=avatar] img')).to.equal(null);
    expect(q(el, '[data-comment-id=u] [part=avatar] img')).to.equal(null);
    const broken = q<HTMLImageElement>(el, '[data-comment-id=f] [part=avatar] img')!;
    await waitUntil(() => broken.hidden, 'the broken avatar was not hidden');
    expect(text(q(el, '[data-comment-id=f] [part=avatar]'))).to.equal('B');
    await expect(el).to.be.accessible();
  });

  it('shows a relative avatar only when the provider allows relative images, and never links a relative author URL', async () => {
    const adapter = new FakeAdapter({
      articles: [openArticle('a')],
      comments: { a: [{ id: 'r', author: { name: 'Rel', avatarUrl: '/logout?from=avatar', url: '/account' }, published: '2013-10-16T10:00:00Z', bodyHtml: '<p>r</p>' }] },
    });
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => requests.push(...list.getEntries().map((entry) => entry.name)));
    observer.observe({ type: 'resource', buffered: false });
    const el = await thread(adapter, 'a', 'en');
    expect(q(el, '[data-comment-id=r] [part=avatar] img'), 'no image from a relative address by default').to.equal(null);
    expect(text(q(el, '[data-comment-id=r] [part=avatar]'))).to.equal('R');
    expect(q(el, '[data-comment-id=r] [part=author] a'), 'no link to a relative address').to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    expect(requests.filter((url) => url.includes('/logout'))).to.deep.equal([]);

    const provider = await fixture<HTMLElement>(html`<mag-provider allow-relative-images lang="en"
      ><mag-comment-thread article-id="a"></mag-comment-thread
    ></mag-provider>`);
    (provider as HTMLElement & { adapter: FakeAdapter }).adapter = adapter;
    const allowed = await settled(provider.querySelector('mag-comment-thread')!);
    expect(q<HTMLImageElement>(allowed, '[data-comment-id=r] [part=avatar] img')!.getAttribute('src')).to.equal('/logout?from=avatar');
    expect(q(allowed, '[data-comment-id=r] [part=author] a')).to.equal(null);
  });

  it('words a commenter without a name in the page\'s language, in the comment, a flattened reply and the reply form', async () => {
    const adapter = new FakeAdapter({
      articles: [openArticle('a')],
      comments: { a: [{ id: 'x', author: {}, published: '2013-10-16T10:00:00Z', bodyHtml: '<p>x</p>' }, { id: 'y', parentId: 'x', author: { name: 'Yann' }, published: '2013-10-16T11:00:00Z', bodyHtml: '<p>y</p>' }] },
      postComment: 'approved',
    });
    const el = await thread(adapter, 'a', 'fr', 'max-depth="0"');
    expect(text(q(el, '[data-comment-id=x] [part=author]'))).to.equal('Anonyme');
    expect(text(q(el, '[data-comment-id=x] [part=avatar]'))).to.equal('A');
    expect(text(q(el, '[data-comment-id=y] [part=in-reply-to]'))).to.equal('en réponse à Anonyme');
    q<HTMLButtonElement>(el, '[data-comment-id=x] [part=reply-button]')!.click();
    await waitUntil(() => q(el, 'li form'));
    expect(text(q(el, '[part=form-title]'))).to.match(/Anonyme/);
    await expect(el).to.be.accessible();
  });

  it('sanitizes bodies with the comment profile and the URL policy', async () => {
    const adapter = new FakeAdapter({
      articles: [openArticle('a')],
      comments: {
        a: [
          {
            id: 'h',
            author: { name: 'Mallory' },
            published: '2013-10-16T10:00:00Z',
            bodyHtml: `${hostileHtml}<h2>Big</h2><img src="https://example.org/x.png"><a href="https://ok.example">ok</a><a href="mailto:a@b.example">mail</a><a href="ftp://x.example">ftp</a><a href="/local">local</a>`,
          },
        ],
      },
    });
    const el = await thread(adapter, 'a', 'en');
    const body = q(el, '[part=body]')!;
    expect((window as unknown as { __magPwned?: boolean }).__magPwned).to.equal(undefined);
    expect(body.querySelector('script, img, iframe, form, input, style, h2, [style], [onerror]')).to.equal(null);
    const hrefs = [...body.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://ok.example', 'mailto:a@b.example']);
    for (const a of body.querySelectorAll('a[href]')) expect(a.getAttribute('rel')).to.equal('nofollow ugc noopener');
    expect(text(body)).to.contain('Big');
    await expect(el).to.be.accessible();
  });

  it('sanitizes each body once across renders', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: englishComments }, postComment: 'approved' });
    const el = await thread(adapter, 'a', 'en');
    const before = q(el, '[data-comment-id=e1] [part=body]');
    q(el, '[data-comment-id=e1] [part=reply-button]')!.click();
    await el.updateComplete;
    expect(q(el, '[data-comment-id=e1] [part=body]')).to.equal(before);
  });

  it('nests replies under their parent, oldest first, and flattens beyond max-depth with "in reply to"', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: deepReplies(6) } });
    const el = await thread(adapter, 'a', 'en', 'max-depth="2"');
    // d0 > d1 > d2, then d3..d5 flattened at depth 2 next to d2
    const d2 = q(el, '[data-comment-id=d2]')!.closest('li')!;
    expect(d2.classList.contains('depth-2')).to.equal(true);
    expect(q(el, '[data-comment-id=d1]')!.closest('li')!.querySelector<HTMLElement>(':scope > ol > li > article')!.dataset.commentId).to.equal('d2');
    const level2 = [...d2.parentElement!.children].map((li) => li.querySelector('article')!.dataset.commentId);
    expect(level2).to.deep.equal(['d2', 'd3', 'd4', 'd5']);
    expect(text(q(el, '[data-comment-id=d3] [part=in-reply-to]'))).to.equal('in reply to Person 3');
    expect(text(q(el, '[data-comment-id=d5] [part=in-reply-to]'))).to.equal('in reply to Person 5');
    expect(q(el, '[data-comment-id=d2] [part=in-reply-to]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says "en réponse à" in French', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: deepReplies(3) } });
    const el = await thread(adapter, 'a', 'fr', 'max-depth="1"');
    expect(text(q(el, '[data-comment-id=d2] [part=in-reply-to]'))).to.equal('en réponse à Person 2');
  });

  it('orders oldest first by default, newest first on request (replies stay oldest first)', async () => {
    const list: Comment[] = [
      { id: 'late', author: { name: 'B' }, published: '2013-10-18T00:00:00Z', bodyHtml: '' },
      { id: 'early', author: { name: 'A' }, published: '2013-10-16T00:00:00Z', bodyHtml: '' },
      { id: 'r2', parentId: 'early', author: { name: 'D' }, published: '2013-10-20T00:00:00Z', bodyHtml: '' },
      { id: 'r1', parentId: 'early', author: { name: 'C' }, published: '2013-10-19T00:00:00Z', bodyHtml: '' },
    ];
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: list } });
    const oldest = await thread(adapter, 'a', 'en');
    expect(qa(oldest, 'article').map((a) => a.dataset.commentId)).to.deep.equal(['early', 'r1', 'r2', 'late']);
    const newest = await thread(adapter, 'a', 'en', 'order="newest"');
    expect(qa(newest, 'article').map((a) => a.dataset.commentId)).to.deep.equal(['late', 'early', 'r1', 'r2']);
  });

  it('plans orphans at the top level and breaks reply cycles', () => {
    const plan = planThread([
      { id: 'o', parentId: 'missing', author: { name: 'O' }, published: '2013-10-16T00:00:00Z', bodyHtml: '' },
      { id: 'x', parentId: 'y', author: { name: 'X' }, published: '2013-10-17T00:00:00Z', bodyHtml: '' },
      { id: 'y', parentId: 'x', author: { name: 'Y' }, published: '2013-10-18T00:00:00Z', bodyHtml: '' },
    ]);
    expect(plan.order.map((n) => n.comment.id)).to.deep.equal(['o', 'x', 'y']);
    expect(plan.blocks[0].nodes.map((n) => n.comment.id)).to.deep.equal(['o', 'x']);
  });

  it('loads more with the cursor, moves focus to the first new comment and announces it', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: comments(25) }, pageSize: 10 });
    const el = await thread(adapter, 'a', 'en');
    expect(qa(el, 'article')).to.have.length(10);
    const more = q(el, '[part=load-more]')!;
    expect(text(more)).to.equal('Show more comments');
    await expect(el).to.be.accessible();
    more.click();
    await waitUntil(() => qa(el, 'article').length === 20);
    expect(adapter.log.filter((c) => c.method === 'listComments').map((c) => c.args[1])).to.deep.equal([undefined, '10']);
    await waitUntil(() => root(el).activeElement?.getAttribute('data-comment-id') === 'c10', 'focus did not move to the first new comment');
    await waitUntil(() => text(q(el, '.live')) === '10 more comments shown.');
    q(el, '[part=load-more]')!.click();
    await waitUntil(() => qa(el, 'article').length === 25);
    expect(q(el, '[part=load-more]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failed "load more" keeps the comments and retries', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: comments(15) }, pageSize: 10 });
    const el = await thread(adapter, 'a', 'fr');
    adapter.behaviour = { listComments: new MagAdapterError('network', 'down') };
    q(el, '[part=load-more]')!.click();
    await waitUntil(() => q(el, '.more [role=alert]'));
    expect(qa(el, 'article')).to.have.length(10);
    expect(text(q(el, '[part=load-more]'))).to.equal('Réessayer');
    await expect(el).to.be.accessible();
    adapter.behaviour = {};
    q(el, '[part=load-more]')!.click();
    await waitUntil(() => qa(el, 'article').length === 15);
  });

  it('refresh() reloads every page already shown, keeping them visible meanwhile', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: comments(25) }, pageSize: 10 });
    const el = await thread(adapter, 'a', 'en');
    q(el, '[part=load-more]')!.click();
    await waitUntil(() => qa(el, 'article').length === 20);
    adapter.data.comments.a[0] = { ...adapter.data.comments.a[0], bodyHtml: '<p>Edited</p>' };
    adapter.delay = 20;
    el.refresh();
    await el.updateComplete;
    expect(qa(el, 'article')).to.have.length(20);
    expect(q(el, '.thread')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => text(q(el, '[data-comment-id=c0] [part=body]')) === 'Edited');
    expect(qa(el, 'article')).to.have.length(20);
  });

  it('keeps the focus where the reader is when a reload redraws the list', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: comments(30) }, postComment: 'approved' });
    const el = await thread(adapter, 'a', 'en');
    const reply = q(el, '[data-comment-id=c27] .reply')!;
    reply.focus();
    // Compared as booleans: chai's message for two unequal elements can take the browser down.
    expect(root(el).activeElement === reply, 'focused before').to.equal(true);
    adapter.data.comments.a[0] = { ...adapter.data.comments.a[0], bodyHtml: '<p>Edited</p>' };
    el.refresh();
    await waitUntil(() => text(q(el, '[data-comment-id=c0] [part=body]')) === 'Edited');
    await el.updateComplete;
    expect(reply.isConnected, 'the same button is still shown').to.equal(true);
    expect(root(el).activeElement === reply, 'focus kept').to.equal(true);
  });

  it('renders a long thread in chunks: the first batch at once, all of them by updateComplete', async () => {
    const adapter = new FakeAdapter({ articles: [openArticle('a')], comments: { a: longThread(1000) }, pageSize: 1000 });
    const el = document.createElement('mag-comment-thread');
    el.adapter = adapter;
    el.articleId = 'a';
    await fixture(html`<div lang="en">${el}</div>`);
    await waitUntil(() => qa(el, 'article').length > 0);
    const first = qa(el, 'article').length;
    expect(first).to.be.above(0).and.below(1000);
    await el.updateComplete;
    expect(qa(el, 'article')).to.have.length(1000);
    expect(text(q(el, '[part=heading]'))).to.equal('1,000 comments');
  });

  it('shares the article with other elements through the provider', async () => {
    const adapter = new FakeAdapter({ articles: [seedArticle], comments: { [seedArticle.id]: seedComments } });
    const wrapper = await fixture<HTMLElement>(html`<mag-provider .adapter=${adapter} lang="fr">
      <mag-comment-thread article-id=${seedArticle.id}></mag-comment-thread>
      <mag-comment-thread article-id=${seedArticle.id}></mag-comment-thread>
    </mag-provider>`);
    for (const el of wrapper.querySelectorAll('mag-comment-thread')) await settled(el);
    expect(adapter.calls.getArticle).to.equal(1);
    expect(adapter.calls.listComments).to.equal(1);
  });
});
