import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-comment-thread.js';
import '../../src/define/mag-provider.js';
import type { MagCommentThread } from '../../src/components/comment-thread/comment-thread.js';
import type { MagCommentPostedEvent, MagCommentSubmitEvent } from '../../src/components/comment-thread/comment-thread.events.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { Article, Comment, CommentDraft } from '../../src/core/model.js';
import { MemoryAdapter } from '../../src/adapters/json/memory-adapter.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import type { FakeAdapterOptions } from '../../stories/support/fake-adapter.js';
import { englishArticle, englishComments } from '../../stories/support/sample-data.js';

const q = <T extends Element = HTMLElement>(el: MagCommentThread, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const qa = <T extends Element = HTMLElement>(el: MagCommentThread, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const ARTICLE: Article = { ...englishArticle, id: 'open-post', commentsOpen: true };

async function settled(el: MagCommentThread): Promise<MagCommentThread> {
  await waitUntil(() => q(el, '.thread')?.getAttribute('aria-busy') === 'false' && !q(el, '[part=loading]'), 'the thread did not load');
  await el.updateComplete;
  return el;
}

async function openThread(options: FakeAdapterOptions = {}, lang = 'en', article = ARTICLE): Promise<{ el: MagCommentThread; adapter: FakeAdapter; wrapper: HTMLElement }> {
  const adapter = new FakeAdapter({ articles: [article], comments: { [article.id]: [...englishComments] }, postComment: 'approved', ...options });
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement('mag-comment-thread');
  el.articleId = article.id;
  el.adapter = adapter;
  wrapper.append(el);
  await settled(el);
  return { el, adapter, wrapper };
}

function type(el: MagCommentThread, id: string, value: string): void {
  const field = q<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function fill(el: MagCommentThread, values: Partial<Record<'name' | 'email' | 'website' | 'comment', string>> = {}): void {
  const all = { name: 'Ada', email: 'ada@example.org', website: '', comment: 'Well said.', ...values };
  for (const [id, value] of Object.entries(all)) type(el, id, value);
}

const memoryAdapter = () =>
  new MemoryAdapter({
    data: { version: 1, site: { title: 'Test' }, articles: [{ id: 'mem', title: 'Memory', published: '2013-10-16T00:00:00Z', bodyHtml: '<p>x</p>', commentsOpen: true }] },
  });

const submit = (el: MagCommentThread) => q<HTMLFormElement>(el, 'form')!.requestSubmit();

describe('<mag-comment-thread> posting', function () {
  // A shared 2-core machine can make the first test (axe's first run) slow; an axe run cut short by a
  // timeout makes every later check fail ("axe is already running"), so allow more than the default.
  this.timeout(30_000);

  afterEach(() => sessionStorage.clear());

  it('asks the reader to log in instead of showing the form when commenting needs an account (login-url)', async () => {
    const { el, adapter } = await openThread({}, 'fr');
    el.loginUrl = 'https://site.example/wp-login.php?redirect_to=%2Fpost';
    await el.updateComplete;
    expect(q(el, 'form'), 'no form').to.equal(null);
    expect(qa(el, '[part=reply-button]'), 'no Reply buttons').to.have.length(0);
    expect(text(q(el, '[part=login-notice]'))).to.equal('Vous devez être connecté pour publier un commentaire. Se connecter');
    expect(q(el, '[part=login-link]')!.getAttribute('href')).to.equal('https://site.example/wp-login.php?redirect_to=%2Fpost');
    await expect(el).to.be.accessible();
    expect(adapter.calls.postComment).to.equal(0);
    // Only an http(s) address is a login page: anything else is ignored.
    el.loginUrl = 'javascript:alert(1)';
    await el.updateComplete;
    expect(q(el, '[part=login-notice]')).to.equal(null);
    expect(q(el, 'form')).to.not.equal(null);
    // Comments closed: the closed notice, not the login sentence.
    el.loginUrl = 'https://site.example/login';
    el.disabled = true;
    await el.updateComplete;
    expect(q(el, '[part=login-notice]')).to.equal(null);
    expect(q(el, '[part=closed-notice]')).to.not.equal(null);
  });

  it('has a real, labelled form with browser validation', async () => {
    const { el } = await openThread();
    const form = q<HTMLFormElement>(el, 'form')!;
    expect(text(q(el, '[part=form-title]'))).to.equal('Leave a comment');
    expect(q<HTMLInputElement>(el, '#name')!.required).to.equal(true);
    expect(q<HTMLInputElement>(el, '#email')!.type).to.equal('email');
    expect(q<HTMLInputElement>(el, '#email')!.autocomplete).to.equal('email');
    expect(q<HTMLInputElement>(el, '#website')!.required).to.equal(false);
    expect(text(q(el, 'label[for=website]'))).to.equal('Website (optional)');
    expect(q<HTMLTextAreaElement>(el, '#comment')!.required).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a clear message on each invalid field and does not post', async () => {
    const { el, adapter } = await openThread({}, 'fr');
    type(el, 'email', 'not an email');
    submit(el);
    await el.updateComplete;
    expect(adapter.calls.postComment).to.equal(0);
    expect(q(el, '#name')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(q(el, '#name-error'))).to.equal('Vérifiez ce champ : Nom.');
    expect(text(q(el, '#email-error'))).to.equal('Vérifiez ce champ : Adresse e-mail.');
    expect(q(el, '#email')!.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    expect(q(el, '#website-error')).to.equal(null);
    await expect(el).to.be.accessible();
    type(el, 'name', 'Ada');
    await el.updateComplete;
    expect(q(el, '#name-error')).to.equal(null);
  });

  it('posts: the new comment appears, focused, without reloading the thread', async () => {
    const { el, adapter } = await openThread();
    const loads = adapter.calls.listComments;
    fill(el, { comment: 'First line.\n\nSecond <b>paragraph</b>.' });
    setTimeout(() => submit(el));
    const posted = (await oneEvent(el, 'mag-comment-posted')) as unknown as MagCommentPostedEvent;
    await el.updateComplete;
    expect(posted.comment.status).to.equal('approved');
    expect(adapter.log.find((c) => c.method === 'postComment')!.args).to.deep.equal([
      'open-post',
      { authorName: 'Ada', authorEmail: 'ada@example.org', bodyText: 'First line.\n\nSecond <b>paragraph</b>.' },
    ]);
    const articles = qa(el, 'article');
    expect(articles).to.have.length(4);
    const mine = articles[3];
    expect(text(mine.querySelector('[part=body]'))).to.equal('First line.Second <b>paragraph</b>.');
    expect(mine.querySelector('b')).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === mine, 'focus did not move to the new comment');
    expect(text(q(el, '[part=form-message]'))).to.equal('Your comment was posted.');
    expect(text(q(el, '[part=heading]'))).to.equal('4 comments');
    expect(q<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('');
    expect(q<HTMLInputElement>(el, '#name')!.value).to.equal('Ada');
    expect(adapter.calls.listComments).to.equal(loads);
    await expect(el).to.be.accessible();
  });

  it('keeps loaded pages when a comment is posted (no reload, no lost pages)', async () => {
    const many: Comment[] = Array.from({ length: 15 }, (_, i) => ({ id: `p${i}`, author: { name: `R${i}` }, published: new Date(Date.UTC(2013, 9, 16, 0, i)).toISOString(), bodyHtml: '<p>x</p>' }));
    const { el, adapter } = await openThread({ comments: { 'open-post': many }, pageSize: 10 });
    q(el, '[part=load-more]')!.click();
    await waitUntil(() => qa(el, 'article').length === 15);
    fill(el);
    submit(el);
    await waitUntil(() => qa(el, 'article').length === 16);
    expect(adapter.calls.listComments).to.equal(2);
  });

  it('shows "awaiting moderation" for a pending comment', async () => {
    const { el } = await openThread({ postComment: 'pending' }, 'fr');
    fill(el);
    submit(el);
    await waitUntil(() => q(el, '[part=form-message]'));
    expect(text(q(el, '[part=form-message]'))).to.equal('Votre commentaire a bien été reçu et attend la validation d’un modérateur.');
    expect(q(el, '[part=form-message]')!.getAttribute('role')).to.equal('status');
    expect(text(q(el, '[part=pending-badge]'))).to.equal('En attente de modération');
    expect(text(q(el, '[part=heading]'))).to.equal('3 commentaires');
    await expect(el).to.be.accessible();
  });

  it('disables double submission while posting', async () => {
    const { el, adapter } = await openThread({ behaviour: { postComment: 'never' } });
    fill(el);
    submit(el);
    await el.updateComplete;
    const button = q(el, '[part=submit]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Posting…');
    await expect(el).to.be.accessible();
    submit(el);
    button.click();
    await el.updateComplete;
    expect(adapter.calls.postComment).to.equal(1);
    expect(q<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('Well said.');
  });

  const failures: [string, MagAdapterError, RegExp][] = [
    ['duplicate', new MagAdapterError('duplicate', 'dup'), /already posted this comment/],
    ['too fast', new MagAdapterError('too-fast', 'slow down'), /too quickly/],
    ['network', new MagAdapterError('network', 'down'), /could not be reached/],
    ['timeout', new MagAdapterError('timeout', 'late'), /did not answer in time/],
    ['rejected', new MagAdapterError('rejected', 'spam'), /The comment was refused/],
    // The backend's own words for the reader follow the element's message; the integrator's message does not.
    ['rejected with a reason', new MagAdapterError('rejected', 'HTTP 403 from the spam filter', { reason: 'Your comment looks like spam.' }), /^The comment was refused\.? Your comment looks like spam\.$/],
  ];
  for (const [name, error, message] of failures) {
    it(`shows a ${name} failure precisely and keeps what was typed`, async () => {
      const { el } = await openThread({ postComment: error });
      fill(el, { comment: 'Do not lose me.' });
      submit(el);
      await waitUntil(() => q(el, '[part=form-message]'));
      const shown = q(el, '[part=form-message]')!;
      expect(text(shown)).to.match(message);
      expect(shown.getAttribute('role')).to.equal('alert');
      expect(q<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('Do not lose me.');
      expect(q(el, '[part=submit]')!.getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    });
  }

  it('marks and focuses the field the backend rejected', async () => {
    const { el } = await openThread({ postComment: new MagAdapterError('rejected', 'Bad email', { field: 'authorEmail' }) });
    fill(el);
    submit(el);
    await waitUntil(() => q(el, '#email-error'));
    expect(text(q(el, '#email-error'))).to.equal('Please check this field: Email.');
    expect(q(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'email');
    await expect(el).to.be.accessible();
  });

  it('switches to the closed state when comments were closed meanwhile, keeping the text readable', async () => {
    const { el } = await openThread({ postComment: new MagAdapterError('closed', 'closed') });
    fill(el, { comment: 'Too late?' });
    submit(el);
    await waitUntil(() => q(el, '[part=closed-notice]'));
    expect(text(q(el, '[part=form-message]'))).to.match(/closed on this post in the meantime/);
    expect(q(el, '[part=submit]')).to.equal(null);
    expect(q(el, '[part=reply-button]')).to.equal(null);
    const body = q<HTMLTextAreaElement>(el, '#comment')!;
    expect(body.value).to.equal('Too late?');
    expect(body.readOnly).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keeps the draft across a reload and announces it; clears it after posting', async () => {
    const first = await openThread();
    fill(first.el, { comment: 'Half-written thought' });
    first.el.remove();
    const { el } = await openThread();
    expect(q<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('Half-written thought');
    expect(q<HTMLInputElement>(el, '#name')!.value).to.equal('Ada');
    await waitUntil(() => text(q(el, '.live')) === 'Your unsent comment was restored.');
    submit(el);
    await waitUntil(() => q(el, '[part=form-message]'));
    expect(sessionStorage.getItem('mag-comment-draft:open-post')).to.equal(null);
    el.remove();
    const again = await openThread();
    expect(q<HTMLTextAreaElement>(again.el, '#comment')!.value).to.equal('');
  });

  it('keeps the draft after a failure and restores it after a reload', async () => {
    const { el } = await openThread({ postComment: new MagAdapterError('network', 'down') });
    fill(el, { comment: 'Survive this.' });
    submit(el);
    await waitUntil(() => q(el, '[part=form-message]'));
    el.remove();
    const reloaded = await openThread();
    expect(q<HTMLTextAreaElement>(reloaded.el, '#comment')!.value).to.equal('Survive this.');
  });

  it('replies: the form moves under the comment, Escape returns focus to "Reply"', async () => {
    const { el, adapter } = await openThread();
    const reply = q(el, '[data-comment-id=e2] [part=reply-button]')!;
    expect(reply.getAttribute('aria-label')).to.equal('Reply to Grace');
    reply.click();
    await el.updateComplete;
    const form = q(el, 'form')!;
    expect(form.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('e2');
    expect(text(q(el, '[part=form-title]'))).to.equal('Reply to Grace');
    expect(reply.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'name');
    await expect(el).to.be.accessible();
    type(el, 'comment', 'kept');
    q(el, '#comment')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === reply, 'focus did not return to Reply');
    expect(text(q(el, '[part=form-title]'))).to.equal('Leave a comment');
    expect(q<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('kept');
    // Reply for real, with the cancel button available
    reply.click();
    await el.updateComplete;
    expect(q(el, '[part=cancel]')).to.not.equal(null);
    fill(el, { comment: 'A reply.' });
    submit(el);
    await waitUntil(() => q(el, '[part=form-message]'));
    expect((adapter.log.find((c) => c.method === 'postComment')!.args[1] as CommentDraft).parentId).to.equal('e2');
    const mine = qa(el, 'article').find((a) => text(a.querySelector('[part=body]')) === 'A reply.')!;
    expect(mine.closest('ol')!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('e2');
  });

  it('the cancel button returns focus to "Reply"', async () => {
    const { el } = await openThread({}, 'fr');
    const reply = q(el, '[data-comment-id=e1] [part=reply-button]')!;
    reply.click();
    await el.updateComplete;
    expect(text(q(el, '[part=cancel]'))).to.equal('Annuler la réponse');
    q(el, '[part=cancel]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === reply);
  });

  it('a host takes over with a cancelable mag-comment-submit', async () => {
    const { el, adapter, wrapper } = await openThread();
    wrapper.addEventListener('mag-comment-submit', (e) => e.preventDefault(), { once: true });
    fill(el);
    setTimeout(() => submit(el));
    const event = (await oneEvent(wrapper, 'mag-comment-submit')) as unknown as MagCommentSubmitEvent;
    expect(event.articleId).to.equal('open-post');
    expect(event.draft.authorName).to.equal('Ada');
    expect(event.cancelable && event.composed && event.bubbles).to.equal(true);
    await el.updateComplete;
    expect(adapter.calls.postComment).to.equal(0);
    expect(q<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('Well said.');
  });

  it('posts through the in-memory JSON adapter (MemoryAdapter) via a provider', async () => {
    const memory = memoryAdapter();
    const wrapper = await fixture<HTMLElement>(html`<mag-provider .adapter=${memory} lang="en"><mag-comment-thread article-id="mem"></mag-comment-thread></mag-provider>`);
    const el = wrapper.querySelector('mag-comment-thread')!;
    await settled(el);
    expect(text(q(el, '[part=empty]'))).to.equal('No comments yet.');
    fill(el, { comment: 'Stored in memory.' });
    submit(el);
    await waitUntil(() => qa(el, 'article').length === 1);
    expect(text(q(el, '[part=body]'))).to.equal('Stored in memory.');
    expect(text(q(el, '[part=heading]'))).to.equal('1 comment');
    // An explicit refresh reloads from the adapter and still shows it once.
    el.refresh();
    await settled(el);
    await waitUntil(() => q(el, '.thread')!.getAttribute('aria-busy') === 'false');
    expect(qa(el, 'article')).to.have.length(1);
    expect(text(q(el, '[part=heading]'))).to.equal('1 comment');
  });

  it('a duplicate from the in-memory adapter is reported', async () => {
    const memory = memoryAdapter();
    const wrapper = await fixture<HTMLElement>(html`<mag-provider .adapter=${memory} lang="en"><mag-comment-thread article-id="mem"></mag-comment-thread></mag-provider>`);
    const el = wrapper.querySelector('mag-comment-thread')!;
    await settled(el);
    fill(el, { comment: 'Twice.' });
    submit(el);
    await waitUntil(() => qa(el, 'article').length === 1);
    fill(el, { comment: 'Twice.' });
    submit(el);
    await waitUntil(() => q(el, '[part=form-message][role=alert]'));
    expect(text(q(el, '[part=form-message]'))).to.equal('You have already posted this comment.');
  });
});
