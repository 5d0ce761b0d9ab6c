import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-about-box.js';
import '../../src/define/mag-article.js';
import type { About, Article } from '../../src/core/model.js';
import { aboutBoxes, seedArticle } from '../../stories/support/sample-data.js';

/** An image that arrives late (1.5 s; each name is a new request), 120 × 120: its box must be there before. */
let slowImages = 0;
const slow = () => `${location.origin}/__test/slow-image/${++slowImages}.svg`;
/** An image URL that answers no image (404): the box must not depend on the image either. */
const missing = `${location.origin}/__test/no-such-image.png`;

const size = (el: Element | null | undefined) => {
  const box = el!.getBoundingClientRect();
  return [Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10];
};
const loaded = (img: HTMLImageElement) => waitUntil(() => img.complete, 'the image did not settle', { timeout: 5000 });

describe('reserved space for images', () => {
  it("gives the about box's photo its box before the image arrives, whatever the image", async () => {
    // A long alternative text: a broken image shows it, inside the box.
    const about = (photoUrl: string): About => ({ ...aboutBoxes.author, photoUrl, photoAlt: 'Claudy Lebreton remettant son rapport à la Ministre, en octobre 2013' });
    const page = await fixture<HTMLElement>(html`<div style="width: 300px">
      <mag-about-box .about=${about(slow())}></mag-about-box>
      <mag-about-box style="--mag-about-box-photo-ratio: 3 / 1; --mag-about-box-photo-size: 150px" .about=${about(slow())}></mag-about-box>
      <mag-about-box .about=${about(missing)}></mag-about-box>
    </div>`);
    const [square, wide, broken] = [...page.querySelectorAll('mag-about-box')].map((el) => el.shadowRoot!.querySelector<HTMLImageElement>('[part="photo"]')!);
    for (const el of page.querySelectorAll('mag-about-box')) await el.updateComplete;
    // Before the image arrives, its box is there.
    expect(square.complete).to.equal(false);
    expect(size(square)).to.deep.equal([96, 96]);
    expect(size(wide)).to.deep.equal([150, 50]);
    for (const img of [square, wide, broken]) await loaded(img);
    expect(size(square)).to.deep.equal([96, 96]);
    expect(size(wide)).to.deep.equal([150, 50]);
    expect(size(broken)).to.deep.equal([96, 96]);
    await expect(page.querySelector('mag-about-box')!).to.be.accessible();
  });

  it('gives an article image its proportions from width and height, else a 16:9 box, before it arrives', async () => {
    const article: Article = {
      ...seedArticle,
      bodyHtml: `<p><img src="${slow()}" alt="Sized" width="360" height="360"></p><p><img src="${slow()}" alt="Unsized"></p><p><img src="${slow()}" alt="Small" width="60" height="60"></p>`,
    };
    const page = await fixture<HTMLElement>(html`<div style="width: 320px"><mag-article .article=${article}></mag-article></div>`);
    const el = page.querySelector('mag-article')!;
    await el.updateComplete;
    const [sized, unsized, small] = [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('[part="body"] img')];
    expect(sized.complete).to.equal(false);
    expect(size(sized)).to.deep.equal([320, 320]);
    expect(size(unsized)).to.deep.equal([320, 180]);
    expect(size(small)).to.deep.equal([60, 60]);
    for (const img of [sized, unsized, small]) await loaded(img);
    expect(size(sized)).to.deep.equal([320, 320]);
    expect(size(unsized)).to.deep.equal([320, 180]);
    expect(size(small)).to.deep.equal([60, 60]);
    page.style.setProperty('--mag-article-image-ratio', '4 / 1');
    expect(size(unsized)).to.deep.equal([320, 80]);
    await expect(el).to.be.accessible();
  });
});
