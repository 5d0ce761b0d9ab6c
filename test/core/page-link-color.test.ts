import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-article.js';
import '../../src/define/mag-about-box.js';
import '../../src/define/mag-provider.js';
import { aboutBoxes, seedArticle } from '../../stories/support/sample-data.js';

const pageStyles = document.createElement('style');
pageStyles.textContent = `
  .site { color: rgb(30, 30, 30); }
  .site a { color: rgb(0, 100, 0); }
  .site aside a { color: rgb(120, 0, 120); }
  html.night .site a { color: rgb(200, 160, 0); }
`;

const linkColor = (el: Element, selector: string) => getComputedStyle(el.shadowRoot!.querySelector(selector)!).color;

describe("the page's link color", () => {
  before(() => document.head.append(pageStyles));
  after(() => {
    pageStyles.remove();
    document.documentElement.classList.remove('night');
  });

  it('is given to the links of the elements, as the page gives it at their place', async () => {
    const page = await fixture<HTMLElement>(html`<div class="site">
      <mag-article .article=${seedArticle}></mag-article>
      <aside><mag-about-box .about=${aboutBoxes.author}></mag-about-box></aside>
    </div>`);
    const article = page.querySelector('mag-article')!;
    const box = page.querySelector('mag-about-box')!;
    await article.updateComplete;
    await box.updateComplete;
    expect(linkColor(article, '[part="author"] a')).to.equal('rgb(0, 100, 0)');
    expect(linkColor(article, '[part="next"]')).to.equal('rgb(0, 100, 0)');
    expect(linkColor(box, '[part="contact"]')).to.equal('rgb(120, 0, 120)');
    // The text keeps the text color; the probe link is gone.
    expect(getComputedStyle(article.shadowRoot!.querySelector('[part="meta"]')!).color).to.not.equal('rgb(0, 100, 0)');
    expect(page.querySelectorAll('a')).to.have.length(0);
    await expect(article).to.be.accessible();
  });

  it('is read again when a theme switch changes a class of <html>', async () => {
    const page = await fixture<HTMLElement>(html`<div class="site"><mag-article .article=${seedArticle}></mag-article></div>`);
    const article = page.querySelector('mag-article')!;
    await article.updateComplete;
    document.documentElement.classList.add('night');
    await waitUntil(() => linkColor(article, '[part="author"] a') === 'rgb(200, 160, 0)', 'the new link color was not read');
    document.documentElement.classList.remove('night');
    await waitUntil(() => linkColor(article, '[part="author"] a') === 'rgb(0, 100, 0)', 'the link color was not read back');
  });

  it('is read when the element is inside a provider that has not rendered yet', async () => {
    const page = await fixture<HTMLElement>(html`<div class="site">
      <mag-provider><mag-about-box .about=${aboutBoxes.author}></mag-about-box></mag-provider>
    </div>`);
    const box = page.querySelector('mag-about-box')!;
    await box.updateComplete;
    await aTimeout(0);
    expect(linkColor(box, '[part="contact"]')).to.equal('rgb(0, 100, 0)');
  });

  it('gives way to --mag-color-link, and to the text color of an element with colors of its own', async () => {
    const page = await fixture<HTMLElement>(html`<div class="site">
      <mag-article style="--mag-color-link: rgb(0, 0, 160)" .article=${seedArticle}></mag-article>
      <mag-about-box style="--mag-color-background: rgb(20, 20, 20); --mag-color-text: rgb(240, 240, 240)" .about=${aboutBoxes.author}></mag-about-box>
    </div>`);
    const article = page.querySelector('mag-article')!;
    const box = page.querySelector('mag-about-box')!;
    await article.updateComplete;
    await box.updateComplete;
    expect(linkColor(article, '[part="author"] a')).to.equal('rgb(0, 0, 160)');
    expect(linkColor(box, '[part="contact"]')).to.equal('rgb(240, 240, 240)');
    await expect(box).to.be.accessible();
  });
});
