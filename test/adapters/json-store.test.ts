import { expect } from '@open-wc/testing';
import { JsonAdapter, validateData, type DataComment } from '../../src/adapters/json/json-adapter.js';
import { rejection } from '../helpers/rejection.js';

/**
 * Data that is valid by the format's own rules must not break the JSON adapter: ids and keys that
 * are also names of `Object.prototype`.
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
