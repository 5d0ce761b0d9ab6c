import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define/mag-about-box.js';
import '../../src/define/mag-article.js';
import '../../src/define/mag-comment-feed-link.js';
import '../../src/define/mag-comment-thread.js';
import '../../src/define/mag-recent-contributions.js';
import '../../src/define/mag-subscribe-form.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { About, Article, ArticleSummary, Comment } from '../../src/core/model.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { aboutBoxes, recentContributions, seedArticle } from '../../stories/support/sample-data.js';

/**
 * Hostile data, valid by the data format's rules, must stay inside each element's box: no
 * horizontal scroll on the page, nothing wider than the element, a bounded height, and the text
 * still there (the deepest words of deep nesting are shown, inside the box).
 */

const WIDTH = 360;
/** An unbreakable word, 3,000 letters long. */
const LONG = `Anticonstitutionnellement${'x'.repeat(3000)}`;
const DEEP_TEXT = 'Les mots du fond';
const nested = (open: string, close: string, depth = 200) => `${open.repeat(depth)}${DEEP_TEXT}${close.repeat(depth)}`;

/** Bodies for the fields that take HTML (article, comment, bio: each profile keeps what it allows). */
const bodies: Record<string, string> = {
  'a long word': `<p>${LONG}</p>`,
  'a long word in code': `<p><code>${LONG}</code></p><pre>${LONG}</pre>`,
  'a long word in a table cell': `<table><tr><td>${LONG}</td><td>${DEEP_TEXT}</td></tr></table>`,
  '200 nested quotations': nested('<blockquote>', '</blockquote>'),
  '200 nested lists': nested('<ul><li>', '</li></ul>'),
  '200 nested numbered lists': nested('<ol><li>', '</li></ol>'),
  '200 nested definition lists': nested('<dl><dt>Terme</dt><dd>', '</dd></dl>'),
  '60 nested tables': nested('<table><tr><td>', '</td></tr></table>', 60),
  '200 nested subscripts and superscripts': nested('<sub><sup>', '</sup></sub>'),
  'an image 1,000,000 px tall': `<p>${DEEP_TEXT}</p><img src="/demo/img/about-author.svg" alt="" width="10" height="1000000"><img src="/demo/img/about-author.svg" alt="" height="1000000">`,
  'sizes on a table': `<table width="100000" height="1000000"><tr><td width="100000" height="1000000">${DEEP_TEXT}</td></tr></table>`,
  'a list numbered from 10^15': `<ol start="999999999999999"><li>${DEEP_TEXT}</li></ol>`,
};

interface Case {
  name: string;
  render: () => TemplateResult;
  /** The element has shown its data. */
  ready: (root: ShadowRoot) => boolean;
  /** Words the element must still show, inside its box. */
  text?: string;
}

const article = (changes: Partial<Article>): Article => ({ ...seedArticle, ...changes });
const comment = (changes: Partial<Comment>, id = 'c1'): Comment => ({ id, author: { name: 'Ada' }, published: '2013-10-17T08:00:00Z', bodyHtml: '<p>Hello</p>', ...changes });
const articleReady = (root: ShadowRoot) => !!root.querySelector('article');
const threadReady = (root: ShadowRoot) => !!root.querySelector('[part="list"]');

const cases: Case[] = [
  // <mag-article>
  ...Object.entries(bodies).map(([name, bodyHtml]) => ({
    name: `<mag-article>: ${name} in the body`,
    render: () => html`<mag-article .article=${article({ bodyHtml })}></mag-article>`,
    ready: articleReady,
    // A table too wide for the article scrolls: its second cell is out of view until then.
    text: bodyHtml.includes(DEEP_TEXT) && name !== 'a long word in a table cell' ? DEEP_TEXT : undefined,
  })),
  {
    name: '<mag-article>: long title, author, sections and neighbours',
    render: () => html`<mag-article
      .article=${article({
        title: LONG,
        author: { name: LONG, url: '/a' },
        sections: [{ name: LONG, url: '/s' }, { name: LONG }],
        previous: { id: 'p', title: LONG, url: '/p' },
        next: { id: 'n', title: LONG, url: '/n' },
      })}
    ></mag-article>`,
    ready: articleReady,
  },
  // <mag-comment-thread>
  ...Object.entries(bodies).map(([name, bodyHtml]) => ({
    name: `<mag-comment-thread>: ${name} in a comment`,
    render: () => html`<mag-comment-thread article-id=${seedArticle.id} .adapter=${new FakeAdapter({ articles: [seedArticle], comments: { [seedArticle.id]: [comment({ bodyHtml })] } })}></mag-comment-thread>`,
    ready: threadReady,
    text: bodyHtml.includes(DEEP_TEXT) ? DEEP_TEXT : undefined,
  })),
  {
    name: '<mag-comment-thread>: long names, a deep chain of replies with a large max-depth',
    render: () => {
      const chain = Array.from({ length: 60 }, (_, i) => comment({ author: { name: `${LONG}${i}`, url: 'https://example.org/' }, ...(i ? { parentId: `r${i - 1}` } : {}) }, `r${i}`));
      return html`<mag-comment-thread
        article-id=${seedArticle.id}
        max-depth="100"
        .adapter=${new FakeAdapter({ articles: [{ ...seedArticle, commentsOpen: true }], comments: { [seedArticle.id]: chain } })}
      ></mag-comment-thread>`;
    },
    ready: threadReady,
  },
  {
    name: '<mag-comment-thread>: "in reply to" a long name',
    render: () => {
      const chain = Array.from({ length: 4 }, (_, i) => comment({ author: { name: `${LONG}${i}` }, ...(i ? { parentId: `r${i - 1}` } : {}) }, `r${i}`));
      return html`<mag-comment-thread article-id=${seedArticle.id} max-depth="1" .adapter=${new FakeAdapter({ articles: [seedArticle], comments: { [seedArticle.id]: chain } })}></mag-comment-thread>`;
    },
    ready: (root) => !!root.querySelector('[part="in-reply-to"]'),
  },
  // <mag-comment-feed-link>
  {
    name: '<mag-comment-feed-link>: a long title',
    render: () => html`<mag-comment-feed-link article-id=${seedArticle.id} .adapter=${new FakeAdapter({ articles: [article({ title: LONG })] })}></mag-comment-feed-link>`,
    ready: (root) => !!root.querySelector('[part="link"]'),
  },
  // <mag-recent-contributions>
  {
    name: '<mag-recent-contributions>: long titles and sections',
    render: () => {
      const recent: ArticleSummary[] = recentContributions.map((a, i) => ({ ...a, title: `${LONG}${i}`, sections: [{ name: LONG, url: '/s' }, { name: LONG }] }));
      return html`<mag-recent-contributions .adapter=${new FakeAdapter({ recent })}></mag-recent-contributions>`;
    },
    ready: (root) => !!root.querySelector('[part="list"]'),
  },
  // <mag-subscribe-form>
  {
    name: "<mag-subscribe-form>: the server's reason for refusing, one long word",
    render: () => html`<mag-subscribe-form .adapter=${new FakeAdapter({ subscribe: new MagAdapterError('rejected', LONG) })}></mag-subscribe-form>`,
    ready: (root) => {
      const input = root.querySelector<HTMLInputElement>('input[type="email"]');
      if (input && !input.value) {
        input.value = 'lecteur@example.org';
        root.querySelector('form')!.requestSubmit();
      }
      return !!root.querySelector('[part="message"].error');
    },
  },
  // <mag-about-box>
  ...Object.entries(bodies).map(([name, bioHtml]) => ({
    name: `<mag-about-box>: ${name} in the bio`,
    render: () => html`<mag-about-box .about=${{ ...aboutBoxes.author, bioHtml } satisfies About}></mag-about-box>`,
    ready: (root: ShadowRoot) => !!root.querySelector('[part="bio"]'),
    text: bioHtml.includes(DEEP_TEXT) ? DEEP_TEXT : undefined,
  })),
  {
    name: '<mag-about-box>: long title, name and links, a photo',
    render: () => html`<mag-about-box
      .about=${{ title: LONG, name: LONG, bioHtml: '<p>Bio</p>', photoUrl: `${location.origin}/demo/img/about-author.svg`, contactUrl: 'mailto:a@example.org', links: [{ label: LONG, url: '/x' }, { label: LONG, url: '/y' }] } satisfies About}
    ></mag-about-box>`,
    ready: (root) => !!root.querySelector('[part="bio"]'),
  },
];

/** The rectangle of the first occurrence of `words` in the element's shadow tree, if shown. */
function wordsBox(root: ShadowRoot, words: string): DOMRect | undefined {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    return range.getBoundingClientRect();
  }
  return undefined;
}

/** What is wrong with `item` rendered at WIDTH px: nothing when its content stays inside its box. */
async function problems(item: Case): Promise<string[]> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="fr" style="width: ${WIDTH}px; font: 16px/1.5 serif">${item.render()}</div>`);
  const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
  await waitUntil(() => item.ready(el.shadowRoot!), `${item.name}: the element did not show its data`, { timeout: 5000 });
  await el.updateComplete;
  const found: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) found.push(`the page scrolls horizontally (${doc.scrollWidth} px)`);
  if (el.scrollWidth > el.clientWidth) found.push(`something is wider than the element (${el.scrollWidth} px)`);
  // As tall as its text needs (2 px a letter: a 3,000-letter word wraps over many lines; a line for
  // each piece of text), plus at most a window's height for each image.
  const letters = el.shadowRoot!.textContent.replace(/\s+/g, ' ').length;
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  let texts = 0;
  while (walker.nextNode()) if (walker.currentNode.textContent!.trim()) texts++;
  const images = el.shadowRoot!.querySelectorAll('img').length;
  const height = el.getBoundingClientRect().height;
  if (height > 600 + 2 * letters + 40 * texts + innerHeight * images) found.push(`the element is ${Math.round(height)} px tall`);
  if (item.text) {
    const box = wordsBox(el.shadowRoot!, item.text);
    const host = el.getBoundingClientRect();
    if (!box || box.width < 10) found.push(`"${item.text}" is not shown`);
    else if (box.left < host.left - 1 || box.right > host.right + 1) found.push(`"${item.text}" is outside the element (${Math.round(box.left)}–${Math.round(box.right)} px)`);
  }
  fixtureCleanup();
  return found.map((problem) => `${item.name}: ${problem}`);
}

describe('containment: hostile data stays inside each element', () => {
  for (const tag of ['mag-article', 'mag-comment-thread', 'mag-comment-feed-link', 'mag-recent-contributions', 'mag-subscribe-form', 'mag-about-box']) {
    const own = cases.filter((item) => item.name.startsWith(`<${tag}>`));
    it(`<${tag}>: ${own.length} hostile cases, no horizontal scroll, nothing wider than the element, a bounded height, the text shown`, async () => {
      const found: string[] = [];
      for (const item of own) found.push(...(await problems(item)));
      expect(found).to.deep.equal([]);
    });
  }

  it('is accessible with hostile data', async () => {
    const el = await fixture<HTMLElement>(html`<div style="width: ${WIDTH}px">
      <mag-article .article=${article({ title: LONG, bodyHtml: Object.values(bodies).join('') })}></mag-article>
    </div>`);
    const articleEl = el.querySelector('mag-article')!;
    await articleEl.updateComplete;
    await expect(articleEl).to.be.accessible();
  });
});
