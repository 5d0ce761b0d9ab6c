import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/mag-elements.js';
import type { MagProvider } from '../../src/components/provider/mag-provider.js';
import { JsonAdapter } from '../../src/adapters/json/json-adapter.js';

/**
 * A data file whose article ids and about box keys are names of `Object.prototype` members
 * (`constructor`, `__proto__`) is a valid file: the elements show it like any other.
 */
const shadowText = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

const fileText = JSON.stringify({
  version: 1,
  site: { title: 'T' },
  articles: [
    { id: 'constructor', title: 'The constructor article', published: '2020-01-02', bodyHtml: '<p>Body of constructor.</p>', commentsOpen: true },
    { id: '__proto__', title: 'The proto article', published: '2020-01-01', bodyHtml: '<p>Body of proto.</p>', commentsOpen: true },
  ],
  comments: { constructor: [{ id: 'c1', author: { name: 'Ada' }, published: '2020-01-03', bodyHtml: '<p>First comment.</p>' }] },
  // (a computed key: `__proto__: …` in an object literal would set its prototype instead)
  about: { ['__proto__']: { title: 'About proto', bioHtml: '<p>Bio of proto.</p>' } },
});

describe('elements fed ids named like Object.prototype members', () => {
  it('show the article, its comments, the recent list and the about box', async () => {
    const adapter = JsonAdapter.fromText(fileText);
    const page = await fixture<MagProvider>(html`<mag-provider lang="en" .adapter=${adapter}>
      <mag-article article-id="constructor"></mag-article>
      <mag-comment-thread article-id="constructor"></mag-comment-thread>
      <mag-article article-id="__proto__"></mag-article>
      <mag-recent-contributions></mag-recent-contributions>
      <mag-about-box key="__proto__"></mag-about-box>
    </mag-provider>`);
    const [constructorArticle, thread, protoArticle, recent, about] = page.children;
    await waitUntil(() => shadowText(thread).includes('First comment.'), `the thread shows: ${shadowText(thread)}`, { timeout: 5000 });
    await waitUntil(() => shadowText(about).includes('Bio of proto.'), `the about box shows: ${shadowText(about)}`);
    expect(shadowText(constructorArticle)).to.contain('Body of constructor.');
    expect(shadowText(protoArticle)).to.contain('Body of proto.');
    expect(shadowText(recent)).to.contain('The constructor article').and.contain('The proto article');
    for (const el of page.children) expect(el.shadowRoot?.querySelector('[role="alert"]'), `<${el.localName}> shows an error`).to.equal(null);
    await expect(page).to.be.accessible();
  });
});
