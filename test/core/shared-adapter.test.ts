import { expect } from '@open-wc/testing';
import type { MagInvalidateEvent } from '../../src/core/shared-adapter.js';
import { SharedAdapter } from '../../src/core/shared-adapter.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { CommentPage, MagAdapter } from '../../src/core/model.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { seedArticle, seedComments, recentContributions, aboutBoxes, englishVideos, seedVideos } from '../../stories/support/sample-data.js';
import { rejection } from '../helpers/rejection.js';

const data = () => ({
  articles: [seedArticle],
  comments: { [seedArticle.id]: [...seedComments] },
  recent: recentContributions,
  about: aboutBoxes,
});


describe('SharedAdapter', () => {
  it('calls the adapter once for identical requests made at the same time', async () => {
    const fake = new FakeAdapter({ ...data(), delay: 20 });
    const shared = new SharedAdapter(fake);
    const [a, b, c] = await Promise.all([shared.getArticle(seedArticle.id), shared.getArticle(seedArticle.id), shared.getArticle(seedArticle.id)]);
    expect(fake.calls.getArticle).to.equal(1);
    expect(a.title).to.equal(seedArticle.title);
    expect(b).to.equal(a);
    expect(c).to.equal(a);
  });

  it('reuses an answer within max-age and asks again after it', async () => {
    const fake = new FakeAdapter(data());
    const shared = new SharedAdapter(fake, { maxAge: 30 });
    await shared.listRecent({ limit: 3 });
    await shared.listRecent({ limit: 3 });
    expect(fake.calls.listRecent).to.equal(1);
    await shared.listRecent({ limit: 2 });
    expect(fake.calls.listRecent, 'a different query is a different resource').to.equal(2);
    await new Promise((r) => setTimeout(r, 40));
    await shared.listRecent({ limit: 3 });
    expect(fake.calls.listRecent).to.equal(3);
  });

  it('shares only calls in flight when max-age is 0', async () => {
    const fake = new FakeAdapter(data());
    const shared = new SharedAdapter(fake, { maxAge: 0 });
    await Promise.all([shared.getAbout('author'), shared.getAbout('author')]);
    expect(fake.calls.getAbout).to.equal(1);
    await shared.getAbout('author');
    expect(fake.calls.getAbout).to.equal(2);
  });

  it('never caches a failure: the next call asks the adapter again', async () => {
    const fake = new FakeAdapter({ ...data(), behaviour: { getArticle: new MagAdapterError('network', 'down') } });
    const shared = new SharedAdapter(fake);
    expect((await rejection(shared.getArticle(seedArticle.id))).code).to.equal('network');
    fake.behaviour = {};
    const article = await shared.getArticle(seedArticle.id);
    expect(article.id).to.equal(seedArticle.id);
    expect(fake.calls.getArticle).to.equal(2);
  });

  it('keeps a shared call running when one of its callers aborts, and aborts it when all do', async () => {
    const fake = new FakeAdapter({ ...data(), delay: 30 });
    const shared = new SharedAdapter(fake);
    const leaving = new AbortController();
    const first = shared.getArticle(seedArticle.id, { signal: leaving.signal });
    const second = shared.getArticle(seedArticle.id, { signal: new AbortController().signal });
    leaving.abort();
    expect((await rejection(first)).code).to.equal('aborted');
    expect((await second).id).to.equal(seedArticle.id);
    expect(fake.log[0].signal?.aborted).to.equal(false);

    const only = new AbortController();
    const lone = shared.listComments(seedArticle.id, { signal: only.signal });
    only.abort();
    expect((await rejection(lone)).code).to.equal('aborted');
    expect(fake.log.at(-1)?.signal?.aborted, 'the adapter call is aborted when nobody waits').to.equal(true);
  });

  it('rejects with timeout when the adapter never answers, and aborts the adapter call', async () => {
    const fake = new FakeAdapter({ ...data(), behaviour: { listRecent: 'never' } });
    const shared = new SharedAdapter(fake, { timeout: 30 });
    const error = await rejection(shared.listRecent());
    expect(error.code).to.equal('timeout');
    expect(fake.log[0].signal?.aborted).to.equal(true);
  });

  it("gives timeout to a caller whose own signal is an AbortSignal.timeout(), as the adapters do", async () => {
    const fake = new FakeAdapter({ ...data(), behaviour: { listRecent: 'never' } });
    const shared = new SharedAdapter(fake, { timeout: 0 });
    expect((await rejection(shared.listRecent({ signal: AbortSignal.timeout(20) }))).code).to.equal('timeout');
    expect((await rejection(shared.getArticle(seedArticle.id, { signal: AbortSignal.abort() }))).code).to.equal('aborted');
  });

  it('turns malformed answers into invalid-data errors naming each problem', async () => {
    const fake = new FakeAdapter({
      ...data(),
      behaviour: { getArticle: { malformed: { id: 'x', title: 3, published: '16 oct', sections: 'Politique', bodyHtml: '', commentsOpen: 'no' } } },
    });
    const error = await rejection(new SharedAdapter(fake).getArticle('x'));
    expect(error.code).to.equal('invalid-data');
    expect(error.problems).to.include('article.title: expected a string, got number 3');
    expect(error.problems).to.include('article.published: expected an ISO 8601 date, got string "16 oct"');
    expect(error.problems).to.include('article.sections: expected an array, got string "Politique"');
    expect(error.problems).to.include('article.commentsOpen: expected true or false, got string "no"');
    expect(error.message).to.contain('article.published');
  });

  it('turns null answers, synchronous throws and plain errors into MagAdapterErrors', async () => {
    const fake = new FakeAdapter({
      ...data(),
      behaviour: {
        listComments: { malformed: null },
        listRecent: { throwSync: new Error('boom') },
        getAbout: { throwSync: 'a string' },
      },
    });
    const shared = new SharedAdapter(fake);
    expect((await rejection(shared.listComments(seedArticle.id))).code).to.equal('invalid-data');
    const sync = await rejection(shared.listRecent());
    expect(sync.code).to.equal('unknown');
    expect(sync.message).to.equal('boom');
    expect((await rejection(shared.getAbout('author'))).message).to.equal('a string');
  });

  it('waits for a lazily loaded adapter to know its capabilities', async () => {
    const lazy = new FakeAdapter(data());
    let loaded = false;
    Object.assign(lazy, {
      ready: async () => {
        await new Promise((r) => setTimeout(r, 10));
        loaded = true;
        Object.assign(lazy, { subscribe: () => Promise.resolve({ status: 'subscribed' }) });
      },
    });
    const shared = new SharedAdapter(lazy);
    expect(shared.canSubscribe).to.equal(false);
    await shared.ready();
    expect(loaded).to.equal(true);
    expect(shared.canSubscribe).to.equal(true);
    const failing = new SharedAdapter({ ...lazy, ready: () => Promise.reject(new Error('404')) } as never);
    await failing.ready();
    await new SharedAdapter(new FakeAdapter()).ready();
  });

  it('on a server-rendered page, gives a lazily loaded adapter the time-out to learn that it can subscribe or post', async () => {
    const neverLoads = new FakeAdapter(data());
    Object.assign(neverLoads, { ready: () => new Promise(() => {}) });
    const shared = new SharedAdapter(neverLoads, { timeout: 30 });
    shared.seed({ version: 1, entries: [], capabilities: { subscribe: true, postComment: true } });
    expect(shared.canSubscribe, 'as the snapshot says').to.equal(true);
    expect((await rejection(shared.subscribe('a@b.org'))).code).to.equal('timeout');
    expect((await rejection(shared.postComment(seedArticle.id, { authorName: 'A', bodyText: 'B' }))).code).to.equal('timeout');
  });

  it('says what the adapter cannot do', async () => {
    const shared = new SharedAdapter({ getArticle: () => Promise.reject(new Error('x')), listComments: () => Promise.reject(new Error('x')), listRecent: () => Promise.resolve([]) });
    expect(shared.canSubscribe).to.equal(false);
    expect(shared.canPostComment).to.equal(false);
    expect(shared.canGetAbout).to.equal(false);
    expect((await rejection(shared.getAbout())).code).to.equal('unsupported');
    expect((await rejection(shared.subscribe('a@b.org'))).code).to.equal('unsupported');
    expect((await rejection(shared.postComment('x', { authorName: 'A', bodyText: 'B' }))).code).to.equal('unsupported');
    expect((await rejection(shared.listVideos())).code).to.equal('unsupported');
  });

  it('shares and keeps video lists by limit, checks them, and drops them on invalidate("videos")', async () => {
    const fake = new FakeAdapter({ videos: englishVideos });
    const shared = new SharedAdapter(fake);
    const [a, b] = await Promise.all([shared.listVideos({ limit: 2 }), shared.listVideos({ limit: 2 })]);
    expect(fake.calls.listVideos).to.equal(1);
    expect(b).to.equal(a);
    expect(a.map((video) => video.id)).to.deep.equal(['market-opening', 'digital-report']);
    expect(shared.cachedVideos({ limit: 2 })).to.equal(a);
    expect(shared.cachedVideos({ limit: 3 }), 'another limit is another list').to.equal(undefined);
    const events: MagInvalidateEvent[] = [];
    shared.addEventListener('mag-invalidate', (e) => events.push(e as MagInvalidateEvent));
    shared.invalidate('videos');
    expect(events[0].affects('videos')).to.equal(true);
    expect(events[0].affects('recent')).to.equal(false);
    expect(shared.cachedVideos({ limit: 2 })).to.equal(undefined);
    await shared.listVideos({ limit: 2 });
    expect(fake.calls.listVideos).to.equal(2);
    const malformed = new SharedAdapter(new FakeAdapter({ videos: [], behaviour: { listVideos: { malformed: [{ id: 'v', title: 42, published: 'yesterday', durationSeconds: 1.5 }] } } }));
    const error = await rejection(malformed.listVideos());
    expect(error.code).to.equal('invalid-data');
    expect(error.problems).to.deep.equal([
      'videos[0].title: expected a string, got number 42',
      'videos[0].url: is required',
      'videos[0].published: expected an ISO 8601 date, got string "yesterday"',
      'videos[0].durationSeconds: expected a whole number ≥ 0, got number 1.5',
    ]);
  });

  it('gives a server-rendered snapshot\'s video list to the browser without asking again', async () => {
    const server = new SharedAdapter(new FakeAdapter({ videos: seedVideos }));
    await server.listVideos({ limit: 3 });
    const snapshot = JSON.parse(JSON.stringify(server.snapshot())) as unknown;
    const fake = new FakeAdapter({ videos: [] });
    const browser = new SharedAdapter(fake);
    browser.seed(snapshot);
    expect(browser.cachedVideos({ limit: 3 })).to.deep.equal(seedVideos);
    expect(await browser.listVideos({ limit: 3 })).to.deep.equal(seedVideos);
    expect(fake.calls.listVideos).to.equal(0);
    // A snapshot whose video list is not valid data is left out.
    const bad = new SharedAdapter(fake);
    bad.seed({ version: 1, entries: [{ key: 'videos:3', ids: [], value: [{ id: 'v' }] }] });
    expect(bad.cachedVideos({ limit: 3 })).to.equal(undefined);
  });

  it('after a comment is posted, drops the article and its comments and tells the elements', async () => {
    const fake = new FakeAdapter({ ...data(), articles: [{ ...seedArticle, commentsOpen: true }], postComment: 'approved' });
    const shared = new SharedAdapter(fake);
    await shared.getArticle(seedArticle.slug!);
    await shared.listComments(seedArticle.id);
    await shared.listRecent();
    const events: MagInvalidateEvent[] = [];
    shared.addEventListener('mag-invalidate', (e) => events.push(e as MagInvalidateEvent));
    const comment = await shared.postComment(seedArticle.id, { authorName: 'Ana', bodyText: 'Bravo' });
    expect(comment.author.name).to.equal('Ana');
    expect(events.map((e) => e.kind)).to.deep.equal(['comments', 'article']);
    expect(events[1].affects('article', seedArticle.id)).to.equal(true);
    expect(events[1].affects('recent')).to.equal(false);
    const page = await shared.listComments(seedArticle.id);
    expect(page.comments.map((c) => c.author.name)).to.include('Ana');
    await shared.getArticle(seedArticle.slug!);
    expect(fake.calls.getArticle, 'the article asked by slug is dropped too').to.equal(2);
    await shared.listRecent();
    expect(fake.calls.listRecent, 'other resources stay shared').to.equal(1);
  });

  it('refresh() drops everything', async () => {
    const fake = new FakeAdapter(data());
    const shared = new SharedAdapter(fake);
    await shared.listRecent();
    let fired = 0;
    shared.addEventListener('mag-invalidate', () => fired++);
    shared.refresh();
    await shared.listRecent();
    expect(fake.calls.listRecent).to.equal(2);
    expect(fired).to.equal(1);
  });

  it('checks subscribe answers and passes failures through', async () => {
    const ok = new SharedAdapter(new FakeAdapter({ subscribe: 'confirmation-sent' }));
    expect((await ok.subscribe('a@b.org')).status).to.equal('confirmation-sent');
    const bad = new SharedAdapter(new FakeAdapter({ subscribe: () => ({ status: 'maybe' }) as never }));
    expect((await rejection(bad.subscribe('a@b.org'))).code).to.equal('invalid-data');
    const refused = new SharedAdapter(new FakeAdapter({ subscribe: new MagAdapterError('rejected', 'Nope', { field: 'email' }) }));
    const error = await rejection(refused.subscribe('a@b.org'));
    expect(error.code).to.equal('rejected');
    expect(error.field).to.equal('email');
  });
});

describe('SharedAdapter: checked answers', () => {
  it("gives the adapter's own objects back once checked, so that a reload with the same objects redraws nothing", async () => {
    // What a JavaScript adapter may send beyond its type: a field of its own, `null` for "none".
    const comment = { ...seedComments[0], status: null, extra: 'kept' };
    const page = { comments: [comment], nextCursor: null };
    const adapter: MagAdapter = {
      getArticle: () => Promise.reject(new Error('unused')),
      listRecent: () => Promise.resolve([]),
      listComments: () => Promise.resolve(page as unknown as CommentPage),
    };
    const answer = await new SharedAdapter(adapter).listComments(seedArticle.id);
    expect(answer).to.equal(page);
    expect(answer.comments[0]).to.equal(comment);
  });
});
