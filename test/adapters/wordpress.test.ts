// WordPressAdapter against a real WordPress 6.1 (Debian package) with a seeded database, started by
// scripts/backends/wtr-plugin.mjs. Nothing is mocked. Site configuration that differs per case (login
// required, flood check, moderation, plain permalinks, a failing site) is chosen per request with the
// mu-plugin's X-Mag-Test-Scenario header (scripts/backends/wordpress/mu-plugin.php).
import { expect } from '@open-wc/testing';
import { WordPressAdapter } from '../../src/adapters/wordpress/wordpress-adapter.js';
import { parseEndpoint } from '../../src/adapters/wordpress/wp-endpoint.js';
import { withoutTrailingSlashes } from '../../src/core/trim-end.js';
import type { Comment } from '../../src/core/model.js';
import { feedsUrl, wordpressSeed, wordpressUrl } from '../helpers/backends.js';
import type { WordPressSeed } from '../helpers/backends.js';
import { rejection } from '../helpers/rejection.js';


const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

describe('WordPressAdapter (real WordPress)', function () {
  let wp: string;
  let seed: WordPressSeed;
  let adapter: WordPressAdapter;
  const scenario = (name: string, endpoint = `${wp}/wp-json`) =>
    new WordPressAdapter({ endpoint, headers: { 'X-Mag-Test-Scenario': name } });

  before(async function () {
    this.timeout(180_000);
    wp = await wordpressUrl();
    seed = await wordpressSeed();
    adapter = new WordPressAdapter({ endpoint: `${wp}/wp-json` });
  });

  describe('getArticle', () => {
    it('maps a post by slug: decoded title, GMT dates, author, sections, body, comment feed, neighbours', async () => {
      const a = await adapter.getArticle('tips-and-tricks');
      expect(a.id).to.equal(String(seed.posts.tips));
      expect(a.slug).to.equal('tips-and-tricks');
      expect(a.title).to.equal('Tips & Tricks: \u201CSmart\u201D quotes aren\u2019t dumb');
      expect(a.url).to.equal(`${wp}/2024/02/14/tips-and-tricks/`);
      // the site runs on Europe/Berlin: the local date is 12:30, the model carries UTC
      expect(a.published).to.equal('2024-02-14T11:30:00.000Z');
      expect(a.updated).to.equal('2024-02-14T11:30:00.000Z');
      expect(a.author?.name).to.equal('Ada Lovelace');
      expect(a.author?.url).to.equal('https://ada.example.test/');
      expect(a.author?.avatarUrl).to.match(/\?s=96$/);
      expect(a.sections).to.deep.equal([{ name: 'Culture', url: `${wp}/category/culture/` }]);
      expect(a.bodyHtml).to.contain('<h2>Why it matters</h2>');
      expect(a.bodyHtml).to.contain('&#8220;curly&#8221;');
      expect(a.commentsOpen).to.equal(true);
      expect(a.commentCount).to.equal(6); // the pending comment is not public
      expect(a.commentFeedUrl).to.equal(`${wp}/2024/02/14/tips-and-tricks/feed/`);
      expect(a.commentFeedType).to.equal('application/rss+xml');
      expect(a.previous).to.deep.equal({ id: String(seed.posts.hello), title: 'Hello from the newsroom', url: `${wp}/2024/01/10/hello-newsroom/` });
      expect(a.next).to.deep.equal({ id: String(seed.posts.roundup), title: 'Science & Tech roundup', url: `${wp}/2024/03/01/science-roundup/` });
      expect(a.homeUrl).to.equal(`${wp}/`);
    });

    it('finds a post by id; the oldest has no previous and the newest public one no next (drafts are skipped)', async () => {
      const first = await adapter.getArticle(String(seed.posts.hello));
      expect(first.slug).to.equal('hello-newsroom');
      expect(first.previous).to.equal(undefined);
      expect(first.next?.id).to.equal(String(seed.posts.tips));
      const last = await adapter.getArticle('letters');
      expect(last.next).to.equal(undefined);
      expect(last.previous?.id).to.equal(String(seed.posts.culture));
    });

    it('maps a closed post with several sections, one with an entity in its name', async () => {
      const a = await adapter.getArticle('science-roundup');
      expect(a.commentsOpen).to.equal(false);
      expect(a.commentCount).to.equal(2);
      expect(a.sections.map((s) => s.name).sort()).to.deep.equal(['News', 'Science & Tech']);
      expect(a.author?.name).to.equal('Grace Hopper');
      expect(a.author?.url).to.equal(`${wp}/author/grace/`); // no website: the author page
    });

    it('works through ?rest_route= (sites without pretty permalinks) and from the plain site URL', async () => {
      for (const endpoint of [`${wp}/?rest_route=`, `${wp}/index.php?rest_route=/`, wp, `${wp}/wp-json/`]) {
        const a = await new WordPressAdapter({ endpoint }).getArticle('tips-and-tricks');
        expect(a.id, endpoint).to.equal(String(seed.posts.tips));
        expect(a.previous?.id, endpoint).to.equal(String(seed.posts.hello));
      }
    });

    it('on a site with plain permalinks, links are ?p=ID and the comment feed is ?p=ID&feed=rss2', async () => {
      const a = await scenario('plain-permalinks', `${wp}/?rest_route=`).getArticle(String(seed.posts.tips));
      expect(a.url).to.equal(`${wp}/?p=${seed.posts.tips}`);
      expect(a.commentFeedUrl).to.equal(`${wp}/?p=${seed.posts.tips}&feed=rss2`);
      const feed = await fetch(a.commentFeedUrl!);
      expect(feed.headers.get('Content-Type')).to.match(/^application\/rss\+xml/);
      expect(await feed.text()).to.contain('Comments on: Tips');
    });

    it('still loads an article when the site removed its comments API (commentCount unknown, comments not-found)', async () => {
      const site = scenario('no-comments-api');
      const a = await site.getArticle('tips-and-tricks');
      expect(a.title).to.equal('Tips & Tricks: \u201CSmart\u201D quotes aren\u2019t dumb');
      expect(a.commentCount).to.equal(undefined);
      const e = await rejection(site.listComments(a.id));
      expect([e.code, e.status]).to.deep.equal(['not-found', 404]);
    });

    it('rejects unknown slugs and ids with not-found, and drafts with rejected', async () => {
      const bySlug = await rejection(adapter.getArticle('no-such-post'));
      expect(bySlug.code).to.equal('not-found');
      expect(bySlug.message).to.contain('no-such-post');
      const byId = await rejection(adapter.getArticle('999999'));
      expect(byId.code).to.equal('not-found');
      expect(byId.status).to.equal(404);
      expect(byId.message).to.contain('Invalid post ID');
      const draft = await rejection(adapter.getArticle(String(seed.posts.draft)));
      expect(draft.code).to.equal('rejected');
      expect(draft.status).to.equal(401);
      expect((await rejection(adapter.getArticle('  '))).code).to.equal('not-found');
    });
  });

  describe('listRecent', () => {
    it('lists the newest posts first with decoded titles, sections and plain-text excerpts', async () => {
      const list = await adapter.listRecent();
      expect(list.map((s) => s.id)).to.deep.equal(
        [seed.posts.letters, seed.posts.culture, seed.posts.roundup, seed.posts.tips, seed.posts.hello].map(String),
      );
      const tips = list[3];
      expect(tips.title).to.equal('Tips & Tricks: \u201CSmart\u201D quotes aren\u2019t dumb');
      expect(tips.published).to.equal('2024-02-14T11:30:00.000Z');
      expect(tips.sections).to.deep.equal([{ name: 'Culture', url: `${wp}/category/culture/` }]);
      expect(tips.excerpt).to.match(/^Typographers love \u201Ccurly\u201D quotes & proper dashes \u2014 like this one\./);
      expect(tips.excerpt).not.to.contain('<');
      expect((await adapter.listRecent({ limit: 2 })).map((s) => s.id)).to.deep.equal([seed.posts.letters, seed.posts.culture].map(String));
    });

    it('filters by section slug, name (with an entity) or id', async () => {
      expect((await adapter.listRecent({ section: 'culture' })).map((s) => s.id)).to.deep.equal([seed.posts.culture, seed.posts.tips].map(String));
      expect((await adapter.listRecent({ section: 'Science & Tech' })).map((s) => s.id)).to.deep.equal([String(seed.posts.roundup)]);
      expect((await adapter.listRecent({ section: 'News', limit: 10 })).map((s) => s.id)).to.deep.equal(
        [seed.posts.letters, seed.posts.roundup, seed.posts.hello].map(String),
      );
      expect((await adapter.listRecent({ section: String(seed.categories.culture) })).length).to.equal(2);
      const e = await rejection(adapter.listRecent({ section: 'gardening' }));
      expect(e.code).to.equal('not-found');
      expect(e.message).to.contain('gardening');
    });
  });

  describe('getAbout', () => {
    it('describes the site from the API index, decoded', async () => {
      for (const key of [undefined, 'site', 'magazine']) {
        const about = await adapter.getAbout(key);
        expect(about.name).to.equal('The Mag & Co. Review');
        const bio = new DOMParser().parseFromString(about.bioHtml, 'text/html').body;
        expect(bio.querySelector('p')?.textContent).to.equal('Stories, essays & notes from a "small" magazine');
        expect(about.contactUrl).to.equal(wp);
      }
    });

    it('describes an author by slug or id: bio, largest avatar, links', async () => {
      const bySlug = await adapter.getAbout('author:ada');
      expect(bySlug.name).to.equal('Ada Lovelace');
      expect(new DOMParser().parseFromString(bySlug.bioHtml, 'text/html').body.textContent).to.equal(
        'Ada writes about engines & numbers. She "likes" footnotes.',
      );
      expect(bySlug.photoUrl).to.match(/\?s=96$/);
      expect(bySlug.photoAlt).to.equal('Ada Lovelace');
      expect(bySlug.contactUrl).to.equal('https://ada.example.test/');
      expect(bySlug.links).to.deep.equal([
        // Worded by the element ("Website", "Articles by Ada Lovelace"), in the page's language.
        { kind: 'website', url: 'https://ada.example.test/' },
        { kind: 'articles', url: `${wp}/author/ada/` },
      ]);
      const byId = await adapter.getAbout(`author:${seed.users.grace}`);
      expect(byId.name).to.equal('Grace Hopper');
      expect(byId.contactUrl).to.equal(undefined);
    });

    it('rejects unknown authors and keys with not-found', async () => {
      expect((await rejection(adapter.getAbout('author:nobody'))).code).to.equal('not-found');
      expect((await rejection(adapter.getAbout('author:999999'))).code).to.equal('not-found');
      expect((await rejection(adapter.getAbout('sidebar'))).code).to.equal('not-found');
    });
  });

  describe('listVideos', () => {
    it("lists the site's video attachments newest first: page, file, length read by WordPress, poster as thumbnail", async () => {
      const videos = await adapter.listVideos();
      expect(videos).to.deep.equal([
        {
          id: String(seed.media.video),
          title: 'Opening the market & the \u201Cfair\u201D',
          url: `${wp}/opening-the-market-the-fair/`,
          published: '2024-03-05T10:00:00.000Z',
          thumbnailUrl: `${wp}/wp-content/uploads/opening-the-market-poster.png`,
          thumbnailAlt: 'A yellow sun on a blue field',
          durationSeconds: 2,
          embedUrl: `${wp}/wp-content/uploads/opening-the-market.webm`,
          provider: 'file',
        },
        {
          id: String(seed.media.olderVideo),
          title: 'An older clip',
          url: `${wp}/an-older-clip/`,
          published: '2023-11-20T08:00:00.000Z',
          thumbnailUrl: undefined,
          thumbnailAlt: undefined,
          durationSeconds: 2,
          embedUrl: `${wp}/wp-content/uploads/older-clip.webm`,
          provider: 'file',
        },
      ]);
      // The files are WordPress's uploads: the browser reads the video's length and the poster's size.
      const video = document.createElement('video');
      video.preload = 'metadata';
      video.src = videos[0].embedUrl!;
      await new Promise((resolve, reject) => {
        video.onloadedmetadata = resolve;
        video.onerror = () => reject(new Error(`the video ${video.src} did not load`));
      });
      expect(Math.round(video.duration)).to.equal(2);
      const poster = new Image();
      poster.src = videos[0].thumbnailUrl!;
      await poster.decode();
      expect([poster.naturalWidth, poster.naturalHeight]).to.deep.equal([320, 180]);
    });

    it('honors the limit and lists no image', async () => {
      const videos = await adapter.listVideos({ limit: 1 });
      expect(videos.map((v) => v.id)).to.deep.equal([String(seed.media.video)]);
      expect((await adapter.listVideos({ limit: 50 })).map((v) => v.id)).to.not.include(String(seed.media.poster));
    });
  });

  describe('listComments', () => {
    it('lists approved comments oldest first, threaded three levels deep, with WordPress totals', async () => {
      const page = await adapter.listComments(String(seed.posts.tips));
      const c = seed.comments;
      expect(page.total).to.equal(6);
      expect(page.nextCursor).to.equal(undefined);
      expect(page.comments.map((x) => x.id)).to.deep.equal([c.c1, c.c2, c.c3, c.c4, c.c5, c.c6].map(String));
      const byId = new Map(page.comments.map((x) => [x.id, x]));
      expect(byId.get(String(c.c1))?.parentId).to.equal(undefined);
      expect(byId.get(String(c.c2))?.parentId).to.equal(String(c.c1));
      expect(byId.get(String(c.c3))?.parentId).to.equal(String(c.c2));
      expect(byId.get(String(c.c5))?.parentId).to.equal(String(c.c4));
      const first = byId.get(String(c.c1)) as Comment;
      expect(first.author).to.deep.equal({
        name: 'Marie Curie',
        url: 'https://marie.example.test/',
        avatarUrl: `${wp}/wp-includes/images/w-logo-blue.png?s=96`,
      });
      expect(first.published).to.equal('2024-02-14T12:00:00.000Z');
      expect(first.bodyHtml).to.contain('Great piece &#8212; I&#8217;ll never type');
      expect(first.status).to.equal('approved');
      expect(page.comments.some((x) => x.author.name === 'Spammy Sam')).to.equal(false);
    });

    it('pages with X-WP-Total / X-WP-TotalPages; the cursor is the page number', async () => {
      const small = new WordPressAdapter({ endpoint: `${wp}/wp-json`, commentsPerPage: 4 });
      const one = await small.listComments('tips-and-tricks');
      expect(one.comments.length).to.equal(4);
      expect(one.total).to.equal(6);
      expect(one.nextCursor).to.equal('2');
      const two = await small.listComments(String(seed.posts.tips), { cursor: one.nextCursor });
      expect(two.comments.map((x) => x.id)).to.deep.equal([seed.comments.c5, seed.comments.c6].map(String));
      expect(two.nextCursor).to.equal(undefined);
      const beyond = await small.listComments(String(seed.posts.tips), { cursor: '9' });
      expect([beyond.comments.length, beyond.total, beyond.nextCursor]).to.deep.equal([0, 6, undefined]);
      expect((await rejection(small.listComments(String(seed.posts.tips), { cursor: 'abc' }))).code).to.equal('invalid-data');
    });

    it('still lists the comments of a closed post', async () => {
      const page = await adapter.listComments(String(seed.posts.roundup));
      expect(page.comments.map((x) => x.parentId)).to.deep.equal([undefined, String(seed.comments.closed1)]);
    });
  });

  describe('postComment', () => {
    it('drops a comment whose honeypot is filled: answered as awaiting moderation, nothing reaches WordPress', async () => {
      const before = (await adapter.listComments(String(seed.posts.letters))).total ?? 0;
      const text = `Cheap watches ${unique()}`;
      const answer = await adapter.postComment(String(seed.posts.letters), { authorName: 'Bot', authorEmail: 'bot@example.test', bodyText: text, honeypot: 'https://spam.example/' });
      expect(answer.status).to.equal('pending');
      const after = await adapter.listComments(String(seed.posts.letters));
      expect(after.total ?? 0).to.equal(before);
      expect(after.comments.some((c) => c.bodyHtml.includes(text))).to.equal(false);
    });

    it('posts an approved comment and a threaded reply, then reads them back', async () => {
      const text = `A letter ${unique()}`;
      const posted = await adapter.postComment(String(seed.posts.letters), {
        authorName: 'Reader & Co',
        authorEmail: 'reader@example.test',
        authorUrl: 'https://reader.example.test/',
        bodyText: text,
      });
      expect(posted.status).to.equal('approved');
      expect(posted.author.name).to.equal('Reader & Co');
      expect(posted.author.url).to.equal('https://reader.example.test/');
      expect(posted.bodyHtml).to.contain(text);
      expect(Date.now() - Date.parse(posted.published)).to.be.within(-120_000, 120_000);

      const reply = await adapter.postComment('letters', {
        authorName: 'Editor',
        authorEmail: 'editor@example.test',
        bodyText: `Thanks! ${unique()}`,
        parentId: posted.id,
      });
      expect(reply.parentId).to.equal(posted.id);

      const all: Comment[] = [];
      let cursor: string | undefined;
      do {
        const page = await adapter.listComments(String(seed.posts.letters), { cursor });
        all.push(...page.comments);
        cursor = page.nextCursor;
      } while (cursor);
      expect(all.find((x) => x.id === posted.id)?.bodyHtml).to.contain(text);
      expect(all.find((x) => x.id === reply.id)?.parentId).to.equal(posted.id);
    });

    it('maps a comment held for moderation to status pending (and it is not listed)', async () => {
      const posted = await scenario('moderate').postComment(String(seed.posts.letters), {
        authorName: 'Careful Carl',
        authorEmail: 'carl@example.test',
        bodyText: `Please moderate me ${unique()}`,
      });
      expect(posted.status).to.equal('pending');
      const page = await adapter.listComments(String(seed.posts.letters));
      expect(page.comments.some((x) => x.id === posted.id)).to.equal(false);
    });

    it('maps closed comments to closed', async () => {
      const e = await rejection(
        adapter.postComment(String(seed.posts.roundup), { authorName: 'Late', authorEmail: 'late@example.test', bodyText: `Too late ${unique()}` }),
      );
      expect(e.code).to.equal('closed');
      expect(e.status).to.equal(403);
      expect(e.message).to.contain('Sorry, comments are closed for this item.');
    });

    it('maps the same comment twice to duplicate', async () => {
      const draft = { authorName: 'Echo', authorEmail: 'echo@example.test', bodyText: `Echo ${unique()}` };
      await adapter.postComment(String(seed.posts.letters), draft);
      const e = await rejection(adapter.postComment(String(seed.posts.letters), draft));
      expect(e.code).to.equal('duplicate');
      expect(e.status).to.equal(409);
    });

    it("maps WordPress's flood check to too-fast", async () => {
      const flood = scenario('flood');
      const draft = () => ({ authorName: 'Speedy', authorEmail: 'speedy@example.test', bodyText: `Fast ${unique()}` });
      await flood.postComment(String(seed.posts.letters), draft()).catch(() => undefined);
      const e = await rejection(flood.postComment(String(seed.posts.letters), draft()));
      expect(e.code).to.equal('too-fast');
      expect(e.message).to.contain('You are posting comments too quickly');
    });

    it('sends `nonce` as X-WP-Nonce with comment posts only', async () => {
      // WordPress checks an X-WP-Nonce it is sent: "not-a-nonce" makes it refuse the request (403).
      const withNonce = new WordPressAdapter({ endpoint: `${wp}/wp-json`, nonce: 'not-a-nonce' });
      const article = await withNonce.getArticle('letters');
      expect(article.title, 'reads go without the nonce').to.equal('Letters to the editor');
      const body = `With a nonce ${unique()}`;
      const e = await rejection(withNonce.postComment('letters', { authorName: 'Nonce', authorEmail: 'nonce@example.test', bodyText: body }));
      expect(e.code).to.equal('rejected');
      expect(e.status).to.equal(403);
      expect(e.message).to.contain('Cookie check failed');
      const res = await fetch(`${wp}/wp-json/wp/v2/comments?post=${seed.posts.letters}&search=${encodeURIComponent(body)}`);
      expect(await res.json(), 'nothing was posted').to.deep.equal([]);
    });

    it('maps "login required" (the core default) to rejected', async () => {
      const e = await rejection(
        scenario('login-required').postComment(String(seed.posts.letters), { authorName: 'Anon', authorEmail: 'anon@example.test', bodyText: `Hi ${unique()}` }),
      );
      expect(e.code).to.equal('rejected');
      expect(e.status).to.equal(401);
      expect(e.message).to.contain('logged in');
    });

    it('maps invalid fields to rejected with the field', async () => {
      const post = (d: { authorName: string; authorEmail?: string; bodyText: string }) =>
        rejection(adapter.postComment(String(seed.posts.letters), d));
      const noEmail = await post({ authorName: 'No Mail', bodyText: `x ${unique()}` });
      expect([noEmail.code, noEmail.field]).to.deep.equal(['rejected', 'authorEmail']);
      const noName = await post({ authorName: '', authorEmail: 'x@example.test', bodyText: `x ${unique()}` });
      expect([noName.code, noName.field]).to.deep.equal(['rejected', 'authorName']);
      const badEmail = await post({ authorName: 'Bad Mail', authorEmail: 'not-an-email', bodyText: `x ${unique()}` });
      expect([badEmail.code, badEmail.field, badEmail.status]).to.deep.equal(['rejected', 'authorEmail', 400]);
      expect(badEmail.message).to.contain('Invalid email address');
      const empty = await post({ authorName: 'Empty', authorEmail: 'empty@example.test', bodyText: '' });
      expect([empty.code, empty.field]).to.deep.equal(['rejected', 'bodyText']);
      const badParent = await rejection(
        adapter.postComment(String(seed.posts.letters), { authorName: 'P', authorEmail: 'p@example.test', bodyText: 'x', parentId: 'abc' }),
      );
      expect([badParent.code, badParent.field]).to.deep.equal(['rejected', 'parentId']);
    });

    it("maps WordPress's maximum field lengths to rejected with the field", async () => {
      const post = (d: { authorName: string; authorUrl?: string }) =>
        rejection(adapter.postComment(String(seed.posts.letters), { ...d, authorEmail: 'long@example.test', bodyText: `Long ${unique()}` }));
      const name = await post({ authorName: 'N'.repeat(300) });
      expect([name.code, name.field, name.status]).to.deep.equal(['rejected', 'authorName', 400]);
      expect(name.message).to.contain('exceeds maximum length');
      const url = await post({ authorName: 'Long URL', authorUrl: `https://example.test/${'a'.repeat(250)}` });
      expect([url.code, url.field]).to.deep.equal(['rejected', 'authorUrl']);
    });

    it('maps unknown and unpublished posts to not-found', async () => {
      const draft = { authorName: 'Lost', authorEmail: 'lost@example.test', bodyText: `Where am I ${unique()}` };
      const unknown = await rejection(adapter.postComment('999999', draft));
      expect([unknown.code, unknown.status]).to.deep.equal(['not-found', 403]);
      expect((await rejection(adapter.postComment(String(seed.posts.draft), draft))).code).to.equal('not-found');
      expect((await rejection(adapter.postComment('no-such-slug', draft))).code).to.equal('not-found');
    });
  });

  describe('failures', () => {
    it('maps a WordPress 500 to network', async () => {
      const e = await rejection(scenario('error-500').getArticle('tips-and-tricks'));
      expect(e.code).to.equal('network');
      expect(e.status).to.equal(500);
      expect(e.message).to.contain('Error establishing a database connection');
    });

    it('maps a non-WordPress 500 page to network and a 404 page to not-found', async () => {
      const feeds = await feedsUrl();
      const e500 = await rejection(new WordPressAdapter({ endpoint: `${feeds}/error/500?rest_route=` }).listRecent());
      expect([e500.code, e500.status]).to.deep.equal(['network', 500]);
      const e404 = await rejection(new WordPressAdapter({ endpoint: `${feeds}/error/404?rest_route=` }).listRecent());
      expect([e404.code, e404.status]).to.deep.equal(['not-found', 404]);
    });

    it('maps an answer that is not JSON to invalid-data', async () => {
      const feeds = await feedsUrl();
      const e = await rejection(new WordPressAdapter({ endpoint: `${feeds}/feeds/page.html?rest_route=` }).getArticle('1'));
      expect(e.code).to.equal('invalid-data');
      expect(e.message).to.contain('did not answer JSON');
      expect(e.message).to.contain('text/html');
    });

    it('maps JSON that is not WordPress data to invalid-data', async () => {
      const feeds = await feedsUrl();
      const wrong = new WordPressAdapter({ endpoint: `${feeds}/feeds/feed.json?rest_route=` });
      for (const call of [
        () => wrong.getArticle('1'),
        () => wrong.getArticle('some-slug'),
        () => wrong.listRecent(),
        () => wrong.listComments('1'),
        () => wrong.getAbout(),
        () => wrong.getAbout('author:1'),
      ]) {
        const e = await rejection(call());
        expect(e.code, e.message).to.equal('invalid-data');
        expect(e.problems.length, e.message).to.be.above(0);
      }
    });

    it('maps error codes and parameters named after the prototype chain like any unknown code (a plugin chose them)', async () => {
      const hostile = scenario('prototype-codes');
      const read = await rejection(hostile.getArticle('tips-and-tricks'));
      expect([read.code, read.status]).to.deep.equal(['rejected', 403]);
      expect(read.message).to.contain('Refused by a plugin.').and.not.contain('function');
      const posted = await rejection(hostile.postComment(String(seed.posts.letters), { authorName: 'P', authorEmail: 'p@example.test', bodyText: `x ${unique()}` }));
      expect([posted.code, posted.status, posted.field]).to.deep.equal(['rejected', 400, 'constructor']);
      expect(posted.message).to.equal('WordPress refused the request: Refused by a plugin.');
    });

    it('maps AbortSignal.timeout() to timeout', async () => {
      const feeds = await feedsUrl();
      const slow = new WordPressAdapter({ endpoint: `${feeds}/slow/feed.json?ms=3000&rest_route=` });
      const e = await rejection(slow.listRecent({ signal: AbortSignal.timeout(100) }));
      expect(e.code).to.equal('timeout');
    });

    it('maps an unreachable server to network', async () => {
      // a port nobody listens on: ask the kernel for the feed server's port + 1 is not safe, use port 9 (discard)
      const e = await rejection(new WordPressAdapter({ endpoint: 'http://127.0.0.1:9/wp-json' }).getArticle('1'));
      expect(e.code).to.equal('network');
      expect(e.message).to.contain('Could not reach WordPress');
    });

    it('maps aborts to aborted, before and during a request', async () => {
      const before = new AbortController();
      before.abort();
      expect((await rejection(adapter.getArticle('tips-and-tricks', { signal: before.signal }))).code).to.equal('aborted');
      const during = new AbortController();
      const pending = adapter.listRecent({ signal: during.signal });
      during.abort();
      expect((await rejection(pending)).code).to.equal('aborted');
    });

    it('needs an endpoint', () => {
      expect(() => new WordPressAdapter({ endpoint: '' })).to.throw(TypeError);
    });
  });
});

describe('WordPressAdapter: the endpoint option', () => {
  const posts = (endpoint: string) => new WordPressAdapter({ endpoint }).routeUrl('/wp/v2/posts', { per_page: 5, categories: undefined });

  it('appends routes to the API root, without its final slash', () => {
    expect(posts('https://example.test/wp-json')).to.equal('https://example.test/wp-json/wp/v2/posts?per_page=5');
    expect(posts(' https://example.test/blog/wp-json/ ')).to.equal('https://example.test/blog/wp-json/wp/v2/posts?per_page=5');
    expect(parseEndpoint('https://example.test/blog/wp-json/').homeUrl).to.equal('https://example.test/blog/');
  });

  it('keeps ?rest_route= (and index.php) when given, and uses it for a plain site URL', () => {
    expect(posts('https://example.test/?rest_route=')).to.equal('https://example.test/?rest_route=%2Fwp%2Fv2%2Fposts&per_page=5');
    expect(posts('https://example.test/blog/index.php?rest_route=/')).to.equal('https://example.test/blog/index.php?rest_route=%2Fwp%2Fv2%2Fposts&per_page=5');
    expect(posts('https://example.test/blog')).to.equal('https://example.test/blog?rest_route=%2Fwp%2Fv2%2Fposts&per_page=5');
    expect(parseEndpoint('https://example.test/blog/index.php?rest_route=/').homeUrl).to.equal('https://example.test/blog/');
    expect(parseEndpoint('https://example.test/?rest_route=#top').homeUrl).to.equal('https://example.test/');
    expect(parseEndpoint('https://example.test/blog/archive.php.html?rest_route=').homeUrl).to.equal('https://example.test/blog/archive.php.html');
  });

  it('reads an endpoint with 200 KB of slashes or of letters in its path without freezing', () => {
    const slashes = `https://example.test/${'/'.repeat(200_000)}x/wp-json/`;
    expect(posts(slashes)).to.equal(`${slashes}wp/v2/posts?per_page=5`);
    const letters = `https://example.test/${'a'.repeat(200_000)}`;
    expect(parseEndpoint(`${letters}?rest_route=`).homeUrl).to.equal(letters);
  });

  it('withoutTrailingSlashes() removes every slash at the end, and only there', () => {
    expect(withoutTrailingSlashes('https://example.test/blog///')).to.equal('https://example.test/blog');
    expect(withoutTrailingSlashes('///')).to.equal('');
    expect(withoutTrailingSlashes('a//b')).to.equal('a//b');
    expect(withoutTrailingSlashes(`${'/'.repeat(200_000)}x`)).to.have.length(200_001);
  });
});
