import { expect } from '@open-wc/testing';
import { JsonAdapter, type MagData } from '../../src/adapters/json/json-adapter.js';
import { MemoryAdapter } from '../../src/adapters/json/memory-adapter.js';
import { folderOf } from '../../src/adapters/json/split-store.js';
import type { MagAdapterError } from '../../src/core/errors.js';
import { SharedAdapter } from '../../src/core/shared-adapter.js';
import type { MagAdapter } from '../../src/core/model.js';
import { importMovableType } from '../../src/import/movable-type.js';
import { toSplitLayout, type SplitArticleFile, type SplitIndex } from '../../src/import/split-layout.js';
import { fixtureText } from '../import/helpers.js';
import { rejection } from '../helpers/rejection.js';
import { filesOf, serveFiles, withSlugsAsIds, type ServedFolder } from '../helpers/served-files.js';

const NUMERIQUE = 'le-numerique-c-est-la-proximite';
const PACTE = 'un-vrai-pacte-d-avenir-pour-la-bretagne';
const IMPORT_OPTIONS = { timezone: 'Europe/Paris', now: '2026-01-01T00:00:00Z', lang: 'fr', siteTitle: 'Le Mag', keepPings: true };

let demo: MagData;
let imported: MagData;
const served: ServedFolder[] = [];

/** Serves the split layout of `data` (or other files) and remembers to remove it. */
async function serve(files: Record<string, unknown>): Promise<ServedFolder> {
  const folder = await serveFiles(files);
  served.push(folder);
  return folder;
}

const serveLayout = (data: MagData, recentLimit?: number) => serve(filesOf(toSplitLayout(data, { recentLimit })));

/** A copy of the demo's split files, to break one of them. */
const demoFiles = () => structuredClone(filesOf(toSplitLayout(demo))) as Record<string, unknown> & { 'index.json': SplitIndex };

/** Every page of an article's comments. */
async function allPages(adapter: MagAdapter, id: string) {
  const pages = [await adapter.listComments(id)];
  while (pages.at(-1)!.nextCursor) pages.push(await adapter.listComments(id, { cursor: pages.at(-1)!.nextCursor }));
  return pages;
}

/** The paths requested, in order. */
const paths = async (folder: ServedFolder) => (await folder.requests()).map((r) => r.path);

before(async () => {
  demo = withSlugsAsIds((await (await fetch('/demo/data/le-mag.json')).json()) as MagData);
  imported = importMovableType(await fixtureText('le-mag.mt.txt'), IMPORT_OPTIONS).data;
});

after(async () => {
  await Promise.all(served.map((folder) => folder.remove()));
});

for (const [name, data] of [
  ['the demo data', () => demo],
  ["the importer's fixture (le-mag.mt.txt)", () => imported],
] as const) {
  describe(`JsonAdapter, split layout: answers as the single data file does, for ${name}`, () => {
    let single: JsonAdapter;
    let split: JsonAdapter;
    before(async () => {
      single = new JsonAdapter({ data: data(), pageSize: 1 });
      split = new JsonAdapter({ url: (await serveLayout(data())).url, pageSize: 1 });
    });

    it('gives every article with its sections, previous / next, comment count and home URL', async () => {
      for (const { id } of data().articles) expect(await split.getArticle(id), id).to.deep.equal(await single.getArticle(id));
    });

    it("gives every article's comments, in the same order and pages", async () => {
      for (const { id } of data().articles) expect(await allPages(split, id), id).to.deep.equal(await allPages(single, id));
    });

    it('gives the recent lists: all, limited, and by section (name in any case, slug, name written as a slug)', async () => {
      expect(await split.listRecent()).to.deep.equal(await single.listRecent());
      expect(await split.listRecent({ limit: 2 })).to.deep.equal(await single.listRecent({ limit: 2 }));
      for (const section of ['Politique', 'politique', 'LA RÉPUBLIQUE DES TERRITOIRES', 'la-republique-des-territoires', 'Vie locale', 'vie-locale', 'Nowhere']) {
        expect(await split.listRecent({ section }), section).to.deep.equal(await single.listRecent({ section }));
        expect(await split.listRecent({ section, limit: 1 }), section).to.deep.equal(await single.listRecent({ section, limit: 1 }));
      }
    });

    it('gives the about boxes and the subscribe endpoint', async () => {
      // A box, or the code of the rejection (the fixture has no boxes).
      const about = (adapter: MagAdapter, key?: string) => adapter.getAbout!(key).catch((error: MagAdapterError) => error.code);
      for (const key of [undefined, 'nobody', ...Object.keys(data().about ?? {})]) expect(await about(split, key), key).to.deep.equal(await about(single, key));
      expect(await about(split, 'nobody')).to.equal('not-found');
      await split.ready();
      expect(typeof split.subscribe).to.equal(typeof single.subscribe);
    });

    it('gives the videos, newest first, all or limited', async () => {
      expect(await split.listVideos()).to.deep.equal(await single.listVideos());
      expect(await split.listVideos({ limit: 1 })).to.deep.equal(await single.listVideos({ limit: 1 }));
      expect((await split.listVideos()).length).to.equal(data().videos?.length ?? 0);
    });

    it('passes the checks of the shared adapter the provider wraps it in', async () => {
      const shared = new SharedAdapter(split);
      const [first] = data().articles;
      await shared.getArticle(first.id);
      await shared.listComments(first.id);
      await shared.listRecent({ section: 'politique' });
    });
  });
}

describe('JsonAdapter, split layout: what it fetches', () => {
  it('finds the folder of the data file: its URL without query, fragment and file name', () => {
    expect(folderOf('https://example.test/data/index.json?v=2#top')).to.equal('https://example.test/data/');
    expect(folderOf('data/index.json?from=/other/')).to.equal('data/');
    expect(folderOf('index.json')).to.equal('');
    const long = `https://example.test/${'a'.repeat(200_000)}/index.json`;
    expect(folderOf(long)).to.equal(long.slice(0, -'index.json'.length));
  });

  it('reads index.json for the recent list, the about boxes and the videos, then only the file of the article asked for', async () => {
    const folder = await serveLayout(demo);
    const adapter = new JsonAdapter({ url: folder.url });
    await adapter.listRecent();
    await adapter.getAbout('author');
    expect(await adapter.listVideos()).to.have.length(demo.videos!.length);
    expect(await paths(folder)).to.deep.equal(['index.json']);
    await Promise.all([adapter.getArticle(NUMERIQUE), adapter.listComments(NUMERIQUE), adapter.getArticle(NUMERIQUE)]);
    await adapter.listComments(NUMERIQUE);
    expect(await paths(folder)).to.deep.equal(['index.json', `articles/${NUMERIQUE}.json`]);
  });

  it("reads a section's file for that section's recent list, once", async () => {
    const folder = await serveLayout(demo);
    const adapter = new JsonAdapter({ url: folder.url });
    expect((await adapter.listRecent({ section: 'Politique' })).map((s) => s.id)).to.deep.equal([PACTE, NUMERIQUE, 'decentralisation-pour-une-nouvelle-etape']);
    await adapter.listRecent({ section: 'politique', limit: 1 });
    expect(await paths(folder)).to.deep.equal(['index.json', 'sections/politique.json']);
  });

  it('gives at most the summaries the index holds, and a section its own file holds', async () => {
    const folder = await serveLayout(demo, 2);
    const adapter = new JsonAdapter({ url: folder.url });
    expect((await adapter.listRecent({ limit: 5 })).map((s) => s.id)).to.deep.equal(['les-marches-de-pays-coeur-battant-de-nos-communes', PACTE]);
    expect((await adapter.listRecent({ section: 'politique', limit: 5 })).map((s) => s.id)).to.deep.equal([PACTE, NUMERIQUE]);
  });

  it('reads a URL naming index.json itself as a split layout, by its "layout" field', async () => {
    const folder = await serveLayout(demo);
    const adapter = new JsonAdapter({ url: `${folder.url}index.json` });
    expect((await adapter.getArticle(NUMERIQUE)).next?.id).to.equal(PACTE);
    expect(await paths(folder)).to.deep.equal(['index.json', `articles/${NUMERIQUE}.json`]);
  });

  it('reads a data file given as a folder’s index.json (no "layout") as a single data file', async () => {
    const folder = await serve({ 'index.json': demo });
    const adapter = new JsonAdapter({ url: folder.url });
    expect((await adapter.getArticle(NUMERIQUE)).title).to.equal("Le numérique, c'est la proximité");
    expect(await paths(folder)).to.deep.equal(['index.json']);
  });

  it('loads each file once for calls made at the same time, and keeps it', async () => {
    const folder = await serveLayout(demo);
    const adapter = new JsonAdapter({ url: folder.url });
    await Promise.all([adapter.getArticle(PACTE), adapter.listComments(PACTE), adapter.getAbout(), adapter.listRecent({ section: 'politique' }), adapter.listRecent({ section: 'Politique' })]);
    await adapter.getArticle(PACTE);
    expect((await paths(folder)).sort()).to.deep.equal(['articles/un-vrai-pacte-d-avenir-pour-la-bretagne.json', 'index.json', 'sections/politique.json']);
  });

  it('does not keep a failed load: a retry fetches the file again', async () => {
    const files = demoFiles();
    const good = files[`articles/${NUMERIQUE}.json`];
    const folder = await serve({ ...files, 'index.json': '{"version": 1,', [`articles/${NUMERIQUE}.json`]: '{' });
    const adapter = new JsonAdapter({ url: folder.url });
    expect((await rejection(adapter.getArticle(NUMERIQUE))).code).to.equal('invalid-data');
    await folder.replace({ ...files, [`articles/${NUMERIQUE}.json`]: '{' });
    expect((await rejection(adapter.getArticle(NUMERIQUE))).message).to.contain(`articles/${NUMERIQUE}.json is not valid JSON`);
    await folder.replace({ ...files, [`articles/${NUMERIQUE}.json`]: good });
    expect((await adapter.getArticle(NUMERIQUE)).id).to.equal(NUMERIQUE);
    expect(await paths(folder)).to.deep.equal([`articles/${NUMERIQUE}.json`]);
  });

  it('rejects aborted for an aborted call, and goes on for the others', async () => {
    const folder = await serveLayout(demo);
    const adapter = new JsonAdapter({ url: folder.url });
    await adapter.ready();
    const controller = new AbortController();
    const aborted = adapter.getArticle(NUMERIQUE, { signal: controller.signal });
    const other = adapter.listComments(NUMERIQUE);
    controller.abort();
    expect((await rejection(aborted)).code).to.equal('aborted');
    expect((await other).total).to.equal(1);
    expect((await rejection(adapter.getArticle(PACTE, { signal: AbortSignal.abort() }))).code).to.equal('aborted');
  });

  it('lets MemoryAdapter take comments on an article of a split layout', async () => {
    const files = demoFiles();
    (files[`articles/${PACTE}.json`] as SplitArticleFile).article.commentsOpen = true;
    const adapter = new MemoryAdapter({ url: (await serve(files)).url });
    const posted = await adapter.postComment(PACTE, { authorName: 'Lectrice', bodyText: 'Merci.' });
    const { comments } = await adapter.listComments(PACTE);
    expect(comments.at(-1)).to.deep.equal(posted);
    expect((await adapter.getArticle(PACTE)).commentCount).to.equal(comments.length);
  });
});

describe('JsonAdapter, split layout: errors', () => {
  it('rejects every call with invalid-data naming index.json and each problem of a malformed index', async () => {
    const files = demoFiles();
    const index = files['index.json'];
    index.recent[1].published = '16 oct';
    delete (index as Partial<SplitIndex>).articleCount;
    index.sections[1].name = 'la république des territoires';
    const folder = await serve(files);
    const adapter = new JsonAdapter({ url: folder.url });
    for (const call of [() => adapter.getArticle(NUMERIQUE), () => adapter.listRecent(), () => adapter.getAbout()]) {
      const error = await rejection(call());
      expect(error.code).to.equal('invalid-data');
      expect(error.problems).to.deep.equal([
        'articleCount: is required',
        'recent[1].published: expected an ISO 8601 date, got string "16 oct"',
        'sections[1].name: duplicate section "la république des territoires" (already declared by sections[0])',
      ]);
      expect(error.message).to.match(new RegExp(`^The data file ${folder.url}index\\.json is not valid: articleCount: is required; recent\\[1\\]`));
    }
    expect(await paths(folder)).to.deep.equal(['index.json', 'index.json', 'index.json']);
  });

  it('rejects the calls for an article with a malformed file with invalid-data naming that file; the rest works', async () => {
    const files = demoFiles();
    const file = files[`articles/${PACTE}.json`] as SplitArticleFile;
    file.article.id = file.article.slug = 'pacte';
    (file.article as Partial<SplitArticleFile['article']>).title = undefined;
    file.comments[1].parentId = 'c-404';
    const folder = await serve(files);
    const adapter = new JsonAdapter({ url: folder.url });
    for (const call of [() => adapter.getArticle(PACTE), () => adapter.listComments(PACTE)]) {
      const error = await rejection(call());
      expect(error.code).to.equal('invalid-data');
      expect(error.message).to.contain(`The data file ${folder.url}articles/${PACTE}.json is not valid: `);
      expect(error.problems).to.deep.equal([
        'article.title: is required',
        `article.id: expected "${PACTE}" (the file's name), got string "pacte"`,
        'comments[1].parentId: no comment of this article has the id "c-404"',
      ]);
    }
    expect((await adapter.getArticle(NUMERIQUE)).id).to.equal(NUMERIQUE);
    expect(await adapter.listRecent()).to.have.length(6);
  });

  it('rejects not-found for an article without a file, and for an id that cannot name one without asking', async () => {
    const folder = await serveLayout(demo);
    const adapter = new JsonAdapter({ url: folder.url });
    const missing = await rejection(adapter.getArticle('nulle-part'));
    expect(missing.code).to.equal('not-found');
    expect(missing.status).to.equal(404);
    expect(missing.message).to.equal(`No article has the id or slug "nulle-part": ${folder.url}articles/nulle-part.json was not found (HTTP 404).`);
    expect((await rejection(adapter.listComments('nulle-part'))).code).to.equal('not-found');
    for (const ref of ['../index', 'Le-Numerique', 'pacte avenir', '']) {
      const error = await rejection(adapter.getArticle(ref));
      expect(error.code, ref).to.equal('not-found');
      expect(error.message).to.contain("an article's id is made of a-z, 0-9, - and _");
    }
    expect(await paths(folder)).to.deep.equal(['index.json', 'articles/nulle-part.json', 'articles/nulle-part.json']);
  });

  it("rejects a section's list naming its file when the file is missing or malformed", async () => {
    const files = demoFiles();
    delete files['sections/politique.json'];
    const section = files['sections/vie-locale.json'] as { section: { slug: string } };
    section.section.slug = 'locale';
    const folder = await serve(files);
    const adapter = new JsonAdapter({ url: folder.url });
    const missing = await rejection(adapter.listRecent({ section: 'politique' }));
    expect(missing.code).to.equal('not-found');
    expect(missing.message).to.equal(`The data file ${folder.url}sections/politique.json was not found (HTTP 404).`);
    const wrong = await rejection(adapter.listRecent({ section: 'vie-locale' }));
    expect(wrong.code).to.equal('invalid-data');
    expect(wrong.problems).to.deep.equal(['section.slug: expected "vie-locale" (the file\'s name), got string "locale"']);
  });

  it('rejects not-found naming index.json when the folder has none', async () => {
    const folder = await serve({});
    const error = await rejection(new JsonAdapter({ url: folder.url }).listRecent());
    expect(error.code).to.equal('not-found');
    expect(error.message).to.equal(`The data file ${folder.url}index.json was not found (HTTP 404).`);
  });

  it('refuses an index given as data: its other files cannot be found without its URL', async () => {
    const error = await rejection(new JsonAdapter({ data: demoFiles()['index.json'] }).listRecent());
    expect(error.code).to.equal('unsupported');
    expect(error.message).to.contain('is the index of a split layout');
  });
});
