import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { composeStories } from '../helpers/portable-stories.js';
import * as article from '../../stories/article.stories.js';
import * as commentThread from '../../stories/comment-thread.stories.js';
import * as commentFeedLink from '../../stories/comment-feed-link.stories.js';
import * as recent from '../../stories/recent-contributions.stories.js';
import * as subscribe from '../../stories/subscribe-form.stories.js';
import * as about from '../../stories/about-box.stories.js';
import type { MagArticle } from '../../src/components/article/article.js';
import type { MagCommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { MagAdapterError } from '../../src/core/errors.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { englishArticle, englishComments, seedArticle } from '../../stories/support/sample-data.js';

/**
 * The dark theme of docs/theming.md, made of tokens only, on a light page: every text of every
 * element in every state (each story, its play function run, and the states reached by
 * interaction) must be drawn on the theme's dark background with a contrast of at least 4.5:1
 * (3:1 for large text), computed from the colors the browser computed.
 */

type RGBA = [number, number, number, number];

/** A computed color: `rgb()`, `rgba()` or `color(srgb r g b / a)` (what `color-mix(in srgb, …)` computes to). */
function parseColor(value: string): RGBA {
  let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
  if (m) return [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255, m[4] === undefined ? 1 : Number(m[4])];
  m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(value);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  throw new Error(`Unexpected computed color: ${value}`);
}

/** `top` drawn over the opaque `bottom`. */
const over = (top: RGBA, bottom: RGBA): RGBA => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1) as RGBA;

const luminance = ([r, g, b]: RGBA) => {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};
const contrast = (a: RGBA, b: RGBA) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** The element's parent, crossing out of a shadow root to its host. */
const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);

/** The opaque color behind `element`: every background from the page's (white) down, and the product of the opacities. */
function backdrop(element: Element): { background: RGBA; opacity: number } {
  const chain: Element[] = [];
  for (let node: Element | null = element; node; node = parentOf(node)) chain.unshift(node);
  let background: RGBA = [1, 1, 1, 1];
  let opacity = 1;
  for (const node of chain) {
    const style = getComputedStyle(node);
    background = over(parseColor(style.backgroundColor), background);
    opacity *= Number(style.opacity);
  }
  return { background, opacity };
}

/** Every text drawn in the shadow roots of `root`'s mag-* elements, with its contrast and background. */
function drawnTexts(root: Element): { text: string; ratio: number; large: boolean; backgroundLuminance: number }[] {
  const found = [];
  const elements = [root, ...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('mag-') && el.shadowRoot);
  for (const host of elements) {
    const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      // Not drawn: hidden, visually hidden for screen readers, off the page (the honeypot), or an inactive control (exempt).
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      const style = getComputedStyle(parent);
      if (box.width === 0 || box.height === 0 || box.right < 0 || style.visibility === 'hidden') continue;
      if (parent.closest('.visually-hidden, [aria-disabled="true"], [disabled]')) continue;
      const { background, opacity } = backdrop(parent);
      const [r, g, b, a] = parseColor(style.color);
      const color = over([r, g, b, a * opacity], background);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      found.push({ text, ratio: contrast(color, background), large, backgroundLuminance: luminance(background) });
    }
  }
  return found;
}

let darkTheme = '';

async function check(name: string, content: TemplateResult | ((wrapper: HTMLElement) => Promise<void>), problems: string[]): Promise<number> {
  const wrapper = await fixture<HTMLElement>(html`<div class="dark" lang="fr">${typeof content === 'function' ? '' : content}</div>`);
  if (typeof content === 'function') await content(wrapper);
  for (const el of wrapper.querySelectorAll('*')) {
    if (el.localName.startsWith('mag-')) await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }
  // Let pending data and play functions settle (stories answer from memory; loading stories never answer).
  await new Promise((resolve) => setTimeout(resolve, 100));
  const texts = drawnTexts(wrapper);
  for (const t of texts) {
    const needed = t.large ? 3 : 4.5;
    if (t.ratio < needed) problems.push(`${name}: "${t.text.slice(0, 60)}" has a contrast of ${t.ratio.toFixed(2)} (needs ${needed})`);
    if (t.backgroundLuminance > 0.05) problems.push(`${name}: "${t.text.slice(0, 60)}" is not on the dark background (luminance ${t.backgroundLuminance.toFixed(2)})`);
  }
  fixtureCleanup();
  return texts.length;
}

describe('the dark theme of docs/theming.md, tokens only', () => {
  const style = document.createElement('style');

  before(async () => {
    const doc = await (await fetch('/docs/theming.md')).text();
    const section = doc.slice(doc.indexOf('## A dark theme, with tokens only'));
    darkTheme = /```css\n([\s\S]*?)```/.exec(section)![1];
    style.textContent = darkTheme;
    document.head.append(style);
  });
  after(() => style.remove());

  it('is made of custom properties only', () => {
    expect(darkTheme).to.contain('--mag-color-background');
    expect(darkTheme).to.not.match(/::part|mag-[a-z-]+\s*[{,]/);
    for (const declaration of darkTheme.match(/[\w-]+\s*:/g) ?? []) expect(declaration, declaration).to.match(/^--mag-/);
  });

  const modules = { article, commentThread, commentFeedLink, recent, subscribe, about };
  for (const [name, module] of Object.entries(modules)) {
    it(`renders every story of ${name} readable: AA contrast on the dark background`, async () => {
      const problems: string[] = [];
      let texts = 0;
      for (const [storyName, Story] of Object.entries(composeStories(module))) {
        const { play } = (module as unknown as Record<string, { play?: (context: { canvasElement: HTMLElement }) => Promise<void> }>)[storyName];
        texts += await check(
          storyName,
          async (wrapper) => {
            const { render } = await import('lit');
            render(Story({ ...Story.args }), wrapper);
            await play?.({ canvasElement: wrapper });
          },
          problems,
        );
      }
      expect(texts, 'texts checked').to.be.greaterThan(5);
      expect(problems).to.deep.equal([]);
    });
  }

  it('renders the states reached by interaction readable too', async () => {
    const problems: string[] = [];
    // The article reloaded after a failure: the article stays, the error above it.
    await check(
      'article: failed reload',
      async (wrapper) => {
        const adapter = new FakeAdapter({ articles: [seedArticle] });
        wrapper.innerHTML = `<mag-article article-id="${seedArticle.id}"></mag-article>`;
        const el = wrapper.querySelector<MagArticle>('mag-article')!;
        el.adapter = adapter;
        await waitUntil(() => el.shadowRoot!.querySelector('article'), 'no article');
        adapter.behaviour.getArticle = new MagAdapterError('network', 'The server could not be reached.');
        el.refresh();
        await waitUntil(() => el.shadowRoot!.querySelector('.reload-error'), 'no reload error');
      },
      problems,
    );
    // The comment form sent empty: every field in error; then "load more" failing.
    await check(
      'comment thread: field errors and a failed page',
      async (wrapper) => {
        // The stories' posts left drafts behind: the form starts empty.
        sessionStorage.clear();
        const adapter = new FakeAdapter({ articles: [{ ...englishArticle, commentsOpen: true }], comments: { [englishArticle.id]: englishComments }, pageSize: 1, postComment: 'approved' });
        wrapper.innerHTML = `<mag-comment-thread article-id="${englishArticle.id}"></mag-comment-thread>`;
        const el = wrapper.querySelector<MagCommentThread>('mag-comment-thread')!;
        el.adapter = adapter;
        await waitUntil(() => el.shadowRoot!.querySelector('form') && el.shadowRoot!.querySelector('[part="load-more"]'), 'no form or no "load more"');
        el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
        adapter.behaviour.listComments = new MagAdapterError('network', 'The server could not be reached.');
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
        await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'no field in error');
        await waitUntil(() => el.shadowRoot!.querySelector('.more .form-message'), 'no failed page', { timeout: 3000 });
      },
      problems,
    );
    expect(problems).to.deep.equal([]);
  });

  it('is accessible', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div class="dark" lang="fr"></div>`);
    const el = document.createElement('mag-article');
    el.article = seedArticle;
    wrapper.append(el);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
