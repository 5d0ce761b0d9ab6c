// FeedAdapter against real feeds: the seeded WordPress's RSS 2.0, Atom and comment feeds, and fixture
// files in other dialects (Typepad-style Atom with thr:in-reply-to, Hugo RSS, CDATA + entities, JSON Feed,
// an HTML page for discovery, broken documents) served over HTTP by scripts/backends/feed-server.mjs.
import { expect } from '@open-wc/testing';
import { FeedAdapter } from '../../src/adapters/feed/feed-adapter.js';
import { WordPressAdapter } from '../../src/adapters/wordpress/wordpress-adapter.js';
import { SharedAdapter } from '../../src/core/shared-adapter.js';
import { feedHits, feedsUrl, wordpressUrl } from '../helpers/backends.js';
import { rejection } from '../helpers/rejection.js';
import { truncateText } from '../../src/adapters/feed/html-text.js';

const text = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent?.replace(/\s+/g, ' ').trim();

describe('FeedAdapter', function () {
  let feeds: string;

  before(async function () {
    this.timeout(180_000);
    feeds = await feedsUrl();
  });

  describe('WordPress feeds (real WordPress)', () => {
    let wp: string;
    before(async function () {
      this.timeout(180_000);
      wp = await wordpressUrl();
    });

    it('RSS 2.0: recent posts with decoded titles, GMT dates and sections, as the REST API has them', async () => {
      const adapter = new FeedAdapter({ url: `${wp}/feed/` });
      const list = await adapter.listRecent({ limit: 10 });
      expect(list.map((s) => s.url)).to.deep.equal(
        ['2024/04/02/letters/', '2024/03/20/quiet-week/', '2024/03/01/science-roundup/', '2024/02/14/tips-and-tricks/', '2024/01/10/hello-newsroom/'].map(
          (p) => `${wp}/${p}`,
        ),
      );
      const rest = await new WordPressAdapter({ endpoint: `${wp}/wp-json` }).listRecent({ limit: 10 });
      expect(list.map((s) => [s.title, s.published])).to.deep.equal(rest.map((s) => [s.title, s.published]));
      expect(list[3].title).to.equal('Tips & Tricks: \u201CSmart\u201D quotes aren\u2019t dumb');
      expect(list[2].sections.map((s) => s.name)).to.deep.equal(['News', 'Science & Tech']);
      expect((await adapter.listRecent({ section: 'science-tech' })).map((s) => s.title)).to.deep.equal(['Science & Tech roundup']);
    });

    it('RSS 2.0: an article by slug with full content, comment feed, count and neighbours', async () => {
      const adapter = new FeedAdapter({ url: `${wp}/?feed=rss2` });
      const a = await adapter.getArticle('tips-and-tricks');
      expect(a.url).to.equal(`${wp}/2024/02/14/tips-and-tricks/`);
      expect(a.bodyHtml).to.contain('<h2>Why it matters</h2>');
      expect(a.author?.name).to.equal('Ada Lovelace');
      expect(a.sections).to.deep.equal([{ name: 'Culture' }]);
      expect(a.published).to.equal('2024-02-14T11:30:00.000Z');
      expect(a.commentFeedUrl).to.equal(`${wp}/2024/02/14/tips-and-tricks/feed/`);
      expect(a.commentFeedType).to.equal('application/rss+xml');
      expect(a.commentCount).to.equal(6);
      expect(a.commentsOpen).to.equal(false); // read-only adapter
      expect(a.previous?.title).to.equal('Hello from the newsroom');
      expect(a.next?.title).to.equal('Science & Tech roundup');
      expect(a.homeUrl).to.equal(`${wp}/`);
      expect((await adapter.getArticle(a.id)).url).to.equal(a.url);
      expect((await adapter.getArticle(a.url!)).id).to.equal(a.id);
    });

    it('RSS comment feed: oldest first, threaded from WordPress\'s "In reply to" links', async () => {
      const adapter = new FeedAdapter({ url: `${wp}/feed/` });
      const page = await adapter.listComments('tips-and-tricks');
      expect(page.total).to.equal(6);
      const [c1, c2, c3, c4, c5, c6] = page.comments;
      expect(page.comments.map((c) => c.author.name)).to.deep.equal(['Marie Curie', 'Ada Lovelace', 'Marie Curie', 'Linus', 'Ada Lovelace', 'Zed']);
      expect([c1.parentId, c2.parentId, c3.parentId, c4.parentId, c5.parentId, c6.parentId]).to.deep.equal([
        undefined,
        c1.id,
        c2.id,
        undefined,
        c4.id,
        undefined,
      ]);
      expect(c2.bodyHtml).not.to.contain('In reply to');
      expect(text(c2.bodyHtml)).to.equal('Thank you, Marie!');
      expect(c1.published).to.equal('2024-02-14T12:00:00.000Z');
      expect(c1.status).to.equal('approved');
    });

    it('Atom: entries and the Atom comment feed threaded by thr:in-reply-to', async () => {
      const adapter = new FeedAdapter({ url: `${wp}/feed/atom/` });
      const a = await adapter.getArticle(`${wp}/2024/02/14/tips-and-tricks/`);
      expect(a.title).to.equal('Tips & Tricks: \u201CSmart\u201D quotes aren\u2019t dumb');
      expect(a.author).to.deep.equal({ name: 'Ada Lovelace', url: 'https://ada.example.test/' });
      expect(a.commentFeedUrl).to.equal(`${wp}/2024/02/14/tips-and-tricks/feed/atom/`);
      expect(a.commentFeedType).to.equal('application/atom+xml');
      expect(a.commentCount).to.equal(6);
      const roundup = await adapter.getArticle('science-roundup');
      expect(roundup.sections.map((s) => s.name)).to.deep.equal(['News', 'Science & Tech']);
      const page = await adapter.listComments(a.id);
      const [c1, c2, c3, c4, c5] = page.comments;
      expect([c1.parentId, c2.parentId, c3.parentId, c4.parentId, c5.parentId]).to.deep.equal([undefined, c1.id, c2.id, undefined, c4.id]);
      expect(text(c5.bodyHtml)).to.equal('Next issue, promised.');
    });

    it('RSS 1.0 (RDF): the same posts, dates from dc:date', async () => {
      const rdf = await new FeedAdapter({ url: `${wp}/?feed=rdf` }).listRecent({ limit: 10 });
      const rss = await new FeedAdapter({ url: `${wp}/feed/` }).listRecent({ limit: 10 });
      expect(rdf.map((s) => [s.url, s.title, s.published])).to.deep.equal(rss.map((s) => [s.url, s.title, s.published]));
      expect(rdf[2].sections.map((s) => s.name)).to.include('Science & Tech');
    });

    it('a closed article still has its comment feed', async () => {
      const adapter = new FeedAdapter({ url: `${wp}/feed/` });
      const page = await adapter.listComments('science-roundup');
      expect(page.comments.map((c) => c.author.name)).to.deep.equal(['Grace Fan', 'Grace Hopper']);
      expect(page.comments[1].parentId).to.equal(page.comments[0].id);
    });
  });

  describe('Typepad / Movable Type Atom', () => {
    it('resolves links against xml:base, keeps xhtml content as HTML, reads labels, authors and replies links', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/typepad.atom` });
      const a = await adapter.getArticle('tag:typepad.com,2003:post-6a00d8341c0001');
      expect(a.url).to.equal(`${feeds}/typepad/2024/05/swifts-are-back.html`);
      expect(a.slug).to.equal('swifts-are-back.html');
      expect(a.title).to.equal('Swifts are back');
      expect(a.bodyHtml).to.equal('<p>The first <strong>swifts</strong> arrived this morning.</p><p>Ten of them, screaming.</p>');
      expect(a.published).to.equal('2024-05-03T13:30:00.000Z');
      expect(a.updated).to.equal('2024-05-03T10:00:00.000Z');
      expect(a.author).to.deep.equal({ name: 'Rachel Carson', url: 'https://rachel.example.test/' });
      expect(a.sections).to.deep.equal([{ name: 'Birds & Bees' }, { name: 'spring' }]);
      expect(a.commentFeedUrl).to.equal(`${feeds}/feeds/typepad-comments-swifts.atom`);
      expect(a.commentFeedType).to.equal('application/atom+xml');
      expect(a.commentCount).to.equal(4);
      expect(a.previous?.title).to.equal('Moths & lamps: a love story');
      expect(a.next).to.equal(undefined);
      expect(a.homeUrl).to.equal(`${feeds}/typepad/`);
      expect((await adapter.getArticle('swifts-are-back')).id).to.equal(a.id);
    });

    it('decodes html titles, uses html content, falls back to the summary', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/typepad.atom` });
      const moths = await adapter.getArticle('moths-and-lamps');
      expect(moths.title).to.equal('Moths & lamps: a love story');
      expect(moths.bodyHtml).to.equal('<p>Why moths <b>circle</b> lamps, and why it matters.</p>');
      expect(moths.commentFeedUrl).to.equal(undefined);
      expect((await adapter.listComments(moths.id)).comments).to.deep.equal([]);
      const winter = await adapter.getArticle(`${feeds}/typepad/2024/01/winter-count.html`);
      expect(winter.bodyHtml).to.equal('<p>Forty-two species counted.</p>');
      expect(winter.author?.name).to.equal('Aldo Leopold');
      expect(winter.previous).to.equal(undefined);
    });

    it('filters recent entries by category term or label', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/typepad.atom` });
      const titles = async (section?: string, limit?: number) => (await adapter.listRecent({ section, limit })).map((s) => s.title);
      expect(await titles()).to.deep.equal(['Swifts are back', 'Moths & lamps: a love story', 'Winter count']);
      expect(await titles(undefined, 1)).to.deep.equal(['Swifts are back']);
      expect(await titles('birds')).to.deep.equal(['Swifts are back', 'Winter count']);
      expect(await titles('Birds & Bees')).to.deep.equal(['Swifts are back', 'Winter count']);
      expect(await titles('SPRING')).to.deep.equal(['Swifts are back']);
      expect((await adapter.listRecent({ section: 'insects' }))[0].excerpt).to.equal('Why moths circle lamps.');
      expect((await rejection(adapter.listRecent({ section: 'fish' }))).code).to.equal('not-found');
    });

    it('threads the comment feed by thr:in-reply-to, three levels deep, oldest first', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/typepad.atom` });
      const page = await adapter.listComments('swifts-are-back');
      expect(page.total).to.equal(4);
      expect(page.comments.map((c) => [c.author.name, c.id, c.parentId])).to.deep.equal([
        ['Jane Goodall', 'tag:typepad.com,2003:comment-1', undefined],
        ['John Muir', 'tag:typepad.com,2003:comment-2', 'tag:typepad.com,2003:comment-1'],
        ['Rachel Carson', 'tag:typepad.com,2003:comment-3', 'tag:typepad.com,2003:comment-2'],
        ['Gilbert White', 'tag:typepad.com,2003:comment-4', undefined],
      ]);
      expect(page.comments[2].bodyHtml).to.equal('<p>Yes, just the ones &#60;below&#62; the roof.</p>');
      expect(page.comments[3].author.url).to.equal('https://selborne.example.test/');
      expect(page.comments[0].published).to.equal('2024-05-03T10:15:00.000Z');
    });

    it('describes the feed in the about box', async () => {
      const about = await new FeedAdapter({ url: `${feeds}/feeds/typepad.atom` }).getAbout();
      expect(about.name).to.equal('Field Notes');
      expect(about.bioHtml).to.equal('Notes from the <em>field</em>, since 2003');
      expect(about.photoUrl).to.equal(`${feeds}/typepad/logo.png`);
      expect(about.contactUrl).to.equal(`${feeds}/typepad/`);
      expect((await rejection(new FeedAdapter({ url: `${feeds}/feeds/typepad.atom` }).getAbout('author:x'))).code).to.equal('not-found');
    });
  });

  describe('other RSS dialects', () => {
    it('Hugo RSS: guid = link, HTML description as the body, dates with offsets', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/hugo.rss` });
      const a = await adapter.getArticle('tomatoes-and-basil');
      expect(a.id).to.equal(`${feeds}/hugo/posts/tomatoes-and-basil/`);
      expect(a.title).to.equal('Tomatoes & basil');
      expect(a.published).to.equal('2024-05-12T07:00:00.000Z');
      expect(a.bodyHtml).to.contain('<strong>six</strong>');
      expect(a.sections).to.deep.equal([]);
      expect(a.commentFeedUrl).to.equal(undefined);
      expect(a.previous?.title).to.equal('Compost, week 3');
      const recent = await adapter.listRecent();
      expect(recent.map((s) => s.title)).to.deep.equal(['Tomatoes & basil', 'Compost, week 3', 'First post']);
      expect(recent[0].excerpt).to.equal('Planted six tomatoes next to the basil. They \u201Clike\u201D each other.');
    });

    it('CDATA and entities: double-escaped titles, dc:creator, author email, categories, content:encoded, wfw:commentRss', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/cdata.rss` });
      const a = await adapter.getArticle('cafe-post-17');
      expect(a.title).to.equal('Rock & Roll at the caf\u00E9');
      expect(a.slug).to.equal('rock-and-roll');
      expect(a.author).to.deep.equal({ name: 'Chuck Berry' });
      expect(a.sections).to.deep.equal([{ name: 'Music & Dance' }, { name: 'Events' }]);
      // raw, untrusted HTML: the elements sanitize it
      expect(a.bodyHtml).to.equal('<p>The band played until <em>midnight</em> &mdash; nobody left.</p><script>alert(1)</script>');
      expect(a.commentCount).to.equal(3);
      expect(a.commentFeedUrl).to.equal(`${feeds}/feeds/cdata-comments.rss`);
      expect(a.commentFeedType).to.equal('application/rss+xml');
      const hours = await adapter.getArticle('opening-hours');
      expect(hours.author?.name).to.equal('Ella Fitzgerald');
      expect(hours.bodyHtml).to.equal('We open at 7 & close at 19 \u2014 every day.');
      expect(hours.id).to.equal(`${feeds}/cafe/2024/05/opening-hours`);
      expect((await adapter.listRecent({ section: 'music-dance' })).map((s) => s.id)).to.deep.equal(['cafe-post-17']);
      const about = await adapter.getAbout('site');
      expect(about.name).to.equal('Caf\u00E9 Society & Friends');
      expect(text(about.bioHtml)).to.equal('Coffee, cake & conversation');
      expect(about.photoUrl).to.equal(`${feeds}/cafe/logo.png`);
      const comments = await adapter.listComments('cafe-post-17');
      expect(comments.comments.map((c) => [c.author.name, c.parentId])).to.deep.equal([
        ['Little Richard', undefined],
        ['Etta James', undefined],
        ['Bo Diddley', `${feeds}/cafe/?comment=1`],
        // WordPress's sentence in French ("En réponse à …."): threaded all the same
        ['Charles Aznavour', `${feeds}/cafe/?comment=2`],
        // a comment that only mentions another one in a longer sentence is not a reply, and keeps its words
        ['Édith Piaf', undefined],
      ]);
      expect(text(comments.comments[2].bodyHtml)).to.equal('Me too.');
      expect(text(comments.comments[3].bodyHtml)).to.equal('Quelle soirée !');
      expect(text(comments.comments[4].bodyHtml)).to.equal('Comme Etta James l’a dit la première, c’était une soirée inoubliable. Je reviendrai.');
    });

    it('excerpts keep the words of adjacent blocks and line breaks apart (inline markup stays glued; a no-break space is a space)', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/cdata.rss` });
      const menu = (await adapter.listRecent({ limit: 3 })).find((s) => s.title === 'Menu');
      expect(menu?.excerpt).to.equal('Drinks Espresso, flat white Tea Cocoa Cake 3 € Pie Tart Best in town.');
    });

    it('ISO-8859-1 without a charset header, untitled items, broken links, thr:in-reply-to in RSS comments', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/creme.latin1.rss` });
      const about = await adapter.getAbout();
      expect(about.name).to.equal('Caf\u00E9 Cr\u00E8me');
      expect(text(about.bioHtml)).to.equal('D\u00E9j\u00E0 vu');
      const [note, broken] = await adapter.listRecent();
      expect(note.title).to.match(/^Cr\u00E8me br\u00FBl\u00E9e tonight, no title needed.*\u2026$/);
      expect(note.title.length).to.be.below(62);
      expect(note.id).to.equal(`${feeds}/creme/notes/1`);
      expect(broken.url).to.equal(undefined);
      expect(broken.id).to.equal('creme-2');
      expect((await adapter.getArticle('creme-2')).slug).to.equal(undefined);
      const page = await adapter.listComments('1');
      expect(page.comments.map((c) => [c.id, c.parentId, c.author.name])).to.deep.equal([
        ['creme-c1', undefined, 'Julia'],
        ['creme-c2', 'creme-c1', 'Paul'],
      ]);
    });

    it('keeps the slug of a link with a malformed %-sequence as it is (given fetch)', async () => {
      const rss = '<rss version="2.0"><channel><title>Shop</title><item><title>Pure</title><link>https://shop.example.test/100%-pure</link></item></channel></rss>';
      const fetch = () => Promise.resolve(new Response(rss, { headers: { 'Content-Type': 'application/rss+xml' } }));
      const adapter = new FeedAdapter({ url: 'https://shop.example.test/feed', fetch });
      const a = await adapter.getArticle('100%-pure');
      expect([a.title, a.slug, a.url]).to.deep.equal(['Pure', '100%-pure', 'https://shop.example.test/100%-pure']);
    });

    it('JSON Feed 1.1: items, tags as sections, plain-text content, authors', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/feed.json` });
      const list = await adapter.listRecent();
      expect(list.map((s) => s.title)).to.deep.equal(['JSON feeds & you', 'Plain text']);
      const a = await adapter.getArticle('json-feeds');
      expect(a.published).to.equal('2024-03-05T09:00:00.000Z');
      expect(a.updated).to.equal('2024-03-06T10:00:00.000Z');
      expect(a.sections).to.deep.equal([{ name: 'feeds' }, { name: 'json' }]);
      expect(a.author).to.deep.equal({ name: 'Zach', url: 'https://zach.example.test/', avatarUrl: undefined });
      expect(a.bodyHtml).to.equal('<p>They are just <code>JSON</code>.</p>');
      const plain = await adapter.getArticle('note-2');
      expect(plain.bodyHtml).to.equal('<p>No &#60;markup&#62; here.<br>Second line.</p>');
      expect(plain.author?.name).to.equal('Guest Writer');
      expect((await adapter.getAbout()).photoUrl).to.equal(`${feeds}/eleventy/icon.png`);
    });
  });

  describe('videos', () => {
    it('Media RSS and enclosures in RSS 2.0: media:content with its title, thumbnail and length, media:group, media:player, video enclosures; not audio or images', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/videos.rss` });
      const videos = await adapter.listVideos();
      const town = `${feeds}/town`;
      expect(videos).to.deep.equal([
        {
          id: 'town-video-1',
          // media:title of type html, as text
          title: 'Ouverture du marché avec Claudy Lebreton',
          // the entry's page; relative addresses resolved against the channel's xml:base
          url: `${town}/videos/ouverture-du-marche.html`,
          published: '2013-10-12T08:00:00.000Z',
          embedUrl: `${town}/media/ouverture-du-marche.mp4`,
          thumbnailUrl: `${town}/media/ouverture-du-marche.jpg`,
          durationSeconds: 154,
          provider: 'file',
        },
        {
          id: 'town-video-2',
          title: 'Le conseil municipal du 30 septembre',
          url: `${town}/videos/conseil.html`,
          published: '2013-09-30T16:00:00.000Z',
          // a Flash player's address: the element recognizes YouTube's
          embedUrl: 'https://www.youtube.com/v/Cm9sYjRkq3E?version=3',
          thumbnailUrl: 'https://i2.ytimg.com/vi/Cm9sYjRkq3E/hqdefault.jpg',
          durationSeconds: undefined,
          provider: undefined,
        },
        {
          id: 'town-video-3',
          // no media:title: the item's
          title: 'La fête des battages',
          url: `${town}/videos/battages.html`,
          published: '2013-08-25T13:00:00.000Z',
          embedUrl: 'https://player.vimeo.com/video/76979871',
          thumbnailUrl: 'https://i.vimeocdn.com/video/452001751_640.jpg',
          durationSeconds: 62,
          provider: undefined,
        },
        {
          id: 'town-video-4',
          title: 'Le comice agricole',
          url: `${town}/videos/comice.html`,
          published: '2013-08-10T09:00:00.000Z',
          embedUrl: `${town}/media/comice.webm`,
          thumbnailUrl: undefined,
          durationSeconds: undefined,
          provider: 'file',
        },
      ]);
      expect((await adapter.listVideos({ limit: 2 })).map((v) => v.id)).to.deep.equal(['town-video-1', 'town-video-2']);
      // The video stays out of the article.
      expect(await adapter.getArticle('town-video-1')).to.not.have.property('video');
    });

    it("a YouTube channel's Atom feed (media:group) and an Atom video enclosure, read through the provider's checks", async () => {
      const adapter = new SharedAdapter(new FeedAdapter({ url: `${feeds}/feeds/youtube-channel.atom` }));
      const videos = await adapter.listVideos();
      expect(videos.map((v) => [v.id, v.title, v.url, v.published, v.embedUrl, v.thumbnailUrl, v.provider])).to.deep.equal([
        ['yt:video:Ab1Cd2Ef3Gh', 'Les Assises des départements', 'https://www.youtube.com/watch?v=Ab1Cd2Ef3Gh', '2013-10-15T16:00:00.000Z', 'https://www.youtube.com/v/Ab1Cd2Ef3Gh?version=3', 'https://i4.ytimg.com/vi/Ab1Cd2Ef3Gh/hqdefault.jpg', undefined],
        ['yt:video:Xq3dQm7LpA0', 'Ouverture du marché avec Claudy Lebreton', 'https://www.youtube.com/watch?v=Xq3dQm7LpA0', '2013-10-12T08:00:00.000Z', 'https://www.youtube.com/v/Xq3dQm7LpA0?version=3', 'https://i1.ytimg.com/vi/Xq3dQm7LpA0/hqdefault.jpg', undefined],
        [`${feeds}/atom/entry/file`, 'A file linked as an Atom enclosure', `${feeds}/atom/file.html`, '2013-09-01T10:00:00.000Z', `${feeds}/atom/file.mp4`, undefined, 'file'],
      ]);
    });

    it("JSON Feed: an item's first video attachment, with its title, length and the item's image", async () => {
      const videos = await new FeedAdapter({ url: `${feeds}/feeds/videos.json` }).listVideos();
      expect(videos).to.deep.equal([
        {
          id: 'video-1',
          title: 'Garden tour (MP4)',
          url: `${feeds}/eleventy/videos/garden-tour/`,
          published: '2024-04-02T10:00:00.000Z',
          embedUrl: `${feeds}/eleventy/videos/garden-tour.mp4`,
          thumbnailUrl: `${feeds}/eleventy/videos/garden-tour.jpg`,
          durationSeconds: 301,
          provider: 'file',
        },
      ]);
    });

    it('lists no videos for a feed without any', async () => {
      expect(await new FeedAdapter({ url: `${feeds}/feeds/hugo.rss` }).listVideos()).to.deep.equal([]);
    });
  });

  describe('discovery, caching and failures', () => {
    it('discovers the feed from an HTML page\'s <link rel="alternate"> (with Hugo\'s &#43; quirk)', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/page.html` });
      expect((await adapter.listRecent()).map((s) => s.title)).to.deep.equal(['Tomatoes & basil', 'Compost, week 3', 'First post']);
      const e = await rejection(new FeedAdapter({ url: `${feeds}/feeds/no-feed.html` }).listRecent());
      expect(e.code).to.equal('invalid-data');
      expect(e.message).to.contain('links no feed');
    });

    it('rejects a page whose feed link is not a valid URL with invalid-data (given fetch)', async () => {
      const page = '<!doctype html><link rel="alternate" type="application/rss+xml" href="http://[bad/feed">';
      const fetch = () => Promise.resolve(new Response(page, { headers: { 'Content-Type': 'text/html' } }));
      const e = await rejection(new FeedAdapter({ url: 'https://blog.example.test/', fetch }).listRecent());
      expect([e.code, e.message]).to.deep.equal(['invalid-data', 'The feed at https://blog.example.test/ is an HTML page that links no feed.']);
    });

    it("reads an HTML page in its <meta charset> (given fetch)", async () => {
      // windows-1252 bytes, no charset in the Content-Type: the link's é is 0xE9
      const page = new Uint8Array([...new TextEncoder().encode('<!doctype html><meta charset="windows-1252"><link rel="alternate" type="application/rss+xml" href="/caf'), 0xe9, ...new TextEncoder().encode('.rss">')]);
      const rss = '<rss version="2.0"><channel><title>Caf\u00E9</title><item><title>Open</title><link>https://blog.example.test/open</link></item></channel></rss>';
      const fetch = (url: string) =>
        Promise.resolve(
          url === 'https://blog.example.test/caf%C3%A9.rss'
            ? new Response(rss, { headers: { 'Content-Type': 'application/rss+xml' } })
            : url === 'https://blog.example.test/'
              ? new Response(page, { headers: { 'Content-Type': 'text/html' } })
              : new Response('not found', { status: 404 }),
        );
      const adapter = new FeedAdapter({ url: 'https://blog.example.test/', fetch: fetch as typeof globalThis.fetch });
      expect((await adapter.listRecent()).map((s) => s.title)).to.deep.equal(['Open']);
    });

    it('fetches the feed once per adapter instance', async () => {
      const path = `/feeds/hugo.rss?instance=${Math.random().toString(36).slice(2)}`;
      const adapter = new FeedAdapter({ url: `${feeds}${path}` });
      await Promise.all([adapter.listRecent(), adapter.getArticle('first-post'), adapter.getAbout()]);
      await adapter.getArticle('compost-week-3');
      expect(await feedHits(path)).to.equal(1);
    });

    it('rejects a broken feed with invalid-data and the XML parser\'s reason', async () => {
      const e = await rejection(new FeedAdapter({ url: `${feeds}/feeds/broken.rss` }).listRecent());
      expect(e.code).to.equal('invalid-data');
      expect(e.message).to.contain('not well-formed XML');
      expect(e.message).to.match(/line \d+/);
      expect(e.problems.length).to.equal(1);
    });

    it('rejects XML that is not a feed, and JSON that is not a JSON Feed', async () => {
      const xml = await rejection(new FeedAdapter({ url: `${feeds}/feeds/not-a-feed.xml` }).listRecent());
      expect(xml.code).to.equal('invalid-data');
      expect(xml.message).to.contain('<sitemap>');
      const json = await rejection(new FeedAdapter({ url: `${feeds}/feeds/not-a-feed.json` }).listRecent());
      expect(json.code).to.equal('invalid-data');
      expect(json.message).to.contain('not a JSON Feed');
    });

    it('rejects RSS without a channel, truncated JSON, and a page whose feed link leads to HTML again', async () => {
      const noChannel = await rejection(new FeedAdapter({ url: `${feeds}/feeds/no-channel.rss` }).listRecent());
      expect([noChannel.code, noChannel.message]).to.deep.equal(['invalid-data', `The feed at ${feeds}/feeds/no-channel.rss is RSS without a <channel>.`]);
      const truncated = await rejection(new FeedAdapter({ url: `${feeds}/feeds/truncated.json` }).listRecent());
      expect(truncated.code).to.equal('invalid-data');
      expect(truncated.message).to.contain('is not valid JSON');
      const loop = await rejection(new FeedAdapter({ url: `${feeds}/feeds/page-loop.html` }).listRecent());
      expect(loop.code).to.equal('invalid-data');
      expect(loop.message).to.contain('HTML again');
    });

    it('maps AbortSignal.timeout() to timeout', async () => {
      const slow = new FeedAdapter({ url: `${feeds}/slow/hugo.rss?ms=3000&t=${Math.random()}` });
      expect((await rejection(slow.listRecent({ signal: AbortSignal.timeout(100) }))).code).to.equal('timeout');
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/typepad.atom` });
      expect((await rejection(adapter.listComments('winter-count', { signal: AbortSignal.timeout(100) }))).code).to.equal('timeout');
    });

    it('maps 404 to not-found, 500 to network, an unreachable server to network', async () => {
      const e404 = await rejection(new FeedAdapter({ url: `${feeds}/feeds/missing.rss` }).getArticle('x'));
      expect([e404.code, e404.status]).to.deep.equal(['not-found', 404]);
      const e500 = await rejection(new FeedAdapter({ url: `${feeds}/error/500` }).listRecent());
      expect([e500.code, e500.status]).to.deep.equal(['network', 500]);
      const down = await rejection(new FeedAdapter({ url: 'http://127.0.0.1:9/feed.xml' }).listRecent());
      expect(down.code).to.equal('network');
      expect(down.message).to.contain('Could not fetch the feed');
      const unknown = await rejection(new FeedAdapter({ url: `${feeds}/feeds/hugo.rss` }).getArticle('nope'));
      expect(unknown.code).to.equal('not-found');
    });

    it("one caller's abort does not break the shared load", async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/slow/hugo.rss?ms=1000&n=${Math.random()}` });
      const controller = new AbortController();
      const first = adapter.listRecent({ signal: controller.signal });
      controller.abort();
      expect((await rejection(first)).code).to.equal('aborted');
      expect((await adapter.listRecent()).length).to.equal(3);
    });

    it('aborts a slow comment feed and a slow feed quickly', async () => {
      const adapter = new FeedAdapter({ url: `${feeds}/feeds/typepad.atom` });
      await adapter.listRecent();
      const started = performance.now();
      const c1 = new AbortController();
      setTimeout(() => c1.abort(), 100);
      expect((await rejection(adapter.listComments('winter-count', { signal: c1.signal }))).code).to.equal('aborted');
      const slow = new FeedAdapter({ url: `${feeds}/slow/typepad.atom?ms=5000` });
      const c2 = new AbortController();
      setTimeout(() => c2.abort(), 100);
      expect((await rejection(slow.getArticle('swifts-are-back', { signal: c2.signal }))).code).to.equal('aborted');
      expect(performance.now() - started).to.be.below(2000);
    });

    it('needs a url', () => {
      expect(() => new FeedAdapter({ url: '' })).to.throw(TypeError);
    });
  });

  // Each pattern applied to feed data gets the input that makes a backtracking pattern quadratic, at a
  // size where a quadratic one freezes the page for longer than the test's timeout.
  describe('crafted input: every pattern applied to data is linear', () => {
    /** A `fetch` that answers each URL of `documents` with its RSS 2.0 text, and 404 otherwise (the adapter passes URLs as strings). */
    const serve = (documents: Record<string, string>) =>
      ((url: string) =>
        Promise.resolve(
          url in documents
            ? new Response(documents[url], { headers: { 'Content-Type': 'application/rss+xml' } })
            : new Response('not found', { status: 404 }),
        )) as typeof fetch;
    const rss = (items: string) => `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Blog</title><link>https://blog.example.test/</link>${items}</channel></rss>`;

    it('a comment starting with an unclosed "In reply to" link made of 600 KB of #comment-1 stays whole and top level', async () => {
      const post = 'https://blog.example.test/post/';
      const crafted = `<p>In reply to <a href="${post}${'#comment-1'.repeat(60_000)}`;
      const reply = `<p>In reply to <a href="${post}#comment-1">Ann</a>.</p><p>Agreed.</p>`;
      const comment = (n: number, body: string) =>
        `<item><title>By: ${n}</title><link>${post}#comment-${n}</link><guid>c${n}</guid><pubDate>Mon, 0${n} Jan 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
      const adapter = new FeedAdapter({
        url: 'https://blog.example.test/feed',
        fetch: serve({
          'https://blog.example.test/feed': rss(`<item><title>Post</title><link>${post}</link><wfw:commentRss>${post}feed</wfw:commentRss></item>`),
          [`${post}feed`]: rss([comment(3, reply), comment(2, crafted), comment(1, '<p>First.</p>')].join('')),
        }),
      });
      const { comments } = await adapter.listComments('post');
      expect(comments.map((c) => [c.id, c.parentId])).to.deep.equal([
        ['c1', undefined],
        ['c2', undefined],
        ['c3', 'c1'],
      ]);
      expect(comments[1].bodyHtml).to.equal(crafted);
      expect(comments[2].bodyHtml).to.equal('<p>Agreed.</p>');
    });

    it('an RSS author of 1 MB of "(" then ") (Name)" gives the name', async () => {
      const author = `${'('.repeat(1_000_000)}) (Ella Fitzgerald)`;
      const adapter = new FeedAdapter({
        url: 'https://blog.example.test/feed',
        fetch: serve({ 'https://blog.example.test/feed': rss(`<item><title>Post</title><link>https://blog.example.test/post</link><author>${author}</author></item>`) }),
      });
      expect((await adapter.getArticle('post')).author).to.deep.equal({ name: 'Ella Fitzgerald' });
    });

    it('a link with 100 KB of slashes inside is compared with others without freezing', async () => {
      const crafted = `https://blog.example.test/${'/'.repeat(100_000)}a`;
      const adapter = new FeedAdapter({
        url: 'https://blog.example.test/feed',
        fetch: serve({
          'https://blog.example.test/feed': rss(
            `<item><title>Crafted</title><link>${crafted}</link><guid>crafted</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>` +
              '<item><title>Other</title><link>https://blog.example.test/b</link><guid>other</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>',
          ),
        }),
      });
      // the crafted entry is the newest: its link is compared first
      expect((await adapter.getArticle('https://blog.example.test/b/#comments')).id).to.equal('other');
    });

    it('truncateText() cuts 100 KB of punctuation followed by a word', () => {
      const long = `a${','.repeat(100_000)}b and more`;
      expect(truncateText(long, 100_002)).to.equal(`a${','.repeat(100_000)}b\u2026`);
      expect(truncateText('One, two, three; four', 10)).to.equal('One, two\u2026');
    });
  });
});
