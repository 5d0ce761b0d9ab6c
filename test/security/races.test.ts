import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { MagAdapter } from '../../src/core/model.js';
import { DeferredAdapter, marker } from './deferred-adapter.js';
import { deepElements, plainText } from './dom-audit.js';
import { errorBlock, isLoading } from './elements.js';
import { captureUncaught, captureWarnings, mount, nextTask, updatedInside } from './support.js';

interface RaceCase {
  tag: string;
  /** The element reading `ref` (an article id, a section, an about key) from `adapter`, or from the provider when `adapter` is undefined. */
  render: (ref: string, adapter?: MagAdapter) => TemplateResult;
  /** Points the element at another ref. */
  point: (el: HTMLElement, ref: string) => void;
}

const byArticle = (tag: string): RaceCase => ({
  tag,
  render: (ref, adapter) =>
    tag === 'mag-article'
      ? html`<mag-article article-id=${ref} .adapter=${adapter}></mag-article>`
      : tag === 'mag-comment-thread'
        ? html`<mag-comment-thread article-id=${ref} .adapter=${adapter}></mag-comment-thread>`
        : html`<mag-comment-feed-link article-id=${ref} .adapter=${adapter}></mag-comment-feed-link>`,
  point: (el, ref) => el.setAttribute('article-id', ref),
});

const cases: RaceCase[] = [
  byArticle('mag-article'),
  byArticle('mag-comment-thread'),
  byArticle('mag-comment-feed-link'),
  {
    tag: 'mag-recent-contributions',
    render: (ref, adapter) => html`<mag-recent-contributions section=${ref} .adapter=${adapter}></mag-recent-contributions>`,
    point: (el, ref) => el.setAttribute('section', ref),
  },
  {
    tag: 'mag-about-box',
    render: (ref, adapter) => html`<mag-about-box key=${ref} .adapter=${adapter}></mag-about-box>`,
    point: (el, ref) => el.setAttribute('key', ref),
  },
];

/** What an element shows: its text (shadow roots included) and its link targets. */
function shown(el: Element): string {
  const hrefs = [...deepElements(el)].map((e) => e.getAttribute('href') ?? '').join(' ');
  return `${plainText(el)} ${hrefs}`;
}

async function until(what: string, condition: () => boolean, timeout = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting until ${what}`);
    await nextTask(5);
  }
}

const waitForCall = (adapter: DeferredAdapter, ref: string) => until(`the adapter is asked about "${ref}"`, () => adapter.pending(ref).length > 0);

/** Watches an element for what must never happen in a race: an error shown, a warning, a load-error event, an uncaught error. */
function watch(el: HTMLElement) {
  const warn = captureWarnings();
  const uncaught = captureUncaught();
  const loadErrors: string[] = [];
  el.addEventListener('mag-load-error', (e) => loadErrors.push(String((e as Event & { error?: unknown }).error)));
  return {
    async check(): Promise<void> {
      await nextTask(30);
      warn.restore();
      expect(uncaught.stop(), 'uncaught errors').to.deep.equal([]);
      expect(errorBlock(el)?.textContent?.trim() ?? null, 'an error shown').to.equal(null);
      expect(loadErrors, 'mag-load-error events').to.deep.equal([]);
      expect(warn.warnings.filter((w) => w.includes(`<${el.localName}>`)), 'console warnings').to.deep.equal([]);
    },
  };
}

for (const c of cases) {
  describe(`<${c.tag}> races`, () => {
    it('rapid changes answered in reverse order: only the latest request is ever shown, older ones are aborted silently', async () => {
      const adapter = new DeferredAdapter();
      const el = await fixture<HTMLElement>(c.render('a', adapter));
      const watcher = watch(el);
      // Every change to what the element shows, from now on: a stale answer must never appear, even briefly.
      const seen: string[] = [];
      const observer = new MutationObserver(() => seen.push(shown(el)));
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
      await waitForCall(adapter, 'a');
      c.point(el, 'b');
      await waitForCall(adapter, 'b');
      c.point(el, 'c');
      await waitForCall(adapter, 'c');
      const older = [...adapter.pending('a'), ...adapter.pending('b')];
      adapter.answer('c');
      await until('the latest answer is shown', () => shown(el).includes(marker('c')));
      adapter.answer('b');
      adapter.answer('a');
      await nextTask(30);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(shown(el)).to.contain(marker('c'));
      expect(shown(el)).not.to.contain(marker('a'));
      expect(shown(el)).not.to.contain(marker('b'));
      expect(older.every((call) => call.signal?.aborted), 'older requests were aborted').to.equal(true);
      observer.disconnect();
      expect(seen.length, 'the element was observed rendering').to.be.above(0);
      expect(seen.filter((text) => text.includes(marker('a')) || text.includes(marker('b'))), 'a stale answer shown at some point').to.deep.equal([]);
      await watcher.check();
    });

    it('changes answered in order: the intermediate answer never replaces the latest', async () => {
      const adapter = new DeferredAdapter();
      const el = await fixture<HTMLElement>(c.render('a', adapter));
      const watcher = watch(el);
      await waitForCall(adapter, 'a');
      adapter.answer('a');
      await until('the first answer is shown', () => shown(el).includes(marker('a')));
      c.point(el, 'b');
      await waitForCall(adapter, 'b');
      c.point(el, 'a2');
      await waitForCall(adapter, 'a2');
      adapter.answer('b');
      await nextTask(20);
      expect(shown(el), 'the answer about b (no longer wanted) is not shown').not.to.contain(marker('b'));
      adapter.answer('a2');
      await until('the latest answer is shown', () => shown(el).includes(marker('a2')));
      expect(shown(el)).not.to.contain(marker('b'));
      await watcher.check();
    });

    it('the adapter replaced mid-request: only the new adapter\'s answer is shown', async () => {
      const first = new DeferredAdapter();
      const second = new DeferredAdapter();
      const el = await fixture<HTMLElement>(c.render('a', first));
      const watcher = watch(el);
      await waitForCall(first, 'a');
      (el as HTMLElement & { adapter?: MagAdapter }).adapter = second;
      await waitForCall(second, 'a');
      const stale = first.pending('a');
      second.answer('a');
      await until('the new adapter\'s answer is shown', () => shown(el).includes(marker('a')));
      // The old adapter answers late: with data about another article, to tell it apart.
      for (const call of stale) call.fail(new Error('late') as never);
      await nextTask(20);
      expect(stale.every((call) => call.signal?.aborted), 'the old adapter\'s request was aborted').to.equal(true);
      await watcher.check();
    });

    it('the provider\'s adapter replaced mid-request: only the new adapter\'s answer is shown', async () => {
      const first = new DeferredAdapter();
      const second = new DeferredAdapter();
      const provider = await fixture<HTMLElement & { adapter?: MagAdapter }>(html`<mag-provider .adapter=${first}>${c.render('a')}</mag-provider>`);
      const el = provider.firstElementChild as HTMLElement;
      const watcher = watch(el);
      await waitForCall(first, 'a');
      provider.adapter = second;
      await waitForCall(second, 'a');
      second.answer('a');
      await until('the new adapter\'s answer is shown', () => shown(el).includes(marker('a')));
      first.answer('a');
      await nextTask(20);
      expect(first.calls.every((call) => call.signal?.aborted), 'the old adapter\'s request was aborted').to.equal(true);
      await watcher.check();
    });

    it('removed mid-request: the request is aborted without an error, and it loads when put back', async () => {
      const adapter = new DeferredAdapter();
      const container = mount(c.render('a', adapter));
      await updatedInside(container);
      const el = container.firstElementChild as HTMLElement;
      const watcher = watch(el);
      await waitForCall(adapter, 'a');
      const first = adapter.pending('a');
      el.remove();
      await nextTask(10);
      expect(first.every((call) => call.signal?.aborted), 'the request was aborted').to.equal(true);
      for (const call of first) call.answer();
      await nextTask(20);
      container.append(el);
      await until('a new request is made', () => adapter.pending('a').length > 0);
      adapter.answer('a');
      await until('the answer is shown', () => shown(el).includes(marker('a')));
      await watcher.check();
    });

    it('a provider added late: the element waits, then loads from it', async () => {
      const adapter = new DeferredAdapter();
      const container = mount(c.render('a'));
      await updatedInside(container);
      const el = container.firstElementChild as HTMLElement;
      const watcher = watch(el);
      await nextTask(20);
      expect(errorBlock(el), 'no error without a provider').to.equal(null);
      const provider = document.createElement('mag-provider') as HTMLElement & { adapter?: MagAdapter };
      provider.adapter = adapter;
      container.append(provider);
      provider.append(el);
      await waitForCall(adapter, 'a');
      adapter.answer('a');
      await until('the answer is shown', () => shown(el).includes(marker('a')));
      expect(isLoading(el)).to.equal(false);
      await watcher.check();
    });

    it('a provider whose adapter is set late: the element loads once it is', async () => {
      const adapter = new DeferredAdapter();
      const provider = await fixture<HTMLElement & { adapter?: MagAdapter }>(html`<mag-provider>${c.render('a')}</mag-provider>`);
      const el = provider.firstElementChild as HTMLElement;
      const watcher = watch(el);
      await nextTask(20);
      expect(errorBlock(el)).to.equal(null);
      provider.adapter = adapter;
      await waitForCall(adapter, 'a');
      adapter.answer('a');
      await until('the answer is shown', () => shown(el).includes(marker('a')));
      await watcher.check();
    });
  });
}
