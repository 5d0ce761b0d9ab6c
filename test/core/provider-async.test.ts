import { expect, fixture, waitUntil } from '@open-wc/testing';
import { MagProvider } from '../../src/components/provider/mag-provider.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagLoadErrorEvent } from '../../src/core/events.js';
import type { MagAdapter } from '../../src/core/model.js';
import type { MagArticle } from '../../src/components/article/article.js';
import type { MagRecentContributions } from '../../src/components/recent-contributions/recent-contributions.js';
import type { MagSubscribeForm } from '../../src/components/subscribe-form/subscribe-form.js';
import '../../src/define/mag-provider.js';
import '../../src/define/mag-article.js';
import '../../src/define/mag-recent-contributions.js';
import '../../src/define/mag-subscribe-form.js';
import '../../src/define/mag-video-list.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { seedArticle, recentContributions, seedVideos } from '../../stories/support/sample-data.js';

// Adapter types whose factory is asynchronous, as `<mag-provider adapter="wordpress">` is in the
// drop-in bundle (its code is a separate file, loaded with import() when a provider asks for it).
// Markup with the `adapter` attribute is given as a string: lit-analyzer would bind it to the property.

/** A promise settled from the test. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const titled = (title: string) => new FakeAdapter({ articles: [{ ...seedArticle, title }], recent: recentContributions });
const $ = (el: Element | null, selector: string) => el?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const titleOf = (article: MagArticle) => $(article, '[part="title"]')?.textContent?.trim();
const isLoading = (el: Element) => !!$(el, '[part="loading"]') && $(el, '[aria-busy="true"]') !== null;
/** Lets every pending promise job and update run (the factory's promise stays pending). */
const idle = async (ms = 50) => {
  await new Promise((r) => setTimeout(r, ms));
};

describe('<mag-provider> with an asynchronous adapter factory', () => {
  it('shows the loading state while the factory works, then the data', async () => {
    const pending = deferred<MagAdapter>();
    let asked = 0;
    MagProvider.registerAdapterType('async-ok', (provider) => {
      asked++;
      expect(provider.endpoint).to.equal('https://cms.example/api');
      return pending.promise;
    });
    const el = await fixture<MagProvider>(`<mag-provider adapter="async-ok" endpoint="https://cms.example/api" lang="en">
      <mag-article article-id="${seedArticle.id}"></mag-article>
      <mag-recent-contributions></mag-recent-contributions>
    </mag-provider>`);
    const article = el.querySelector('mag-article')!;
    const recent = el.querySelector('mag-recent-contributions')!;
    await idle();
    expect(asked).to.equal(1);
    expect(isLoading(article), 'the article shows its placeholder').to.equal(true);
    expect(isLoading(recent), 'the recent list shows its placeholder').to.equal(true);
    await expect(article).to.be.accessible();

    pending.resolve(titled('Loaded later'));
    await waitUntil(() => titleOf(article) === 'Loaded later', 'the article shows the data once the adapter exists');
    await waitUntil(() => $(recent, 'li'), 'the recent list shows the data');
    expect(asked, 'the factory is called once').to.equal(1);
  });

  it('gives the adapter its optional capabilities once it exists (subscribe)', async () => {
    const pending = deferred<MagAdapter>();
    MagProvider.registerAdapterType('async-subscribe', () => pending.promise);
    const el = await fixture<MagProvider>(`<mag-provider adapter="async-subscribe" lang="en"><mag-subscribe-form></mag-subscribe-form></mag-provider>`);
    const form = el.querySelector<MagSubscribeForm>('mag-subscribe-form')!;
    const adapter = new FakeAdapter({ subscribe: 'confirmation-sent' });
    pending.resolve(adapter);
    await waitUntil(() => $(form, 'input[type="email"]'), 'the form is shown');
    const input = $(form, 'input[type="email"]') as HTMLInputElement;
    input.value = 'reader@example.org';
    ($(form, 'form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => adapter.calls.subscribe === 1, 'the loaded adapter subscribes the address');
  });

  it('shows the error in every element when the factory rejects, and a retry that calls it again', async () => {
    let attempts = 0;
    MagProvider.registerAdapterType('async-fails-once', async () => {
      attempts++;
      if (attempts === 1) {
        // A real failed import (the dev server answers 404), turned into the error the drop-in bundle gives.
        await import(/* @vite-ignore */ `/test/fixtures/no-such-adapter-${Date.now()}.js`).catch((cause: unknown) => {
          throw new MagAdapterError('network', `The code of the test adapter could not be loaded: ${(cause as Error).message}`, { cause });
        });
      }
      return titled('After the retry');
    });
    const errors: MagAdapterError[] = [];
    const collect = (e: MagLoadErrorEvent) => errors.push(e.error);
    document.addEventListener('mag-load-error', collect);
    after(() => document.removeEventListener('mag-load-error', collect));
    const el = await fixture<MagProvider>(`<mag-provider adapter="async-fails-once" lang="en">
      <mag-article article-id="${seedArticle.id}"></mag-article>
      <mag-recent-contributions></mag-recent-contributions>
    </mag-provider>`);
    const article = el.querySelector<MagArticle>('mag-article')!;
    const recent = el.querySelector<MagRecentContributions>('mag-recent-contributions')!;
    await waitUntil(() => $(article, '[role="alert"]') && $(recent, '[role="alert"]'), 'both elements show the error', { timeout: 4000 });
    expect($(article, '[role="alert"] p')!.textContent).to.equal('The server could not be reached. Check your connection and try again.');
    expect($(article, 'button[part="retry"]')!.textContent).to.equal('Try again');
    await waitUntil(() => errors.length > 0, 'mag-load-error is fired');
    expect(errors[0].code).to.equal('network');
    expect(errors[0].message).to.match(/^The code of the test adapter could not be loaded: .*no-such-adapter/);
    await expect(article).to.be.accessible();
    expect(attempts).to.equal(1);

    // One retry loads the adapter, and every element of the provider then shows its data.
    $(article, 'button[part="retry"]')!.click();
    await waitUntil(() => titleOf(article) === 'After the retry', 'the retry loads the adapter');
    await waitUntil(() => $(recent, 'li'), 'the other elements load too once the adapter exists');
    expect(attempts).to.equal(2);
  });

  it('keeps the code of a MagAdapterError, and reports anything else as a misconfiguration', async () => {
    MagProvider.registerAdapterType('async-misconfigured', async () => {
      await Promise.resolve();
      throw new TypeError('needs an endpoint');
    });
    const failure = new Promise<MagAdapterError>((resolve) => document.addEventListener('mag-load-error', (e) => resolve(e.error), { once: true }));
    const el = await fixture<MagProvider>(`<mag-provider adapter="async-misconfigured" lang="en"><mag-article article-id="x"></mag-article></mag-provider>`);
    const article = el.querySelector<MagArticle>('mag-article')!;
    const error = await failure;
    expect(error.code).to.equal('unsupported');
    expect(error.message).to.equal('<mag-provider adapter="async-misconfigured">: needs an endpoint');
    await waitUntil(() => $(article, '[role="alert"]'), 'the article shows the error');
  });

  it('lets a change of attributes win over a slow factory (no stale adapter)', async () => {
    const byEndpoint = new Map<string, ReturnType<typeof deferred<MagAdapter>>>();
    MagProvider.registerAdapterType('async-slow', ({ endpoint }) => {
      const pending = deferred<MagAdapter>();
      byEndpoint.set(endpoint ?? '', pending);
      return pending.promise;
    });
    const el = await fixture<MagProvider>(`<mag-provider adapter="async-slow" endpoint="one" lang="en"><mag-article article-id="${seedArticle.id}"></mag-article></mag-provider>`);
    const article = el.querySelector<MagArticle>('mag-article')!;
    await idle();
    el.endpoint = 'two';
    await waitUntil(() => byEndpoint.has('two'), 'the provider asks for the new configuration at once');
    // The first configuration answers first: too late, it is not shown.
    byEndpoint.get('one')!.resolve(titled('Stale: endpoint one'));
    await idle();
    expect(isLoading(article), 'still waiting for the current configuration').to.equal(true);
    byEndpoint.get('two')!.resolve(titled('Current: endpoint two'));
    await waitUntil(() => titleOf(article) === 'Current: endpoint two', 'the current configuration is shown');

    // The other way round: the new configuration answers before the old one.
    el.endpoint = 'three';
    await waitUntil(() => byEndpoint.has('three'));
    el.endpoint = 'four';
    await waitUntil(() => byEndpoint.has('four'));
    byEndpoint.get('four')!.resolve(titled('Current: endpoint four'));
    await waitUntil(() => titleOf(article) === 'Current: endpoint four');
    byEndpoint.get('three')!.resolve(titled('Stale: endpoint three'));
    await idle();
    expect(titleOf(article)).to.equal('Current: endpoint four');

    // A synchronous source set while a factory is pending wins too; its failure later changes nothing.
    el.endpoint = 'five';
    await waitUntil(() => byEndpoint.has('five'));
    el.adapter = titled('From the property');
    await waitUntil(() => titleOf(article) === 'From the property');
    byEndpoint.get('five')!.reject(new MagAdapterError('network', 'too late'));
    await idle();
    expect(titleOf(article)).to.equal('From the property');
    expect($(article, '[role="alert"]')).to.equal(null);
  });

  it('lists videos through the real adapter once loaded, and says so when it has none', async () => {
    MagProvider.registerAdapterType('async-videos', ({ endpoint }) => Promise.resolve(new FakeAdapter(endpoint === 'with' ? { videos: seedVideos } : {})));
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<MagProvider>(`<mag-provider adapter="async-videos" endpoint="with" lang="en"><mag-video-list></mag-video-list></mag-provider>`);
      const list = el.querySelector('mag-video-list')!;
      await waitUntil(() => $(list, 'li'), 'the videos are listed');
      expect($(list, 'a[part="link"]')!.textContent).to.equal(seedVideos[0].title);
      el.endpoint = 'without';
      await waitUntil(() => $(list, '[part="unsupported"]'), 'an adapter without videos says so');
    } finally {
      console.warn = warn;
    }
  });
});
