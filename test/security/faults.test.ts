import { expect, fixture, html } from '@open-wc/testing';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagErrorCode } from '../../src/core/errors.js';
import type { Article } from '../../src/core/model.js';
import { en } from '../../src/core/translations/en.js';
import { englishArticle, englishComments } from '../../stories/support/sample-data.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import type { FakeBehaviour } from '../../stories/support/fake-adapter.js';
import { errorBlock, loadingElements, retryButton } from './elements.js';
import type { ElementCase } from './elements.js';
import {
  OPEN_ARTICLE,
  captureUncaught,
  captureWarnings,
  dataShown,
  englishStrings,
  errorShown,
  errorText,
  failEveryRead,
  frenchStrings,
  mount,
  seededFake,
} from './support.js';

const CODES: MagErrorCode[] = ['not-found', 'network', 'invalid-data', 'closed', 'rejected', 'duplicate', 'too-fast', 'unsupported', 'timeout', 'aborted', 'unknown'];

/** Runs `body` with console warnings and uncaught errors captured; checks the element warned once at most and nothing escaped. */
async function guarded(tag: string, body: () => Promise<void>): Promise<void> {
  const warn = captureWarnings();
  const uncaught = captureUncaught();
  try {
    await body();
  } finally {
    warn.restore();
    const errors = uncaught.stop();
    expect(errors, 'uncaught errors').to.deep.equal([]);
    const mine = warn.warnings.filter((w) => w.includes(`<${tag}>`));
    expect(mine.length, `console warnings of <${tag}>: ${mine.join(' / ')}`).to.be.at.most(1);
  }
}

/**
 * A notice some elements show instead of an error with a retry, for a definitive answer: the about
 * box when the adapter has no about boxes (`unsupported`), the article when it does not exist (`not-found`).
 */
function notice(el: Element): string {
  return (el.shadowRoot?.querySelector('[part~="unsupported"], [part~="not-found"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the element shows an error or a notice. */
async function failureShown(el: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<void> {
  const started = Date.now();
  while (!errorBlock(el) && !notice(el)) {
    if (Date.now() - started > 5000) throw new Error(`<${el.localName}> shows neither an error nor a notice`);
    await new Promise((r) => setTimeout(r, 10));
  }
  await el.updateComplete;
}

async function recover(el: HTMLElement, fake: FakeAdapter): Promise<void> {
  fake.behaviour = {};
  const retry = retryButton(el);
  expect(retry, 'a retry button').to.exist;
  retry!.click();
  await dataShown(el);
}

function render(element: ElementCase, fake: FakeAdapter) {
  return fixture<HTMLElement>(element.render(fake, OPEN_ARTICLE));
}

for (const element of loadingElements) {
  describe(`<${element.tag}> when the backend fails`, () => {
    for (const code of CODES) {
      it(`rejects with ${code}: a localized message (not the backend's), a retry that works once the backend is back`, async () => {
        await guarded(element.tag, async () => {
          const fake = seededFake({ behaviour: failEveryRead(() => new MagAdapterError(code, `RAW-BACKEND-MESSAGE ${code}`)) });
          const el = await render(element, fake);
          await failureShown(el);
          if (!errorBlock(el)) {
            // A definitive answer (no such article, no such capability) is a notice, not an error to retry.
            expect(['not-found', 'unsupported'], `<${element.tag}> shows a notice without retry for ${code}`).to.include(code);
            expect(englishStrings.has(notice(el)), `"${notice(el)}" is a string of the English table`).to.equal(true);
            await expect(el).to.be.accessible();
            return;
          }
          const text = errorText(el);
          expect(englishStrings.has(text), `"${text}" is a string of the English table`).to.equal(true);
          expect(text).not.to.contain('RAW-BACKEND-MESSAGE');
          if (code === 'invalid-data' || code === 'not-found' || code === 'timeout' || code === 'network') {
            expect(text, 'the message names the failure').not.to.equal(en.errors.unknown);
          }
          await expect(el).to.be.accessible();
          await recover(el, fake);
        });
      });
    }

    it('speaks the page language: the message is French under lang="fr"', async () => {
      await guarded(element.tag, async () => {
        const fake = seededFake({ behaviour: failEveryRead(() => new MagAdapterError('network', 'RAW')) });
        const wrapper = mount(element.render(fake, OPEN_ARTICLE), { lang: 'fr' });
        const el = wrapper.firstElementChild as HTMLElement;
        await errorShown(el);
        const text = errorText(el);
        expect(frenchStrings.has(text), `"${text}" is a string of the French table`).to.equal(true);
        expect(englishStrings.has(text), `"${text}" is not English`).to.equal(false);
        expect(retryButton(el)?.textContent?.trim()).to.equal('Réessayer');
      });
    });

    it('never answers: a timeout message after the provider\'s `timeout`, then a working retry', async () => {
      await guarded(element.tag, async () => {
        const fake = seededFake({ behaviour: failEveryRead(() => 'never') });
        const provider = await fixture<HTMLElement>(html`<mag-provider .adapter=${fake} timeout="0.15">${element.renderInProvider(OPEN_ARTICLE)}</mag-provider>`);
        const el = provider.firstElementChild as HTMLElement;
        await errorShown(el);
        expect(errorText(el)).to.equal(en.errors.timeout);
        await recover(el, fake);
      });
    });

    it('throws synchronously: an error message, no uncaught error, and a working retry', async () => {
      await guarded(element.tag, async () => {
        const fake = seededFake({ behaviour: failEveryRead(() => ({ throwSync: new Error('RAW sync throw') })) });
        const el = await render(element, fake);
        await errorShown(el);
        expect(englishStrings.has(errorText(el)), errorText(el)).to.equal(true);
        await recover(el, fake);
      });
    });

    it('is given an object that is no adapter at all: an error message, no uncaught error', async () => {
      await guarded(element.tag, async () => {
        const el = await fixture<HTMLElement>(element.render({} as never, OPEN_ARTICLE));
        await failureShown(el);
        expect(englishStrings.has(errorText(el) || notice(el)), errorText(el) || notice(el)).to.equal(true);
      });
    });

    const malformed: [string, unknown][] = [
      ['null', null],
      ['a string', 'not data'],
      ['a number', 42],
      ['an empty object', {}],
      ['wrong types', { ...englishArticle, id: 7, title: ['x'], sections: 'none', commentsOpen: 'yes', comments: 'none', bioHtml: 3 }],
      ['dates that are not dates', { ...englishArticle, published: 'yesterday', comments: [{ ...englishComments[0], published: '2024-13-45' }], bioHtml: '' }],
    ];
    for (const [name, value] of malformed) {
      // The about box has no dates: its data with a wrong date is not malformed.
      if (name.startsWith('dates') && element.tag === 'mag-about-box') continue;
      it(`answers ${name}: "${en.errors['invalid-data']}", the problems listed as text, then a working retry`, async () => {
        await guarded(element.tag, async () => {
          const fake = seededFake({ behaviour: failEveryRead(() => ({ malformed: value })) });
          const el = await render(element, fake);
          await errorShown(el);
          expect(errorText(el)).to.equal(en.errors['invalid-data']);
          await recover(el, fake);
        });
      });
    }
  });
}

describe('oversized answers', () => {
  const MEGABYTE = `<p>${'Lorem ipsum dolor sit amet. '.repeat(37_450)}</p>`;
  const sections = Array.from({ length: 10_000 }, (_, i) => ({ name: `Section ${i}`, url: `/sections/${i}` }));

  it('a 1 MB article body and 10,000 sections render without crashing', async function () {
    this.timeout(30_000);
    expect(MEGABYTE.length).to.be.above(1_000_000);
    await guarded('mag-article', async () => {
      const article: Article = { ...englishArticle, bodyHtml: MEGABYTE, sections };
      const fake = new FakeAdapter({ articles: [article] });
      const el = await fixture<HTMLElement>(html`<mag-article article-id=${article.id} .adapter=${fake}></mag-article>`);
      await dataShown(el, 20_000);
      expect(el.shadowRoot!.textContent).to.contain('Section 9999');
    });
  });

  it('a 1 MB comment and a 1 MB bio render without crashing', async function () {
    this.timeout(30_000);
    await guarded('mag-comment-thread', async () => {
      const fake = new FakeAdapter({
        articles: [englishArticle],
        comments: { [englishArticle.id]: [{ ...englishComments[0], bodyHtml: MEGABYTE }] },
        about: { big: { title: 'Big', bioHtml: MEGABYTE } },
      });
      const thread = await fixture<HTMLElement>(html`<mag-comment-thread article-id=${englishArticle.id} .adapter=${fake}></mag-comment-thread>`);
      const about = await fixture<HTMLElement>(html`<mag-about-box .adapter=${fake}></mag-about-box>`);
      await dataShown(thread, 20_000);
      await dataShown(about, 20_000);
    });
  });

  it('10,000 recent articles with 10,000 sections each answered: the list shows its limit', async function () {
    this.timeout(30_000);
    await guarded('mag-recent-contributions', async () => {
      const recent = Array.from({ length: 10_000 }, (_, i) => ({ id: `a${i}`, title: `Article ${i}`, published: '2024-01-01T00:00:00Z', sections: i === 0 ? sections : [] }));
      const fake = new FakeAdapter({ recent });
      const el = await fixture<HTMLElement>(html`<mag-recent-contributions .adapter=${fake} limit="5"></mag-recent-contributions>`);
      await dataShown(el, 20_000);
      expect(el.shadowRoot!.querySelectorAll('li').length).to.be.at.most(5);
    });
  });
});

describe('one failing backend call does not break the other elements', () => {
  const broken: [string, Partial<Record<string, FakeBehaviour>>][] = [
    ['getArticle rejects', { getArticle: new MagAdapterError('network', 'down') }],
    ['listComments throws synchronously', { listComments: { throwSync: new TypeError('boom') } }],
    ['listRecent answers null', { listRecent: { malformed: null } }],
    ['getAbout never answers', { getAbout: 'never' }],
  ];
  for (const [name, behaviour] of broken) {
    it(`${name}: every element that does not need it shows its data`, async () => {
      const uncaught = captureUncaught();
      const fake = seededFake({ behaviour });
      const page = await fixture<HTMLElement>(html`<mag-provider .adapter=${fake} timeout="0.2">
        <mag-article article-id=${OPEN_ARTICLE}></mag-article>
        <mag-comment-thread article-id=${OPEN_ARTICLE}></mag-comment-thread>
        <mag-comment-feed-link article-id=${OPEN_ARTICLE}></mag-comment-feed-link>
        <mag-recent-contributions></mag-recent-contributions>
        <mag-about-box key="magazine"></mag-about-box>
        <mag-subscribe-form></mag-subscribe-form>
      </mag-provider>`);
      const needs: Record<string, string[]> = {
        'mag-article': ['getArticle'],
        'mag-comment-thread': ['getArticle', 'listComments'],
        'mag-comment-feed-link': ['getArticle'],
        'mag-recent-contributions': ['listRecent'],
        'mag-about-box': ['getAbout'],
        'mag-subscribe-form': [],
      };
      const failing = Object.keys(behaviour);
      for (const el of Array.from(page.children) as HTMLElement[]) {
        if (needs[el.localName].some((m) => failing.includes(m))) await errorShown(el);
        else await dataShown(el);
      }
      expect(uncaught.stop()).to.deep.equal([]);
    });
  }
});
