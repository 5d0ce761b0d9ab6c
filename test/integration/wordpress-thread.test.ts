import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-comment-thread.js';
import '../../src/define/mag-provider.js';
import '../../src/register.js';
import type { MagCommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { WordPressAdapter } from '../../src/adapters/wordpress/wordpress-adapter.js';
import type { Article, RequestOptions } from '../../src/core/model.js';
import { wordpressSeed, wordpressUrl } from '../helpers/backends.js';

/**
 * <mag-comment-thread> against a real WordPress (issue 6): a comment posted through the element is
 * then read back from WordPress's own REST API; posting on an article closed meanwhile switches the
 * thread to its closed state and keeps what the reader typed.
 */
let wp: string;
let seed: Awaited<ReturnType<typeof wordpressSeed>>;

const text = (el: Node | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const q = <T extends Element = HTMLElement>(el: MagCommentThread, selector: string) => el.shadowRoot!.querySelector<T>(selector);

function fill(el: MagCommentThread, values: Record<'name' | 'email' | 'comment', string>): void {
  for (const [id, value] of Object.entries(values)) {
    const field = q<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
}

async function openThread(adapter: WordPressAdapter, articleId: string): Promise<MagCommentThread> {
  const provider = await fixture<HTMLElement>(html`<mag-provider lang="en" .adapter=${adapter}><mag-comment-thread article-id=${articleId}></mag-comment-thread></mag-provider>`);
  const el = provider.querySelector('mag-comment-thread')!;
  await waitUntil(() => q(el, 'form') || q(el, '[part="closed-notice"]'), 'the thread never loaded', { timeout: 15_000 });
  return el;
}

describe('<mag-comment-thread> with a real WordPress', function () {
  this.timeout(60_000);

  before(async function () {
    this.timeout(180_000);
    wp = await wordpressUrl();
    seed = await wordpressSeed();
  });

  afterEach(() => sessionStorage.clear());

  it('posts a comment, shows it, and WordPress has it', async () => {
    const el = await openThread(new WordPressAdapter({ endpoint: `${wp}/wp-json` }), String(seed.posts.letters));
    const body = `Posted through the element ${Date.now()} ${Math.random().toString(36).slice(2)}`;
    fill(el, { name: 'Reader Test', email: 'reader@example.test', comment: body });
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitUntil(() => text(el.shadowRoot).includes(body), 'the posted comment never appeared', { timeout: 15_000 });
    await expect(el).to.be.accessible();

    const res = await fetch(`${wp}/wp-json/wp/v2/comments?post=${seed.posts.letters}&search=${encodeURIComponent(body)}`);
    const comments = (await res.json()) as { author_name: string; content: { rendered: string } }[];
    expect(comments).to.have.length(1);
    expect(comments[0].author_name).to.equal('Reader Test');
    expect(comments[0].content.rendered).to.contain(body);
  });

  it('<mag-provider adapter="wordpress" nonce>: reads without the nonce, posts with it (X-WP-Nonce)', async () => {
    // WordPress refuses a request whose X-WP-Nonce it cannot verify: the post is refused, the reading is not.
    const provider = await fixture<HTMLElement>(
      `<mag-provider adapter="wordpress" endpoint="${wp}/wp-json" nonce="not-a-nonce" lang="en"><mag-comment-thread article-id="letters"></mag-comment-thread></mag-provider>`,
    );
    const el = provider.querySelector('mag-comment-thread')!;
    await waitUntil(() => q(el, 'form'), 'the thread never loaded', { timeout: 15_000 });
    const body = `Posted with the page's nonce ${Date.now()} ${Math.random().toString(36).slice(2)}`;
    fill(el, { name: 'Nonce Reader', email: 'nonce@example.test', comment: body });
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitUntil(() => q(el, '[part="form-message"][role="alert"]'), 'the refusal was never shown', { timeout: 15_000 });
    expect(text(q(el, '[part="form-message"]'))).to.equal('The comment was refused.');
    await expect(el).to.be.accessible();
    const res = await fetch(`${wp}/wp-json/wp/v2/comments?post=${seed.posts.letters}&search=${encodeURIComponent(body)}`);
    expect(await res.json(), 'nothing was posted').to.deep.equal([]);
  });

  it('switches to the closed state when comments were closed meanwhile, keeping the text', async () => {
    // The page was loaded while comments were open: the adapter still says so, WordPress does not.
    class StaleOpen extends WordPressAdapter {
      override async getArticle(ref: string, opts?: RequestOptions): Promise<Article> {
        return { ...(await super.getArticle(ref, opts)), commentsOpen: true };
      }
    }
    const el = await openThread(new StaleOpen({ endpoint: `${wp}/wp-json` }), String(seed.posts.roundup));
    expect(q(el, 'form'), 'the stale article shows a form').to.not.equal(null);
    const body = `Too late ${Date.now()}`;
    fill(el, { name: 'Late Reader', email: 'late@example.test', comment: body });
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitUntil(() => q(el, '[part="closed-notice"]'), 'the thread did not switch to its closed state', { timeout: 15_000 });
    expect(text(q(el, '[part="closed-notice"]'))).to.equal('Comments are closed for this post.');
    expect(text(el.shadowRoot)).to.contain('Moths!');
    const kept = q<HTMLTextAreaElement>(el, 'textarea');
    expect(kept?.value, 'what the reader typed is kept').to.equal(body);
    await expect(el).to.be.accessible();
  });
});
