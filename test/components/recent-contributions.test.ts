import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-recent-contributions.js';
import '../../src/define/mag-provider.js';
import type { MagRecentContributions } from '../../src/components/recent-contributions/recent-contributions.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagLoadErrorEvent } from '../../src/core/events.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { recentContributions } from '../../stories/support/sample-data.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const items = (el: HTMLElement) => [...root(el).querySelectorAll('li')];
const titles = (el: HTMLElement) => items(el).map((li) => li.querySelector('.title')!.textContent.trim());
const loaded = (el: HTMLElement) => waitUntil(() => root(el).querySelector('ul, .empty, .error'), 'the list did not load');

async function render(fake: FakeAdapter, attrs: Partial<MagRecentContributions> = {}, lang = 'fr'): Promise<MagRecentContributions> {
  // The element is the fixture's root (lang on it): a plain wrapper would make fixture() wait for an
  // animation frame, which never comes while the test page is a background tab (concurrent test files).
  return fixture<MagRecentContributions>(html`<mag-recent-contributions
    lang=${lang}
    .adapter=${fake}
    heading=${attrs.heading ?? 'Dernières contributions sur Le Mag'}
    .limit=${attrs.limit ?? 5}
    .section=${attrs.section}
    .currentArticle=${attrs.currentArticle}
    .excludeCurrent=${attrs.excludeCurrent ?? false}
  ></mag-recent-contributions>`);
}

describe('<mag-recent-contributions>', () => {
  it('shows a loading placeholder, announced and accessible', async () => {
    const el = await render(new FakeAdapter({ recent: recentContributions, behaviour: { listRecent: 'never' } }));
    await el.updateComplete;
    const status = root(el).querySelector('[role="status"]');
    expect(status?.textContent).to.contain('Chargement');
    await expect(el).to.be.accessible();
  });

  it('keeps about the room of the list to come while loading: two lines per article', async () => {
    const el = await render(new FakeAdapter({ recent: recentContributions, behaviour: { listRecent: 'never' } }), { limit: 4 });
    await el.updateComplete;
    expect(root(el).querySelectorAll('.placeholder')).to.have.length(8);
  });

  it('words an article without a title in the page\'s language', async () => {
    const fake = new FakeAdapter({ recent: [{ ...recentContributions[0], title: '' }] });
    expect(titles(await render(fake).then(async (el) => (await loaded(el), el)))).to.deep.equal(['Sans titre']);
    const en = await render(fake, {}, 'en');
    await loaded(en);
    expect(titles(en)).to.deep.equal(['Untitled']);
  });

  it('lists the newest articles with a titled list, linked titles, dates and sections', async () => {
    const el = await render(new FakeAdapter({ recent: recentContributions }));
    await loaded(el);
    const heading = root(el).querySelector('[role="heading"]')!;
    expect(heading.textContent.trim()).to.equal('Dernières contributions sur Le Mag');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(titles(el)).to.deep.equal(recentContributions.map((a) => a.title));
    const first = items(el)[1];
    const link = first.querySelector('a.title')!;
    expect(link.getAttribute('href')).to.equal('/2013/10/le-numerique-c-est-la-proximite.html');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2013-10-16T09:30:00Z');
    // The same format as the article's date (short; the full date in its title).
    expect(first.querySelector('time')!.textContent).to.equal('16 oct. 2013');
    expect(first.querySelector('time')!.getAttribute('title')).to.equal('16 octobre 2013');
    expect(first.querySelector('[part="sections"]')!.textContent.replace(/\s+/g, ' ')).to.contain('Publié dans La République des Territoires, Politique');
    expect([...first.querySelectorAll('[part="sections"] a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      '/sections/la-republique-des-territoires',
      '/sections/politique',
    ]);
    await expect(el).to.be.accessible();
  });

  it('uses the default title in English, and a slotted title when given', async () => {
    const fake = new FakeAdapter({ recent: recentContributions });
    const plain = await fixture<MagRecentContributions>(html`<mag-recent-contributions lang="en" .adapter=${fake}></mag-recent-contributions>`);
    const slotted = await fixture<MagRecentContributions>(
      html`<mag-recent-contributions lang="en" .adapter=${fake}><span slot="heading">Latest from the Mag</span></mag-recent-contributions>`,
    );
    await loaded(plain);
    await loaded(slotted);
    expect(root(plain).querySelector('[role="heading"]')!.textContent.trim()).to.equal('Recent contributions');
    expect(root(plain).querySelector('[part="sections"]')!.textContent).to.contain('Posted in');
    const slot = root(slotted).querySelector<HTMLSlotElement>('slot[name="heading"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Latest from the Mag');
    await expect(plain).to.be.accessible();
    await expect(slotted).to.be.accessible();
  });

  it('asks for `limit` articles and shows no more than that', async () => {
    const fake = new FakeAdapter({ recent: recentContributions });
    const el = await render(fake, { limit: 2 });
    await loaded(el);
    expect(titles(el)).to.have.length(2);
    expect(fake.log.at(-1)!.args).to.deep.equal([2, undefined]);
    // An adapter that ignores the limit is cut down too.
    const greedy = new FakeAdapter({ recent: recentContributions });
    const originalList = greedy.listRecent.bind(greedy);
    greedy.listRecent = (opts) => originalList({ ...opts, limit: undefined });
    const el2 = await render(greedy, { limit: 3 });
    await loaded(el2);
    expect(titles(el2)).to.have.length(3);
  });

  it('reads a `limit` that is not a whole number ≥ 1 as a whole number, or as the default 5', async () => {
    for (const [limit, asked] of [[2.7, 2], [0.5, 5], [0, 5], [-1, 5], [Number.NaN, 5]]) {
      const fake = new FakeAdapter({ recent: recentContributions });
      const el = await render(fake, { limit });
      await loaded(el);
      expect(fake.log.at(-1)!.args, `limit ${limit}`).to.deep.equal([asked, undefined]);
      expect(titles(el), `limit ${limit}`).to.have.length(Math.min(asked, recentContributions.length));
    }
  });

  it('filters by section', async () => {
    const fake = new FakeAdapter({ recent: recentContributions });
    const el = await render(fake, { section: 'Vie locale' });
    await loaded(el);
    expect(titles(el)).to.deep.equal(['Les marchés de Plénée-Jugon']);
    expect(fake.log.at(-1)!.args).to.deep.equal([5, 'Vie locale']);
    el.section = 'Politique';
    await waitUntil(() => titles(el).length === 2, 'the list did not reload for the new section');
    expect(titles(el)).to.deep.equal(["Le numérique, c'est la proximité", 'Décentralisation : acte III']);
    await expect(el).to.be.accessible();
  });

  it('marks the current article with aria-current', async () => {
    const el = await render(new FakeAdapter({ recent: recentContributions }), { currentArticle: 'le-numerique-c-est-la-proximite' });
    await loaded(el);
    const current = root(el).querySelectorAll('[aria-current="page"]');
    expect(current).to.have.length(1);
    expect(current[0].textContent).to.equal("Le numérique, c'est la proximité");
    expect(titles(el)).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('leaves the current article out with exclude-current, still showing `limit` articles', async () => {
    const fake = new FakeAdapter({ recent: recentContributions });
    const el = await render(fake, { currentArticle: 'le-numerique-c-est-la-proximite', excludeCurrent: true, limit: 3 });
    await loaded(el);
    expect(titles(el)).to.deep.equal(["Un vrai pacte d'avenir pour la Bretagne", 'Lutter contre le gaspillage alimentaire', 'Les marchés de Plénée-Jugon']);
    expect(root(el).querySelector('[aria-current]')).to.equal(null);
    expect(fake.log.at(-1)!.args[0]).to.equal(4);
  });

  it('shows an empty message', async () => {
    const el = await render(new FakeAdapter({ recent: [] }));
    await loaded(el);
    expect(root(el).querySelector('[part="empty"]')!.textContent).to.equal("Aucun article pour l'instant.");
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button that works, and fires mag-load-error', async () => {
    const fake = new FakeAdapter({ recent: recentContributions, behaviour: { listRecent: new MagAdapterError('network', 'Down') } });
    const warn = console.warn;
    console.warn = () => {};
    try {
      let event: MagLoadErrorEvent | undefined;
      const el = await fixture<MagRecentContributions>(
        html`<mag-recent-contributions lang="fr" .adapter=${fake} @mag-load-error=${(e: MagLoadErrorEvent) => (event = e)}></mag-recent-contributions>`,
      );
      await waitUntil(() => event, 'mag-load-error was not fired');
      expect(event!.error.code).to.equal('network');
      await loaded(el);
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Le serveur est injoignable.');
      await expect(el).to.be.accessible();
      delete fake.behaviour.listRecent;
      root(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => titles(el).length === 5, 'retry did not load the list');
      expect(fake.calls.listRecent).to.equal(2);
    } finally {
      console.warn = warn;
    }
  });

  it('keeps the old list visible with aria-busy while reloading, on refresh()', async () => {
    const fake = new FakeAdapter({ recent: recentContributions });
    const el = await render(fake);
    await loaded(el);
    fake.behaviour.listRecent = 'never';
    el.refresh();
    await waitUntil(() => root(el).querySelector('[part="base"]')!.getAttribute('aria-busy') === 'true', 'not busy');
    expect(titles(el)).to.have.length(5);
    expect(fake.calls.listRecent).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('reloads when the provider says recent articles changed', async () => {
    const fake = new FakeAdapter({ recent: recentContributions.slice(1) });
    const provider = await fixture<HTMLElement & { refresh?: () => void }>(html`<mag-provider .adapter=${fake} lang="fr">
      <mag-recent-contributions></mag-recent-contributions>
    </mag-provider>`);
    const el = provider.querySelector('mag-recent-contributions')!;
    await waitUntil(() => titles(el).length === 4, 'did not load through the provider');
    fake.data.recent = recentContributions;
    el.refresh();
    await waitUntil(() => titles(el).length === 5, 'did not reload');
    expect(titles(el)[0]).to.equal("Un vrai pacte d'avenir pour la Bretagne");
    await aTimeout(0);
    expect(fake.calls.listRecent).to.equal(2);
  });

  it('drops unsafe URLs', async () => {
    const el = await render(
      new FakeAdapter({ recent: [{ id: 'x', title: 'Evil', url: 'javascript:alert(1)', published: '2013-10-01T00:00:00Z', sections: [{ name: 'S', url: 'data:text/html,x' }] }] }),
    );
    await loaded(el);
    expect(root(el).querySelector('a')).to.equal(null);
    expect(titles(el)).to.deep.equal(['Evil']);
    await expect(el).to.be.accessible();
  });
});
