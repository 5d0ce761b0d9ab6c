import { expect } from '@open-wc/testing';
import { JsonAdapter, validateData, type MagData } from '../../src/adapters/json/json-adapter.js';
import { SharedAdapter } from '../../src/core/shared-adapter.js';
import { rejection } from '../helpers/rejection.js';

const DEMO_URL = '/demo/data/le-mag.json';
const NUMERIQUE = 'le-numerique-c-est-la-proximite';

let demo: MagData;

async function loadDemo(): Promise<MagData> {
  const response = await fetch(DEMO_URL);
  return (await response.json()) as MagData;
}

/** A fresh deep copy of the demo data. */
const copy = (): MagData => structuredClone(demo);


/** A minimal valid data file with `n` comments on article `a`. */
function withComments(n: number, pageSize?: number): MagData {
  const comments = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    author: { name: `P${i}` },
    published: new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString(),
    bodyHtml: `<p>${i}</p>`,
  }));
  return {
    version: 1,
    site: { title: 'T' },
    articles: [{ id: 'a', title: 'A', published: '2020-01-01', bodyHtml: '', commentsOpen: true }],
    comments: { a: comments },
    ...(pageSize ? { commentsPageSize: pageSize } : {}),
  };
}

before(async () => {
  demo = await loadDemo();
});

describe('JsonAdapter: the demo data', () => {
  it('is valid', () => {
    expect(validateData(demo)).to.deep.equal([]);
  });

  it('loads from a URL and gives the seed article by id, with the derived fields', async () => {
    const adapter = new JsonAdapter({ url: DEMO_URL });
    const article = await adapter.getArticle(NUMERIQUE);
    expect(article.title).to.equal("Le numérique, c'est la proximité");
    expect(article.author?.name).to.equal('Claudy Lebreton');
    expect(article.published.startsWith('2013-10-16')).to.be.true;
    expect(article.commentsOpen).to.be.false;
    expect(article.commentCount).to.equal(1);
    expect(article.homeUrl).to.equal('./');
    expect(article.commentFeedUrl).to.equal('data/comments-le-numerique.atom');
    expect(article.commentFeedType).to.equal('application/atom+xml');
    expect(article.sections).to.deep.equal([
      { name: 'La République des Territoires', url: '?section=la-republique-des-territoires' },
      { name: 'Politique', url: '?section=politique' },
    ]);
    expect(article.bodyHtml).to.contain('se coordonner dans la proximité');
  });

  it('derives previous (older) and next (newer) from the dates', async () => {
    const adapter = new JsonAdapter({ data: demo });
    const article = await adapter.getArticle(NUMERIQUE);
    expect(article.previous?.title).to.equal('Lutter contre le gaspillage alimentaire');
    expect(article.next?.title).to.equal("Un vrai pacte d'avenir pour la Bretagne");
    expect(article.previous?.url).to.equal('?article=lutter-contre-le-gaspillage-alimentaire');
    const oldest = await adapter.getArticle('finances-locales');
    expect(oldest.previous).to.be.undefined;
    expect(oldest.next?.id).to.equal('decentralisation-nouvelle-etape');
    const newest = await adapter.getArticle('marches-de-pays');
    expect(newest.next).to.be.undefined;
  });

  it('orders by date, not by position in the file, and keeps the file order for equal dates', async () => {
    const data: MagData = {
      version: 1,
      site: { title: 'T', url: 'https://example.org/' },
      articles: [
        { id: 'late', title: 'Late', published: '2021-03-01', bodyHtml: '', commentsOpen: false },
        { id: 'early', title: 'Early', published: '2021-01-01T08:00:00Z', bodyHtml: '', commentsOpen: false },
        { id: 'same1', title: 'Same 1', published: '2021-02-01', bodyHtml: '', commentsOpen: false },
        { id: 'same2', title: 'Same 2', published: '2021-02-01', bodyHtml: '', commentsOpen: false },
      ],
    };
    const adapter = new JsonAdapter({ data });
    const same1 = await adapter.getArticle('same1');
    expect(same1.previous?.id).to.equal('early');
    expect(same1.next?.id).to.equal('same2');
    expect(same1.homeUrl).to.equal('https://example.org/');
    expect((await adapter.getArticle('same2')).next?.id).to.equal('late');
    expect((await adapter.listRecent()).map((a) => a.id)).to.deep.equal(['late', 'same2', 'same1', 'early']);
  });

  it('guesses the feed type from the feed URL when the data does not give it', async () => {
    const data = copy();
    data.articles[0].commentFeedUrl = '/feeds/comments.rss';
    data.articles[1].commentFeedUrl = '/feeds/comments.atom?x=1';
    data.articles[2].commentFeedUrl = '/feeds/comments';
    const adapter = new JsonAdapter({ data });
    expect((await adapter.getArticle(data.articles[0].id)).commentFeedType).to.equal('application/rss+xml');
    expect((await adapter.getArticle(data.articles[1].id)).commentFeedType).to.equal('application/atom+xml');
    expect((await adapter.getArticle(data.articles[2].id)).commentFeedType).to.be.undefined;
  });

  it('finds an article by slug', async () => {
    const data = copy();
    data.articles[4].slug = 'pacte-slug';
    const article = await new JsonAdapter({ data }).getArticle('pacte-slug');
    expect(article.id).to.equal('pacte-avenir-bretagne');
  });

  it('rejects not-found for an unknown article', async () => {
    const adapter = new JsonAdapter({ data: demo });
    const error = await rejection(adapter.getArticle('nope'));
    expect(error.code).to.equal('not-found');
    expect(error.message).to.contain('"nope"');
    expect((await rejection(adapter.listComments('nope'))).code).to.equal('not-found');
  });

  it('passes the checks of the shared adapter the provider wraps it in', async () => {
    const shared = new SharedAdapter(new JsonAdapter({ data: demo }));
    expect((await shared.getArticle(NUMERIQUE)).id).to.equal(NUMERIQUE);
    expect((await shared.listComments('pacte-avenir-bretagne')).total).to.equal(3);
    expect(await shared.listRecent({ limit: 5 })).to.have.length(5);
    expect((await shared.getAbout('author')).name).to.equal('Claudy Lebreton');
    expect(shared.canSubscribe).to.be.true;
  });

  it('does not change the data object it was given', async () => {
    const data = copy();
    const before = JSON.stringify(data);
    const adapter = new JsonAdapter({ data });
    await adapter.getArticle(NUMERIQUE);
    await adapter.listComments('pacte-avenir-bretagne');
    await adapter.listRecent();
    expect(JSON.stringify(data)).to.equal(before);
  });
});

describe('JsonAdapter: recent articles', () => {
  it('lists the newest first, 10 by default, with sections', async () => {
    const recent = await new JsonAdapter({ data: demo }).listRecent();
    expect(recent.map((a) => a.id)).to.deep.equal([
      'marches-de-pays',
      'pacte-avenir-bretagne',
      NUMERIQUE,
      'gaspillage-alimentaire',
      'decentralisation-nouvelle-etape',
      'finances-locales',
    ]);
    expect(recent[0].sections.map((s) => s.name)).to.deep.equal(['La République des Territoires', 'Vie locale']);
    expect(recent[0].excerpt).to.be.a('string');
  });

  it('honors the limit', async () => {
    const adapter = new JsonAdapter({ data: demo });
    expect((await adapter.listRecent({ limit: 2 })).map((a) => a.id)).to.deep.equal(['marches-de-pays', 'pacte-avenir-bretagne']);
    expect(await adapter.listRecent({ limit: 0 })).to.deep.equal([]);
  });

  it('filters by section name (any case), declared slug, or name written as a slug', async () => {
    const adapter = new JsonAdapter({ data: demo });
    const politique = ['pacte-avenir-bretagne', NUMERIQUE, 'decentralisation-nouvelle-etape'];
    expect((await adapter.listRecent({ section: 'Politique' })).map((a) => a.id)).to.deep.equal(politique);
    expect((await adapter.listRecent({ section: 'POLITIQUE' })).map((a) => a.id)).to.deep.equal(politique);
    expect((await adapter.listRecent({ section: 'vie-locale' })).map((a) => a.id)).to.deep.equal(['marches-de-pays']);
    expect((await adapter.listRecent({ section: 'la republique des territoires', limit: 3 })).map((a) => a.id)).to.deep.equal([
      'marches-de-pays',
      'pacte-avenir-bretagne',
      NUMERIQUE,
    ]);
    expect(await adapter.listRecent({ section: 'Sport' })).to.deep.equal([]);
  });

  it('keeps an undeclared section by name only, and an inline section object with its URL', async () => {
    const data = copy();
    data.articles[0].sections = ['Culture', { name: 'Europe', url: '/europe' }];
    const adapter = new JsonAdapter({ data });
    const article = await adapter.getArticle('finances-locales');
    expect(article.sections).to.deep.equal([{ name: 'Culture' }, { name: 'Europe', url: '/europe' }]);
    expect((await adapter.listRecent({ section: 'europe' })).map((a) => a.id)).to.deep.equal(['finances-locales']);
  });
});

describe('JsonAdapter: comments', () => {
  it('lists only approved comments, oldest first, with replies after their parent', async () => {
    const page = await new JsonAdapter({ data: demo }).listComments('pacte-avenir-bretagne');
    expect(page.comments.map((c) => c.id)).to.deep.equal(['c-pacte-1', 'c-pacte-2', 'c-pacte-4']);
    expect(page.comments.map((c) => c.parentId)).to.deep.equal([undefined, 'c-pacte-1', 'c-pacte-2']);
    expect(page.total).to.equal(3);
    expect(page.nextCursor).to.be.undefined;
    expect((await new JsonAdapter({ data: demo }).getArticle('pacte-avenir-bretagne')).commentCount).to.equal(3);
  });

  it('gives the seed comment with its avatar', async () => {
    const page = await new JsonAdapter({ data: demo }).listComments(NUMERIQUE);
    expect(page.comments).to.have.length(1);
    expect(page.comments[0].author).to.deep.equal({ name: 'Dulucq', avatarUrl: 'img/avatar-dulucq.svg' });
    expect(page.comments[0].bodyHtml).to.contain('Bravo !');
  });

  it('places a reply dated before its parent after the parent, and shows a reply to a hidden comment at the top level', async () => {
    const data = withComments(0);
    data.comments = {
      a: [
        { id: 'r', parentId: 'p', author: { name: 'R' }, published: '2020-01-01T00:00:00Z', bodyHtml: '' },
        { id: 'p', author: { name: 'P' }, published: '2020-01-02T00:00:00Z', bodyHtml: '' },
        { id: 'hidden', author: { name: 'H' }, published: '2020-01-03T00:00:00Z', bodyHtml: '', status: 'pending' },
        { id: 'orphan', parentId: 'hidden', author: { name: 'O' }, published: '2020-01-04T00:00:00Z', bodyHtml: '' },
      ],
    };
    const page = await new JsonAdapter({ data }).listComments('a');
    expect(page.comments.map((c) => c.id)).to.deep.equal(['p', 'r', 'orphan']);
    expect(page.comments[2].parentId).to.be.undefined;
    expect('parentId' in page.comments[2]).to.be.false;
  });

  it('pages with opaque cursors until the end, with the total on every page', async () => {
    const adapter = new JsonAdapter({ data: withComments(7), pageSize: 3 });
    const ids: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await adapter.listComments('a', cursor ? { cursor } : {});
      expect(page.total).to.equal(7);
      ids.push(...page.comments.map((c) => c.id));
      sizes.push(page.comments.length);
      cursor = page.nextCursor;
      if (cursor) expect(cursor).to.be.a('string').and.not.match(/^\d+$/);
      pages++;
    } while (cursor && pages < 10);
    expect(sizes).to.deep.equal([3, 3, 1]);
    expect(ids).to.deep.equal(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  });

  it('uses the data page size, then 50 by default', async () => {
    expect((await new JsonAdapter({ data: withComments(5, 2) }).listComments('a')).comments).to.have.length(2);
    const page = await new JsonAdapter({ data: withComments(51) }).listComments('a');
    expect(page.comments).to.have.length(50);
    expect(page.nextCursor).to.be.a('string');
    const last = await new JsonAdapter({ data: withComments(51) }).listComments('a', { cursor: page.nextCursor });
    expect(last.comments.map((c) => c.id)).to.deep.equal(['c50']);
    expect(last.nextCursor).to.be.undefined;
  });

  it('has no next cursor when the comments fill the page exactly, and an empty page for an article without comments', async () => {
    const page = await new JsonAdapter({ data: withComments(4), pageSize: 4 }).listComments('a');
    expect(page.comments).to.have.length(4);
    expect(page.nextCursor).to.be.undefined;
    const none = await new JsonAdapter({ data: demo }).listComments('finances-locales');
    expect(none).to.deep.equal({ comments: [], total: 0 });
  });

  it('rejects a cursor it did not make', async () => {
    const error = await rejection(new JsonAdapter({ data: demo }).listComments(NUMERIQUE, { cursor: 'garbage!' }));
    expect(error.code).to.equal('invalid-data');
  });
});

describe('JsonAdapter: about boxes', () => {
  it('gives a box by key, and the first one without a key', async () => {
    const adapter = new JsonAdapter({ data: demo });
    const author = await adapter.getAbout('author');
    expect(author.title).to.equal('A propos');
    expect(author.bioHtml).to.contain('Adhérent au Parti socialiste en 1975');
    expect(author.contactUrl).to.equal('mailto:contact@example.org');
    const first = await adapter.getAbout();
    expect(first.title).to.equal('La République des Territoires - Le Mag');
    expect(first.bioHtml).to.contain('Bienvenue');
  });

  it('prefers a box named "default" when no key is given', async () => {
    const data = copy();
    data.about = { ...data.about, default: { title: 'Default', bioHtml: '<p>d</p>' } };
    expect((await new JsonAdapter({ data }).getAbout()).title).to.equal('Default');
  });

  it('rejects not-found for an unknown key, or when the data has no boxes', async () => {
    const error = await rejection(new JsonAdapter({ data: demo }).getAbout('nope'));
    expect(error.code).to.equal('not-found');
    expect(error.message).to.contain('"nope"');
    expect((await rejection(new JsonAdapter({ data: demo }).getAbout('toString'))).code).to.equal('not-found');
    const data = copy();
    delete data.about;
    expect((await rejection(new JsonAdapter({ data }).getAbout())).code).to.equal('not-found');
  });
});

describe('JsonAdapter: videos', () => {
  it("gives the demo data's video, with its invented address, date and length", async () => {
    const videos = await new JsonAdapter({ url: DEMO_URL }).listVideos();
    expect(videos).to.deep.equal([
      {
        id: 'ouverture-du-marche',
        title: 'Ouverture du marché avec Claudy Lebreton',
        url: 'https://www.youtube.com/watch?v=Xq3dQm7LpA0',
        published: '2013-10-12T10:00:00+02:00',
        durationSeconds: 154,
        thumbnailUrl: 'img/video-ouverture-du-marche.svg',
        provider: 'youtube',
      },
    ]);
  });

  it('lists the newest first (equal dates in the file order, videos without a date last), 10 by default, as copies', async () => {
    const data = copy();
    const video = (id: string, published?: string) => ({ id, title: id, url: `/videos/${id}`, ...(published ? { published } : {}) });
    data.videos = [
      video('undated-1'),
      video('old', '2012-01-01'),
      video('new-a', '2014-05-01T10:00:00Z'),
      video('new-b', '2014-05-01T12:00:00+02:00'),
      video('undated-2'),
      ...Array.from({ length: 8 }, (_, i) => video(`mid-${i}`, `2013-0${i + 1}-01`)),
    ];
    const adapter = new JsonAdapter({ data });
    const ids = (await adapter.listVideos()).map((v) => v.id);
    expect(ids).to.deep.equal(['new-a', 'new-b', 'mid-7', 'mid-6', 'mid-5', 'mid-4', 'mid-3', 'mid-2', 'mid-1', 'mid-0']);
    expect((await adapter.listVideos({ limit: 20 })).map((v) => v.id).slice(-3)).to.deep.equal(['old', 'undated-1', 'undated-2']);
    expect((await adapter.listVideos({ limit: 1 })).map((v) => v.id)).to.deep.equal(['new-a']);
    const [first] = await adapter.listVideos({ limit: 1 });
    first.title = 'changed';
    expect((await adapter.listVideos({ limit: 1 }))[0].title).to.equal('new-a');
  });

  it('lists no videos for data without any', async () => {
    const data = copy();
    delete data.videos;
    expect(await new JsonAdapter({ data }).listVideos()).to.deep.equal([]);
  });
});

describe('JsonAdapter: validation', () => {
  /** The problems of a copy of the demo data changed by `change`. */
  const problems = (change: (d: MagData & Record<string, unknown>) => void): string[] => {
    const data = copy() as MagData & Record<string, unknown>;
    change(data);
    return validateData(data);
  };

  it('names the path and the bad value of a date', () => {
    expect(problems((d) => (d.articles[2].published = '16 oct'))).to.deep.equal(['articles[2].published: expected an ISO 8601 date, got string "16 oct"']);
  });

  it('reports each problem with its path', () => {
    const cases: [(d: MagData & Record<string, unknown>) => void, string][] = [
      [(d) => delete (d.articles[0] as Partial<MagData['articles'][0]>).title, 'articles[0].title: is required'],
      [(d) => (d.articles[1].commentsOpen = 'yes' as unknown as boolean), 'articles[1].commentsOpen: expected true or false, got string "yes"'],
      [(d) => (d.articles[3].sections = [42 as unknown as string]), 'articles[3].sections[0]: expected a section name or a section object, got number 42'],
      [(d) => (d.articles[0].updated = 'yesterday'), 'articles[0].updated: expected an ISO 8601 date, got string "yesterday"'],
      [(d) => (d.articles[0].author = { name: '' }), 'articles[0].author.name: expected a non-empty string, got string ""'],
      [(d) => (d.version = 2 as 1), 'version: expected 1 (the only version of the format), got number 2'],
      [(d) => delete (d as Partial<MagData>).site, 'site: is required'],
      [(d) => (d.sections = 'Politique' as unknown as []), 'sections: expected an array, got string "Politique"'],
      [(d) => (d.comments![NUMERIQUE][0].published = '17/10/2013'), `comments.${NUMERIQUE}[0].published: expected an ISO 8601 date, got string "17/10/2013"`],
      [(d) => (d.comments!['pacte-avenir-bretagne'][0].status = 'spam' as 'approved'), 'comments.pacte-avenir-bretagne[0].status: expected one of "approved", "pending", got string "spam"'],
      [(d) => delete (d.about!.author as { bioHtml?: string }).bioHtml, 'about.author.bioHtml: is required'],
      [(d) => (d.subscribe = { endpoint: '' }), 'subscribe.endpoint: expected a non-empty string, got string ""'],
      [(d) => (d.subscribe = { endpoint: '/x', method: 'GET' as 'POST' }), 'subscribe.method: expected one of "POST", "PUT", got string "GET"'],
      [(d) => (d.commentsPageSize = 0), 'commentsPageSize: expected a whole number ≥ 1, got number 0'],
      [(d) => (d.comments = [] as unknown as MagData['comments']), 'comments: expected an object, got an array'],
      [(d) => (d.about = { author: 'me' } as unknown as MagData['about']), 'about.author: expected an object, got string "me"'],
      [(d) => (d.moderation = 'no' as unknown as boolean), 'moderation: expected true or false, got string "no"'],
      [(d) => (d.videos = {} as unknown as []), 'videos: expected an array, got an object'],
      [(d) => delete (d.videos![0] as { url?: string }).url, 'videos[0].url: is required'],
      [(d) => (d.videos![0].published = '12 oct'), 'videos[0].published: expected an ISO 8601 date, got string "12 oct"'],
      [(d) => (d.videos![0].durationSeconds = -1), 'videos[0].durationSeconds: expected a whole number ≥ 0, got number -1'],
    ];
    for (const [change, expected] of cases) expect(problems(change)).to.deep.equal([expected]);
  });

  it('checks cross references', () => {
    expect(problems((d) => (d.articles[1].id = d.articles[0].id))).to.deep.equal([
      'articles[1].id: duplicate article id "finances-locales" (already used by articles[0])',
    ]);
    expect(problems((d) => (d.articles[1].slug = d.articles[0].slug))).to.deep.equal([
      'articles[1].slug: duplicate slug "les-finances-locales-a-l-epreuve-de-la-crise" (already used by articles[0])',
    ]);
    expect(problems((d) => (d.comments!.ghost = []))).to.deep.equal(['comments.ghost: no article has the id "ghost"']);
    expect(problems((d) => (d.comments!['odd key'] = []))).to.deep.equal(['comments["odd key"]: no article has the id "odd key"']);
    expect(problems((d) => (d.comments!['pacte-avenir-bretagne'][1].parentId = 'c-404'))).to.deep.equal([
      'comments.pacte-avenir-bretagne[1].parentId: no comment of this article has the id "c-404"',
    ]);
    expect(problems((d) => (d.comments!['pacte-avenir-bretagne'][1].id = 'c-pacte-1'))).to.include(
      'comments.pacte-avenir-bretagne[1].id: duplicate comment id "c-pacte-1" (already used by comments.pacte-avenir-bretagne[0])',
    );
    expect(problems((d) => d.sections!.push({ name: 'politique' }))).to.deep.equal(['sections[3].name: duplicate section "politique" (already declared by sections[1])']);
    expect(problems((d) => d.videos!.push({ ...d.videos![0], title: 'Again' }))).to.deep.equal(['videos[1].id: duplicate video id "ouverture-du-marche" (already used by videos[0])']);
  });

  it('lists every problem at once', () => {
    const found = problems((d) => {
      d.articles[0].published = 'soon';
      d.articles[5].published = '';
      d.site.title = '';
    });
    expect(found).to.have.length(3);
    expect(found).to.include('articles[5].published: expected an ISO 8601 date, got string ""');
    expect(found).to.include('site.title: expected a non-empty string, got string ""');
  });

  it('rejects a root that is not an object', () => {
    expect(validateData(null)).to.deep.equal(['(root): expected an object, got null']);
    expect(validateData([])).to.deep.equal(['(root): expected an object, got an array']);
  });

  it('accepts date-only dates, null optional fields and notes', () => {
    expect(
      problems((d) => {
        d.articles[0].published = '2013-10-16';
        (d.articles[0] as unknown as Record<string, unknown>).url = null;
        d._notes = ['free text'];
      }),
    ).to.deep.equal([]);
  });

  it('makes every call reject invalid-data with the problems, without throwing from the constructor', async () => {
    const data = copy();
    data.articles[2].published = '16 oct';
    data.articles[3].title = '';
    const adapter = new JsonAdapter({ data });
    for (const call of [adapter.getArticle(NUMERIQUE), adapter.listComments(NUMERIQUE), adapter.listRecent(), adapter.getAbout()]) {
      const error = await rejection(call);
      expect(error.code).to.equal('invalid-data');
      expect(error.problems).to.deep.equal([
        'articles[2].published: expected an ISO 8601 date, got string "16 oct"',
        'articles[3].title: expected a non-empty string, got string ""',
      ]);
      expect(error.message).to.contain('articles[2].published: expected an ISO 8601 date');
      expect(error.message).to.contain('articles[3].title');
    }
  });
});

describe('JsonAdapter: loading from a URL', () => {
  it('rejects not-found naming the URL for a 404', async () => {
    const error = await rejection(new JsonAdapter({ url: '/demo/data/missing.json' }).getArticle(NUMERIQUE));
    expect(error.code).to.equal('not-found');
    expect(error.status).to.equal(404);
    expect(error.message).to.contain('/demo/data/missing.json');
  });

  it('rejects invalid-data with the parser message for bad JSON', async () => {
    const error = await rejection(new JsonAdapter({ url: '/__test/bad-json' }).listRecent());
    expect(error.code).to.equal('invalid-data');
    expect(error.message).to.contain('/__test/bad-json');
    expect(error.message).to.contain('not valid JSON');
    expect(error.problems).to.have.length(1);
  });

  it('rejects network when the server cannot be reached', async () => {
    const error = await rejection(new JsonAdapter({ url: 'http://127.0.0.1:9/data.json' }).listRecent());
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('http://127.0.0.1:9/data.json');
  });

  it('does not cache a failed or invalid load: each retry fetches again', async () => {
    const key = `retry-${Math.random().toString(36).slice(2)}`;
    const adapter = new JsonAdapter({ url: `/__test/flaky/${key}` });
    const first = await rejection(adapter.getArticle(NUMERIQUE));
    expect(first.code).to.equal('network');
    expect(first.status).to.equal(503);
    const second = await rejection(adapter.getArticle(NUMERIQUE));
    expect(second.code).to.equal('invalid-data');
    expect(second.problems).to.include('articles[0].published: expected an ISO 8601 date, got string "16 oct"');
    expect((await adapter.getArticle(NUMERIQUE)).title).to.equal("Le numérique, c'est la proximité");
    await adapter.listRecent();
    await adapter.getAbout();
    const hits = (await (await fetch(`/__test/hits/${key}`)).json()) as { hits: number };
    expect(hits.hits).to.equal(3);
  });

  it('fetches once for calls made at the same time', async () => {
    const key = `shared-${Math.random().toString(36).slice(2)}`;
    const adapter = new JsonAdapter({ url: `/__test/flaky/${key}` });
    await rejection(adapter.ready());
    await rejection(adapter.ready());
    const results = await Promise.all([adapter.getArticle(NUMERIQUE), adapter.listRecent(), adapter.getAbout('author')]);
    expect(results[0].id).to.equal(NUMERIQUE);
    const hits = (await (await fetch(`/__test/hits/${key}`)).json()) as { hits: number };
    expect(hits.hits).to.equal(3);
  });

  it('rejects aborted for an aborted signal, and an abort does not break the next call', async () => {
    const adapter = new JsonAdapter({ url: DEMO_URL });
    const controller = new AbortController();
    const pending = adapter.getArticle(NUMERIQUE, { signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).to.equal('aborted');
    expect((await rejection(adapter.listRecent({ signal: AbortSignal.abort() }))).code).to.equal('aborted');
    expect((await adapter.getArticle(NUMERIQUE)).id).to.equal(NUMERIQUE);
  });

  it('keeps a shared load going for the other callers when one of them aborts', async () => {
    const adapter = new JsonAdapter({ url: DEMO_URL });
    const controller = new AbortController();
    const aborted = adapter.getArticle(NUMERIQUE, { signal: controller.signal });
    const other = adapter.listRecent({ signal: new AbortController().signal });
    controller.abort();
    expect((await rejection(aborted)).code).to.equal('aborted');
    expect(await other).to.have.length(6);
  });

  it('JsonAdapter.load resolves a ready adapter whose subscribe is known', async () => {
    const adapter = await JsonAdapter.load(DEMO_URL);
    expect(typeof adapter.subscribe).to.equal('function');
    const lazy = new JsonAdapter({ url: DEMO_URL });
    expect(typeof lazy.subscribe).to.equal('undefined');
    await lazy.ready();
    expect(typeof lazy.subscribe).to.equal('function');
  });

  it('reads inline JSON text, and reports bad inline JSON as invalid-data', async () => {
    const adapter = JsonAdapter.fromText(JSON.stringify(demo));
    expect((await adapter.getArticle(NUMERIQUE)).id).to.equal(NUMERIQUE);
    const broken = JsonAdapter.fromText('{ "version": 1,');
    const error = await rejection(broken.getArticle(NUMERIQUE));
    expect(error.code).to.equal('invalid-data');
    expect(error.message).to.contain('inline data is not valid JSON');
  });
});

describe('JsonAdapter: subscribe', () => {
  const adapterFor = (subscribe: MagData['subscribe']) => {
    const data = copy();
    if (subscribe) data.subscribe = subscribe;
    else delete data.subscribe;
    return new JsonAdapter({ data });
  };
  const endpoint = '/__test/subscribe';
  const subscribe = (adapter: JsonAdapter, email: string) => {
    if (!adapter.subscribe) throw new Error('no subscribe');
    return adapter.subscribe(email);
  };
  const echo = async (email: string) =>
    (await (await fetch(`/__test/echo?email=${encodeURIComponent(email)}`)).json()) as { method: string; contentType: string; body: Record<string, string> };

  it('is absent without an endpoint in the data', () => {
    const adapter = adapterFor(undefined);
    expect(typeof adapter.subscribe).to.equal('undefined');
    expect('subscribe' in adapter).to.be.false;
    expect(new SharedAdapter(adapter).canSubscribe).to.be.false;
  });

  it('posts the address form-encoded and resolves subscribed', async () => {
    const adapter = adapterFor({ endpoint });
    const email = `reader-${Date.now()}@example.org`;
    expect(await subscribe(adapter, email)).to.deep.equal({ status: 'subscribed' });
    const posted = await echo(email);
    expect(posted.method).to.equal('POST');
    expect(posted.contentType).to.contain('application/x-www-form-urlencoded');
    expect(posted.body).to.deep.equal({ email });
  });

  it('posts JSON with a custom field and method when the data says so', async () => {
    const adapter = adapterFor({ endpoint, method: 'PUT', field: 'adresse', encoding: 'json' });
    const email = `json-${Date.now()}@example.org`;
    expect(await subscribe(adapter, email)).to.deep.equal({ status: 'subscribed' });
    const posted = await echo(email);
    expect(posted.method).to.equal('PUT');
    expect(posted.contentType).to.contain('application/json');
    expect(posted.body).to.deep.equal({ adresse: email });
  });

  it('maps the answers: confirmation-sent, plain-text 200, 409, 400, 422, 429, 403, 500', async () => {
    const adapter = adapterFor({ endpoint });
    expect(await subscribe(adapter, 'confirm@example.org')).to.deep.equal({ status: 'confirmation-sent' });
    expect(await subscribe(adapter, 'text@example.org')).to.deep.equal({ status: 'subscribed' });
    expect(await subscribe(adapter, 'taken@example.org')).to.deep.equal({ status: 'already-subscribed' });
    const bad = await rejection(subscribe(adapter, 'bad@example.org'));
    expect(bad.code).to.equal('rejected');
    expect(bad.field).to.equal('email');
    expect(bad.message).to.equal('This domain does not accept mail.');
    const invalid = await rejection(subscribe(adapter, 'invalid@example.org'));
    expect(invalid.code).to.equal('rejected');
    expect(invalid.status).to.equal(422);
    expect(invalid.field).to.equal('email');
    expect((await rejection(subscribe(adapter, 'limit@example.org'))).code).to.equal('too-fast');
    expect((await rejection(subscribe(adapter, 'nested@example.org'))).message).to.equal('Nested message.');
    const forbidden = await rejection(subscribe(adapter, 'forbidden@example.org'));
    expect(forbidden.code).to.equal('rejected');
    expect(forbidden.status).to.equal(403);
    expect(forbidden.message).to.equal('Subscriptions are closed.');
    const boom = await rejection(subscribe(adapter, 'boom@example.org'));
    expect(boom.code).to.equal('network');
    expect(boom.status).to.equal(500);
  });

  it("posts with the adapter's fetch option, as it reads its files", async () => {
    // The data names an address the page cannot reach; the adapter's fetch sends the post to the test endpoint.
    const data = copy();
    data.subscribe = { endpoint: 'https://subscribe.example.invalid/' };
    const adapter = new JsonAdapter({ data, fetch: (_input, init) => fetch(endpoint, init) });
    const email = `through-fetch-${Date.now()}@example.org`;
    expect(await subscribe(adapter, email)).to.deep.equal({ status: 'subscribed' });
    expect((await echo(email)).body).to.deep.equal({ email });
  });

  it('rejects an address that is not one without posting it', async () => {
    const error = await rejection(subscribe(adapterFor({ endpoint }), 'not an address'));
    expect(error.code).to.equal('rejected');
    expect(error.field).to.equal('email');
    const response = await fetch(`/__test/echo?email=${encodeURIComponent('not an address')}`);
    expect(response.status).to.equal(404);
  });

  it('rejects network when the endpoint cannot be reached, not-found (naming the address and the status) when it does not exist', async () => {
    expect((await rejection(subscribe(adapterFor({ endpoint: 'http://127.0.0.1:9/subscribe' }), 'a@example.org'))).code).to.equal('network');
    const missing = await rejection(subscribe(adapterFor({ endpoint: '/__test/no-such-route' }), 'a@example.org'));
    expect(missing.code).to.equal('not-found');
    expect(missing.status).to.equal(404);
    expect(missing.message).to.match(/\/__test\/no-such-route answered HTTP 404/);
  });

  it('can be aborted while the server is slow', async () => {
    const adapter = adapterFor({ endpoint });
    if (!adapter.subscribe) throw new Error('no subscribe');
    const controller = new AbortController();
    const pending = adapter.subscribe('slow@example.org', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    expect((await rejection(pending)).code).to.equal('aborted');
    expect(Date.now() - started).to.be.below(1500);
  });

  it('waits for a slow server', async function () {
    this.timeout(6000);
    expect(await subscribe(adapterFor({ endpoint }), 'slow@example.org')).to.deep.equal({ status: 'subscribed' });
  });
});
