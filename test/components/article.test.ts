import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define/mag-article.js';
import '../../src/define/mag-provider.js';
import type { MagArticle } from '../../src/components/article/article.js';
import type { MagArticleLoadEvent, MagPrintEvent } from '../../src/components/article/article-events.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagLoadErrorEvent } from '../../src/core/events.js';
import type { Article, MagAdapter, RequestOptions } from '../../src/core/model.js';
import type { SharedAdapter } from '../../src/core/shared-adapter.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { englishArticle, hostileHtml, seedArticle } from '../../stories/support/sample-data.js';

const shadow = (el: MagArticle) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: MagArticle, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: MagArticle, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The text shown on screen: without the visually hidden parts. */
const visibleText = (node: Element | null | undefined) => {
  const clone = node?.cloneNode(true) as Element | undefined;
  clone?.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return text(clone);
};

/** The accessible-ish name of a link: its text, hidden parts included (they are read by screen readers). */
const linkName = (a: Element | null) => text(a).replace(/[«»]/g, '').trim();

async function shown(el: MagArticle): Promise<void> {
  await waitUntil(() => $(el, 'article') && $(el, '.base')?.getAttribute('aria-busy') === 'false', 'article not shown');
  await el.updateComplete;
}

async function render(article: Article | string, lang = 'fr', adapter: MagAdapter = new FakeAdapter({ articles: [seedArticle, englishArticle] })) {
  const wrapper = await fixture<HTMLElement>(
    typeof article === 'string'
      ? html`<div lang=${lang}><mag-article article-id=${article} .adapter=${adapter}></mag-article></div>`
      : html`<div lang=${lang}><mag-article .article=${article}></mag-article></div>`,
  );
  return wrapper.querySelector('mag-article')!;
}

describe('<mag-article>', () => {
  describe('states', () => {
    it('shows an accessible placeholder with aria-busy while loading', async () => {
      const el = await render('le-numerique-c-est-la-proximite', 'fr', new FakeAdapter({ articles: [seedArticle], behaviour: { getArticle: 'never' } }));
      await el.updateComplete;
      const base = $(el, '.base')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[role="status"]')!.textContent).to.contain('Chargement…');
      expect($$(el, '.placeholder').length).to.be.greaterThan(3);
      expect($(el, 'article')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('keeps about a screen of room while loading, its first line shaped as the title, where the title will be', async () => {
      const el = await render('le-numerique-c-est-la-proximite', 'fr', new FakeAdapter({ articles: [seedArticle], behaviour: { getArticle: 'never' } }));
      await el.updateComplete;
      const [title, line] = $$(el, '.placeholder').map((p) => p.getBoundingClientRect());
      expect(title.height).to.be.greaterThan(line.height);
      expect(title.top).to.equal($(el, '.base')!.getBoundingClientRect().top);
      expect($(el, '[part="loading"]')!.getBoundingClientRect().height).to.be.greaterThan(500);
    });

    it('shows a loading placeholder until a provider gives it an adapter', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><mag-article article-id="le-numerique-c-est-la-proximite"></mag-article></div>`);
      const el = wrapper.querySelector('mag-article')!;
      await el.updateComplete;
      expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('renders nothing without article-id or article', async () => {
      const el = await fixture<MagArticle>(html`<mag-article></mag-article>`);
      expect(text(shadow(el) as unknown as Element)).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('renders the seed article in French: title, author, date, print, body, sections, navigation', async () => {
      const el = await render('le-numerique-c-est-la-proximite');
      await shown(el);
      const title = $(el, 'h1')!;
      expect(text(title)).to.equal("Le numérique, c'est la proximité");
      expect(title.getAttribute('part')).to.equal('title');
      expect(text($(el, '[part="author"]'))).to.equal('par Claudy Lebreton');
      const time = $(el, 'time')!;
      expect(time.getAttribute('datetime')).to.equal('2013-10-16T09:30:00Z');
      expect(text(time)).to.equal('16 oct. 2013');
      expect(text($(el, 'button[part="print"]'))).to.equal('imprimer');
      expect($(el, 'button[part="print"]')!.getAttribute('aria-label')).to.equal("Imprimer « Le numérique, c'est la proximité »");
      expect(text($(el, '[part="body"]'))).to.contain('Le numérique est décidément un sujet passionnant');
      const sections = $(el, '[part="sections"]')!;
      expect(text(sections)).to.equal('Publié dans La République des Territoires, Politique');
      expect([...sections.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
        '/sections/la-republique-des-territoires',
        '/sections/politique',
      ]);
      expect(visibleText($(el, 'nav'))).to.equal("« Lutter contre le gaspillage alimentaire | Accueil | Un vrai pacte d'avenir pour la Bretagne »");
      await expect(el).to.be.accessible();
    });

    it('says when the article does not exist, accessibly', async () => {
      const el = await render('nope');
      await waitUntil(() => $(el, '[part="not-found"]'));
      expect(text($(el, '[part="not-found"]'))).to.equal('Cet article est introuvable.');
      expect($(el, 'article')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry that works, and fires mag-load-error', async () => {
      const fake = new FakeAdapter({ articles: [seedArticle], behaviour: { getArticle: new MagAdapterError('network', 'down') } });
      const errors: MagLoadErrorEvent[] = [];
      const wrapper = await fixture<HTMLElement>(html`<div lang="en" @mag-load-error=${(e: MagLoadErrorEvent) => errors.push(e)}>
        <mag-article article-id="le-numerique-c-est-la-proximite" .adapter=${fake}></mag-article>
      </div>`);
      const el = wrapper.querySelector('mag-article')!;
      await waitUntil(() => $(el, '[part="error"]'));
      expect($(el, '[role="alert"]')!.textContent).to.contain('The server could not be reached.');
      expect(errors.map((e) => e.error.code)).to.deep.equal(['network']);
      await expect(el).to.be.accessible();
      delete fake.behaviour.getArticle;
      $(el, 'button[part="retry"]')!.click();
      await shown(el);
      expect(text($(el, 'h1'))).to.equal("Le numérique, c'est la proximité");
      expect(fake.calls.getArticle).to.equal(2);
    });

    it('shows the article given as a property, without any adapter', async () => {
      const el = await render(englishArticle, 'en');
      await el.updateComplete;
      expect(text($(el, 'h1'))).to.equal('Digital means proximity');
      expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    });
  });

  describe('formatting', () => {
    const year = new Date().getFullYear();
    const thisYear = { ...seedArticle, published: `${year}-10-16T09:30:00Z` };

    it('formats the date in French: "16 oct." this year, with the year otherwise', async () => {
      const el = await render(thisYear, 'fr');
      expect(text($(el, 'time'))).to.equal('16 oct.');
      expect($(el, 'time')!.getAttribute('title')).to.equal(`16 octobre ${year}`);
      el.article = seedArticle;
      await el.updateComplete;
      expect(text($(el, 'time'))).to.equal('16 oct. 2013');
    });

    it('formats the date and strings in English', async () => {
      const el = await render({ ...englishArticle, published: `${year}-10-16T09:30:00Z` }, 'en');
      expect(text($(el, 'time'))).to.equal('Oct 16');
      expect(text($(el, '[part="author"]'))).to.equal('by Claudy Lebreton');
      expect(text($(el, '[part="sections"]'))).to.equal('Posted in Local democracy, Politics');
      expect(text($(el, 'button[part="print"]'))).to.equal('Print');
      expect(visibleText($(el, 'nav'))).to.equal('« Fighting food waste | Home | A real pact for the future of Brittany »');
      el.article = englishArticle;
      await el.updateComplete;
      expect(text($(el, 'time'))).to.equal('Oct 16, 2013');
      await expect(el).to.be.accessible();
    });

    it('follows a change of language', async () => {
      const el = await render(seedArticle, 'fr');
      el.parentElement!.setAttribute('lang', 'en');
      await waitUntil(() => text($(el, 'button[part="print"]')) === 'Print');
      expect(text($(el, 'time'))).to.equal('Oct 16, 2013');
    });

    it('shows the update date when the article was updated on another day', async () => {
      const el = await render({ ...seedArticle, updated: '2013-11-02T10:00:00Z' }, 'fr');
      expect(text($(el, '[part="updated"]'))).to.equal('Mis à jour le 2 nov. 2013');
      el.article = { ...seedArticle, updated: '2013-10-16T18:00:00Z' };
      await el.updateComplete;
      expect($(el, '[part="updated"]')).to.equal(null);
    });

    it('uses the heading level asked for, within 1 to 6', async () => {
      const el = await render(seedArticle);
      el.headingLevel = 2;
      await el.updateComplete;
      expect($(el, 'h1')).to.equal(null);
      expect(text($(el, 'h2'))).to.equal("Le numérique, c'est la proximité");
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect($(el, 'h6')).to.not.equal(null);
      el.setAttribute('heading-level', 'x');
      await el.updateComplete;
      expect($(el, 'h1')).to.not.equal(null);
    });

    it('shows content slotted as `comments` after the article and before its navigation, as on a blog\'s page', async () => {
      const el = await render(seedArticle);
      const comments = document.createElement('p');
      comments.slot = 'comments';
      comments.textContent = 'The comments';
      el.append(comments);
      await el.updateComplete;
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="comments"]')!;
      expect(slot.assignedElements()).to.deep.equal([comments]);
      const article = el.shadowRoot!.querySelector('article')!;
      const nav = el.shadowRoot!.querySelector('nav')!;
      expect(article.compareDocumentPosition(slot) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect(slot.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect(comments.getBoundingClientRect().top).to.be.lessThan(nav.getBoundingClientRect().top);
      await expect(el).to.be.accessible();
    });

    it('links the author when the author has a URL, and never an unsafe one', async () => {
      const el = await render(seedArticle);
      expect($(el, '[part="author"] a')!.getAttribute('href')).to.equal('https://www.example.org/a-propos');
      // A person's link is an absolute web address: a relative one would send the reader elsewhere on the site.
      el.article = { ...seedArticle, author: { name: 'X', url: '/logout' } };
      await el.updateComplete;
      expect($(el, '[part="author"] a')).to.equal(null);
      el.article = { ...seedArticle, author: { name: 'X', url: 'javascript:alert(1)' }, sections: [{ name: 'S', url: 'data:text/html,x' }] };
      await el.updateComplete;
      expect($(el, '[part="author"] a')).to.equal(null);
      expect(text($(el, '[part="author"]'))).to.equal('par X');
      expect($(el, '[part="sections"] a')).to.equal(null);
      expect(text($(el, '[part="sections"]'))).to.equal('Publié dans S');
    });

    it('omits the sections line when there are none', async () => {
      const el = await render({ ...seedArticle, sections: [] });
      expect($(el, '[part="sections"]')).to.equal(null);
    });
  });

  describe('sanitizing', () => {
    afterEach(() => {
      delete (window as { __magPwned?: unknown }).__magPwned;
    });

    it('removes scripts, handlers, javascript: and data: URLs, styles and forms', async () => {
      const el = await render({ ...seedArticle, bodyHtml: hostileHtml });
      const body = $(el, '[part="body"]')!;
      await new Promise((r) => setTimeout(r, 50));
      expect((window as { __magPwned?: unknown }).__magPwned).to.equal(undefined);
      expect(body.querySelector('script, style, form, input, iframe')).to.equal(null);
      for (const node of body.querySelectorAll('*')) {
        for (const attr of node.getAttributeNames()) {
          expect(attr.startsWith('on'), `${node.localName}[${attr}]`).to.equal(false);
          expect(attr).to.not.equal('style');
        }
      }
      for (const a of body.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').to.not.match(/^\s*(javascript|data):/i);
      expect(text(body)).to.contain('Hello');
      expect(text(body)).to.contain('overlay');
      await expect(el).to.be.accessible();
    });

    it('keeps formatting, lists, quotes, tables, figures; lazy images; rel=noopener on external links', async () => {
      const el = await render({
        ...seedArticle,
        bodyHtml:
          '<h2>Part</h2><p><strong>b</strong> <em>i</em> <a href="https://example.org/x">ext</a> <a href="/local">local</a> <a href="mailto:a@b.c">mail</a></p>' +
          '<ul><li>one</li></ul><blockquote>q</blockquote><figure><img src="/demo/img/about-author.svg" alt="Portrait"><figcaption>cap</figcaption></figure>' +
          '<table><caption>T</caption><tr><th scope="col">h</th></tr><tr><td>d</td></tr></table><pre><code>x = 1</code></pre>',
      });
      const body = $(el, '[part="body"]')!;
      expect(body.querySelector('h2 + p strong')).to.not.equal(null);
      expect(body.querySelector('ul li, blockquote, figure figcaption, table th, pre code')).to.not.equal(null);
      expect(body.querySelector('a[href="https://example.org/x"]')!.getAttribute('rel')).to.equal('noopener');
      expect(body.querySelector('a[href="/local"]')!.hasAttribute('rel')).to.equal(false);
      expect(body.querySelector('a[href="mailto:a@b.c"]')).to.not.equal(null);
      const img = body.querySelector('img')!;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('alt')).to.equal('Portrait');
      await expect(el).to.be.accessible();
    });

    it('keeps the address of an image of the body that is relative only when the provider allows relative images', async () => {
      const article = { ...seedArticle, bodyHtml: '<p>Text.</p><p><img src="/demo/img/about-author.svg" alt="Portrait"></p>' };
      const refused = await render(article);
      expect($(refused, '[part="body"] img')!.hasAttribute('src'), 'no request for a relative address by default').to.equal(false);
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr">
        <mag-provider allow-relative-images .adapter=${new FakeAdapter({ articles: [article] })}><mag-article article-id=${article.id}></mag-article></mag-provider>
      </div>`);
      const allowed = wrapper.querySelector('mag-article')!;
      await shown(allowed);
      expect($(allowed, '[part="body"] img')!.getAttribute('src')).to.equal('/demo/img/about-author.svg');
    });

    it('keeps videos only from the hosts listed in embed-hosts, as sandboxed frames', async () => {
      const bodyHtml =
        '<p>Vidéo :</p><iframe src="https://www.youtube-nocookie.com/embed/abc" title="Ouverture du marché"></iframe><iframe src="https://player.vimeo.com/video/1"></iframe><iframe src="http://www.youtube-nocookie.com/embed/insecure"></iframe>';
      const el = await render({ ...seedArticle, bodyHtml });
      expect($$(el, '[part="body"] iframe')).to.have.length(0);
      el.embedHosts = 'www.youtube-nocookie.com';
      await el.updateComplete;
      const frames = $$(el, '[part="body"] iframe');
      expect(frames.map((f) => f.getAttribute('src'))).to.deep.equal(['https://www.youtube-nocookie.com/embed/abc']);
      expect(frames[0].getAttribute('sandbox')).to.contain('allow-scripts');
      expect(frames[0].getAttribute('title')).to.equal('Ouverture du marché');
      expect(frames[0].getAttribute('loading')).to.equal('lazy');
    });

    it('reads embed-hosts from the attribute (space-separated)', async () => {
      const el = await fixture<MagArticle>(html`<mag-article embed-hosts="player.vimeo.com  www.youtube-nocookie.com" .article=${{
        ...seedArticle,
        bodyHtml: '<iframe src="https://player.vimeo.com/video/1" title="v"></iframe><iframe src="https://evil.example/x" title="e"></iframe>',
      }}></mag-article>`);
      expect($$(el, '[part="body"] iframe').map((f) => f.getAttribute('src'))).to.deep.equal(['https://player.vimeo.com/video/1']);
    });
  });

  describe('navigation', () => {
    it('names each link for what it is', async () => {
      const el = await render(seedArticle);
      const nav = $(el, 'nav')!;
      expect(nav.getAttribute('aria-label')).to.equal('Navigation entre les articles');
      expect(linkName($(el, 'a[part="previous"]'))).to.equal('Article précédent : Lutter contre le gaspillage alimentaire');
      expect($(el, 'a[part="previous"]')!.getAttribute('href')).to.equal('/2013/10/lutter-contre-le-gaspillage-alimentaire.html');
      expect($(el, 'a[part="previous"]')!.getAttribute('rel')).to.equal('prev');
      expect(linkName($(el, 'a[part="home"]'))).to.equal('Accueil');
      expect(linkName($(el, 'a[part="next"]'))).to.equal("Article suivant : Un vrai pacte d'avenir pour la Bretagne");
      expect($(el, 'a[part="next"]')!.getAttribute('rel')).to.equal('next');
    });

    it('omits absent parts cleanly, and the whole nav when nothing is left', async () => {
      const el = await render({ ...seedArticle, previous: undefined });
      expect($(el, 'a[part="previous"]')).to.equal(null);
      expect(visibleText($(el, 'nav'))).to.equal("Accueil | Un vrai pacte d'avenir pour la Bretagne »");
      el.article = { ...seedArticle, homeUrl: undefined, next: { id: 'n', title: 'N', url: 'javascript:alert(1)' } };
      await el.updateComplete;
      expect(visibleText($(el, 'nav'))).to.equal('« Lutter contre le gaspillage alimentaire');
      el.article = { ...seedArticle, previous: undefined, next: undefined, homeUrl: undefined };
      await el.updateComplete;
      expect($(el, 'nav')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('demo data', () => {
    it('shows the seed article of the demo data file, with its navigation', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr">
        <mag-provider src="/demo/data/le-mag.json"><mag-article article-id="le-numerique-c-est-la-proximite"></mag-article></mag-provider>
      </div>`);
      const el = wrapper.querySelector('mag-article')!;
      await shown(el);
      expect(text($(el, 'h1'))).to.equal("Le numérique, c'est la proximité");
      expect(text($(el, 'time'))).to.equal('16 oct. 2013');
      expect(text($(el, '[part="sections"]'))).to.equal('Publié dans La République des Territoires, Politique');
      expect(visibleText($(el, 'nav'))).to.equal("« Lutter contre le gaspillage alimentaire | Accueil | Un vrai pacte d'avenir pour la Bretagne »");
      await expect(el).to.be.accessible();
    });
  });

  describe('reading', () => {
    it('reads in natural order: title, meta, body, sections, navigation; text is selectable and copyable', async () => {
      const el = await render(seedArticle);
      const order = ['[part="title"]', '[part="meta"]', '[part="body"]', '[part="sections"]', '[part="nav"]'].map((s) => $(el, s)!);
      for (let i = 1; i < order.length; i++) {
        expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      }
      const body = $(el, '[part="body"]')!;
      expect(getComputedStyle(body).userSelect).to.not.equal('none');
      const selection = getSelection()!;
      selection.selectAllChildren(body);
      expect(selection.toString()).to.contain("C'est aussi cela la proximité avec le numérique.");
      selection.removeAllRanges();
    });

    it('inherits the host page font and color', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="font-family: serif; color: rgb(10, 20, 30)">
        <mag-article .article=${seedArticle}></mag-article>
      </div>`);
      const el = wrapper.querySelector('mag-article')!;
      await el.updateComplete;
      const body = $(el, '[part="body"] p')!;
      expect(getComputedStyle(body).color).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(body).fontFamily).to.equal('serif');
    });
  });

  describe('events and reloading', () => {
    it('fires mag-article-load (bubbling, composed) with the article', async () => {
      const fake = new FakeAdapter({ articles: [seedArticle] });
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const loaded = oneEvent<MagArticleLoadEvent>(wrapper, 'mag-article-load');
      const el = document.createElement('mag-article');
      el.adapter = fake;
      el.articleId = 'le-numerique-c-est-la-proximite';
      wrapper.append(el);
      const event = await loaded;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.article.id).to.equal('le-numerique-c-est-la-proximite');
      expect($(el, 'h1')).to.not.equal(null);
    });

    it('fires mag-article-load when a ready article is set, once per article', async () => {
      const el = await render(seedArticle);
      const events: string[] = [];
      el.addEventListener('mag-article-load', (e) => events.push(e.article.title));
      el.article = englishArticle;
      await el.updateComplete;
      el.headingLevel = 2;
      await el.updateComplete;
      expect(events).to.deep.equal(['Digital means proximity']);
    });

    it('never shows a stale answer when article-id changes quickly: older requests are aborted', async () => {
      const requests = new Map<string, { resolve: (a: Article) => void; signal?: AbortSignal }>();
      const adapter: MagAdapter = {
        getArticle: (ref: string, opts?: RequestOptions) => new Promise<Article>((resolve) => requests.set(ref, { resolve, signal: opts?.signal })),
        listComments: () => Promise.resolve({ comments: [] }),
        listRecent: () => Promise.resolve([]),
      };
      const events: string[] = [];
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr" @mag-article-load=${(e: MagArticleLoadEvent) => events.push(e.article.id)}>
        <mag-article article-id="a" .adapter=${adapter}></mag-article>
      </div>`);
      const el = wrapper.querySelector('mag-article')!;
      await waitUntil(() => requests.has('a'));
      el.articleId = 'b';
      await waitUntil(() => requests.has('b'));
      el.articleId = 'c';
      await waitUntil(() => requests.has('c'));
      expect(requests.get('a')!.signal!.aborted).to.equal(true);
      expect(requests.get('b')!.signal!.aborted).to.equal(true);
      requests.get('c')!.resolve({ ...seedArticle, id: 'c', title: 'C' });
      requests.get('b')!.resolve({ ...seedArticle, id: 'b', title: 'B' });
      requests.get('a')!.resolve({ ...seedArticle, id: 'a', title: 'A' });
      await shown(el);
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      expect(text($(el, 'h1'))).to.equal('C');
      expect(events).to.deep.equal(['c']);
    });

    it('shows the placeholder, not the previous article, while another article loads', async () => {
      const fake = new FakeAdapter({ articles: [seedArticle, englishArticle] });
      const el = await render('le-numerique-c-est-la-proximite', 'fr', fake);
      await shown(el);
      fake.behaviour.getArticle = 'never';
      el.articleId = 'digital-is-proximity';
      await el.updateComplete;
      expect($(el, 'article')).to.equal(null);
      expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('true');
    });

    it('refresh() reloads the article, keeping the text visible with aria-busy meanwhile', async () => {
      const fake = new FakeAdapter({ articles: [seedArticle] });
      const el = await render('le-numerique-c-est-la-proximite', 'fr', fake);
      await shown(el);
      fake.data.articles = [{ ...seedArticle, title: 'Nouveau titre' }];
      fake.behaviour.getArticle = 'never';
      el.refresh();
      await el.updateComplete;
      expect(fake.calls.getArticle).to.equal(2);
      expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, 'h1'))).to.equal("Le numérique, c'est la proximité");
      await expect(el).to.be.accessible();
      delete fake.behaviour.getArticle;
      el.refresh();
      await waitUntil(() => text($(el, 'h1')) === 'Nouveau titre');
      expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('keeps the text and shows the error with a retry when a reload fails', async () => {
      const fake = new FakeAdapter({ articles: [seedArticle] });
      const el = await render('le-numerique-c-est-la-proximite', 'fr', fake);
      await shown(el);
      fake.behaviour.getArticle = new MagAdapterError('timeout', 'slow');
      el.refresh();
      await waitUntil(() => $(el, '[part="error"]'));
      expect(text($(el, 'h1'))).to.equal("Le numérique, c'est la proximité");
      expect(text($(el, '[part="error"]'))).to.contain('Le serveur met trop de temps à répondre.');
      await expect(el).to.be.accessible();
      delete fake.behaviour.getArticle;
      $(el, 'button[part="retry"]')!.click();
      await waitUntil(() => !$(el, '[part="error"]'));
      expect(fake.calls.getArticle).to.equal(3);
    });

    it('reloads when the provider invalidates this article (a comment was posted), and not for another one', async () => {
      const fake = new FakeAdapter({ articles: [seedArticle, englishArticle], comments: { 'le-numerique-c-est-la-proximite': [] }, postComment: 'approved' });
      const wrapper = await fixture<HTMLElement>(html`<mag-provider .adapter=${fake}>
        <mag-article article-id="le-numerique-c-est-la-proximite"></mag-article>
        <mag-article article-id="digital-is-proximity"></mag-article>
      </mag-provider>`);
      const [el, other] = wrapper.querySelectorAll('mag-article');
      await shown(el);
      await shown(other);
      expect(fake.calls.getArticle).to.equal(2);
      other.refresh();
      await waitUntil(() => fake.calls.getArticle === 3);
      await shown(other);
      expect(fake.log.filter((l) => l.method === 'getArticle').map((l) => l.args[0])).to.deep.equal([
        'le-numerique-c-est-la-proximite',
        'digital-is-proximity',
        'digital-is-proximity',
      ]);
      const shared = (el as unknown as { source: SharedAdapter }).source;
      await shared.postComment('le-numerique-c-est-la-proximite', { authorName: 'Ada', bodyText: 'Bravo' });
      await waitUntil(() => fake.calls.getArticle === 4);
      await shown(el);
      expect(fake.log.at(-1)!.args[0]).to.equal('le-numerique-c-est-la-proximite');
    });
  });

  describe('print', () => {
    let printed = 0;
    const originalPrint = window.print.bind(window);
    beforeEach(() => {
      printed = 0;
      window.print = () => {
        printed++;
      };
    });
    afterEach(async () => {
      window.print = originalPrint;
      window.dispatchEvent(new Event('afterprint'));
      await emulateMedia({ media: 'screen' });
    });

    async function page(printComments = false) {
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr">
        <nav id="site-nav"><a href="/">Site menu</a></nav>
        <div class="layout">
          <main>
            <mag-article ?print-comments=${printComments} .article=${seedArticle}></mag-article>
          </main>
          <aside id="sidebar">Dernières contributions</aside>
        </div>
      </div>`);
      const el = wrapper.querySelector('mag-article')!;
      // Stand-ins for <mag-comment-thread> (another element): the print only looks at the tag and article-id.
      for (const [id, content] of [['le-numerique-c-est-la-proximite', 'Commentaire de Dulucq'], ['another', 'Other thread']]) {
        const thread = document.createElement('mag-comment-thread');
        thread.setAttribute('article-id', id);
        thread.textContent = content;
        el.after(thread);
      }
      await el.updateComplete;
      return { wrapper, el };
    }
    const display = (node: Element | null) => getComputedStyle(node!).display;

    it('prints the article alone, without the page navigation and sidebars, then cleans up', async () => {
      const { wrapper, el } = await page();
      const fired = oneEvent<MagPrintEvent>(el, 'mag-print');
      $(el, 'button[part="print"]')!.click();
      const event = await fired;
      expect(event.article.id).to.equal('le-numerique-c-est-la-proximite');
      expect(event.includeComments).to.equal(false);
      expect(printed).to.equal(1);
      expect(document.documentElement.hasAttribute('data-mag-printing')).to.equal(true);
      await emulateMedia({ media: 'print' });
      expect(display(wrapper.querySelector('#site-nav'))).to.equal('none');
      expect(display(wrapper.querySelector('#sidebar'))).to.equal('none');
      expect(display(wrapper.querySelector('mag-comment-thread[article-id="le-numerique-c-est-la-proximite"]'))).to.equal('none');
      expect(display(el)).to.equal('block');
      expect(display($(el, 'h1'))).to.not.equal('none');
      expect(display($(el, '[part="body"]'))).to.not.equal('none');
      expect(display($(el, 'time'))).to.not.equal('none');
      expect(display($(el, 'button[part="print"]'))).to.equal('none');
      expect(($(el, '[part="meta"]'))!.innerText.replace(/\s+/g, ' ').trim()).to.equal('par Claudy Lebreton · 16 oct. 2013 · 1 commentaire');
      expect(display($(el, 'nav'))).to.equal('none');
      expect(($(el, '[part="body"]'))!.innerText).to.contain("C'est aussi cela la proximité avec le numérique.");
      window.dispatchEvent(new Event('afterprint'));
      expect(document.documentElement.hasAttribute('data-mag-printing')).to.equal(false);
      expect(document.querySelector('[data-mag-print-path], [data-mag-print-target]')).to.equal(null);
      expect(display(wrapper.querySelector('#sidebar'))).to.equal('block');
    });

    it('prints the comment thread of the same article with print-comments', async () => {
      const { wrapper, el } = await page(true);
      expect(el.print()).to.equal(true);
      await emulateMedia({ media: 'print' });
      const thread = wrapper.querySelector('mag-comment-thread[article-id="le-numerique-c-est-la-proximite"]');
      const other = wrapper.querySelector('mag-comment-thread[article-id="another"]');
      expect(display(thread)).to.not.equal('none');
      expect(display(other)).to.equal('none');
      expect(display(wrapper.querySelector('#sidebar'))).to.equal('none');
    });

    it('prints through shadow roots: the sidebar of a host layout component is hidden', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div><mag-article .article=${seedArticle}></mag-article></div>`);
      const root = wrapper.attachShadow({ mode: 'open' });
      root.innerHTML = '<aside id="shadow-side">Side</aside><main><slot></slot></main>';
      const el = wrapper.querySelector('mag-article')!;
      await el.updateComplete;
      el.print();
      await emulateMedia({ media: 'print' });
      expect(display(root.querySelector('#shadow-side'))).to.equal('none');
      expect(display(root.querySelector('main'))).to.equal('block');
      expect(display($(el, 'h1'))).to.not.equal('none');
      window.dispatchEvent(new Event('afterprint'));
      expect(root.adoptedStyleSheets).to.have.length(0);
    });

    it('lets the host take over with a cancelable mag-print', async () => {
      const { wrapper, el } = await page();
      wrapper.addEventListener('mag-print', (e) => e.preventDefault(), { once: true });
      expect(el.print()).to.equal(false);
      expect(printed).to.equal(0);
      expect(document.documentElement.hasAttribute('data-mag-printing')).to.equal(false);
    });

    it('does nothing before the article is loaded', async () => {
      const el = await render('x', 'fr', new FakeAdapter({ behaviour: { getArticle: 'never' } }));
      expect(el.print()).to.equal(false);
      expect(printed).to.equal(0);
    });
  });
});
