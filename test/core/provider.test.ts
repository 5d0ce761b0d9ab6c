import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { MagElement } from '../../src/core/mag-element.js';
import type { MagInvalidateEvent } from '../../src/core/shared-adapter.js';
import { renderError, renderLoading } from '../../src/core/states.js';
import { MagProvider } from '../../src/components/provider/mag-provider.js';
import '../../src/define/mag-provider.js';
import { provideAdapter } from '../../src/core/provide.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { seedArticle, englishArticle } from '../../stories/support/sample-data.js';

// Markup with the `adapter` attribute is given as a string: lit-analyzer would bind it to the `adapter` property.

/** A minimal consumer: shows the title of `article-id`, or the shared loading / error states. */
class ProviderProbe extends MagElement {
  @property({ attribute: 'article-id' }) articleId = '';
  task = this.dataTask({
    args: () => (this.source ? ([this.source, this.articleId] as const) : undefined),
    request: ([source, id], signal) => source.getArticle(id, { signal }),
  });
  protected override dataChanged(event: MagInvalidateEvent): void {
    if (event.affects('article', this.articleId)) void this.task.run();
  }
  override render() {
    if (!this.source) return renderLoading(this.localize.t);
    const { status, value, error } = this.task;
    if (status === 'error' && error) return renderError(this.localize.t, error, () => void this.task.run());
    return status === 'complete' && value ? litHtml`<h1>${value.title}</h1>` : renderLoading(this.localize.t);
  }
}
customElements.define('provider-probe', ProviderProbe);

const text = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const settled = async (element: Element | null) => {
  const probe = element as ProviderProbe;
  await waitUntil(() => probe.shadowRoot?.querySelector('h1, [role="alert"]'), 'the probe never rendered data', { timeout: 4000 });
  return probe;
};
const fake = (...articles: typeof seedArticle[]) => new FakeAdapter({ articles });

describe('<mag-provider>', () => {
  it('gives its `adapter` property to the elements inside', async () => {
    const el = await fixture<MagProvider>(html`<mag-provider .adapter=${fake(seedArticle)}><provider-probe article-id=${seedArticle.id}></provider-probe></mag-provider>`);
    const probe = await settled(el.querySelector('provider-probe'));
    expect(text(probe)).to.equal(seedArticle.title);
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const data = await (await fetch('/demo/data/le-mag.json')).text();
    const el = await fixture<MagProvider>(html`<mag-provider>
      <script type="application/json">${data}</script>
      <provider-probe article-id="le-numerique-c-est-la-proximite"></provider-probe>
    </mag-provider>`);
    const probe = await settled(el.querySelector('provider-probe'));
    expect(text(probe)).to.equal("Le numérique, c'est la proximité");
  });

  it('loads the JSON data file named by `src`', async () => {
    const el = await fixture<MagProvider>(html`<mag-provider src="/demo/data/le-mag.json"><provider-probe article-id="le-numerique-c-est-la-proximite"></provider-probe></mag-provider>`);
    const probe = await settled(el.querySelector('provider-probe'));
    expect(text(probe)).to.equal("Le numérique, c'est la proximité");
  });

  it('prefers the property, then the inline data, then src', async () => {
    const inline = JSON.stringify({ version: 1, site: { title: 'Inline' }, articles: [{ ...englishArticle, id: seedArticle.id, title: 'From inline data', previous: undefined, next: undefined }] });
    const el = await fixture<MagProvider>(html`<mag-provider src="/demo/data/le-mag.json" .adapter=${fake({ ...seedArticle, title: 'From the property' })}>
      <script type="application/json">${inline}</script>
      <provider-probe article-id=${seedArticle.id}></provider-probe>
    </mag-provider>`);
    const probe = await settled(el.querySelector('provider-probe'));
    expect(text(probe)).to.equal('From the property');
    el.adapter = undefined;
    await waitUntil(() => text(probe) === 'From inline data', `got ${text(probe)}`);
    el.querySelector('script')!.remove();
    await waitUntil(() => text(probe) === "Le numérique, c'est la proximité", `got ${text(probe)}`);
  });

  it('lets the nearest provider win', async () => {
    const el = await fixture<MagProvider>(html`<mag-provider .adapter=${fake({ ...seedArticle, title: 'Outer' })}>
      <provider-probe id="outer" article-id=${seedArticle.id}></provider-probe>
      <mag-provider .adapter=${fake({ ...seedArticle, title: 'Inner' })}>
        <provider-probe id="inner" article-id=${seedArticle.id}></provider-probe>
      </mag-provider>
    </mag-provider>`);
    expect(text(await settled(el.querySelector('#outer')))).to.equal('Outer');
    expect(text(await settled(el.querySelector('#inner')))).to.equal('Inner');
  });

  it('reloads every element when the adapter is replaced', async () => {
    const el = await fixture<MagProvider>(html`<mag-provider .adapter=${fake({ ...seedArticle, title: 'Before' })}>
      <provider-probe article-id=${seedArticle.id}></provider-probe><provider-probe article-id=${seedArticle.id}></provider-probe>
    </mag-provider>`);
    const probes = [...el.querySelectorAll('provider-probe')];
    for (const probe of probes) await settled(probe);
    el.adapter = fake({ ...seedArticle, title: 'After' });
    for (const probe of probes) await waitUntil(() => text(probe) === 'After', `got ${text(probe)}`);
  });

  it('shares one request among its elements, and refresh() asks again', async () => {
    const adapter = new FakeAdapter({ articles: [seedArticle], delay: 10 });
    const el = await fixture<MagProvider>(html`<mag-provider .adapter=${adapter}>
      <provider-probe article-id=${seedArticle.id}></provider-probe>
      <provider-probe article-id=${seedArticle.id}></provider-probe>
      <provider-probe article-id=${seedArticle.id}></provider-probe>
    </mag-provider>`);
    for (const probe of el.querySelectorAll('provider-probe')) await settled(probe);
    expect(adapter.calls.getArticle).to.equal(1);
    el.refresh();
    await waitUntil(() => adapter.calls.getArticle === 2, `calls: ${adapter.calls.getArticle}`);
    for (const probe of el.querySelectorAll('provider-probe')) await settled(probe);
    expect(adapter.calls.getArticle).to.equal(2);
  });

  it('shows a clear, accessible error with a working retry for invalid inline JSON', async () => {
    const el = await fixture<MagProvider>(html`<mag-provider lang="en">
      <script type="application/json">{ "articles": [ </script>
      <provider-probe article-id="x"></provider-probe>
    </mag-provider>`);
    const probe = await settled(el.querySelector('provider-probe'));
    const alert = probe.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The server sent data that cannot be displayed.');
    expect(alert.textContent).to.contain('(root): Unexpected end of JSON input');
    await expect(probe).to.be.accessible();
  });

  it('names the problem when the adapter type is unknown or misconfigured', async () => {
    const el = await fixture<MagProvider>('<mag-provider adapter="nope" lang="en"><provider-probe article-id="x"></provider-probe></mag-provider>');
    const probe = await settled(el.querySelector('provider-probe'));
    const error = probe.task.error as Error;
    expect(error.message).to.contain('adapter="nope"');
    el.adapterType = 'json';
    await waitUntil(() => (probe.task.error as Error | undefined)?.message.includes('needs a src attribute'));
  });

  it('reports an adapter factory that throws instead of throwing', async () => {
    MagProvider.registerAdapterType('broken', () => {
      throw new TypeError('needs an endpoint');
    });
    const el = await fixture<MagProvider>('<mag-provider adapter="broken" lang="en"><provider-probe article-id="x"></provider-probe></mag-provider>');
    const probe = await settled(el.querySelector('provider-probe'));
    expect((probe.task.error as Error).message).to.equal('<mag-provider adapter="broken">: needs an endpoint');
    await expect(probe).to.be.accessible();
  });

  it('builds adapters registered by name', async () => {
    MagProvider.registerAdapterType('probe', (provider) => fake({ ...seedArticle, title: `endpoint ${provider.endpoint}` }));
    const el = await fixture<MagProvider>(`<mag-provider adapter="probe" endpoint="https://cms.example/api"><provider-probe article-id="${seedArticle.id}"></provider-probe></mag-provider>`);
    expect(text(await settled(el.querySelector('provider-probe')))).to.equal('endpoint https://cms.example/api');
  });

  it('finds an adapter type a page registers just after the elements are defined and in the page', async () => {
    // The provider connects (as the library's script defines it) before the page's own script registers its type.
    const container = await fixture<HTMLElement>(html`<div></div>`);
    container.innerHTML = `<mag-provider adapter="registered-late"><provider-probe article-id="${seedArticle.id}"></provider-probe></mag-provider>`;
    MagProvider.registerAdapterType('registered-late', () => fake({ ...seedArticle, title: 'found' }));
    expect(text(await settled(container.querySelector('provider-probe')))).to.equal('found');
  });

  it('applies max-age and timeout', async () => {
    const adapter = new FakeAdapter({ articles: [seedArticle], behaviour: { getArticle: 'never' } });
    const el = await fixture<MagProvider>(html`<mag-provider lang="en" timeout="0.05" .adapter=${adapter}><provider-probe article-id=${seedArticle.id}></provider-probe></mag-provider>`);
    const probe = await settled(el.querySelector('provider-probe'));
    expect(probe.shadowRoot!.textContent).to.contain('The server is taking too long to answer.');
    adapter.behaviour = {};
    probe.shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => text(probe) === seedArticle.title, 'retry works once the adapter answers');
  });
});

describe('provideAdapter() (pages without a <mag-provider>)', () => {
  it('gives an adapter to every element inside a subtree, replaces it, and refreshes', async () => {
    const root = await fixture<HTMLElement>(html`<section><provider-probe article-id=${seedArticle.id}></provider-probe></section>`);
    const first = new FakeAdapter({ articles: [{ ...seedArticle, title: 'Provided' }] });
    const provided = provideAdapter(root, first);
    // The probe asked before the adapter existed (no ContextRoot here): re-attached, it asks again.
    const probe = root.querySelector('provider-probe');
    root.append(probe!);
    expect(text(await settled(probe))).to.equal('Provided');
    provided.refresh();
    await waitUntil(() => first.calls.getArticle === 2, `calls: ${first.calls.getArticle}`);
    provided.setAdapter(fake({ ...seedArticle, title: 'Replaced' }));
    await waitUntil(() => text(probe) === 'Replaced', `got ${text(probe)}`);
    expect(provided.shared.adapter).to.not.equal(first);
  });
});
