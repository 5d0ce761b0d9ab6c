import { expect } from '@open-wc/testing';
import { JsonAdapter, validateData, type DataComment, type MagData } from '../../src/adapters/json/json-adapter.js';
import { rejection } from '../helpers/rejection.js';

/**
 * Data that is valid by the format's own rules must not break the JSON adapter: ids and keys that
 * are also names of `Object.prototype`, and threads of any length or depth.
 */

/** Names that a lookup in a plain object finds on its prototype. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString'];

const comment = (id: string, published: string, parentId?: string): DataComment => ({
  id,
  author: { name: `Author of ${id}` },
  published,
  bodyHtml: `<p>${id}</p>`,
  ...(parentId === undefined ? {} : { parentId }),
});

/** A data file with one article `a` and these comments on it. */
const threadData = (comments: DataComment[]): MagData => ({
  version: 1,
  site: { title: 'T' },
  articles: [{ id: 'a', title: 'A', published: '2020-01-01', bodyHtml: '', commentsOpen: true }],
  comments: { a: comments },
});

/** A date `minutes` after 2020-01-01T00:00Z. */
const at = (minutes: number): string => new Date(Date.UTC(2020, 0, 1) + minutes * 60_000).toISOString();

describe('JsonAdapter: ids and keys named like Object.prototype members', () => {
  /**
   * The data as a file gives it (JSON.parse makes `__proto__` an ordinary key): one article per
   * name, only the first with comments, and about boxes named `__proto__` and `constructor`.
   */
  const fileText = () =>
    JSON.stringify({
      version: 1,
      site: { title: 'T' },
      articles: PROTOTYPE_NAMES.map((id, i) => ({ id, title: `Article ${id}`, published: `2020-01-0${i + 1}`, bodyHtml: `<p>${id}</p>`, commentsOpen: true })),
      comments: { constructor: [comment('c1', '2020-02-01'), comment('c2', '2020-02-02', 'c1')] },
      // (a computed key: `__proto__: …` in an object literal would set its prototype instead)
      about: { ['__proto__']: { title: 'Proto box', bioHtml: '<p>proto</p>' }, constructor: { title: 'Constructor box', bioHtml: '<p>c</p>' } },
    });

  it('finds each article, its comments (none when the data has none) and its neighbours', async () => {
    const adapter = JsonAdapter.fromText(fileText());
    for (const id of PROTOTYPE_NAMES) {
      const article = await adapter.getArticle(id);
      expect(article.title).to.equal(`Article ${id}`);
      const page = await adapter.listComments(id);
      expect(page.total, id).to.equal(id === 'constructor' ? 2 : 0);
      expect(article.commentCount, id).to.equal(page.total);
    }
    expect((await adapter.listComments('constructor')).comments.map((c) => [c.id, c.parentId])).to.deep.equal([
      ['c1', undefined],
      ['c2', 'c1'],
    ]);
    expect((await adapter.getArticle('__proto__')).previous?.id).to.equal('constructor');
    expect((await adapter.listRecent()).map((a) => a.id)).to.deep.equal(['toString', '__proto__', 'constructor']);
  });

  it('finds about boxes by these names, and only the boxes the data has', async () => {
    const adapter = JsonAdapter.fromText(fileText());
    expect((await adapter.getAbout('__proto__')).title).to.equal('Proto box');
    expect((await adapter.getAbout('constructor')).title).to.equal('Constructor box');
    expect((await adapter.getAbout()).title, 'without a key: the first box').to.equal('Proto box');
    expect((await rejection(adapter.getAbout('toString'))).code).to.equal('not-found');
    expect((await rejection(adapter.getAbout('hasOwnProperty'))).code).to.equal('not-found');
  });

  it('checks comments and about boxes under these keys like any other', () => {
    const data = JSON.parse(fileText()) as Record<string, Record<string, unknown>>;
    data.comments = JSON.parse('{"__proto__": [{ "id": "x" }], "constructor": []}') as Record<string, unknown>;
    (data.about.__proto__ as Record<string, unknown>).bioHtml = 3;
    expect(validateData(data)).to.deep.equal([
      'comments.__proto__[0].author: is required',
      'comments.__proto__[0].published: is required',
      'comments.__proto__[0].bodyHtml: is required',
      'about.__proto__.bioHtml: expected a string, got number 3',
    ]);
    const other = JSON.parse(fileText()) as Record<string, unknown>;
    other.comments = JSON.parse('{"toString": [], "hasOwnProperty": []}') as unknown;
    expect(validateData(other)).to.deep.equal(['comments.hasOwnProperty: no article has the id "hasOwnProperty"']);
  });
});

describe('JsonAdapter: reply order at scale', () => {
  it('orders a chain of 100,000 replies, each dated before the comment it answers', async function () {
    this.timeout(30_000);
    const length = 100_000;
    // c0 is the top-level comment, the newest; c<i> answers c<i-1> and is a minute older.
    const comments = Array.from({ length: length + 1 }, (_, i) => comment(`c${i}`, at(length - i), i ? `c${i - 1}` : undefined));
    const adapter = new JsonAdapter({ data: threadData(comments), pageSize: length + 1 });
    const page = await adapter.listComments('a');
    expect(page.total).to.equal(length + 1);
    const ids = page.comments.map((c) => c.id);
    expect(ids.every((id, i) => id === `c${i}`), 'each reply right after the comment it answers').to.be.true;
    expect(page.comments[length].parentId).to.equal(`c${length - 1}`);
  });

  it('orders 50,000 replies dated before their parent', async () => {
    const replies = 50_000;
    // p is dated after all its replies; each reply is a minute newer than the previous one.
    const comments = [comment('p', at(replies + 1)), ...Array.from({ length: replies }, (_, i) => comment(`r${i}`, at(i), 'p'))];
    const adapter = new JsonAdapter({ data: threadData(comments), pageSize: 10 });
    const first = await adapter.listComments('a');
    expect(first.total).to.equal(replies + 1);
    expect(first.comments.map((c) => c.id)).to.deep.equal(['p', 'r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']);
    const last = await adapter.listComments('a', { cursor: `offset:${replies - 1}` });
    expect(last.comments.map((c) => c.id)).to.deep.equal([`r${replies - 2}`, `r${replies - 1}`]);
    expect((await adapter.getArticle('a')).commentCount).to.equal(replies + 1);
  });

  it('shows a reply cycle (a → b → a) once, from its oldest reply at the top level', async () => {
    const data = threadData([comment('a', at(2), 'b'), comment('b', at(1), 'a'), comment('c', at(3), 'a'), comment('d', at(0))]);
    expect(validateData(data), 'the format allows it').to.deep.equal([]);
    const page = await new JsonAdapter({ data }).listComments('a');
    expect(page.comments.map((c) => [c.id, c.parentId])).to.deep.equal([
      ['d', undefined],
      ['b', undefined],
      ['a', 'b'],
      ['c', 'a'],
    ]);
  });

  it('keeps replies in date order under their parent, and the rest of the thread in date order', async () => {
    const data = threadData([
      comment('late-reply', at(5), 'p'),
      comment('early-reply', at(0), 'p'),
      comment('reply-to-early', at(1), 'early-reply'),
      comment('p', at(2)),
      comment('q', at(3)),
      comment('reply-to-q', at(4), 'q'),
    ]);
    const page = await new JsonAdapter({ data }).listComments('a');
    expect(page.comments.map((c) => c.id)).to.deep.equal(['p', 'early-reply', 'reply-to-early', 'q', 'reply-to-q', 'late-reply']);
  });
});
