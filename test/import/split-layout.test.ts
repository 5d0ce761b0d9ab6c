import { expect } from '@open-wc/testing';
import { importMovableType } from '../../src/import/movable-type.js';
import { toSplitLayout, validateSplitFile, type SplitArticleFile, type SplitFile, type SplitIndex, type SplitSectionFile } from '../../src/import/split-layout.js';
import { validateData, type MagData } from '../../src/adapters/json/json-adapter.js';
import { fixtureText } from './helpers.js';

const OPTIONS = { timezone: 'Europe/Paris', now: '2026-01-01T00:00:00Z', lang: 'fr', siteTitle: 'Le Mag' };

const byPath = (files: SplitFile[]) => new Map(files.map((f) => [f.path, f.content]));

/** The single-file data a split layout holds: its index and article files put back together. */
function joinLayout(files: SplitFile[]): MagData {
  const map = byPath(files);
  const index = map.get('index.json') as SplitIndex;
  const articles = files.filter((f) => f.path.startsWith('articles/')).map((f) => f.content as SplitArticleFile);
  const comments: MagData['comments'] = {};
  for (const { article, comments: list } of articles) if (list.length) comments[article.id] = list;
  return {
    version: 1,
    site: index.site,
    sections: index.sections.map(({ articleCount: _count, ...section }) => section),
    articles: articles.map(({ article: { previous: _previous, next: _next, ...article } }) => article),
    comments,
    ...(index.about && { about: index.about }),
    ...(index.subscribe && { subscribe: index.subscribe }),
    ...(index.videos && { videos: index.videos }),
    ...(index.commentsPageSize !== undefined && { commentsPageSize: index.commentsPageSize }),
  };
}

describe('toSplitLayout', () => {
  let data: MagData;
  before(async () => {
    data = importMovableType(await fixtureText('le-mag.mt.txt'), { ...OPTIONS, keepPings: true }).data;
  });

  it('writes an index, one file per article and one per section', () => {
    const files = toSplitLayout(data);
    expect(files.map((f) => f.path)).to.deep.equal([
      'index.json',
      'articles/les-finances-locales-a-l-epreuve-de-la-crise.json',
      'articles/decentralisation-pour-une-nouvelle-etape.json',
      'articles/lutter-contre-le-gaspillage-alimentaire.json',
      'articles/le-numerique-c-est-la-proximite.json',
      'articles/un-vrai-pacte-d-avenir-pour-la-bretagne.json',
      'articles/les-marches-de-pays-coeur-battant-de-nos-communes.json',
      'sections/la-republique-des-territoires.json',
      'sections/politique.json',
      'sections/vie-locale.json',
    ]);
  });

  it('puts the site, the sections with their counts and the newest summaries in the index, no article', () => {
    const index = toSplitLayout(data, { recentLimit: 2 })[0].content as SplitIndex;
    expect(index).to.deep.equal({
      version: 1,
      layout: 'split',
      site: { title: 'Le Mag', homeUrl: './', lang: 'fr' },
      sections: [
        { name: 'La République des Territoires', slug: 'la-republique-des-territoires', url: '?section=la-republique-des-territoires', articleCount: 6 },
        { name: 'Politique', slug: 'politique', url: '?section=politique', articleCount: 3 },
        { name: 'Vie locale', slug: 'vie-locale', url: '?section=vie-locale', articleCount: 1 },
      ],
      articleCount: 6,
      recent: [
        {
          id: 'les-marches-de-pays-coeur-battant-de-nos-communes',
          title: 'Les marchés de pays, cœur battant de nos communes',
          url: '?article=les-marches-de-pays-coeur-battant-de-nos-communes',
          published: '2013-10-30T10:00:00+01:00',
          sections: ['La République des Territoires', 'Vie locale'],
          excerpt: 'Les marchés de pays font vivre nos bourgs et nos producteurs : ils méritent notre soutien.',
        },
        {
          id: 'un-vrai-pacte-d-avenir-pour-la-bretagne',
          title: "Un vrai pacte d'avenir pour la Bretagne",
          url: '?article=un-vrai-pacte-d-avenir-pour-la-bretagne',
          published: '2013-10-23T10:00:00+02:00',
          sections: ['La République des Territoires', 'Politique'],
          excerpt: "L'agroalimentaire breton traverse une crise grave : l'État et les collectivités doivent s'engager ensemble.",
        },
      ],
    });
    expect(toSplitLayout(data)[0].content).to.have.property('recent').with.length(6);
  });

  it('gives each article file the article, its previous and next articles and its comments', () => {
    const files = byPath(toSplitLayout(data));
    const file = files.get('articles/le-numerique-c-est-la-proximite.json') as SplitArticleFile;
    expect(file.version).to.equal(1);
    expect(file.layout).to.equal('split');
    const { previous, next, ...article } = file.article;
    expect(article).to.deep.equal(data.articles.find((a) => a.id === 'le-numerique-c-est-la-proximite'));
    expect(previous).to.deep.equal({ id: 'lutter-contre-le-gaspillage-alimentaire', title: 'Lutter contre le gaspillage alimentaire', url: '?article=lutter-contre-le-gaspillage-alimentaire' });
    expect(next).to.deep.equal({ id: 'un-vrai-pacte-d-avenir-pour-la-bretagne', title: "Un vrai pacte d'avenir pour la Bretagne", url: '?article=un-vrai-pacte-d-avenir-pour-la-bretagne' });
    expect(file.comments.map((c) => c.author.name)).to.deep.equal(['Dulucq']);
    const oldest = files.get('articles/les-finances-locales-a-l-epreuve-de-la-crise.json') as SplitArticleFile;
    expect(oldest.article).not.to.have.property('previous');
    expect(oldest.comments).to.deep.equal([]);
    const newest = files.get('articles/les-marches-de-pays-coeur-battant-de-nos-communes.json') as SplitArticleFile;
    expect(newest.article).not.to.have.property('next');
    expect(newest.comments.map((c) => c.id)).to.deep.equal(['p1']);
  });

  it('gives each section file the newest summaries of that section only', () => {
    const files = byPath(toSplitLayout(data, { recentLimit: 2 }));
    const politique = files.get('sections/politique.json') as SplitSectionFile;
    expect(politique.section).to.deep.equal({ name: 'Politique', slug: 'politique', url: '?section=politique' });
    expect(politique.articleCount).to.equal(3);
    expect(politique.recent.map((s) => s.id)).to.deep.equal(['un-vrai-pacte-d-avenir-pour-la-bretagne', 'le-numerique-c-est-la-proximite']);
    const locale = files.get('sections/vie-locale.json') as SplitSectionFile;
    expect(locale.recent.map((s) => s.id)).to.deep.equal(['les-marches-de-pays-coeur-battant-de-nos-communes']);
  });

  it('holds exactly the single-file data: put back together, it is the same and valid', () => {
    const joined = joinLayout(toSplitLayout(data));
    expect(validateData(joined)).to.deep.equal([]);
    expect(joined).to.deep.equal(data);
    const videos = [{ id: 'marche', title: 'Le marché', url: 'https://videos.example.org/w/marche', published: '2013-10-12T10:00:00+02:00', provider: 'peertube' }];
    expect(joinLayout(toSplitLayout({ ...data, videos }))).to.deep.equal({ ...data, videos });
  });

  it('writes files the adapter accepts, each checked by the schema of its kind', () => {
    for (const file of toSplitLayout(data, { recentLimit: 2 })) expect(validateSplitFile(file.path, file.content), file.path).to.deep.equal([]);
    const [index] = toSplitLayout(data);
    expect(validateSplitFile('index.json', { ...index.content, layout: undefined })).to.deep.equal(['layout: is required']);
    const file = structuredClone(toSplitLayout(data)[1].content as SplitArticleFile);
    expect(validateSplitFile('articles/autre.json', file)).to.deep.equal(['article.id: expected "autre" (the file\'s name), got string "les-finances-locales-a-l-epreuve-de-la-']);
    file.article.slug = 'autre';
    expect(validateSplitFile(`articles/${file.article.id}.json`, file)).to.deep.equal([
      'article.slug: expected "les-finances-locales-a-l-epreuve-de-la-crise" (in a split layout the slug is the id), got string "autre"',
    ]);
    expect(validateSplitFile('articles/Autre.json', {})[0]).to.contain('not a file of a split layout');
  });

  it("names an article's sections in its summaries as the index declares them", () => {
    const article = { id: 'a', title: 'A', published: '2020-01-01', bodyHtml: '', commentsOpen: true };
    const files = toSplitLayout({ version: 1, site: { title: 'T' }, sections: [{ name: 'Politique', slug: 'politique' }], articles: [{ ...article, sections: ['politique', 'POLITIQUE'] }] });
    expect((files[0].content as SplitIndex).recent[0].sections).to.deep.equal(['Politique']);
  });

  it('declares the sections an article names without declaring them', () => {
    const files = toSplitLayout({
      version: 1,
      site: { title: 'T' },
      articles: [{ id: 'a', title: 'A', published: '2020-01-01', bodyHtml: '', commentsOpen: true, sections: ['Hors liste', { name: 'Objet', url: '/objet/' }] }],
    });
    expect((files[0].content as SplitIndex).sections).to.deep.equal([
      { name: 'Hors liste', slug: 'hors-liste', articleCount: 1 },
      { name: 'Objet', url: '/objet/', slug: 'objet', articleCount: 1 },
    ]);
    expect(files.map((f) => f.path)).to.include.members(['sections/hors-liste.json', 'sections/objet.json']);
  });

  it('refuses ids that cannot name a file, and slugs other than the id', async () => {
    const demo = (await (await fetch('/demo/data/le-mag.json')).json()) as MagData;
    expect(() => toSplitLayout(demo)).to.throw('article "finances-locales" has another slug ("les-finances-locales-a-l-epreuve-de-la-crise"): in a split layout the slug is the id');
    const article = { title: 'A', published: '2020-01-01', bodyHtml: '', commentsOpen: true };
    expect(() => toSplitLayout({ version: 1, site: { title: 'T' }, articles: [{ ...article, id: '../index' }] })).to.throw('article id "../index" cannot name a file');
    expect(() => toSplitLayout({ version: 1, site: { title: 'T' }, articles: [{ ...article, id: 'Majuscule' }] })).to.throw('cannot name a file');
  });
});
