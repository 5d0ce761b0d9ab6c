// Data that is valid by the format's rules but hostile in size, shape or names (issue 22): nothing of it
// may crash or freeze the page, or take a reader's text away.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-article.js';
import '../../src/define/mag-comment-thread.js';
import '../../src/define/mag-subscribe-form.js';
import type { MagArticle } from '../../src/components/article/article.js';
import type { MagCommentThread } from '../../src/components/comment-thread/comment-thread.js';
import type { MagSubscribeForm } from '../../src/components/subscribe-form/subscribe-form.js';
import { MemoryAdapter } from '../../src/adapters/json/memory-adapter.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagErrorCode } from '../../src/core/errors.js';
import type { Article, Comment, CommentDraft } from '../../src/core/model.js';
import { provideAdapter } from '../../src/core/provide.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { englishArticle } from '../../stories/support/sample-data.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const article = (id = 'a', extra: Partial<Article> = {}): Article => ({ ...englishArticle, id, commentsOpen: true, commentCount: undefined, ...extra });
const comment = (id: string, extra: Partial<Comment> = {}): Comment => ({ id, author: { name: `Reader ${id}` }, published: '2013-10-16T10:00:00Z', bodyHtml: `<p>${id}</p>`, ...extra });

async function thread(adapter: FakeAdapter, attributes: Record<string, string> = {}): Promise<MagCommentThread> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="en"></div>`);
  const el = document.createElement('mag-comment-thread');
  for (const [name, value] of Object.entries({ 'article-id': 'a', ...attributes })) el.setAttribute(name, value);
  el.adapter = adapter;
  wrapper.append(el);
  await waitUntil(() => shadow(el).querySelector('.thread')?.getAttribute('aria-busy') === 'false', 'the thread did not load', { timeout: 20_000 });
  return el;
}

describe('hostile input', function () {
  this.timeout(60_000);

  it('an error code an adapter made up (`toString`, `constructor`) shows the generic message, never a function', async () => {
    for (const code of ['toString', 'constructor', '__proto__']) {
      const adapter = new FakeAdapter({ behaviour: { getArticle: new MagAdapterError(code as MagErrorCode, 'odd') } });
      const el = await fixture<MagArticle>(html`<mag-article lang="en" article-id="a" .adapter=${adapter}></mag-article>`);
      await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'the error is shown');
      expect(text(shadow(el).querySelector('[role="alert"] p')), code).to.equal('Something went wrong.');
    }
  });

  it('a 5,000-deep chain of replies with max-depth set very high renders, nested at most 10 levels', async () => {
    const chain = Array.from({ length: 5000 }, (_, i) => comment(`c${i}`, { parentId: i ? `c${i - 1}` : undefined, published: new Date(Date.UTC(2013, 0, 1, 0, 0, i)).toISOString() }));
    const el = await thread(new FakeAdapter({ articles: [article()], comments: { a: chain }, pageSize: 5000 }), { 'max-depth': '100000' });
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('article[data-comment-id]')).to.have.length(5000);
    expect(shadow(el).querySelector('li.depth-10')).to.not.equal(null);
    expect(shadow(el).querySelector('li.depth-11')).to.equal(null);
    expect(text(shadow(el).querySelector('[data-comment-id="c4999"] [part="in-reply-to"]'))).to.equal('in reply to Reader c4998');
  });

  it('thousands of replies to one comment are revealed a part at a time, like a long list of comments', async () => {
    const replies = Array.from({ length: 3000 }, (_, i) => comment(`r${i}`, { parentId: 'root', published: new Date(Date.UTC(2013, 0, 2, 0, 0, i)).toISOString() }));
    const adapter = new FakeAdapter({ articles: [article()], comments: { a: [comment('root'), ...replies] }, pageSize: 5000 });
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const el = document.createElement('mag-comment-thread');
    el.setAttribute('article-id', 'a');
    el.adapter = adapter;
    wrapper.append(el);
    // The first update that shows comments shows a first screen of them, not the 3,001.
    await waitUntil(() => shadow(el).querySelector('article[data-comment-id]'), 'comments are shown');
    const first = shadow(el).querySelectorAll('article[data-comment-id]').length;
    expect(first).to.be.at.most(100);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('article[data-comment-id]')).to.have.length(3001);
    expect(shadow(el).querySelectorAll('li.depth-0')).to.have.length(1);
  });

  it('a failed reload of the article keeps the thread, the form, the text typed and the focus, with the error and a retry', async () => {
    const adapter = new FakeAdapter({ articles: [article()], comments: { a: [comment('one')] }, postComment: 'approved' });
    const el = await thread(adapter);
    const field = shadow(el).querySelector<HTMLTextAreaElement>('#comment')!;
    field.focus();
    field.value = 'Half a thought';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    adapter.behaviour.getArticle = new MagAdapterError('network', 'blip');
    el.refresh();
    await waitUntil(() => shadow(el).querySelector('[role="alert"] [part="retry"], [part="retry"]'), 'the error is shown');
    await el.updateComplete;
    const after = shadow(el).querySelector<HTMLTextAreaElement>('#comment');
    expect(after, 'the form stays').to.equal(field);
    expect(after!.value).to.equal('Half a thought');
    expect(shadow(el).activeElement).to.equal(field);
    expect(shadow(el).querySelectorAll('article[data-comment-id]')).to.have.length(1);
    adapter.behaviour.getArticle = undefined;
    shadow(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => !shadow(el).querySelector('[part="retry"]'), 'the retry loads the article');
    expect(shadow(el).querySelector<HTMLTextAreaElement>('#comment')!.value).to.equal('Half a thought');
  });

  it('the comment form has a named honeypot: filled, the adapter gets it and the memory adapter stores nothing', async () => {
    const adapter = new MemoryAdapter({
      data: { version: 1, site: { title: 'T' }, articles: [{ id: 'a', title: 'A', published: '2013-10-16T00:00:00Z', bodyHtml: '<p>x</p>', commentsOpen: true }] },
    });
    const drafts: CommentDraft[] = [];
    const post = adapter.postComment.bind(adapter);
    adapter.postComment = (articleId, draft, opts) => {
      drafts.push(draft);
      return post(articleId, draft, opts);
    };
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const el = document.createElement('mag-comment-thread');
    el.setAttribute('article-id', 'a');
    el.adapter = adapter;
    wrapper.append(el);
    await waitUntil(() => shadow(el).querySelector('form'), 'the form is shown');
    const honeypot = shadow(el).querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.closest('[aria-hidden="true"]')).to.not.equal(null);
    for (const [id, value] of [['name', 'Bot'], ['email', 'bot@example.org'], ['comment', 'Buy now']]) {
      const field = shadow(el).querySelector<HTMLInputElement>(`#${id}`)!;
      field.value = value;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    honeypot.value = 'https://spam.example/';
    shadow(el).querySelector('form')!.requestSubmit();
    await waitUntil(() => drafts.length === 1, 'the adapter was asked to post');
    expect(drafts[0].honeypot).to.equal('https://spam.example/');
    await waitUntil(() => shadow(el).querySelector('[part="form-message"]'), 'an outcome is shown');
    const page = await adapter.listComments('a');
    expect(page.comments).to.have.length(0);
  });

  it("the subscribe form's honeypot is a named field, posted with a native form", async () => {
    const el = await fixture<MagSubscribeForm>(html`<mag-subscribe-form lang="en" action="/api/subscribe"></mag-subscribe-form>`);
    const honeypot = shadow(el).querySelector<HTMLInputElement>('#hp')!;
    expect(honeypot.name).to.equal('website');
    expect([...new FormData(shadow(el).querySelector('form')!).keys()]).to.include('website');
  });

  it('provideAdapter() called after the elements are in the page gives them their data', async () => {
    const container = await fixture<HTMLElement>(html`<div lang="en"><mag-article article-id="a"></mag-article></div>`);
    const el = container.querySelector<MagArticle>('mag-article')!;
    await el.updateComplete;
    provideAdapter(container, new FakeAdapter({ articles: [article('a', { title: 'Provided late' })] }));
    await waitUntil(() => text(shadow(el).querySelector('[part="title"]')) === 'Provided late', 'the article is shown', { timeout: 5000 });
  });
});
