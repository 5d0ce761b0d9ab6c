import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-article.js';
import '../../src/define/mag-comment-thread.js';
import '../../src/define/mag-recent-contributions.js';
import type { Article } from '../../src/core/model.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { recentContributions, seedArticle, seedComments } from '../../stories/support/sample-data.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * The separators of `root` drawn at the start or the end of a line: a separator is drawn when it
 * is visible, and starts (ends) a line when nothing drawn precedes (follows) it on its line.
 */
function danglingSeparators(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const separator of root.querySelectorAll<HTMLElement>('.separator')) {
    if (getComputedStyle(separator).visibility === 'hidden') continue;
    const line = separator.getBoundingClientRect();
    const middle = line.top + line.height / 2;
    const onLine = (node: Element | null) => [...(node?.getClientRects() ?? [])].some((r) => r.width > 0 && r.top <= middle && r.bottom >= middle);
    const before = separator.previousElementSibling;
    const after = separator.nextElementSibling;
    if (!onLine(before)) found.push(`"${separator.textContent}" starts a line (before ${after?.textContent?.trim() ?? ''})`);
    if (!onLine(after)) found.push(`"${separator.textContent}" ends a line (after ${before?.textContent?.trim() ?? ''})`);
  }
  return found;
}

/** Renders `content` at every width from `from` to `to` px and collects the dangling separators. */
async function atEveryWidth(wrapper: HTMLElement, el: HTMLElement, from: number, to: number): Promise<string[]> {
  const found = new Set<string>();
  for (let width = from; width <= to; width += 5) {
    wrapper.style.width = `${width}px`;
    // The separators are checked after the layout of each width (a ResizeObserver).
    await frame();
    await frame();
    for (const problem of danglingSeparators(el.shadowRoot!)) found.add(`${width}px: ${problem}`);
  }
  return [...found];
}

const withUpdate: Article = { ...seedArticle, updated: '2013-11-02T10:00:00Z', commentCount: 12 };

describe('typography', () => {
  it("never starts or ends a line with a separator of the article's meta line or navigation", async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr" style="font: 16px/1.5 serif"><mag-article .article=${withUpdate}></mag-article></div>`);
    const el = wrapper.querySelector('mag-article')!;
    await el.updateComplete;
    // The lines wrap at every one of these widths, at every possible place.
    expect(await atEveryWidth(wrapper, el, 150, 560)).to.deep.equal([]);
    // The date of the update and the comment count are never cut in two ("12 | commentaires").
    for (let width = 150; width <= 560; width += 10) {
      wrapper.style.width = `${width}px`;
      for (const part of ['updated', 'comment-count']) {
        // One line: every box of the item has the same top.
        const tops = new Set([...el.shadowRoot!.querySelector(`[part="${part}"]`)!.getClientRects()].map((box) => Math.round(box.top)));
        expect(tops.size, `${part} at ${width}px`).to.equal(1);
      }
    }
    // A separator is still drawn where the line goes on.
    wrapper.style.width = '1000px';
    await frame();
    await frame();
    const shown = [...el.shadowRoot!.querySelectorAll('.separator')].filter((s) => getComputedStyle(s).visibility !== 'hidden');
    expect(shown.length).to.equal(el.shadowRoot!.querySelectorAll('.separator').length);
    await expect(el).to.be.accessible();
  });

  it('never starts or ends a line with the separator between a recent article and its sections', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr" style="font: 16px/1.5 serif">
      <mag-recent-contributions .adapter=${new FakeAdapter({ recent: recentContributions })}></mag-recent-contributions>
    </div>`);
    const el = wrapper.querySelector('mag-recent-contributions')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="list"]'));
    expect(await atEveryWidth(wrapper, el, 150, 500)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('writes every date the same way: the article, the recent contributions and the comments', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr">
      <mag-article .article=${seedArticle}></mag-article>
      <mag-recent-contributions .adapter=${new FakeAdapter({ recent: recentContributions })}></mag-recent-contributions>
      <mag-comment-thread
        article-id=${seedArticle.id}
        .adapter=${new FakeAdapter({ articles: [seedArticle], comments: { [seedArticle.id]: [{ ...seedComments[0], published: seedArticle.published }] } })}
      ></mag-comment-thread>
    </div>`);
    const [article, recent, thread] = [...wrapper.children] as HTMLElement[];
    await waitUntil(() => recent.shadowRoot!.querySelector('[part="list"]') && thread.shadowRoot!.querySelector('[part="date"]'));
    const date = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector)!.textContent.trim();
    // The seed page's own style: the short month ("16 oct").
    expect(date(article, '[part="date"]')).to.equal('16 oct. 2013');
    expect(date(recent, `[part~="current"] [part="date"], li:nth-child(2) [part="date"]`)).to.equal('16 oct. 2013');
    expect(date(thread, '[part="date"]')).to.equal('16 oct. 2013');
    await expect(recent).to.be.accessible();
  });

  it('shows the closed notice as a finished message: a solid mark and a tint, no dashed box', async () => {
    const el = await fixture<HTMLElement>(html`<mag-comment-thread
      lang="fr"
      article-id=${seedArticle.id}
      .adapter=${new FakeAdapter({ articles: [seedArticle], comments: { [seedArticle.id]: seedComments } })}
    ></mag-comment-thread>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="closed-notice"]'));
    const notice = getComputedStyle(el.shadowRoot!.querySelector('[part="closed-notice"]')!);
    for (const side of ['Top', 'Right', 'Bottom'] as const) expect(notice[`border${side}Style`], side).to.equal('none');
    expect(notice.borderLeftStyle).to.equal('solid');
    expect(notice.borderLeftWidth).to.equal('4px');
    expect(notice.backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    await expect(el).to.be.accessible();
  });
});
