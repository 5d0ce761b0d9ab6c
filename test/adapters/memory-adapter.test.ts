import { expect } from '@open-wc/testing';
import { MemoryAdapter, textToHtml } from '../../src/adapters/json/memory-adapter.js';
import { JsonAdapter, type MagData } from '../../src/adapters/json/json-adapter.js';
import { SharedAdapter } from '../../src/core/shared-adapter.js';
import { rejection } from '../helpers/rejection.js';

const OPEN = 'pacte-avenir-bretagne';
const CLOSED = 'le-numerique-c-est-la-proximite';
let demo: MagData;


before(async () => {
  demo = (await (await fetch('/demo/data/le-mag.json')).json()) as MagData;
});

describe('MemoryAdapter', () => {
  it('posts an approved comment that the next listing and the count show', async () => {
    const adapter = new MemoryAdapter({ data: demo });
    const comment = await adapter.postComment(OPEN, { authorName: ' Gwen ', authorEmail: 'gwen@example.org', bodyText: 'Très juste.\n\nMerci <b>!</b>' });
    expect(comment.status).to.equal('approved');
    expect(comment.author).to.deep.equal({ name: 'Gwen' });
    expect(comment.bodyHtml).to.equal('<p>Très juste.</p><p>Merci &#60;b&#62;!&#60;/b&#62;</p>');
    expect(Number.isNaN(Date.parse(comment.published))).to.be.false;
    const page = await adapter.listComments(OPEN);
    expect(page.total).to.equal(4);
    expect(page.comments.at(-1)?.id).to.equal(comment.id);
    expect(JSON.stringify(page.comments)).not.to.contain('gwen@example.org');
    expect((await adapter.getArticle(OPEN)).commentCount).to.equal(4);
  });

  it('posts a reply with its parent and the author URL', async () => {
    const adapter = new MemoryAdapter({ data: demo });
    const reply = await adapter.postComment(OPEN, { authorName: 'Yann', authorUrl: 'https://example.org/yann', bodyText: 'Je réponds.', parentId: 'c-pacte-1' });
    expect(reply.parentId).to.equal('c-pacte-1');
    expect(reply.author.url).to.equal('https://example.org/yann');
    const ids = (await adapter.listComments(OPEN)).comments.map((c) => c.id);
    expect(ids).to.include(reply.id);
  });

  it('keeps comments pending (hidden) when the data asks for moderation', async () => {
    const adapter = new MemoryAdapter({ data: { ...demo, moderation: true } });
    const comment = await adapter.postComment(OPEN, { authorName: 'Gwen', bodyText: 'En attente.' });
    expect(comment.status).to.equal('pending');
    const page = await adapter.listComments(OPEN);
    expect(page.total).to.equal(3);
    expect(page.comments.map((c) => c.id)).not.to.include(comment.id);
  });

  it('rejects closed on an article whose comments are closed', async () => {
    const error = await rejection(new MemoryAdapter({ data: demo }).postComment(CLOSED, { authorName: 'A', bodyText: 'B' }));
    expect(error.code).to.equal('closed');
  });

  it('rejects not-found for an unknown article', async () => {
    expect((await rejection(new MemoryAdapter({ data: demo }).postComment('nope', { authorName: 'A', bodyText: 'B' }))).code).to.equal('not-found');
  });

  it('rejects an empty name or body, naming the field', async () => {
    const adapter = new MemoryAdapter({ data: demo });
    const noName = await rejection(adapter.postComment(OPEN, { authorName: '   ', bodyText: 'B' }));
    expect(noName.code).to.equal('rejected');
    expect(noName.field).to.equal('authorName');
    const noBody = await rejection(adapter.postComment(OPEN, { authorName: 'A', bodyText: '\n ' }));
    expect(noBody.code).to.equal('rejected');
    expect(noBody.field).to.equal('bodyText');
    const badParent = await rejection(adapter.postComment(OPEN, { authorName: 'A', bodyText: 'B', parentId: 'c-404' }));
    expect(badParent.field).to.equal('parentId');
  });

  it('rejects duplicate for the same text by the same author', async () => {
    const adapter = new MemoryAdapter({ data: demo });
    await adapter.postComment(OPEN, { authorName: 'Gwen', bodyText: 'Bravo !' });
    const error = await rejection(adapter.postComment(OPEN, { authorName: 'gwen', bodyText: '  Bravo !  ' }));
    expect(error.code).to.equal('duplicate');
    await adapter.postComment(OPEN, { authorName: 'Yann', bodyText: 'Bravo !' });
    expect((await adapter.listComments(OPEN)).total).to.equal(5);
  });

  it('does not change the data it was given, and each adapter keeps its own comments', async () => {
    const data = structuredClone(demo);
    const before = JSON.stringify(data);
    await new MemoryAdapter({ data }).postComment(OPEN, { authorName: 'A', bodyText: 'B' });
    expect(JSON.stringify(data)).to.equal(before);
    expect((await new MemoryAdapter({ data }).listComments(OPEN)).total).to.equal(3);
  });

  it('works through the shared adapter, which reloads the comments after a post', async () => {
    const shared = new SharedAdapter(new MemoryAdapter({ data: demo }));
    expect(shared.canPostComment).to.be.true;
    expect((await shared.listComments(OPEN)).total).to.equal(3);
    await shared.postComment(OPEN, { authorName: 'A', bodyText: 'B' });
    expect((await shared.listComments(OPEN)).total).to.equal(4);
  });

  it('is the only writable one: JsonAdapter has no postComment', () => {
    expect(typeof (new JsonAdapter({ data: demo }) as { postComment?: unknown }).postComment).to.equal('undefined');
    expect(new SharedAdapter(new JsonAdapter({ data: demo })).canPostComment).to.be.false;
  });

  it('rejects invalid-data like JsonAdapter when the data is broken', async () => {
    const error = await rejection(new MemoryAdapter({ data: { version: 1 } }).postComment(OPEN, { authorName: 'A', bodyText: 'B' }));
    expect(error.code).to.equal('invalid-data');
    expect(error.problems).to.deep.equal(['site: is required', 'articles: is required']);
  });
});

describe('textToHtml', () => {
  it('escapes HTML, makes paragraphs of blank-line blocks and <br> of single breaks', () => {
    expect(textToHtml('a & b\nc\r\n\r\n"d" \'e\'')).to.equal('<p>a &#38; b<br>c</p><p>&#34;d&#34; &#39;e&#39;</p>');
  });
});
