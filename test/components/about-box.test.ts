import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mag-about-box.js';
import '../../src/define/mag-provider.js';
import type { MagAboutBox } from '../../src/components/about-box/about-box.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagLoadErrorEvent } from '../../src/core/events.js';
import type { About, MagAdapter } from '../../src/core/model.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { aboutBoxes, demoImage, hostileHtml } from '../../stories/support/sample-data.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const heading = (el: HTMLElement) => root(el).querySelector('[role="heading"]')!.textContent.trim();
const settled = (el: HTMLElement) => waitUntil(() => root(el).querySelector('[part="bio"], [part="error"], [part="unsupported"]'), 'the box did not load');

async function render(adapter: MagAdapter, key?: string, lang = 'fr'): Promise<MagAboutBox> {
  // The element is the fixture's root (lang on it): a plain wrapper would make fixture() wait for an
  // animation frame, which never comes while the test page is a background tab (concurrent test files).
  return fixture<MagAboutBox>(html`<mag-about-box lang=${lang} .adapter=${adapter} key=${key ?? ''}></mag-about-box>`);
}

const quiet = async (run: () => Promise<void>) => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    await run();
  } finally {
    console.warn = warn;
  }
};

describe('<mag-about-box>', () => {
  it('shows a loading placeholder', async () => {
    const el = await render(new FakeAdapter({ about: aboutBoxes, behaviour: { getAbout: 'never' } }), 'magazine');
    await el.updateComplete;
    expect(root(el).querySelector('[part="loading"]')).to.exist;
    expect(root(el).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it("shows the magazine's presentation", async () => {
    const fake = new FakeAdapter({ about: aboutBoxes });
    const el = await render(fake, 'magazine');
    await settled(el);
    expect(fake.log.at(-1)!.args).to.deep.equal(['magazine']);
    expect(heading(el)).to.equal('La République des Territoires - Le Mag');
    const bio = root(el).querySelector('[part="bio"]')!;
    expect(bio.querySelectorAll('p')).to.have.length(3);
    expect(bio.textContent).to.contain('Bienvenue dans la "République des Territoires"');
    expect(root(el).querySelector('[part="contact"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("shows the author's about box with the contact link", async () => {
    const el = await render(new FakeAdapter({ about: aboutBoxes }), 'author');
    await settled(el);
    expect(heading(el)).to.equal('A propos');
    expect(root(el).querySelector('[part="name"]')!.textContent).to.equal('Claudy Lebreton');
    expect(root(el).querySelector('[part="bio"]')!.textContent).to.contain('Adhérent au Parti socialiste en 1975');
    const contact = root(el).querySelector('a[part="contact"]')!;
    expect(contact.textContent).to.equal('Me contacter');
    expect(contact.getAttribute('href')).to.equal('mailto:contact@example.org');
    await expect(el).to.be.accessible();
  });

  it('shows a ready `about` object with its photo, alternative text and links, in English', async () => {
    const fake = new FakeAdapter();
    const about: About = {
      name: 'Ada Lovelace',
      bioHtml: '<p>Writes about <em>engines</em>.</p>',
      photoUrl: demoImage('about-author.svg'),
      photoAlt: 'Portrait of Ada',
      contactUrl: 'https://example.org/contact',
      links: [
        { label: 'Mastodon', url: 'https://example.social/@ada' },
        { label: 'Evil', url: 'javascript:alert(1)' },
      ],
    };
    const el = await fixture<MagAboutBox>(html`<mag-about-box lang="en" .adapter=${fake} .about=${about}></mag-about-box>`);
    expect(fake.calls.getAbout).to.equal(0);
    expect(heading(el)).to.equal('About');
    const img = root(el).querySelector<HTMLImageElement>('img[part="photo"]')!;
    expect(img.getAttribute('alt')).to.equal('Portrait of Ada');
    expect(img.getAttribute('src')).to.equal(demoImage('about-author.svg'));
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(root(el).querySelector('[part="contact"]')!.textContent).to.equal('Contact me');
    expect([...root(el).querySelectorAll('a[part="link"]')].map((a) => a.textContent)).to.deep.equal(['Mastodon']);
    await expect(el).to.be.accessible();
  });

  it('words links by their kind, shows a logo after the bio and the contact link in the data\'s own words, in both languages', async () => {
    const about: About = {
      name: 'Ada Lovelace',
      bioHtml: '<p>Bio.</p>',
      logoUrl: demoImage('about-author.svg'),
      logoAlt: 'Logo of the Society',
      contactUrl: 'mailto:ada@example.org',
      contactLabel: 'Write to Ada',
      links: [
        { kind: 'website', url: 'https://ada.example/' },
        { kind: 'articles', url: 'https://mag.example/ada/' },
      ],
    };
    const en = await fixture<MagAboutBox>(html`<mag-about-box lang="en" .about=${about}></mag-about-box>`);
    expect([...root(en).querySelectorAll('a[part="link"]')].map((a) => a.textContent)).to.deep.equal(['Website', 'Articles by Ada Lovelace']);
    const logo = root(en).querySelector<HTMLImageElement>('img[part="logo"]')!;
    expect(logo.alt).to.equal('Logo of the Society');
    expect(logo.compareDocumentPosition(root(en).querySelector('[part="bio"]')!) & Node.DOCUMENT_POSITION_PRECEDING).to.not.equal(0);
    expect(root(en).querySelector('[part="contact"]')!.textContent).to.equal('Write to Ada');
    await expect(en).to.be.accessible();
    const fr = await fixture<MagAboutBox>(html`<mag-about-box lang="fr" .about=${{ ...about, contactLabel: undefined }}></mag-about-box>`);
    expect([...root(fr).querySelectorAll('a[part="link"]')].map((a) => a.textContent)).to.deep.equal(['Site web', 'Articles de Ada Lovelace']);
    expect(root(fr).querySelector('[part="contact"]')!.textContent).to.equal('Me contacter');
  });

  it('shows a photo or logo whose address is relative only when the provider allows relative images', async () => {
    const about: About = { name: 'Ada', bioHtml: '<p>Bio.</p>', photoUrl: '/demo/img/about-author.svg', logoUrl: '/demo/img/about-author.svg', logoAlt: 'Logo' };
    const refused = await fixture<MagAboutBox>(html`<mag-about-box lang="en" .about=${about}></mag-about-box>`);
    expect(root(refused).querySelectorAll('img'), 'no image from a relative address by default').to.have.length(0);
    const provider = await fixture<HTMLElement>(html`<mag-provider allow-relative-images lang="en" .adapter=${new FakeAdapter({ about: { ada: about } })}
      ><mag-about-box key="ada"></mag-about-box
    ></mag-provider>`);
    const allowed = provider.querySelector<MagAboutBox>('mag-about-box')!;
    await settled(allowed);
    expect([...root(allowed).querySelectorAll('img')].map((img) => [img.getAttribute('part'), img.getAttribute('src')])).to.deep.equal([
      ['photo', '/demo/img/about-author.svg'],
      ['logo', '/demo/img/about-author.svg'],
    ]);
  });

  it('sanitizes the bio and drops unsafe URLs', async () => {
    const about: About = { title: 'Evil', bioHtml: hostileHtml, photoUrl: 'javascript:alert(1)', contactUrl: 'javascript:alert(1)' };
    const el = await render(new FakeAdapter({ about: { evil: about } }), 'evil');
    await settled(el);
    const bio = root(el).querySelector('[part="bio"]')!;
    expect(bio.querySelector('script, img, form, input, style, iframe, [style], [onerror]')).to.equal(null);
    for (const a of bio.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.to.match(/^\s*(javascript|data):/i);
    expect(root(el).querySelector('[part="photo"], [part="contact"]')).to.equal(null);
    expect((window as { __magPwned?: boolean }).__magPwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows a not-found error with a working retry, and fires mag-load-error', async () => {
    await quiet(async () => {
      const fake = new FakeAdapter({ about: {} });
      let failed: MagLoadErrorEvent | undefined;
      const el = await fixture<MagAboutBox>(
        html`<mag-about-box lang="fr" key="author" .adapter=${fake} @mag-load-error=${(e: MagLoadErrorEvent) => (failed = e)}></mag-about-box>`,
      );
      await waitUntil(() => failed, 'mag-load-error was not fired');
      expect(failed!.error.code).to.equal('not-found');
      await settled(el);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Ce contenu est introuvable.');
      await expect(el).to.be.accessible();
      fake.data.about = aboutBoxes;
      root(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => root(el).querySelector('[part="bio"]'), 'retry did not load');
      expect(fake.calls.getAbout).to.equal(2);
    });
  });

  it('says so when the data source has no about boxes', async () => {
    await quiet(async () => {
      const fake = new FakeAdapter();
      const adapter: MagAdapter = { getArticle: fake.getArticle.bind(fake), listComments: fake.listComments.bind(fake), listRecent: fake.listRecent.bind(fake) };
      const el = await render(adapter, 'author');
      await settled(el);
      expect(root(el).querySelector('[part="unsupported"]')!.textContent).to.equal('Ce site ne propose pas cette fonction.');
      expect(root(el).querySelector('[part="retry"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  it('keeps the box visible with aria-busy while refresh() reloads it, and reloads on invalidation of its key only', async () => {
    const fake = new FakeAdapter({ about: { ...aboutBoxes } });
    const provider = await fixture<HTMLElement>(html`<mag-provider .adapter=${fake} lang="fr">
      <mag-about-box key="magazine"></mag-about-box>
      <mag-about-box key="author"></mag-about-box>
    </mag-provider>`);
    const [magazine, author] = [...provider.querySelectorAll('mag-about-box')];
    await settled(magazine);
    await settled(author);
    expect(fake.calls.getAbout).to.equal(2);
    fake.data.about.author = { ...aboutBoxes.author, name: 'C. Lebreton' };
    fake.behaviour.getAbout = 'never';
    author.refresh();
    await waitUntil(() => root(author).querySelector('[part="base"]')!.getAttribute('aria-busy') === 'true', 'not busy');
    expect(root(author).querySelector('[part="name"]')!.textContent).to.equal('Claudy Lebreton');
    await expect(author).to.be.accessible();
    delete fake.behaviour.getAbout;
    author.refresh();
    await waitUntil(() => root(author).querySelector('[part="name"]')?.textContent === 'C. Lebreton', 'did not reload');
    expect(fake.log.filter((c) => c.method === 'getAbout').map((c) => c.args[0])).to.deep.equal(['magazine', 'author', 'author', 'author']);
  });

  it('fails with an error message, not a crash, on a network error', async () => {
    await quiet(async () => {
      const el = await render(new FakeAdapter({ about: aboutBoxes, behaviour: { getAbout: new MagAdapterError('network', 'down') } }), 'author', 'en');
      await settled(el);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('The server could not be reached.');
      await expect(el).to.be.accessible();
    });
  });
});
