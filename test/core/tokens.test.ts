import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-about-box.js';
import '../../src/define/mag-article.js';
import '../../src/define/mag-comment-feed-link.js';
import '../../src/define/mag-comment-thread.js';
import '../../src/define/mag-recent-contributions.js';
import '../../src/define/mag-subscribe-form.js';
import { MagAboutBox } from '../../src/components/about-box/about-box.js';
import { MagArticle } from '../../src/components/article/article.js';
import { MagCommentFeedLink } from '../../src/components/comment-feed-link/comment-feed-link.js';
import { MagCommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { MagRecentContributions } from '../../src/components/recent-contributions/recent-contributions.js';
import { MagSubscribeForm } from '../../src/components/subscribe-form/subscribe-form.js';
import { color, font, radius, space } from '../../src/core/tokens.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { aboutBoxes, recentContributions, seedArticle } from '../../stories/support/sample-data.js';

const classes = [MagArticle, MagCommentThread, MagCommentFeedLink, MagRecentContributions, MagSubscribeForm, MagAboutBox];
const tags = ['mag-article', 'mag-comment-thread', 'mag-comment-feed-link', 'mag-recent-contributions', 'mag-subscribe-form', 'mag-about-box'];

/** Every `var(--mag-…, fallback)` in `text`, with its fallback (balanced parentheses), or none. */
function varUses(text: string): { name: string; fallback: string | undefined }[] {
  const uses = [];
  for (let at = text.indexOf('var(--mag-'); at >= 0; at = text.indexOf('var(--mag-', at + 1)) {
    const name = /^var\((--mag-[\w-]+)/.exec(text.slice(at))![1];
    let i = at + 4 + name.length;
    let fallback: string | undefined;
    if (text[i] === ',') {
      let depth = 0;
      const start = i + 1;
      for (; i < text.length; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && depth-- === 0) break;
      }
      fallback = text.slice(start, i).trim();
    }
    uses.push({ name, fallback });
  }
  return uses;
}

/** The global tokens of src/core/tokens.ts: name → default. */
const tokens = new Map(
  [...Object.values(color), ...Object.values(space), ...Object.values(font), radius].map((value) => {
    const [use] = varUses(value.cssText);
    return [use.name, use.fallback!];
  }),
);

const isKnob = (name: string) => tags.some((tag) => name.startsWith(`--${tag}-`));
const shadow = (el: Element) => el.shadowRoot!;
const style = (el: Element | null | undefined) => getComputedStyle(el!);

describe('design tokens', () => {
  it("gives each global token one default, the tokens module's, in every element's styles", () => {
    const defaults = new Map<string, Set<string>>();
    for (const element of classes) {
      for (const sheet of element.elementStyles) {
        for (const { name, fallback } of varUses((sheet as { cssText: string }).cssText)) {
          if (isKnob(name)) continue;
          expect(tokens.has(name), `${element.name} uses ${name}, which is not a documented token`).to.equal(true);
          if (!defaults.has(name)) defaults.set(name, new Set());
          defaults.get(name)!.add(fallback ?? '(none)');
        }
      }
    }
    for (const [name, found] of defaults) {
      expect([...found], `the defaults of ${name}`).to.deep.equal([tokens.get(name)]);
    }
    // The tokens that matter most are used (not only declared).
    for (const name of ['--mag-space-s', '--mag-color-danger', '--mag-color-text', '--mag-color-link', '--mag-space-stack']) {
      expect(defaults.has(name), name).to.equal(true);
    }
  });

  it('are all listed in docs/theming.md with their defaults', async () => {
    const doc = await (await fetch('/docs/theming.md')).text();
    const table = doc.slice(doc.indexOf('<!-- tokens:start -->'), doc.indexOf('<!-- tokens:end -->'));
    const rows = [...table.matchAll(/^\| `(--mag-[\w-]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1], m[2]]);
    // A default that is another token is written as that token: `var(--mag-color-accent)`.
    const expected = [...tokens].map(([name, fallback]) => [name, fallback.replace(/^var\((--mag-[\w-]+), .*\)$/, 'var($1)')]);
    expect(rows).to.deep.equal(expected);
  });

  it('take the text color, background and line height from the page by default', async () => {
    const page = await fixture<HTMLElement>(html`<div style="color: rgb(20, 30, 40); line-height: 1.9; font-size: 20px">
      <mag-about-box .about=${aboutBoxes.magazine}></mag-about-box>
    </div>`);
    const el = page.querySelector('mag-about-box')!;
    await el.updateComplete;
    const bio = shadow(el).querySelector('[part="bio"] p');
    expect(style(bio).color).to.equal('rgb(20, 30, 40)');
    expect(style(bio).lineHeight).to.equal('38px');
    expect(style(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    await expect(el).to.be.accessible();
  });

  it('set the text color, background and line height of every element', async () => {
    const page = await fixture<HTMLElement>(html`<div
      style="--mag-color-text: rgb(230, 230, 230); --mag-color-background: rgb(10, 10, 10); --mag-line-height: 1.25; font-size: 20px"
    >
      <mag-about-box .about=${aboutBoxes.magazine}></mag-about-box>
      <mag-recent-contributions .adapter=${new FakeAdapter({ recent: recentContributions })}></mag-recent-contributions>
    </div>`);
    for (const el of page.querySelectorAll<MagAboutBox | MagRecentContributions>('mag-about-box, mag-recent-contributions')) {
      await el.updateComplete;
      await waitUntil(() => shadow(el).querySelector('[part="bio"], [part="list"]'));
      expect(style(el).backgroundColor).to.equal('rgb(10, 10, 10)');
      const text = shadow(el).querySelector('[part="bio"] p, [part="list"] li')!;
      expect(style(text).color).to.equal('rgb(230, 230, 230)');
      expect(style(text).lineHeight).to.equal('25px');
      await expect(el).to.be.accessible();
    }
  });

  it('fade the meta line to the muted color, which a token sets', async () => {
    const page = await fixture<HTMLElement>(html`<div style="color: rgb(0, 0, 0)"><mag-article .article=${seedArticle}></mag-article></div>`);
    const el = page.querySelector('mag-article')!;
    await el.updateComplete;
    const meta = shadow(el).querySelector('[part="meta"]')!;
    expect(style(meta).color).to.match(/^color\(srgb 0 0 0 \/ 0\.85\)$|^rgba\(0, 0, 0, 0\.85\)$/);
    page.style.setProperty('--mag-color-muted', 'rgb(90, 80, 70)');
    expect(style(meta).color).to.equal('rgb(90, 80, 70)');
    await expect(el).to.be.accessible();
  });

  it('give both comment forms and the subscribe form the same danger mark and small space', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="en">
      <mag-subscribe-form .adapter=${new FakeAdapter({ subscribe: 'subscribed' })}></mag-subscribe-form>
      <mag-about-box .about=${aboutBoxes.author}></mag-about-box>
    </div>`);
    const form = page.querySelector('mag-subscribe-form')!;
    const box = page.querySelector('mag-about-box')!;
    await form.updateComplete;
    await box.updateComplete;
    const input = shadow(form).querySelector('input[type="email"]') as HTMLInputElement;
    input.value = 'not an address';
    shadow(form).querySelector('form')!.requestSubmit();
    await form.updateComplete;
    expect(style(input).borderTopColor).to.equal('rgb(179, 38, 30)');
    expect(style(shadow(form).querySelector('[part="field-error"]')).borderInlineStartColor).to.equal('rgb(179, 38, 30)');
    // --mag-space-s (0.5rem) between the parts of both boxes.
    expect(style(shadow(form).querySelector('form')).rowGap).to.equal('8px');
    expect(style(shadow(box).querySelector('[part="base"]')).rowGap).to.equal('8px');
    await expect(form).to.be.accessible();
  });
});

describe('space between stacked elements', () => {
  const stack = (styles = '') =>
    fixture<HTMLElement>(html`<div style=${styles}>
      <mag-about-box .about=${aboutBoxes.magazine}></mag-about-box>
      <mag-about-box .about=${aboutBoxes.author}></mag-about-box>
      <p>After</p>
    </div>`);
  const gap = (a: Element, b: Element) => b.getBoundingClientRect().top - a.getBoundingClientRect().bottom;

  it('puts --mag-space-stack (1.5rem) below each element followed by another, none below the last', async () => {
    const page = await stack();
    const [first, second] = page.querySelectorAll('mag-about-box');
    await first.updateComplete;
    await second.updateComplete;
    expect(gap(first, second)).to.equal(24);
    // Collapsed with the paragraph's own margin (1em, smaller).
    expect(gap(second, page.querySelector('p')!)).to.equal(24);
    page.querySelector('p')!.remove();
    expect(style(second).marginBottom).to.equal('0px');
    await expect(page).to.be.accessible();
  });

  it('takes another space from the token', async () => {
    const page = await stack('--mag-space-stack: 3rem');
    const [first, second] = page.querySelectorAll('mag-about-box');
    await second.updateComplete;
    expect(gap(first, second)).to.equal(48);
  });
});
